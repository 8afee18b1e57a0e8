#pragma once
// A timeline page: the header, the timeline body (horizontal with two-sided flags, swimlanes, or
// vertical, whichever reads best) and the footer.
#include <optional>
#include <utility>

#include "core/diagnostic.hpp"
#include "layout/timeline/horizontal.hpp"
#include "model/document.hpp"
#include "scene/scene.hpp"
#include "text/text_shaper.hpp"

namespace factline::layout {

struct LayoutResult {
  scene::Scene scene;
  Diagnostics diagnostics;  // warnings such as characters no font can draw
};

LayoutResult layout_timeline(const model::Document& doc, const text::TextShaper& shaper);

// For composite pages: the timeline's body alone, positioned from y = 0.
struct TimelineFrame {
  AxisInsets insets;  // room beside a horizontal time axis, to line it up with charts
  // A shared time range (axis domain, days): horizontal, without axis breaks.
  std::optional<std::pair<calendar::Days, calendar::Days>> domain;
};
// nullopt when the events cannot be placed horizontally on the widest page allowed (then
// report_too_dense says so).
std::optional<Body> layout_timeline_body(const Context& ctx, const TimelineFrame& frame = {});
void report_too_dense(const model::Document& doc, Diagnostics& out);

}  // namespace factline::layout
