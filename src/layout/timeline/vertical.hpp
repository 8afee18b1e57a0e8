#pragma once
// The vertical timeline body: time runs down a vertical axis, tick labels on its left, span bars
// beside it, and one column of labels on the right, stacked as close to their dates as they can
// be (isotonic regression), joined by leaders that never cross. It always succeeds: it only
// grows the page downward.
#include "layout/timeline/horizontal.hpp"

namespace factline::layout {

// The width labels wrap at in a vertical layout on a page of this context's width.
double vertical_label_width(const Context& ctx);

Body layout_vertical(const Context& ctx, const TimelineInput& in);

// The height of layout_vertical's axis, from its top, for labels `stacked` tall in all (their
// heights and gaps, estimated): stretched as the layout stretches it until every run of markers
// fits between its ticks. No label is shaped (`in` may have no blocks).
double vertical_axis_estimate(const Context& ctx, const TimelineInput& in, double stacked);

}  // namespace factline::layout
