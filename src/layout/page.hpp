#pragma once
// A composite page (`panels:`): the fact file's header, then each panel under its heading — the
// timeline of the events, charts — on one page width with their plot areas between the same
// left and right edges, then one footer. Panels with time axes share one time range unless the
// fact file says `share_time: false`.
#include "layout/timeline/timeline.hpp"

namespace factline::layout {

LayoutResult layout_page(const model::Document& doc, const text::TextShaper& shaper);

// Whatever the fact file is: a composite page, a chart page or a timeline.
LayoutResult layout_document(const model::Document& doc, const text::TextShaper& shaper);

}  // namespace factline::layout
