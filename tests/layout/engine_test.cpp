// The timeline engine's features on documents built in code: spans and lanes, swimlanes, the
// as-of mark, axis breaks, and many events. Each scene is checked by the independent checker.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "layout/fixture.hpp"
#include "layout/timeline.hpp"

namespace factline::test {
namespace {

using calendar::Date;
using calendar::Precision;

scene::Scene laid_out(const model::Document& doc) {
  auto out = layout::layout_timeline(doc, shaper());
  REQUIRE_FALSE(out.diagnostics.has_errors());
  expect_clean(out.scene, static_cast<int>(doc.events.size()));
  std::vector<double> times;
  std::vector<bool> spans;
  for (const auto& e : doc.events) {
    times.push_back(static_cast<double>(calendar::first_day(e.date) + calendar::end_day(e.date)) / 2);
    spans.push_back(e.is_span);
  }
  CHECK(reading_order_inversions(out.scene, times, spans) == 0);
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

TEST_CASE("a thousand events are all placed without overlap") {
  std::string y = "title: 천 개의 사건\nevents:\n";
  for (int i = 0; i < 1000; ++i)
    y += "  - date: \"" + std::to_string(1990 + i % 30) + "-" + (i % 12 < 9 ? "0" : "") + std::to_string(1 + i % 12) +
         "\"\n    title: \"사건 " + std::to_string(i) + " 반도체\"\n";
  const scene::Scene s = laid_out(parse_doc(y));
  CHECK(count(s, "event-title") == 1000);
}

}  // namespace factline::test
