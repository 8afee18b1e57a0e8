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
  // A timeline under `detail: all` taller than a page (its height, else 3× its width): the same
  // events on consecutive pages, each a stretch of the time axis under the header with its dates
  // and number. Each page's scene.events (and its items' `event`) are that page's events only.
  // Empty when `scene` is one page. `scene` is the whole timeline still (JSON, HTML).
  std::vector<scene::Scene> pages;
};

// Whatever the fact file is: a composite page (`panels:`), a chart page or a timeline. With the
// fact file's text (`source`), a warning about a character points at the character itself.
LayoutResult layout_document(const model::Document& doc, const text::TextShaper& shaper,
                             std::string_view source = {});

}  // namespace factline::layout
