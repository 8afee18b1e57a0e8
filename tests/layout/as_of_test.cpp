// One as_of for the whole page: on a composite page the timeline's as-of line, the chart's,
// and the end of an ongoing span stand at one x, the end of the period as_of covers; an event
// on the last day of that period is confirmed and drawn before the line.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "layout/fixture.hpp"

namespace factline::test {
namespace {

// A timeline and a date chart sharing time. The chart has a value on the period's last day and
// one on the next day, so the line's points show where that day ends.
std::string page(const std::string& as_of, const std::string& last_day, const std::string& next_day,
                 const std::string& later) {
  return "title: 기준일\nlocale: ko\nas_of: " + as_of +
         "\n"
         "panels:\n"
         "  - type: timeline\n    title: 사건\n"
         "  - type: line\n    title: 값\n    x: d\n    series: [v]\n    events: true\n"
         "    rows:\n"
         "      - {d: 2023-11-15, v: 1}\n"
         "      - {d: " + last_day + ", v: 2}\n"
         "      - {d: " + next_day + ", v: 3}\n"
         "      - {d: " + later + ", v: 2}\n"
         "events:\n"
         "  - date: 2023-12-10\n    title: 앞선 사건\n"
         "  - start: 2024-03-01\n    title: 진행 중인 일\n"
         "  - date: " + last_day + "\n    title: 마지막 날의 사건\n"
         "  - date: " + later + "\n    title: 뒤의 사건\n";
}

const scene::Item& find(const scene::Scene& s, const std::string& role, int event, scene::ItemType type) {
  for (const auto& it : s.items)
    if (it.role == role && it.event == event && it.type == type) return it;
  FAIL("no ", role, " item for event ", event);
  throw;
}

std::string date_line(const scene::Scene& s, int event) {
  return find(s, "event-date", event, scene::ItemType::Text).text;
}

void expect_one_as_of(const std::string& yaml) {
  const scene::Scene s = layout_ok(yaml);
  std::vector<double> lines;
  for (const auto& it : s.items)
    if (it.role == "as-of" && it.type == scene::ItemType::Line) lines.push_back(it.points[0].x);
  REQUIRE(lines.size() == 2);  // the timeline's and the chart's
  const double x = lines[0];
  CHECK(lines[1] == doctest::Approx(x).epsilon(1e-12));

  // The end of the period's last day: halfway between the chart's points for that day and the
  // next (each point stands at the middle of its day).
  const scene::Item& line = find(s, "line", -1, scene::ItemType::Line);
  REQUIRE(line.points.size() == 4);
  CHECK(x == doctest::Approx((line.points[1].x + line.points[2].x) / 2).epsilon(1e-12));

  // The ongoing span ends there, on the timeline and on the chart.
  CHECK(find(s, "span", 1, scene::ItemType::Span).box.right() == doctest::Approx(x).epsilon(1e-12));
  CHECK(find(s, "event-span", 1, scene::ItemType::Span).box.right() == doctest::Approx(x).epsilon(1e-12));

  // The last day's event is confirmed and before the line; the later one is planned.
  const Rect marker = find(s, "event-marker", 2, scene::ItemType::Marker).box;
  CHECK(marker.x + marker.w / 2 < x);
  CHECK(date_line(s, 2).find("예정") == std::string::npos);
  CHECK(date_line(s, 3).find("예정") != std::string::npos);
}

}  // namespace

TEST_CASE("with as_of: 2024-06 both as-of lines and an ongoing span end at the end of June") {
  expect_one_as_of(page("2024-06", "2024-06-30", "2024-07-01", "2024-08-20"));
}

TEST_CASE("with as_of: 2024 both as-of lines and an ongoing span end at the end of 31 December") {
  expect_one_as_of(page("\"2024\"", "2024-12-31", "2025-01-01", "2025-02-20"));
}

TEST_CASE("with a day-precision as_of the line stands at the end of that day") {
  expect_one_as_of(page("2024-06-30", "2024-06-30", "2024-07-01", "2024-08-20"));
}

TEST_CASE("a vertical timeline draws the same as-of mark at the end of the period") {
  const std::string yaml =
      "title: 세로\nlocale: ko\norientation: vertical\nas_of: 2024-06\n"
      "events:\n"
      "  - date: 2024-06-30\n    title: 마지막 날\n"
      "  - date: 2024-07-01\n    title: 다음 날\n"
      "  - start: 2024-01-01\n    title: 진행 중\n";
  const scene::Scene s = layout_checked(yaml);
  std::vector<const scene::Item*> marks;
  for (const auto& it : s.items)
    if (it.role == "as-of") marks.push_back(&it);
  REQUIRE(marks.size() == 3);  // the line, broken where the tick labels stand, and its label
  REQUIRE(marks[0]->type == scene::ItemType::Line);
  REQUIRE(marks[1]->type == scene::ItemType::Line);
  const double y = marks[0]->points[0].y;
  CHECK(marks[1]->points[0].y == y);
  CHECK(marks[0]->points[1].x < marks[1]->points[0].x);
  const Rect before = find(s, "event-marker", 0, scene::ItemType::Marker).box;
  const Rect after = find(s, "event-marker", 1, scene::ItemType::Marker).box;
  CHECK(before.y + before.h / 2 < y);
  CHECK(after.y + after.h / 2 > y);
  CHECK(find(s, "span", 2, scene::ItemType::Span).box.bottom() == doctest::Approx(y).epsilon(1e-12));
  CHECK(marks[2]->text == "기준일 2024년 6월");
}

namespace {

// The tick labels drawn, in order.
std::vector<std::string> tick_labels(const scene::Scene& s) {
  std::vector<std::string> out;
  for (const auto& it : s.items)
    if (it.role == "tick" && it.type == scene::ItemType::Text) out.push_back(it.text);
  return out;
}

// Every tick label of the fact file drawn without as_of is drawn with it, and the as-of label
// overlaps no tick label or mark.
void expect_as_of_hides_no_tick(const std::string& body, const std::string& as_of) {
  CAPTURE(as_of);
  const scene::Scene plain = layout_ok("title: 축\nlocale: ko\n" + body);
  const scene::Scene with = layout_ok("title: 축\nlocale: ko\nas_of: " + as_of + "\n" + body);
  CHECK(tick_labels(with) == tick_labels(plain));
  int labels = 0;
  for (const auto& a : with.items) {
    if (a.role != "as-of" || a.type != scene::ItemType::Text) continue;
    ++labels;
    for (const auto& t : with.items)
      if (t.role == "tick" || t.role == "tick-mark") {
        CAPTURE(t.text);
        CHECK(!a.box.overlaps(t.box));
      }
  }
  CHECK(labels >= 1);
}

// Events marked confirmed, so that as_of changes no date line and thus no page width.
const std::string kTimeline =
    "events:\n"
    "  - {date: \"2022\", title: 처음, status: confirmed}\n"
    "  - {date: 2023-10, title: 중간, status: confirmed}\n"
    "  - {date: 2024-06-24, title: 유월, status: confirmed}\n"
    "  - {date: 2024-09, title: 구월, status: confirmed}\n";

const std::string kChart =
    "chart:\n  type: line\n  x: d\n  series: [v]\n  rows:\n"
    "    - {d: 2022-07, v: 1}\n    - {d: 2023-01, v: 2}\n    - {d: 2023-07, v: 3}\n"
    "    - {d: 2024-01, v: 2}\n    - {d: 2024-06, v: 4}\n    - {d: 2024-09, v: 5}\n";

}  // namespace

TEST_CASE("the as-of label hides no tick label on a timeline (every year boundary stays visible)") {
  for (const char* as_of : {"2024-06-30", "2024-06", "2024-01-10", "2023-12-31", "2022-02-01", "2024-09-15"})
    expect_as_of_hides_no_tick(kTimeline, as_of);
  // The sample article: its 2024년 tick was under the as-of label.
  const scene::Scene s = layout_ok(read_file(std::string(FACTLINE_SOURCE_DIR) + "/samples/ai-chip-race.yaml"));
  const auto ticks = tick_labels(s);
  for (const char* year : {"2022년", "2023년", "2024년"}) CHECK(std::count(ticks.begin(), ticks.end(), year) == 1);
}

TEST_CASE("the as-of label hides no tick label on a vertical timeline") {
  for (const char* as_of : {"2024-06-30", "2024-06", "2024-01-10", "2023-12-31", "2022-02-01", "2024-09-15"})
    expect_as_of_hides_no_tick("orientation: vertical\n" + kTimeline, as_of);
}

TEST_CASE("the as-of label hides no tick label on a date chart") {
  for (const char* as_of : {"2024-06-30", "2024-06", "2024-01-10", "2023-07-01"}) expect_as_of_hides_no_tick(kChart, as_of);
}

}  // namespace factline::test
