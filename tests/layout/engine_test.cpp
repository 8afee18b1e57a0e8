// The timeline engine's features on documents built in code: spans and lanes, swimlanes, the
// as-of mark, axis breaks, and many events. Each scene is checked by the independent checker.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "layout/fixture.hpp"
#include "layout/page.hpp"

namespace factline::test {
namespace {

using calendar::Date;
using calendar::Precision;

scene::Scene laid_out(const model::Document& doc) {
  auto out = layout::layout_document(doc, shaper());
  REQUIRE_FALSE(out.diagnostics.has_errors());
  expect_clean(out.scene, static_cast<int>(doc.events.size()));
  expect_time_order(out.scene, doc);
  return out.scene;
}

int count(const scene::Scene& s, const std::string& role) {
  return static_cast<int>(std::count_if(s.items.begin(), s.items.end(), [&](const auto& it) { return it.role == role; }));
}

void make_span(model::Event& e, std::optional<Date> end) {
  e.is_span = true;
  e.end = end;
}

std::string spans_yaml(int n, bool all_overlap) {
  std::string y = "title: 기간들\nevents:\n";
  for (int i = 0; i < n; ++i) {
    const int start = all_overlap ? 2000 + i % 3 : 2000 + 2 * i;
    y += "  - date: \"" + std::to_string(start) + "\"\n    title: \"기간 " + std::to_string(i) + "\"\n";
  }
  return y;
}

}  // namespace

TEST_CASE("spans in one plot are packed into lanes under the axis with labels, and ongoing ones reach as-of") {
  model::Document doc = sample_doc();
  make_span(doc.events[0], Date{2023, 6, 1, Precision::Month});
  make_span(doc.events[2], std::nullopt);
  doc.as_of = Date{2024, 6, 30, Precision::Day};
  doc.groups.clear();
  for (auto& e : doc.events) e.group = -1;
  const scene::Scene s = laid_out(doc);
  CHECK(count(s, "span") == 2);
  CHECK(count(s, "as-of") == 2);  // the line and its label
}

TEST_CASE("spans that all overlap use as many lanes as spans, no more") {
  model::Document doc = parse_doc(spans_yaml(6, true));
  for (auto& e : doc.events) make_span(e, Date{2010, 1, 1, Precision::Year});
  doc.orientation = model::Orientation::Horizontal;
  const scene::Scene s = laid_out(doc);
  std::vector<double> tops;
  for (const auto& it : s.items)
    if (it.role == "span") tops.push_back(it.box.y);
  std::sort(tops.begin(), tops.end());
  tops.erase(std::unique(tops.begin(), tops.end()), tops.end());
  CHECK(tops.size() == 6);
}

TEST_CASE("spans that follow each other share one lane") {
  model::Document doc = parse_doc(spans_yaml(5, false));
  for (auto& e : doc.events) make_span(e, Date{e.date.year + 1, 1, 1, Precision::Year});  // two whole years each
  doc.orientation = model::Orientation::Horizontal;
  const scene::Scene s = laid_out(doc);
  std::vector<double> tops;
  for (const auto& it : s.items)
    if (it.role == "span") tops.push_back(it.box.y);
  CHECK(std::all_of(tops.begin(), tops.end(), [&](double y) { return y == tops[0]; }));
}

TEST_CASE("grouped spans get one labelled swimlane per group and no legend") {
  model::Document doc = sample_doc();
  make_span(doc.events[0], Date{2023, 6, 1, Precision::Month});
  make_span(doc.events[2], std::nullopt);
  doc.as_of = Date{2024, 6, 30, Precision::Day};
  const scene::Scene s = laid_out(doc);
  CHECK(count(s, "group") == 3);
  CHECK(count(s, "lane") == 3);
  CHECK(count(s, "legend") == 0);
}

TEST_CASE("a long empty stretch becomes an axis break and labels stay clean") {
  model::Document doc = parse_doc(read_file(std::string(FACTLINE_SOURCE_DIR) + "/tests/layout/history.yaml"));
  const scene::Scene s = laid_out(doc);
  CHECK(count(s, "axis-break") >= 3);  // each break: a cleared patch and two strokes
  doc.axis_breaks = false;
  CHECK(count(laid_out(doc), "axis-break") == 0);
}

TEST_CASE("the vertical layout handles spans, breaks and the as-of mark") {
  model::Document doc = parse_doc(read_file(std::string(FACTLINE_SOURCE_DIR) + "/tests/layout/history.yaml"));
  doc.orientation = model::Orientation::Vertical;
  make_span(doc.events[4], Date{1945, 8, 15, Precision::Day});
  doc.as_of = Date{2000, 1, 1, Precision::Day};
  const scene::Scene s = laid_out(doc);
  CHECK(count(s, "span") == 1);
  CHECK(count(s, "axis-break") >= 3);
}

TEST_CASE("a thousand events are all placed without overlap under detail: all") {
  std::string y = "title: 천 개의 사건\ndetail: all\nevents:\n";
  for (int i = 0; i < 1000; ++i)
    y += "  - date: \"" + std::to_string(1990 + i % 30) + "-" + (i % 12 < 9 ? "0" : "") + std::to_string(1 + i % 12) +
         "\"\n    title: \"사건 " + std::to_string(i) + " 반도체\"\n";
  const scene::Scene s = laid_out(parse_doc(y));
  CHECK(count(s, "event-title") == 1000);
}


namespace {

const char* const kEras =
    "title: 고려와 조선\nlocale: ko\nevents:\n"
    "  - {start: \"918\", end: \"1392\", title: 고려, era: true}\n"     // 0
    "  - {start: \"1392\", end: \"1897\", title: 조선, era: true}\n"    // 1
    "  - {start: \"1876\", title: 개항기, era: true}\n"                  // 2: ongoing, overlaps 1
    "  - {date: \"936\", title: 후삼국 통일}\n"                          // 3
    "  - {date: \"1170\", title: 무신 정변}\n"                           // 4
    "  - {date: \"1446\", title: 훈민정음 반포}\n"                       // 5
    "  - {date: \"1592\", title: 임진왜란}\n"                            // 6
    "  - {start: \"1910\", end: \"1945\", title: 일제강점기}\n"          // 7: a span, not an era
    "  - {date: \"1919\", title: 3·1 운동}\n";                           // 8

const scene::Item& only(const scene::Scene& s, const std::string& role, int event) {
  const scene::Item* found = nullptr;
  for (const auto& it : s.items)
    if (it.role == role && it.event == event) {
      REQUIRE(found == nullptr);
      found = &it;
    }
  REQUIRE(found != nullptr);
  return *found;
}

// Each era's band holds the markers of the events in its period and no others; the band runs
// behind every event's mark and label (it is drawn before them), across the whole plot.
void check_era_bands(const scene::Scene& s, const model::Document& doc, bool horizontal) {
  std::size_t first_other = s.items.size();
  for (std::size_t k = 0; k < s.items.size(); ++k)
    if (s.items[k].event >= 0 && s.items[k].role != "era" && s.items[k].role != "era-edge")
      first_other = std::min(first_other, k);
  for (int era = 0; era < 3; ++era) {
    const Rect band = only(s, "era", era).box;
    CAPTURE(era);
    for (std::size_t k = 0; k < s.items.size(); ++k)
      if (s.items[k].role == "era" && s.items[k].event == era) CHECK(k < first_other);
    const calendar::Days lo = calendar::first_day(doc.events[era].date);
    const calendar::Days hi = doc.events[era].end ? calendar::end_day(*doc.events[era].end) : 1 << 30;
    for (int e = 3; e < 9; ++e) {
      if (doc.events[e].is_span) continue;
      const Rect m = only(s, "event-marker", e).box;
      const double at = horizontal ? m.x + m.w / 2 : m.y + m.h / 2;
      const bool inside = horizontal ? band.x < at && at < band.right() : band.y < at && at < band.bottom();
      const calendar::Days d = calendar::first_day(doc.events[e].date);
      CAPTURE(e);
      CHECK(inside == (lo <= d && d < hi));
      if (horizontal) CHECK((band.y <= m.y && m.bottom() <= band.bottom()));
      else CHECK((band.x <= m.x && m.right() <= band.right()));
    }
  }
}

}  // namespace

TEST_CASE("eras are background bands with their own labels, in both orientations") {
  for (const auto o : {model::Orientation::Horizontal, model::Orientation::Vertical}) {
    model::Document doc = parse_doc(kEras);
    doc.orientation = o;
    const bool horizontal = o == model::Orientation::Horizontal;
    CAPTURE(horizontal);
    const scene::Scene s = laid_out(doc);
    CHECK(count(s, "era") == 3);
    CHECK(count(s, "era-edge") == 5);  // the ongoing era has no end edge
    CHECK(count(s, "span") == 1);      // eras take no lane
    check_era_bands(s, doc, horizontal);
    if (horizontal) {  // era labels in rows above every event label
      double lowest_era_label = 0, highest_event_label = 1e9;
      for (const auto& it : s.items) {
        if (it.type != scene::ItemType::Text || it.event < 0) continue;
        if (it.event < 3) lowest_era_label = std::max(lowest_era_label, it.box.bottom());
        else if (!doc.events[it.event].is_span) highest_event_label = std::min(highest_event_label, it.box.y);
      }
      CHECK(lowest_era_label <= highest_event_label);
    }
  }
}

}  // namespace factline::test

namespace factline::test {

TEST_CASE("a vertical axis of day ticks names the month and year it starts in, inside the page") {
  model::Document doc = parse_doc(
      "title: 짧은 두 구간\nlocale: ko\norientation: vertical\n"
      "events:\n  - {date: 2020-05, title: 가}\n  - {date: 2021-02, title: 나}\n");
  const scene::Scene s = laid_out(doc);  // every box inside the canvas, among the rest
  std::vector<std::string> ticks;
  for (const auto& it : s.items)
    if (it.role == "tick") ticks.push_back(it.text);
  REQUIRE_FALSE(ticks.empty());
  CHECK(ticks.front().starts_with("2020년 "));
  CHECK(std::any_of(ticks.begin(), ticks.end(), [](const std::string& t) { return t.starts_with("2021년 "); }));
}

}  // namespace factline::test
