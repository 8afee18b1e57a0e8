// The vertical layout and the choice between orientations.
#include <doctest/doctest.h>

#include "layout/fixture.hpp"
#include "layout/page.hpp"

namespace factline::test {
namespace {

bool has_vertical_axis(const scene::Scene& s) {
  for (const auto& it : s.items)
    if (it.role == "axis" && it.type == scene::ItemType::Line) return it.points[0].x == it.points[1].x;
  return false;
}

}  // namespace

TEST_CASE("the sample laid out vertically has no overlap and labels in time order") {
  model::Document doc = sample_doc();
  doc.orientation = model::Orientation::Vertical;
  const auto out = layout::layout_document(doc, shaper());
  REQUIRE(!out.diagnostics.has_errors());
  CHECK(has_vertical_axis(out.scene));
  expect_clean(out.scene, 8);
  // Reading order: label tops increase with time.
  double last = -1;
  for (int e = 0; e < 8; ++e)
    for (const auto& it : out.scene.items)
      if (it.role == "event-title" && it.event == e) {
        CHECK(it.box.y > last);
        last = it.box.y;
      }
}

TEST_CASE("a narrow page chooses the vertical layout for the sample when every label is asked for") {
  model::Document doc = sample_doc();
  doc.width = 420;
  doc.detail = model::Detail::All;  // auto keeps the page within 3 × 420 px: a level of detail
  const auto out = layout::layout_document(doc, shaper());
  REQUIRE(!out.diagnostics.has_errors());
  CHECK(has_vertical_axis(out.scene));
  CHECK(out.scene.width == 420);
  expect_clean(out.scene, 8);
}

TEST_CASE("the sample at its default width stays horizontal") {
  const auto out = layout::layout_document(sample_doc(), shaper());
  CHECK_FALSE(has_vertical_axis(out.scene));
}

}  // namespace factline::test
