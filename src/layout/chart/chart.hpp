#pragma once
// Charts: bars (vertical columns or horizontal bars, grouped or stacked) and lines (dates or
// categories, with gaps, direct labels, an optional area, and the fact file's events on the
// time axis). A chart body is laid out inside a frame the caller chooses, so a composite page
// can line several up under one header on one time axis.
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "calendar/date.hpp"
#include "layout/axis.hpp"
#include "layout/context.hpp"
#include "model/chart.hpp"
#include "scale/time_scale.hpp"

namespace factline::layout {

// Room a chart needs beside its plot area: value-axis tick labels (or horizontal bars'
// category labels) on the left, end-of-line labels (or bars' value labels) on the right.
AxisInsets chart_insets(const Context& ctx, const model::Chart& chart);

struct ChartFrame {
  double plot_left = 0, plot_right = 0;  // the plot area's x-extent on the page, px
  // A shared time axis for a date chart (composite pages): used as is, px included; else the
  // chart builds its own from its dates (and events).
  std::optional<scale::TimeScale> time_scale;
};

struct ChartBody {
  std::vector<scene::Item> items;  // positioned from y = 0
  double height = 0;
};
ChartBody layout_chart_body(const Context& ctx, const model::Chart& chart, const ChartFrame& frame);

// The chart's name (`name`, else its value axis's title) and its values as text, written as
// its labels and ticks write them.
scene::ChartInfo chart_info(const Context& ctx, const model::Chart& chart, std::string_view name);

// The days a date chart covers (its x dates, and the days the events it shows cover, an ongoing
// span's to where it is drawn), first..end exclusive, for sharing a time range. At least a day
// ({0, 1} for a chart without dates).
std::pair<calendar::Days, calendar::Days> chart_time_extent(const Context& ctx, const model::Chart& chart);

}  // namespace factline::layout
