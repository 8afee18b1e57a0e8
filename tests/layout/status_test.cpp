// Span status in the picture: planned (explicitly, or starting after as_of) and uncertain spans
// are lighter with a dashed outline and say so on their date line, horizontal, vertical and on a
// chart; an ongoing span that starts after as_of is still a visible bar.
#include <doctest/doctest.h>

#include <string>

#include "layout/fixture.hpp"

namespace factline::test {
namespace {

std::string spans(const std::string& locale, const std::string& extra) {
  return "title: status\nlocale: " + locale + "\nas_of: 2024-06-30\n" + extra +
         "events:\n"
         "  - {start: 2023-01, end: 2023-12, title: confirmed}\n"
         "  - {start: 2024-01, end: 2024-04, title: uncertain, status: uncertain}\n"
         "  - {start: 2024-03, end: 2024-05, title: planned, status: planned}\n"
         "  - {start: 2024-07-01, title: later}\n"
         "  - {date: 2024-06-10, title: june}\n";
}

const scene::Item* item(const scene::Scene& s, const std::string& role, int event, scene::ItemType type) {
  for (const auto& it : s.items)
    if (it.role == role && it.event == event && it.type == type) return &it;
  return nullptr;
}

void expect_status(const scene::Scene& s, const std::string& span_role, bool date_lines,
                   const std::vector<std::string>& words) {
  const scene::Item* confirmed = item(s, span_role, 0, scene::ItemType::Span);
  REQUIRE(confirmed);
  CHECK(!(confirmed->stroke && !confirmed->stroke->dash.empty()));
  for (int i : {1, 2, 3}) {
    CAPTURE(i);
    const scene::Item* bar = item(s, span_role, i, scene::ItemType::Span);
    REQUIRE(bar);
    REQUIRE(bar->stroke);
    CHECK(!bar->stroke->dash.empty());
    CHECK(bar->fill->a < confirmed->fill->a);
    CHECK(std::max(bar->box.w, bar->box.h) >= 20);  // the one after as_of too: not a hairline
    if (date_lines) {
      const scene::Item* date = item(s, "event-date", i, scene::ItemType::Text);
      REQUIRE(date);
      CHECK(date->text.find(words[static_cast<std::size_t>(i - 1)]) != std::string::npos);
    }
  }
}

}  // namespace

TEST_CASE("planned and uncertain spans are lighter, dashed and worded (horizontal, Korean)") {
  const scene::Scene s = layout_checked(spans("ko", ""));
  expect_status(s, "span", true, {"추정", "예정", "시작 예정"});
  const scene::Item* date = item(s, "event-date", 0, scene::ItemType::Text);
  REQUIRE(date);
  CHECK(date->text == "2023년 1월 ~ 2023년 12월");
  // Confirmed spans keep their solid ends; tentative ones have the dashed outline instead.
  CHECK(item(s, "span-edge", 0, scene::ItemType::Line));
  CHECK(!item(s, "span-edge", 2, scene::ItemType::Line));
}

TEST_CASE("span status in English and in the vertical layout") {
  expect_status(layout_checked(spans("en", "")), "span", true, {"c. ", "(planned)", "from "});
  expect_status(layout_ok(spans("ko", "orientation: vertical\n")), "span", true, {"추정", "예정", "시작 예정"});
}

TEST_CASE("a tentative span on a chart is a lighter band with a dashed outline") {
  const std::string yaml = spans("ko", "") +
                           "chart:\n  type: line\n  x: d\n  series: [v]\n  events: true\n  rows:\n"
                           "    - {d: 2023-01, v: 1}\n    - {d: 2024-09, v: 2}\n";
  expect_status(layout_ok(yaml), "event-span", false, {});
}

}  // namespace factline::test
