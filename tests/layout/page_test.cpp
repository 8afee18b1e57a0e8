// Composite pages (panels:) and charts from fact files end to end: plot areas line up, panels
// with time axes share one time range, and CSV data is read beside the fact file.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "layout/fixture.hpp"
#include "layout/page.hpp"
#include "unit/load/load_fixture.hpp"

namespace factline::test {
namespace {

using load::test::TempDir;

std::string sample_path(const std::string& name) { return std::string(FACTLINE_SOURCE_DIR) + "/samples/" + name; }

scene::Scene layout_file(const std::string& path) {
  LayoutResult r = engine().layout(read_file(path), path);
  for (const auto& d : r.diagnostics.items()) INFO(d.loc.line, ":", d.loc.column, " ", d.message);
  CHECK(r.diagnostics.empty());
  REQUIRE(r.scene.has_value());
  return std::move(*r.scene);
}

// The x of every tick label reading `label` (one per time axis that has it), left to right in
// the scene's order.
std::vector<double> tick_x(const scene::Scene& s, const std::string& label) {
  std::vector<double> xs;
  for (const auto& it : s.items)
    if (it.role == "tick" && it.text == label) xs.push_back(it.box.x);
  return xs;
}

// Left and right ends of the plot areas: the axis bands and the value gridlines.
std::vector<std::pair<double, double>> plot_extents(const scene::Scene& s) {
  std::vector<std::pair<double, double>> out;
  for (const auto& it : s.items)
    if (it.role == "axis" || it.role == "grid") out.emplace_back(it.box.x, it.box.right());
  return out;
}

const char* const kTwoLines =
    "title: 두 꺾은선\nlocale: ko\n"
    "panels:\n"
    "  - type: line\n    title: 가\n    x: d\n    series: [v]\n"
    "    rows: [{d: 2020-01, v: 1}, {d: 2021-06, v: 3}, {d: 2022-01, v: 2}]\n"
    "  - type: line\n    title: 나\n    x: d\n    series: [v]\n"
    "    rows: [{d: 2021-01, v: 10}, {d: 2023-12, v: 30}]\n";

}  // namespace

TEST_CASE("the composite sample lines its plots up on one time range, with no overlap") {
  const scene::Scene s = layout_file(sample_path("ai-chip-page.yaml"));
  expect_clean(s, 5);
  // Every axis and gridline starts and ends where the timeline's axis does.
  const auto extents = plot_extents(s);
  REQUIRE(extents.size() >= 3);
  for (const auto& [l, r] : extents) {
    CHECK(std::abs(l - extents[0].first) <= 1);
    CHECK(std::abs(r - extents[0].second) <= 1);
  }
  // A year starts at the same x on the timeline and on the line chart.
  for (const std::string year : {"2022년", "2023년", "2024년"}) {
    const auto xs = tick_x(s, year);
    CAPTURE(year);
    REQUIRE(xs.size() == 2);
    CHECK(xs[0] == doctest::Approx(xs[1]).epsilon(1e-9));
  }
  // The reference date's line stands at one x on the timeline and on the chart.
  std::vector<double> as_of;
  for (const auto& it : s.items)
    if (it.role == "as-of" && it.type == scene::ItemType::Line) as_of.push_back(it.points[0].x);
  REQUIRE(as_of.size() == 2);
  CHECK(as_of[0] == doctest::Approx(as_of[1]).epsilon(1e-9));
  std::vector<std::string> titles;
  for (const auto& it : s.items)
    if (it.role == "panel-title") titles.push_back(it.text);
  CHECK(titles == std::vector<std::string>{"주요 사건", "엔비디아 분기 매출", "엔비디아 지역별 연간 매출"});
}

TEST_CASE("share_time: false gives each time axis its own range") {
  std::string yaml = read_file(sample_path("ai-chip-page.yaml"));
  yaml.replace(yaml.find("\npanels:"), 0, "\nshare_time: false");
  TempDir dir;  // the sample's data folder beside the changed copy
  for (const char* csv : {"data/nvidia-quarterly.csv", "data/nvidia-revenue-by-region.csv"})
    dir.write(csv, read_file(sample_path(csv)));
  dir.write("page.yaml", yaml);
  const scene::Scene s = layout_file(dir.file("page.yaml"));
  expect_clean(s, 5);
  const auto xs = tick_x(s, "2023년");
  REQUIRE(xs.size() == 2);
  CHECK(std::abs(xs[0] - xs[1]) > 10);  // the chart's data start a year before the events
}

TEST_CASE("two date charts share one time range without a timeline") {
  const scene::Scene shared = layout_ok(kTwoLines);
  const auto xs = tick_x(shared, "2022년");
  REQUIRE(xs.size() == 2);
  CHECK(xs[0] == doctest::Approx(xs[1]).epsilon(1e-9));
  const scene::Scene own = layout_ok(std::string(kTwoLines) + "share_time: false\n");
  const auto ys = tick_x(own, "2021년");  // inside both charts' own ranges
  REQUIRE(ys.size() == 2);
  CHECK(std::abs(ys[0] - ys[1]) > 10);
}

TEST_CASE("a line chart from a CSV of a few hundred rows and three series has no overlapping text") {
  TempDir dir;
  std::string csv = "날짜,서울,부산,대구\n";
  for (int k = 0; k < 360; ++k) {
    const int month = 1 + k % 12, year = 1995 + k / 12;
    const std::string m = (month < 10 ? "0" : "") + std::to_string(month);
    const auto value = [&](int base, int every) {  // a gap now and then
      return k % every == 0 ? std::string() : std::to_string(base + (k * 37 + every) % 50);
    };
    csv += std::to_string(year) + "-" + m + "," + value(100, 41) + "," + value(80, 53) + "," + value(60, 67) + "\n";
  }
  dir.write("data/price.csv", csv);
  dir.write("chart.yaml",
            "title: 30년 동안의 지수\nlocale: ko\nsource: 생성한 자료\n"
            "chart:\n  type: line\n  data: data/price.csv\n  x: 날짜\n  series: [서울, 부산, 대구]\n"
            "  unit: 포인트\n"
            "events:\n  - {date: 1997-11, title: 외환 위기}\n  - {date: 2008-09, title: 금융 위기}\n"
            "  - {date: 2008-10, title: 한·미 통화 스와프}\n  - {date: 2020-03, title: 코로나19 충격}\n");
  const scene::Scene s = layout_file(dir.file("chart.yaml"));
  const SceneReport r = check_scene(s, 0);
  std::string problems;
  for (std::size_t i = 0; i < std::min<std::size_t>(r.problems.size(), 8); ++i) problems += "\n  " + r.problems[i];
  INFO(problems);
  CHECK(r.problems.empty());
  CHECK(korean_word_splits(s).empty());
  int lines = 0, labels = 0, events = 0;
  for (const auto& it : s.items) {
    lines += it.role == "line";
    labels += it.role == "series-label";
    events += it.role == "event-rule";
  }
  CHECK(lines > 3);  // the gaps break the lines
  CHECK(labels == 3);
  CHECK(events == 4);
}

}  // namespace factline::test

