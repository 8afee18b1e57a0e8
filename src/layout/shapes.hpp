#pragma once
// Scene items for the simple marks, with their drawn boxes (outlines included).
#include <string>
#include <vector>

#include "model/theme.hpp"
#include "scene/scene.hpp"

namespace factline::layout {

// A marker's outer radius (its outline included), and the least distance between two marker
// centres on one line, so neighbours never touch.
double marker_outer(const model::Theme& t);
double marker_spacing(const model::Theme& t);

scene::Item line_item(std::string role, int event, std::vector<Point> points, scene::Stroke stroke);
scene::Item marker_item(std::string role, int event, Point center, double radius,
                        std::optional<Color> fill, std::optional<scene::Stroke> stroke);
// Gives a marker its shape. A diamond's box grows about its centre to its diagonal, r√(2π) for
// a circle of radius r, so that every shape has the circle's area (the painter draws a square
// of side r√π inside the box).
void set_marker_shape(scene::Item& marker, scene::MarkerShape shape);
scene::Item span_item(std::string role, int event, Rect box, Color fill);
// A filled closed polygon.
scene::Item area_item(std::string role, int event, std::vector<Point> points, Color fill);

// Moves items by (dx, dy): their boxes, text origins and line points.
void move_item(scene::Item& it, Point by);
void move_items(std::vector<scene::Item>& items, Point by);

}  // namespace factline::layout
