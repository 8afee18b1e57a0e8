// The vertical layout and the choice between orientations.
#include <doctest/doctest.h>

#include "layout/fixture.hpp"
#include "layout/scene_checks.hpp"
#include "layout/timeline.hpp"
#include "spec/parse.hpp"
#include "text/text_shaper.hpp"

namespace factline::test {
namespace {

const text::TextShaper& shaper() {
  static const text::FontLibrary fonts({std::string(FACTLINE_SOURCE_DIR) + "/fonts"});
  static const text::TextShaper s(fonts);
  return s;
}

model::Document sample() {
  auto r = spec::parse_document(read_file(std::string(FACTLINE_SOURCE_DIR) + "/samples/ai-chip-race.yaml"), "sample");
  REQUIRE(r.document.has_value());
  return *r.document;
}

bool has_vertical_axis(const scene::Scene& s) {
  for (const auto& it : s.items)
    if (it.role == "axis" && it.type == scene::ItemType::Line) return it.points[0].x == it.points[1].x;
  return false;
}

void check_clean(const scene::Scene& s, int n) {
  const SceneReport r = check_scene(s, n);
  std::string problems;
  for (std::size_t i = 0; i < std::min<std::size_t>(r.problems.size(), 8); ++i) problems += "\n  " + r.problems[i];
  INFO(r.problems.size(), " problems:", problems);
  CHECK(r.problems.empty());
  CHECK(korean_word_splits(s).empty());
}

}  // namespace

TEST_CASE("the sample laid out vertically has no overlap and labels in time order") {
  model::Document doc = sample();
  doc.orientation = model::Orientation::Vertical;
  const auto out = layout::layout_timeline(doc, shaper());
  REQUIRE(!out.diagnostics.has_errors());
  CHECK(has_vertical_axis(out.scene));
  check_clean(out.scene, 8);
  // Reading order: label tops increase with time.
  double last = -1;
  for (int e = 0; e < 8; ++e)
    for (const auto& it : out.scene.items)
      if (it.role == "event-title" && it.event == e) {
        CHECK(it.box.y > last);
        last = it.box.y;
      }
}

TEST_CASE("a narrow page chooses the vertical layout for the sample") {
  model::Document doc = sample();
  doc.width = 420;
  const auto out = layout::layout_timeline(doc, shaper());
  REQUIRE(!out.diagnostics.has_errors());
  CHECK(has_vertical_axis(out.scene));
  CHECK(out.scene.width == 420);
  check_clean(out.scene, 8);
}

TEST_CASE("the sample at its default width stays horizontal") {
  const auto out = layout::layout_timeline(sample(), shaper());
  CHECK_FALSE(has_vertical_axis(out.scene));
}

}  // namespace factline::test
