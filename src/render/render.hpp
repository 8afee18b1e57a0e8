#pragma once
// The scene to bytes. One painter draws the PNG and the PDF (they differ only in the surface);
// the SVG is written from the scene by factline's own writer (svg_writer.cpp).
#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "scene/scene.hpp"

namespace factline::render {

// How an SVG carries its text (docs/embedding.md).
enum class SvgText {
  OutlineAndText,  // glyph outlines, with invisible real text over them (find, select, copy)
  Outline,         // glyph outlines only: the same picture everywhere, no text to find
  Text,            // real text with font-family only: smallest, drawn in the viewer's fonts
};

struct SvgOptions {
  SvgText text = SvgText::OutlineAndText;
  // Starts every id in the file; empty: one derived from the content ("fl1a2b3c4d"), so
  // different charts inlined in one page never share an id. Give one to inline the same chart
  // twice. Must pass valid_id_prefix (to_svg throws std::invalid_argument otherwise).
  std::string id_prefix;
};

// True when `prefix` can start XML ids and CSS selectors: a letter or "_", then letters, digits,
// "_" or "-"; at most 64 bytes.
bool valid_id_prefix(std::string_view prefix);

// SVG in px with a viewBox that scales with its container, <title> and <desc> from the scene,
// one labelled group per event, links, glyphs defined once per font (svg_writer.cpp).
// `dark`: the same layout in the dark template's colours, written as CSS for readers whose
// system asks for dark or whose page has .dark or [data-theme=dark] on an ancestor; viewers
// without CSS show `scene`'s colours.
std::string to_svg(const scene::Scene& scene, const SvgOptions& options = {}, const scene::Scene* dark = nullptr);

// An HTML page: the SVG inline, its source line, and a table of every event (date, title, text,
// source, link) in the document's language (html_writer.cpp).
std::string to_html(const scene::Scene& scene, const SvgOptions& options = {}, const scene::Scene* dark = nullptr);

// PNG at `scale` device pixels per px (2 for "retina").
std::string to_png(const scene::Scene& scene, double scale);

// PDF with real text (embedded font subsets) and the events' links. `creation_time` (seconds
// since the epoch, e.g. from SOURCE_DATE_EPOCH) sets the creation date; without it the file
// has no date at all.
std::string to_pdf(const scene::Scene& scene, std::optional<std::int64_t> creation_time);
// The same, one page per scene (each its own size), titled by the first: a paged timeline.
std::string to_pdf(std::span<const scene::Scene> pages, std::optional<std::int64_t> creation_time);

}  // namespace factline::render
