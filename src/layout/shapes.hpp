#pragma once
// Scene items for the simple marks, with their drawn boxes (outlines included).
#include <string>
#include <vector>

#include "scene/scene.hpp"

namespace factline::layout {

scene::Item line_item(std::string role, int event, std::vector<Point> points, scene::Stroke stroke);
scene::Item marker_item(std::string role, int event, Point center, double radius,
                        std::optional<Color> fill, std::optional<scene::Stroke> stroke);
scene::Item span_item(std::string role, int event, Rect box, Color fill);

}  // namespace factline::layout
