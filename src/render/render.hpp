#pragma once
// The scene to bytes. One painter draws every format; the formats differ only in the surface.
#include <cstdint>
#include <optional>
#include <string>

#include "scene/scene.hpp"

namespace factline::render {

// SVG 1.1 in px with a viewBox, text as glyph outlines, <title> and <desc> from the scene.
// Element ids carry a prefix derived from the content, so several SVGs can be inlined in one
// HTML page without their glyph ids colliding.
std::string to_svg(const scene::Scene& scene);

// PNG at `scale` device pixels per px (2 for "retina").
std::string to_png(const scene::Scene& scene, double scale);

// PDF with real text (embedded font subsets). `creation_time` (seconds since the epoch, e.g.
// from SOURCE_DATE_EPOCH) sets the creation date; without it the file has no date at all.
std::string to_pdf(const scene::Scene& scene, std::optional<std::int64_t> creation_time);

}  // namespace factline::render
