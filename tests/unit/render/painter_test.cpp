#include "render/painter.hpp"

#include <cairo.h>
#include <doctest/doctest.h>

#include <cmath>
#include <numbers>
#include <utility>

#include "scene/scene.hpp"
#include "unit/text/fixture.hpp"

namespace {

using namespace factline;

// The pixel's red channel on an opaque white canvas (255 = untouched).
int red_at(cairo_surface_t* s, int x, int y) {
  const unsigned char* row = cairo_image_surface_get_data(s) + y * cairo_image_surface_get_stride(s);
  return (reinterpret_cast<const std::uint32_t*>(row)[x] >> 16) & 0xff;
}

}  // namespace

TEST_CASE("a marker drawn after text is not joined to it by a stray line") {
  scene::Scene sc;
  sc.width = sc.height = 200;
  sc.background = Color{255, 255, 255, 255};
  sc.items.push_back(scene::text_item("title", -1, "가", text::testing::shaper().shape("가", text::testing::style(), 0),
                                      {10, 10}, Color{0, 0, 0, 255}));
  scene::Item m;
  m.type = scene::ItemType::Marker;
  m.box = {150, 150, 10, 10};
  m.fill = Color{0, 0, 0, 255};
  m.stroke = scene::Stroke{Color{0, 0, 0, 255}, 2, {}};
  sc.items.push_back(m);
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 200, 200);
  cairo_t* cr = cairo_create(s);
  render::paint(cr, sc, render::TextDrawing::Outlines);
  cairo_destroy(cr);
  cairo_surface_flush(s);
  for (int k = 40; k < 140; k += 10) CHECK(red_at(s, k, k) == 255);  // the diagonal between them
  CHECK(red_at(s, 155, 155) == 0);                                   // the marker itself
  cairo_surface_destroy(s);
}

TEST_CASE("circle, square and diamond markers cover one area, the circle's") {
  // Radius 20 for a circle's box; a diamond's box is as wide as its diagonal, r√(2π)
  // (layout/shapes.hpp set_marker_shape).
  const double r = 20, diamond_half = r * std::sqrt(std::numbers::pi / 2);
  const std::pair<scene::MarkerShape, double> shapes[] = {
      {scene::MarkerShape::Circle, r}, {scene::MarkerShape::Square, r}, {scene::MarkerShape::Diamond, diamond_half}};
  for (const auto& [shape, half] : shapes) {
    CAPTURE(static_cast<int>(shape));
    scene::Scene sc;
    sc.width = sc.height = 100;
    sc.background = Color{255, 255, 255, 255};
    scene::Item m;
    m.type = scene::ItemType::Marker;
    m.shape = shape;
    m.box = {50 - half, 50 - half, 2 * half, 2 * half};
    m.fill = Color{0, 0, 0, 255};
    sc.items.push_back(m);
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 100, 100);
    cairo_t* cr = cairo_create(s);
    render::paint(cr, sc, render::TextDrawing::Outlines);
    cairo_destroy(cr);
    cairo_surface_flush(s);
    double ink = 0;
    for (int y = 0; y < 100; ++y)
      for (int x = 0; x < 100; ++x) ink += (255 - red_at(s, x, y)) / 255.0;
    CHECK(ink == doctest::Approx(std::numbers::pi * r * r).epsilon(0.01));
    cairo_surface_destroy(s);
  }
}

namespace {

// A noisy line of n points across `width` px, as a chart of many values draws it.
std::vector<Point> noisy_line(std::size_t n, double width, double height) {
  std::vector<Point> pts;
  std::uint32_t seed = 12345;
  for (std::size_t i = 0; i < n; ++i) {
    seed = seed * 1664525u + 1013904223u;
    pts.push_back({5 + width * static_cast<double>(i) / static_cast<double>(n), 10 + (seed >> 8) % 1000 / 1000.0 * height});
  }
  return pts;
}

}  // namespace

TEST_CASE("the column envelope keeps each column's first, lowest, highest and last point, in order") {
  const std::vector<Point> pts{{0.1, 5}, {0.2, 1}, {0.3, 9}, {0.4, 4}, {0.9, 6}, {1.2, 3}, {1.5, 7}, {2.5, 2}, {2.6, 2}};
  const std::vector<Point> env = render::column_envelope(pts, 1.0);
  const std::vector<Point> expected{{0.1, 5}, {0.2, 1}, {0.3, 9}, {0.9, 6}, {1.2, 3}, {1.5, 7}, {2.5, 2}, {2.6, 2}};
  REQUIRE(env.size() == expected.size());
  for (std::size_t i = 0; i < env.size(); ++i) {
    CHECK(env[i].x == expected[i].x);
    CHECK(env[i].y == expected[i].y);
  }
  // A line that goes back left is not a chart's: kept as given.
  std::vector<Point> back = pts;
  back[4].x = 0;
  CHECK(render::column_envelope(back, 1.0).size() == back.size());
  // At most four points per column.
  CHECK(render::column_envelope(noisy_line(20000, 200, 100), 1.0).size() <= 4 * 201);
}

TEST_CASE("a line denser than the pixels draws the same picture as every segment, beyond anti-aliasing") {
  const int w = 220, h = 130;
  const std::vector<Point> pts = noisy_line(4000, 200, 100);
  const auto draw = [&](bool whole) {
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    cairo_t* cr = cairo_create(s);
    if (whole) {  // every segment, one stroke with round joins
      cairo_set_source_rgb(cr, 1, 1, 1);
      cairo_paint(cr);
      cairo_set_source_rgb(cr, 0, 0, 0);
      cairo_set_line_width(cr, 1.5);
      cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
      cairo_move_to(cr, pts[0].x, pts[0].y);
      for (const Point& p : pts) cairo_line_to(cr, p.x, p.y);
      cairo_stroke(cr);
    } else {
      scene::Scene sc;
      sc.width = w, sc.height = h;
      sc.background = Color{255, 255, 255, 255};
      scene::Item line;
      line.type = scene::ItemType::Line;
      line.points = pts;
      line.stroke = scene::Stroke{Color{0, 0, 0, 255}, 1.5, {}};
      sc.items.push_back(line);
      render::paint(cr, sc, render::TextDrawing::Outlines);
    }
    cairo_destroy(cr);
    cairo_surface_flush(s);
    return s;
  };
  cairo_surface_t* full = draw(true);
  cairo_surface_t* env = draw(false);
  int inked = 0, differ = 0, worst = 0, opposite = 0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const int a = red_at(full, x, y), b = red_at(env, x, y);
      inked += a < 255;
      differ += std::abs(a - b) > 64;
      worst = std::max(worst, std::abs(a - b));
      opposite += (a < 64 && b > 191) || (b < 64 && a > 191);  // ink in one, none in the other
    }
  INFO("inked ", inked, ", differing by more than a quarter ", differ, ", worst ", worst, ", opposite ", opposite);
  CHECK(inked > 5000);
  CHECK(differ <= inked / 50);  // edge pixels of some columns, where anti-aliasing differs
  CHECK(opposite <= inked / 1000);
  cairo_surface_destroy(full);
  cairo_surface_destroy(env);
}
