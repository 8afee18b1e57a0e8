#pragma once
// A chart's keys (the `chart:` mapping, or a chart panel) → model::Chart, with its data from
// inline rows or a CSV file. docs/charts.md describes the format.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"
#include "model/chart.hpp"
#include "load/node_reader.hpp"

namespace factline::load {

inline constexpr std::size_t max_series = 50;
inline constexpr std::size_t max_bars = 10'000;            // x values of a bar chart
inline constexpr std::size_t max_line_points = 1'000'000;  // x values of a line chart

// Reads the chart in `map`, whose keys the caller has checked (chart_keys(), or panel_keys()
// for a panel) and whose `type` it has read. `what` names the mapping in messages ("the chart",
// "a panel"); data paths are relative to the folder of `fact_file` (as the user named it, "-"
// for standard input). `events_default` is Chart::events when the key is absent. Nothing when
// there were errors (all reported). The data file it names is added to `files`.
std::optional<model::Chart> parse_chart(const YamlNode& map, std::string_view what, model::ChartType type,
                                        bool events_default, const std::string& fact_file, NodeReader& read,
                                        Diagnostics& out, std::vector<std::string>& files);

}  // namespace factline::load
