#pragma once
// The vertical timeline body: time runs down a vertical axis, tick labels on its left, span bars
// beside it, and one column of labels on the right, stacked as close to their dates as they can
// be (isotonic regression), joined by leaders that never cross. It always succeeds: it only
// grows the page downward.
#include "layout/timeline/horizontal.hpp"

namespace factline::layout {

// A vertical time axis at x from y0 to y1: the line with its breaks, the ticks and their labels
// in the gutter on its left (each left out where it would crowd the one before), and the as-of
// line from the left margin across to as_of_end with its label in the gutter.
struct VerticalAxis {
  double x = 0, y0 = 0, y1 = 0;
  double as_of_end = 0;
  double era_width = 0;  // the era column left of the gutter
};
void add_vertical_axis(const Context& ctx, const scale::TimeScale& sc, const VerticalAxis& axis,
                       std::vector<scene::Item>& items);
// The labelled ticks of a vertical axis at axis_x, in order: each tick's y and its label.
std::vector<std::pair<double, scene::Item>> vertical_ticks(const Context& ctx, const scale::TimeScale& sc, double axis_x);
// The gutter's width: the widest tick label, its mark and the as-of label's column.
double vertical_tick_gutter(const Context& ctx, const scale::TimeScale& sc);

// The width labels wrap at in a vertical layout on a page of this context's width.
double vertical_label_width(const Context& ctx);

Body layout_vertical(const Context& ctx, const TimelineInput& in);

// The height of layout_vertical's axis, from its top, for labels `stacked` tall in all (their
// heights and gaps, estimated): stretched as the layout stretches it until every run of markers
// fits between its ticks. No label is shaped (`in` may have no blocks).
double vertical_axis_estimate(const Context& ctx, const TimelineInput& in, double stacked);

}  // namespace factline::layout
