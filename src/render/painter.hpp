#pragma once
#include "scene/scene.hpp"

typedef struct _cairo cairo_t;

namespace factline::render {

enum class TextDrawing {
  Outlines,  // glyph outlines filled at their exact positions (PNG: Cairo 1.16's image surface
             // would round every glyph's position to a whole pixel, unlike every SVG renderer)
  Text,      // Pango's text drawing, with the events' links tagged (PDF: real, linked text)
};

// Draws the scene in px coordinates onto any Cairo context (set its transform for scale).
void paint(cairo_t* cr, const scene::Scene& scene, TextDrawing text);

}  // namespace factline::render
