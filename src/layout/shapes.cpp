#include "layout/shapes.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace factline::layout {

double marker_outer(const model::Theme& t) { return t.marker_radius + t.marker_stroke / 2; }
double marker_spacing(const model::Theme& t) { return 2 * marker_outer(t) + 1; }

scene::Item line_item(std::string role, int event, std::vector<Point> pts, scene::Stroke stroke) {
  scene::Item it;
  it.type = scene::ItemType::Line;
  it.role = std::move(role);
  it.event = event;
  Rect box{pts.at(0).x, pts.at(0).y, 0, 0};
  for (const Point& p : pts) box = box.united(Rect{p.x, p.y, 1e-9, 1e-9});
  it.box = box.inflated(stroke.width / 2);
  it.points = std::move(pts);
  it.stroke = std::move(stroke);
  return it;
}

scene::Item marker_item(std::string role, int event, Point c, double r, std::optional<Color> fill,
                        std::optional<scene::Stroke> stroke) {
  scene::Item it;
  it.type = scene::ItemType::Marker;
  it.role = std::move(role);
  it.event = event;
  const double outer = r + (stroke ? stroke->width / 2 : 0);
  it.box = {c.x - outer, c.y - outer, 2 * outer, 2 * outer};
  it.fill = fill;
  it.stroke = std::move(stroke);
  return it;
}

void set_marker_shape(scene::Item& marker, scene::MarkerShape shape) {
  marker.shape = shape;
  if (shape != scene::MarkerShape::Diamond) return;
  const double inset = marker.stroke ? marker.stroke->width / 2 : 0;
  const double r = marker.box.w / 2 - inset;
  marker.box = marker.box.inflated(r * (std::sqrt(std::numbers::pi / 2) - 1));
}

scene::Item span_item(std::string role, int event, Rect box, Color fill) {
  scene::Item it;
  it.type = scene::ItemType::Span;
  it.role = std::move(role);
  it.event = event;
  it.box = box;
  it.fill = fill;
  return it;
}

void move_item(scene::Item& it, Point by) {
  it.box.x += by.x, it.box.y += by.y;
  it.origin.x += by.x, it.origin.y += by.y;
  for (Point& p : it.points) p.x += by.x, p.y += by.y;
}

void move_items(std::vector<scene::Item>& items, Point by) {
  for (scene::Item& it : items) move_item(it, by);
}

scene::Item area_item(std::string role, int event, std::vector<Point> pts, Color fill) {
  scene::Item it = line_item(std::move(role), event, std::move(pts), {fill, 0, {}});
  it.type = scene::ItemType::Area;
  it.stroke.reset();
  it.fill = fill;
  return it;
}

}  // namespace factline::layout
