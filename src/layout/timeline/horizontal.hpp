#pragma once
// The horizontal timeline body: label flags above and below an axis band (or above only, with
// spans packed into lanes below), everything measured from y = 0.
#include <optional>
#include <vector>

#include "layout/axis.hpp"
#include "layout/context.hpp"
#include "layout/timeline/body.hpp"
#include "layout/timeline/timeline_input.hpp"

namespace factline::layout {

// nullopt when the events cannot be placed within the widest page allowed. With `swimlanes`,
// each group (and the ungrouped events) gets its own labelled lane.
std::optional<Body> layout_horizontal(const Context& ctx, const TimelineInput& in, bool swimlanes,
                                      AxisInsets insets = {});

}  // namespace factline::layout
