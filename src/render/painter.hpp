#pragma once
#include <vector>

#include "core/geometry.hpp"
#include "scene/scene.hpp"

typedef struct _cairo cairo_t;

namespace factline::render {

enum class TextDrawing {
  Outlines,  // glyph outlines filled at their exact positions (PNG: Cairo 1.16's image surface
             // would round every glyph's position to a whole pixel, unlike every SVG renderer)
  Text,      // Pango's text drawing, with the events' links tagged (PDF: real, linked text)
};

class GlyphSet;

// Draws the scene in px coordinates onto any Cairo context (set its transform for scale).
void paint(cairo_t* cr, const scene::Scene& scene, TextDrawing text);
// Draws what of the scene may reach `visible` (px), text as outlines: one band of a PNG. Text
// far outside it, and marks wholly outside it, are skipped (building their paths costs more than
// Cairo's clipping saves); Cairo clips the rest. `glyphs` keeps the outlines from band to band.
void paint_band(cairo_t* cr, const scene::Scene& scene, GlyphSet& glyphs, const Rect& visible);

// A polyline that runs left to right, reduced to the first, lowest, highest and last point of
// each run of points in one column `column` wide (the envelope where points are denser than
// pixels; any writer of lines may use it). Points that go back left are returned as given.
std::vector<Point> column_envelope(const std::vector<Point>& points, double column);

}  // namespace factline::render
