#include "render/painter.hpp"

#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace factline::render {
namespace {

void set_color(cairo_t* cr, const Color& c) {
  cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0);
}

void apply_stroke(cairo_t* cr, const scene::Stroke& s) {
  set_color(cr, s.color);
  cairo_set_line_width(cr, s.width);
  cairo_set_dash(cr, s.dash.data(), static_cast<int>(s.dash.size()), 0);
  cairo_stroke(cr);
}

void fill_and_stroke(cairo_t* cr, const scene::Item& it) {
  if (it.fill) {
    set_color(cr, *it.fill);
    it.stroke ? cairo_fill_preserve(cr) : cairo_fill(cr);
  }
  if (it.stroke) apply_stroke(cr, *it.stroke);
  cairo_new_path(cr);
}

// The box of a marker includes half its outline; the path runs through the outline's middle.
void marker_path(cairo_t* cr, const scene::Item& it) {
  const double inset = it.stroke ? it.stroke->width / 2 : 0;
  const Rect r = it.box.inflated(-inset);
  const double cx = r.x + r.w / 2, cy = r.y + r.h / 2;
  cairo_new_path(cr);  // an arc would otherwise join the current point (left by text) with a line
  switch (it.shape) {
    case scene::MarkerShape::Circle:
      cairo_arc(cr, cx, cy, r.w / 2, 0, 2 * M_PI);
      break;
    case scene::MarkerShape::Square:
      cairo_rectangle(cr, r.x, r.y, r.w, r.h);
      break;
    case scene::MarkerShape::Diamond:
      cairo_move_to(cr, cx, r.y);
      cairo_line_to(cr, r.right(), cy);
      cairo_line_to(cr, cx, r.bottom());
      cairo_line_to(cr, r.x, cy);
      cairo_close_path(cr);
      break;
  }
}

// Cairo's stroker slows down far faster than linearly on long, self-crossing polylines (a line
// chart of 20,000 noisy values took 4 s to PNG, 100,000 took 79 s). A long solid opaque line is
// stroked in pieces instead, with round caps where they meet, which draws exactly what one
// stroke with round joins draws.
constexpr std::size_t stroke_piece = 256;

}  // namespace

std::vector<Point> column_envelope(const std::vector<Point>& points, double column) {
  if (points.size() < 8 || !(column > 0)) return points;
  for (std::size_t i = 1; i < points.size(); ++i)
    if (points[i].x < points[i - 1].x) return points;  // only a line that runs left to right
  std::vector<Point> out;
  for (std::size_t begin = 0; begin < points.size();) {
    const double col = std::floor(points[begin].x / column);
    std::size_t end = begin + 1, lo = begin, hi = begin;
    for (; end < points.size() && std::floor(points[end].x / column) == col; ++end) {
      if (points[end].y < points[lo].y) lo = end;
      if (points[end].y > points[hi].y) hi = end;
    }
    // The first, the lowest, the highest and the last point, in their order along the line:
    // the polyline through them covers the same pixels of the column, and joins its
    // neighbours at the same points.
    std::size_t keep[] = {begin, std::min(lo, hi), std::max(lo, hi), end - 1};
    for (std::size_t k = 0; k < 4; ++k)
      if (k == 0 || keep[k] != keep[k - 1]) out.push_back(points[keep[k]]);
    begin = end;
  }
  return out;
}

namespace {

// Where points are denser than device pixels, each pixel column's envelope is drawn: the same
// picture (beyond anti-aliasing) for a fraction of the stroking (bench/README.md, "Charts").
std::vector<Point> drawn_points(cairo_t* cr, const scene::Item& it) {
  double column = 1, unused = 0;
  cairo_device_to_user_distance(cr, &column, &unused);
  return column_envelope(it.points, std::abs(column));
}

void draw_line(cairo_t* cr, const scene::Item& it) {
  if (it.points.empty() || !it.stroke) return;
  const std::vector<Point> points = drawn_points(cr, it);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  const bool pieces = points.size() > stroke_piece && it.stroke->dash.empty() && it.stroke->color.a == 255;
  const std::size_t step = pieces ? stroke_piece : points.size();
  cairo_set_line_cap(cr, pieces ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
  for (std::size_t first = 0; first + 1 < points.size() || first == 0; first += step) {
    const std::size_t last = std::min(first + step, points.size() - 1);  // pieces share their ends
    cairo_move_to(cr, points[first].x, points[first].y);
    for (std::size_t i = first + 1; i <= last; ++i) cairo_line_to(cr, points[i].x, points[i].y);
    apply_stroke(cr, *it.stroke);
  }
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
}

void draw_area(cairo_t* cr, const scene::Item& it) {
  if (it.points.empty()) return;
  cairo_new_path(cr);
  cairo_move_to(cr, it.points[0].x, it.points[0].y);
  for (std::size_t i = 1; i < it.points.size(); ++i) cairo_line_to(cr, it.points[i].x, it.points[i].y);
  cairo_close_path(cr);
  fill_and_stroke(cr, it);
}

void draw_text(cairo_t* cr, const scene::Item& it) {
  if (!it.shaped) return;
  set_color(cr, it.fill.value_or(Color{}));
  cairo_move_to(cr, it.origin.x, it.origin.y);
  // Draw the very layout that layout measured; no pango_cairo_update_layout, which would
  // re-shape it for this surface.
  pango_cairo_show_layout(cr, it.shaped->layout());
  cairo_new_path(cr);
}

}  // namespace

void paint(cairo_t* cr, const scene::Scene& scene) {
  set_color(cr, scene.background);
  cairo_paint(cr);
  for (const scene::Item& it : scene.items) {
    switch (it.type) {
      case scene::ItemType::Text: draw_text(cr, it); break;
      case scene::ItemType::Line: draw_line(cr, it); break;
      case scene::ItemType::Area: draw_area(cr, it); break;
      case scene::ItemType::Marker:
        marker_path(cr, it);
        fill_and_stroke(cr, it);
        break;
      case scene::ItemType::Span:
        cairo_rectangle(cr, it.box.x, it.box.y, it.box.w, it.box.h);
        fill_and_stroke(cr, it);
        break;
    }
  }
}

}  // namespace factline::render
