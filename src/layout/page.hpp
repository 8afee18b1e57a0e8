#pragma once
// The one page builder. A page is the fact file's header, then its panels — the timeline of its
// events, charts — each under its heading, on one page width with their plot areas between the
// same left and right edges, then one footer. A timeline page and a chart page are pages of one
// untitled panel. Panels with time axes share one time range unless the fact file says
// `share_time: false`.
#include "core/diagnostic.hpp"
#include "model/document.hpp"
#include "scene/scene.hpp"
#include "text/text_shaper.hpp"

namespace factline::layout {

struct LayoutResult {
  scene::Scene scene;
  Diagnostics diagnostics;  // warnings such as characters no font can draw
};

// Whatever the fact file is: a composite page (`panels:`), a chart page or a timeline. With the
// fact file's text (`source`), a warning about a character points at the character itself.
LayoutResult layout_document(const model::Document& doc, const text::TextShaper& shaper,
                             std::string_view source = {});

}  // namespace factline::layout
