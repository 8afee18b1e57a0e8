#pragma once
// The one page builder. A page is the fact file's header, then its panels — the timeline of its
// events, charts — each under its heading, on one page width with their plot areas between the
// same left and right edges, then one footer. A timeline page and a chart page are pages of one
// untitled panel. Panels with time axes share one time range unless the fact file says
// `share_time: false`.
#include <algorithm>
#include <cstddef>
#include <optional>

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
  // and number, each but the last as tall as a page. Each page's scene.events (and its items' `event`) are
  // that page's events only. Empty when `scene` is one page. `scene` is the whole timeline (JSON,
  // HTML), or, laid out without `whole`, the first page.
  std::vector<scene::Scene> pages;
  // What laying out cost, in events (eras aside) given to the page builder: summed over every
  // page laid out (the whole timeline is one; a page laid out again with fewer events counts
  // again), and the most in one. `most` below the event count: the whole was never laid out.
  struct Cost {
    std::size_t events = 0, most = 0;
    void add(std::size_t n) { events += n, most = std::max(most, n); }
  } cost;
};

// Whatever the fact file is: a composite page (`panels:`), a chart page or a timeline. With the
// fact file's text (`source`), a warning about a character points at the character itself.
// `whole`: a paged timeline's whole scene is wanted too (JSON, HTML); without it, only its pages
// are laid out.
LayoutResult layout_document(const model::Document& doc, const text::TextShaper& shaper,
                             std::string_view source = {}, bool whole = true);

struct PageSize {
  double width = 0;
  double height = 0;   // every page but the last; 0 when the timeline may fit one page
  double tallest = 0;  // a page of one event whose label alone is taller than a page (estimated,
                       // short rather than long), else 0
  int tallest_event = -1;
};
// What a `detail: all` timeline's pages will surely be, known before layout, so that an output
// that cannot hold one is refused before anything is laid out: the size of every page but the
// last when it will surely be paged (its labels' estimated heights well over a page), and the
// page an event taller than a page makes alone. Nothing when neither is known: its size is
// known once laid out.
std::optional<PageSize> paged_page_size(const model::Document& doc, const text::TextShaper& shaper);

}  // namespace factline::layout
