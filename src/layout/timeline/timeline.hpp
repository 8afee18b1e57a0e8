#pragma once
// A timeline's body for a page: horizontal with two-sided flags, swimlanes, or vertical,
// whichever reads best.
#include <limits>
#include <optional>
#include <utility>

#include "core/diagnostic.hpp"
#include "layout/axis.hpp"
#include "layout/context.hpp"
#include "layout/timeline/body.hpp"

namespace factline::layout {

struct TimelineFrame {
  AxisInsets insets;  // room beside a horizontal time axis, to line it up with charts
  // A shared time range (axis domain, days): horizontal, without axis breaks.
  std::optional<std::pair<calendar::Days, calendar::Days>> domain;
  // The body's height budget, px, under `detail: auto` or N: a horizontal timeline that would
  // be taller (or wider than the page) is drawn at a level of detail instead.
  double max_height = std::numeric_limits<double>::infinity();
};
// The timeline's body alone, positioned from y = 0; nullopt when the events cannot be placed
// horizontally on the widest page allowed (then report_too_dense says so).
std::optional<Body> layout_timeline_body(const Context& ctx, const TimelineFrame& frame = {});
// Whether every event labelled surely makes a vertical timeline, known before any layout: it is
// asked for, or, orientation left to factline, the point events' stems alone (stem_spacing
// apart) are wider than the page in one lane and in swimlanes, so horizontal would widen it.
bool surely_vertical(const Context& ctx, const TimelineFrame& frame = {});
void report_too_dense(const model::Document& doc, Diagnostics& out);

}  // namespace factline::layout