namespace factline::test {

TEST_CASE("end-of-line labels are legible in every template, in their series' colour or near it") {
  const std::string path = std::string(FACTLINE_SOURCE_DIR) + "/samples/nvidia-revenue.yaml";
  for (const std::string look : {"news", "minimal", "dark", "print"}) {
    CAPTURE(look);
    LayoutResult r = engine().layout(read_file(path), path, LayoutOptions{look});
    REQUIRE(r.scene.has_value());
    int labels = 0;
    for (const auto& it : r.scene->items)
      if (it.role == "series-label") {
        ++labels;
        REQUIRE(it.fill.has_value());
        CHECK(contrast_ratio(*it.fill, r.scene->background) >= min_text_contrast);
      }
    CHECK(labels == 2);
  }
}

}  // namespace factline::test

namespace factline::test {

TEST_CASE("spans and eras among a line chart's events get a band for their whole period") {
  const scene::Scene s = layout_ok(
      "title: 환율과 시대\nlocale: ko\n"
      "chart:\n  type: line\n  x: d\n  series: [v]\n"
      "  rows: [{d: 1995-01, v: 800}, {d: 1998-01, v: 1700}, {d: 2001-01, v: 1300}, {d: 2004-01, v: 1150}]\n"
      "events:\n"
      "  - {start: 1997-11, end: 2001-08, title: IMF 구제금융, era: true}\n"   // 0
      "  - {date: 1999-06, title: 가}\n"                                          // 1
      "  - {start: 2003-02, title: 참여정부}\n");                                  // 2: ongoing
  std::vector<const scene::Item*> bands, rules;
  for (const auto& it : s.items) {
    if (it.role == "event-span") bands.push_back(&it);
    if (it.role == "event-rule") rules.push_back(&it);
  }
  REQUIRE(bands.size() == 2);
  REQUIRE(rules.size() == 3);
  const auto rule_x = [&](int e) {
    for (const auto* r : rules)
      if (r->event == e) return r->points[0].x;
    FAIL("no rule for event ", e);
    return 0.0;
  };
  CHECK(bands[0]->event == 0);
  CHECK(bands[1]->event == 2);
  // The band starts where its period starts (its rule, at the start month's middle, is inside
  // it) and the point event in between falls inside the first band.
  CHECK(bands[0]->box.x < rule_x(0));
  CHECK(rule_x(1) > bands[0]->box.x);
  CHECK(rule_x(1) < bands[0]->box.right());
  CHECK(bands[1]->box.x > bands[0]->box.right());
  CHECK(bands[1]->box.w > 0);  // ongoing: to the end of the axis
  const SceneReport r = check_scene(s, 0);
  CHECK(r.problems.empty());
}

TEST_CASE("an event text with Hanja on one line is laid out as tall as one without") {
  // Issue: a line holding a fallback glyph stood ~3 px further from its neighbour. The scene's
  // text boxes of the two events, wrapped to the same number of lines, have one height.
  const auto text_height = [](const std::string& text) {
    const scene::Scene s = layout_ok("title: 줄 간격\nlocale: ko\nevents:\n  - date: 2024-01\n    title: 사건\n    text: \"" + text + "\"\n");
    for (const auto& it : s.items)
      if (it.role == "event-text") return std::pair{it.box.h, it.shaped->lines().size()};
    FAIL("no event text");
    return std::pair{0.0, std::size_t{0}};
  };
  const auto plain = text_height("미국 수출 통제 강화\\n중국 반발 이어져\\n일본 협력 확대");
  const auto hanja = text_height("미국 수출 통제 강화\\n中 반발 이어져\\n日 협력 확대");
  REQUIRE(plain.second == 3);
  CHECK(hanja.second == 3);
  CHECK(hanja.first == doctest::Approx(plain.first).epsilon(1e-4));
}

// n events a month apart under detail: all, titled "사건 k".
std::string monthly_events(int n) {
  std::string y = "title: 삼백 개의 사건\ndetail: all\nevents:\n";
  for (int i = 0; i < n; ++i)
    y += "  - {date: \"" + std::to_string(2000 + i / 12) + "-" + (i % 12 < 9 ? "0" : "") + std::to_string(1 + i % 12) +
         "\", title: \"사건 " + std::to_string(i) + "\"}\n";
  return y;
}

TEST_CASE("a detail: all timeline taller than a page is cut into pages in time order, every event once") {
  LayoutResult r = engine().layout(monthly_events(300), "many.yaml");
  REQUIRE(r.scene.has_value());
  CHECK(r.diagnostics.empty());
  REQUIRE(r.pages.size() >= 2);
  std::vector<int> seen(300);
  std::string previous_last;
  for (std::size_t k = 0; k < r.pages.size(); ++k) {
    const scene::Scene& p = r.pages[k];
    CAPTURE(k);
    CHECK(p.height <= 3 * p.width);
    CHECK(check_scene(p, static_cast<int>(p.events.size())).problems.empty());
    int lines = 0;
    for (const auto& it : p.items) {
      if (it.role == "event-title") ++seen[static_cast<std::size_t>(std::stoi(p.events[it.event].title.substr(7)))];
      if (it.role == "page-range") {
        ++lines;
        CHECK(it.text.ends_with(" · " + std::to_string(k + 1) + "/" + std::to_string(r.pages.size()) + "쪽"));
      }
    }
    CHECK(lines == 1);
  }
  CHECK(std::count(seen.begin(), seen.end(), 1) == 300);
  // Consecutive stretches: a page's events all come before the next page's.
  for (std::size_t k = 1; k < r.pages.size(); ++k)
    CHECK(std::stoi(r.pages[k - 1].events.back().title.substr(7)) < std::stoi(r.pages[k].events.front().title.substr(7)));
  // One page is one page: no pages for a short timeline.
  CHECK(engine().layout("title: 짧은\ndetail: all\nevents:\n  - {date: \"2001\", title: 하나}\n", "one.yaml").pages.empty());
}

TEST_CASE("a paged timeline is sized before layout: only its pages are laid out, each page a page tall") {
  const model::Document doc = parse_doc(monthly_events(300));
  const layout::LayoutResult paged = layout::layout_document(doc, shaper(), {}, false);
  REQUIRE_FALSE(paged.diagnostics.has_errors());
  REQUIRE(paged.pages.size() >= 2);
  CHECK(paged.cost.most < 300);         // no layout was given every event
  CHECK(paged.cost.events < 300 + 300 / 4);  // pages sized well: few laid out again (300 here)
  std::vector<int> seen(300);
  for (std::size_t k = 0; k < paged.pages.size(); ++k) {
    const scene::Scene& p = paged.pages[k];
    CAPTURE(k);
    // Every page but the last is exactly a page (3 × the width): its size was known before layout.
    if (k + 1 < paged.pages.size()) CHECK(p.height == 3 * p.width);
    else CHECK(p.height <= 3 * p.width);
    for (const auto& it : p.items)
      if (it.role == "event-title") ++seen[static_cast<std::size_t>(std::stoi(p.events[it.event].title.substr(7)))];
  }
  CHECK(std::count(seen.begin(), seen.end(), 1) == 300);
  const auto size = layout::paged_page_size(doc, shaper());
  REQUIRE(size.has_value());
  CHECK(size->width == paged.pages.front().width);
  CHECK(size->height == paged.pages.front().height);
  // Asked for the whole timeline too (JSON, HTML), it is laid out once more, and the pages are the same.
  const layout::LayoutResult both = layout::layout_document(doc, shaper(), {}, true);
  CHECK(both.cost.most == 300);
  CHECK(both.scene.height > 3 * both.scene.width);
  REQUIRE(both.pages.size() == paged.pages.size());
  for (std::size_t k = 0; k < both.pages.size(); ++k) CHECK(scene::same_layout(both.pages[k], paged.pages[k]));
  // A timeline that may fit a page has no size before layout, and is laid out whole.
  const model::Document few = parse_doc(monthly_events(5));
  CHECK_FALSE(layout::paged_page_size(few, shaper()).has_value());
  CHECK(layout::layout_document(few, shaper(), {}, false).cost.most == 5);
}

TEST_CASE("a timeline whose estimate is about a page is laid out whole, and paged only if it comes out taller") {
  // The fewest events (in steps of 5) that make pages: near one page, where the estimate does not
  // decide, so the whole was laid out first; its pages still hold every event once.
  for (int n = 30; n <= 150; n += 5) {
    const model::Document doc = parse_doc(monthly_events(n));
    const layout::LayoutResult r = layout::layout_document(doc, shaper(), {}, false);
    REQUIRE_FALSE(r.diagnostics.has_errors());
    if (r.pages.empty()) continue;
    CAPTURE(n);
    CHECK_FALSE(layout::paged_page_size(doc, shaper()).has_value());
    CHECK(r.cost.most == static_cast<std::size_t>(n));
    CHECK(r.scene.height > 3 * r.scene.width);
    std::size_t events = 0;
    for (const scene::Scene& p : r.pages) {
      CHECK(p.height <= 3 * p.width);
      events += p.events.size();
    }
    CHECK(events == static_cast<std::size_t>(n));
    return;
  }
  FAIL("no timeline of up to 150 events made pages");
}

TEST_CASE("a burst of markers before a vertical axis's first tick stays on the axis, below the header") {
  // 40 events on one day before the first tick, then one a month: the burst stacks up from the
  // first tick and would rise past the axis's top (off the page, over the title), unless the
  // axis moves down.
  std::string y = "title: 첫날에 몰린 사건\ndetail: all\norientation: vertical\nevents:\n";
  for (int i = 0; i < 40; ++i) y += "  - {date: \"2001-01-20\", title: \"첫날 " + std::to_string(i) + "\"}\n";
  for (int i = 1; i < 24; ++i)
    y += "  - {date: \"" + std::to_string(2001 + i / 12) + "-" + (i % 12 < 9 ? "0" : "") + std::to_string(1 + i % 12) +
         "-15\", title: \"달 " + std::to_string(i) + "\"}\n";
  const scene::Scene s = layout_ok(y);
  double axis_top = s.height, header_bottom = 0;
  for (const auto& it : s.items) {
    if (it.role == "axis") axis_top = std::min(axis_top, it.box.y);
    if (it.role == "title") header_bottom = std::max(header_bottom, it.box.bottom());
  }
  REQUIRE(axis_top < s.height);
  int markers = 0;
  for (const auto& it : s.items)
    if (it.role == "event-marker") {
      ++markers;
      CHECK(it.box.y + it.box.h / 2 >= axis_top - 0.01);  // its centre on the axis
      CHECK(it.box.y >= header_bottom);
    }
  CHECK(markers == 63);
  CHECK(check_scene(s, 63).problems.empty());
}

TEST_CASE("a page's file name numbers the page before the extension") {
  CHECK(page_path("out.png", 1) == "out-1.png");
  CHECK(page_path("dir.v2/out.svg", 12) == "dir.v2/out-12.svg");
  CHECK(page_path("dir.v2/out", 3) == "dir.v2/out-3");
  CHECK(page_path(".hidden", 2) == ".hidden-2");
}

}  // namespace factline::test
