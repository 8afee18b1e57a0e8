#pragma once
#include "scene/scene.hpp"

typedef struct _cairo cairo_t;

namespace factline::render {
// Draws the scene in px coordinates onto any Cairo context (set its transform for scale).
void paint(cairo_t* cr, const scene::Scene& scene);
}  // namespace factline::render
