// The vertical layout and the choice between orientations.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

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

TEST_CASE("vertical markers never pass a neighbouring tick label; a moved one has its true-date tick") {
  const std::string yaml = read_file(std::string(FACTLINE_SOURCE_DIR) + "/tests/layout/long-history.yaml");
  const scene::Scene s = layout_checked(yaml);
  const model::Document doc = parse_doc(yaml);
  REQUIRE(has_vertical_axis(s));
  // The common-era ticks ("200년" … "2000년"), one segment of the axis: true dates read off them.
  std::vector<std::pair<double, double>> ticks;  // (day, y)
  for (const auto& it : s.items)
    if (it.role == "tick" && it.type == scene::ItemType::Text && it.text.find("기원전") == std::string::npos)
      ticks.emplace_back(static_cast<double>(calendar::to_days(std::stoi(it.text), 1, 1)), it.box.y + it.box.h / 2);
  REQUIRE(ticks.size() >= 5);
  int moved = 0;
  for (const auto& m : s.items) {
    if (m.role != "event-marker") continue;
    CAPTURE(m.event);
    const model::Event& e = doc.events[static_cast<std::size_t>(m.event)];
    const double day = (static_cast<double>(calendar::first_day(e.date)) + static_cast<double>(calendar::end_day(e.date))) / 2;
    if (day < ticks.front().first) continue;
    std::size_t j = 1;
    while (j + 1 < ticks.size() && ticks[j].first < day) ++j;
    const auto [d0, y0] = ticks[j - 1];
    const auto [d1, y1] = ticks[j];
    const double exact = y0 + (day - d0) / (d1 - d0) * (y1 - y0), y = m.box.y + m.box.h / 2;
    // No tick label between the marker and its date.
    for (const auto& [d, t] : ticks) {
      const bool passed = std::min(y, exact) < t - 0.5 && t + 0.5 < std::max(y, exact);
      CHECK_FALSE(passed);
    }
    if (std::abs(y - exact) < 1) continue;
    ++moved;
    bool ticked = false;
    for (const auto& d : s.items)
      ticked = ticked || (d.role == "date-tick" && d.event == m.event && std::abs(d.points[0].y - exact) < 1);
    CHECK(ticked);
  }
  CHECK(moved > 0);  // the modern events do crowd
}

TEST_CASE("a vertical label column uses the page's width") {
  const std::string long_text(60, 'x');
  const scene::Scene s = layout_ok(
      "title: t\nlocale: ko\norientation: vertical\nevents:\n"
      "  - {date: 2024-01, title: 첫 사건, text: 긴 설명이 이어지는 문장은 세로 배치에서 페이지의 남은 너비를 모두 써서 한두 줄로 끝난다 그래서 오른쪽 절반이 비지 않는다}\n"
      "  - {date: 2024-06, title: 둘째 사건}\n");
  double right = 0;
  for (const auto& it : s.items)
    if (it.role == "event-text") right = std::max(right, it.box.right());
  CHECK(right > 0.6 * s.width);
}

TEST_CASE("auto takes horizontal whenever it fits the page as given") {
  // The sample of Korean history fits its page horizontally, however tall that is.
  const scene::Scene s = layout_ok(read_file(std::string(FACTLINE_SOURCE_DIR) + "/samples/korean-history.yaml"));
  CHECK_FALSE(has_vertical_axis(s));
  // The long history does not (it would widen the page): vertical.
  CHECK(has_vertical_axis(layout_ok(read_file(std::string(FACTLINE_SOURCE_DIR) + "/tests/layout/long-history.yaml"))));
}

}  // namespace factline::test
