#include "render/painter.hpp"

#include <cairo.h>
#include <doctest/doctest.h>

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
