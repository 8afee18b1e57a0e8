#pragma once
// A timeline at a level of detail (docs/design.md, "Level of detail"), horizontal (in swimlanes
// when grouped with spans) or vertical: the page keeps its width and a height budget; the labels
// that fit are chosen by label_selection (importance, then spread over time); every other event
// still shows, in a cluster mark ("+37") on the label nearest it or in the density strip along
// the axis; the body says how many are labelled.
#include <optional>

#include "layout/axis.hpp"
#include "layout/context.hpp"
#include "layout/timeline/body.hpp"
#include "layout/timeline/timeline_input.hpp"

namespace factline::layout {

// `max_height`: the body's height budget, px. `vertical`: time runs down, labels in columns
// right of the axis (insets do not apply). Nothing (with an error) when the importance-5 events
// cannot all be labelled.
std::optional<Body> layout_detail(const Context& ctx, const TimelineInput& in, AxisInsets insets, double max_height,
                                  bool vertical = false);

}  // namespace factline::layout
