#pragma once
// The reference date (`as_of`) on a time axis: a dashed line at the as-of instant (the end of
// the period as_of covers, model/time.hpp) labelled "기준일 2024년 6월 30일", alike on every
// axis, horizontal or vertical, timeline or chart.
#include <optional>
#include <vector>

#include "layout/axis.hpp"
#include "layout/context.hpp"
#include "scale/time_scale.hpp"

namespace factline::layout {

// Where the as-of line stands on a scale, px; none without as_of.
std::optional<double> as_of_position(const Context& ctx, const scale::TimeScale& scale);

// The height of a horizontal axis band from x0 to x1 on `scale`: its tick row, and a second row
// when the as-of label fits nowhere in the tick row without covering a tick.
double time_axis_band_height(const Context& ctx, const scale::TimeScale& scale, double x0, double x1);

// Across a horizontal axis band (as high as time_axis_band_height): the line from y0 to y1 (into
// `lines`), and the label (into `labels`) in the tick row beside the line, right of it or else
// left, where it covers no tick mark or label; otherwise in the second row, right of the line
// or left when it would run off the band. A reader thus finds every tick, every year boundary
// among them. Returns the label's box grown by the band's padding, for the tick marks to stop
// short of. Nothing without as_of, or when it falls outside the band (a chart whose dates end
// before it).
std::optional<Rect> add_as_of_mark(const Context& ctx, const scale::TimeScale& scale, const AxisBand& band, double y0,
                                   double y1, std::vector<scene::Item>& lines, std::vector<scene::Item>& labels);

// The as-of label's width on one line, and its widest word's; 0 without as_of.
double as_of_label_width(const Context& ctx, bool widest_word = false);

// Across a vertical axis: the line from x0 to x1, broken where the tick labels stand (from
// label_x + max_width to resume_x), and the label just under it from label_x, wrapped at
// max_width (into `items`). Returns the label's box; nothing without as_of.
std::optional<Rect> add_vertical_as_of_mark(const Context& ctx, const scale::TimeScale& scale, double x0, double x1,
                                            double label_x, double max_width, double resume_x,
                                            std::vector<scene::Item>& items);

}  // namespace factline::layout
