#pragma once
// What the chart files share (layout/chart.hpp is the public side): series colours, the
// legend-or-direct-labels choice, the category axis, and each chart type's body.
#include <optional>
#include <utility>
#include <vector>

#include "layout/chart/chart.hpp"
#include "layout/chart/value_axis.hpp"
#include "layout/furniture.hpp"

namespace factline::layout {

// The series' own colour, else the theme's palette by series order.
Color series_color(const Context& ctx, const model::Chart& chart, std::size_t series);
// A legend of the series (for charts that cannot label them directly) from y; returns the y
// below it.
double add_series_legend(const Context& ctx, const model::Chart& chart, scene::MarkerShape shape, double y,
                         std::vector<scene::Item>& items);

// Every present value's range (stacked: each category's positive and negative sums).
struct ValueRange {
  double lo = 1, hi = 0;  // lo > hi: no values
};
ValueRange value_range(const model::Chart& chart, bool stacked);

// Category labels under evenly spaced slots of width `slot` centred at xs, from y, each wrapped
// to its slot and kept within the plot's x-extent; when one would not fit (a word wider than
// its slot, or more than two lines), only every k-th is shown, k the least that fits. Returns
// the y below them.
double add_category_labels(const Context& ctx, const model::Chart& chart, const std::vector<double>& xs,
                           double slot, const ChartFrame& frame, double y, std::vector<scene::Item>& items);
// Whether every category label fits under a column `slot` px wide.
bool category_labels_fit(const Context& ctx, const model::Chart& chart, double slot, int every = 1);

// The x title centred under the plot, from y; returns the y below it.
double add_x_title(const Context& ctx, const model::Chart& chart, const ChartFrame& frame, double y,
                   std::vector<scene::Item>& items);

AxisInsets bar_insets(const Context& ctx, const model::Chart& chart);
ChartBody layout_bars(const Context& ctx, const model::Chart& chart, const ChartFrame& frame);
AxisInsets line_insets(const Context& ctx, const model::Chart& chart);
ChartBody layout_lines(const Context& ctx, const model::Chart& chart, const ChartFrame& frame);

// Whether a bar chart draws horizontal bars (auto: when a category label would not fit under
// its column).
bool horizontal_bars(const Context& ctx, const model::Chart& chart);
// Whether the chart draws the fact file's events on its time axis.
bool shows_events(const model::Document& doc, const model::Chart& chart);

// Event labels above a date chart's plot, one-sided flags off its rules.
struct ChartEvents {
  std::vector<scene::Item> labels;  // positioned with the zone's bottom (the plot's top) at y = 0
  std::vector<double> xs, stems, label_tops;  // per shown event, in time order
  std::vector<int> events;                    // their indices in the fact file
  std::vector<std::optional<std::pair<double, double>>> periods;  // a span's or era's x-range
  double height = 0;                          // the zone above the plot they need
};
ChartEvents place_chart_events(const Context& ctx, const scale::TimeScale& scale, double right_edge);
// The rules: from the plot's bottom up to each label; the zone's bottom is at zone_bottom (the
// plot's top, or above the value axis's title between them). Spans and eras also get a faint
// band across the plot for their whole period (into `bands`).
void add_event_rules(const Context& ctx, const ChartEvents& ev, double zone_bottom, double plot_top,
                     double plot_bottom, std::vector<scene::Item>& bands, std::vector<scene::Item>& items);

}  // namespace factline::layout
