#pragma once
// The timeline engine's first cut: a horizontal time axis, markers at their true dates, label
// flags above it placed so that nothing overlaps, and the page furniture around it.
#include "core/diagnostic.hpp"
#include "model/document.hpp"
#include "scene/scene.hpp"
#include "text/text_shaper.hpp"

namespace factline::layout {

struct LayoutResult {
  scene::Scene scene;
  Diagnostics diagnostics;  // warnings such as characters no font can draw
};

LayoutResult layout_timeline(const model::Document& doc, const text::TextShaper& shaper);

}  // namespace factline::layout
