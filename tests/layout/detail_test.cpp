// Level of detail on generated fact files of 100 to 10,000 events (fixed seeds), horizontal and
// vertical, with spans and groups: the page keeps its width and a height of at most 3× it; no
// text overlaps, every box on the page, every label within the row (vertical: column) budget and
// a cell of its marker, labelled + clustered + counted = n, importance 5 always labelled,
// byte-identical output on a second run. (100,000 events: bench/.)
#include <cairo.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

#include "api/factline.hpp"
#include "layout/fixture.hpp"
#include "render/painter.hpp"
#include "render/render.hpp"
#include "unit/render/png_stream.hpp"
#include "scene/scene_json.hpp"

namespace factline::test {
namespace {

struct Rng {
  std::uint64_t state;
  int below(int n) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<int>((state >> 33) % static_cast<std::uint64_t>(n));
  }
};

const char* const words[] = {"반도체", "수출", "통제", "화웨이", "엔비디아", "AI", "GPU", "중국", "미국", "정부가",
                             "발표했다.", "공동", "개발", "TSMC", "‘반도체 굴기’", "바이트댄스·브로드컴", "출시"};

std::string two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

// n events over `years` years: points of every precision, a tenth spans, three groups (one with a
// default importance), a fifth rated, `musts` of importance 5, a third with short titles.
std::string dense_file(int n, std::uint64_t seed, int years = 20, int musts = 3, const std::string& extra = "") {
  Rng rng{seed};
  std::string y = "title: 조밀한 연표\n" + extra +
                  "groups:\n  - {id: a, label: 미국}\n  - {id: b, label: 중국, importance: 3}\n  - {id: c, label: 기업}\nevents:\n";
  for (int i = 0; i < n; ++i) {
    const int year = 2000 + rng.below(years), month = 1 + rng.below(12), day = 1 + rng.below(28);
    std::string title;
    for (int k = 0, m = 2 + rng.below(5); k < m; ++k) title += (k ? " " : "") + std::string(words[rng.below(std::size(words))]);
    y += "  - {";
    if (rng.below(10) == 0)
      y += "start: \"" + std::to_string(year) + "-" + two(month) + "\", end: \"" + std::to_string(year + 1) + "\"";
    else {
      const int p = rng.below(10);
      y += "date: \"" + std::to_string(year) + (p < 8 ? "-" + two(month) + "-" + two(day) : p < 9 ? "-" + two(month) : "") + "\"";
    }
    y += ", title: \"" + title + "\"";
    if (rng.below(3) == 0) y += ", short: \"" + std::string(words[rng.below(std::size(words))]) + "\"";
    if (rng.below(2) == 0) y += ", text: \"본문 " + std::to_string(i) + "\"";
    y += ", group: " + std::string(1, static_cast<char>('a' + rng.below(3)));
    if (i < musts) y += ", importance: 5";
    else if (rng.below(5) == 0) y += ", importance: " + std::to_string(1 + rng.below(4));
    y += "}\n";
  }
  return y;
}

// Every level-of-detail property of one laid-out file.
scene::Scene detail_checked(const std::string& yaml, int n, int musts = 3, double width = 1200) {
  const scene::Scene s = layout_checked(yaml);
  REQUIRE(s.detail.has_value());
  const scene::DetailReport& d = *s.detail;
  CHECK(d.events == n);
  CHECK(d.labelled + d.clustered + d.counted == n);
  CHECK(s.height <= 3 * s.width);
  CHECK(s.width == width);
  for (int i = 0; i < musts; ++i) CHECK(d.status[i].as == scene::EventPlacement::As::Labelled);
  // A leader ends less than a cell along the axis from its marker (an importance-5 event's may
  // be nudged further): across a horizontal axis, down a vertical one.
  for (const auto& it : s.items)
    if (it.role == std::string("leader") && it.event >= musts) {
      const Point a = it.points.front(), b = it.points.back();
      CHECK(std::abs(d.vertical ? a.y - b.y : a.x - b.x) < d.cell + 0.01);
    }
  // No two markers touch: each stands at its stem, a cell (wider than a marker) from the next.
  std::vector<Rect> marks;
  for (const auto& it : s.items)
    if (it.role == std::string("event-marker")) marks.push_back(it.box);
  for (std::size_t a = 0; a < marks.size(); ++a)
    for (std::size_t b = a + 1; b < marks.size(); ++b) CHECK_FALSE(marks[a].overlaps(marks[b]));
  if (d.vertical) {
    CHECK(d.rows_below == 0);
    // A marker stands at its stem, less than a cell from the tick at its true date.
    for (const auto& tick : s.items)
      if (tick.role == std::string("date-tick") && tick.event >= musts)
        for (const auto& m : s.items)
          if (m.role == std::string("event-marker") && m.event == tick.event)
            CHECK(std::abs(m.box.y + m.box.h / 2 - tick.points.front().y) < d.cell + 0.01);
  }
  // Every "+N" is the size of its cluster.
  for (const auto& c : d.clusters) {
    int members = 0;
    for (const auto& st : d.status) members += st.cluster == c.label;
    CHECK(members == c.count);
  }
  return s;
}

}  // namespace

TEST_CASE("level of detail: 100, 1,000 and 3,000 events keep the page, with every property") {
  for (const int n : {100, 1000, 3000}) {
    CAPTURE(n);
    const std::string y = dense_file(n, 17 + static_cast<std::uint64_t>(n));
    const scene::Scene s = detail_checked(y, n);
    CHECK(s.detail->labelled >= 20);
    // Byte-identical on a second run.
    CHECK(scene::to_json(s) == scene::to_json(layout_ok(y)));
  }
}

TEST_CASE("level of detail: one year of dense events, and two years of spans only") {
  detail_checked(dense_file(2000, 5, 1), 2000);
  std::string spans = "title: 기간만\nevents:\n";
  for (int i = 0; i < 400; ++i)
    spans += "  - {start: \"20" + two(10 + i % 10) + "-" + two(1 + i % 12) + "\", end: \"2021\", title: \"기간 " +
             std::to_string(i) + "\"}\n";
  detail_checked(spans, 400, 0);
}

TEST_CASE("level of detail with eras, as_of and an explicit horizontal orientation") {
  std::string y = dense_file(1500, 8, 20, 3, "as_of: 2015-06-30\norientation: horizontal\n");
  y += "  - {start: 2003, end: 2008, era: true, title: 첫 시대}\n  - {start: 2012, end: 2016, era: true, title: 둘째 시대}\n";
  const scene::Scene s = detail_checked(y, 1500);
  CHECK(s.detail->status[1500].as == scene::EventPlacement::As::Era);
}

TEST_CASE("level of detail: 10,000 events add up, horizontal and vertical") {
  for (const char* extra : {"", "orientation: vertical\n"}) {
    CAPTURE(extra);
    const std::string y = dense_file(10000, 99, 20, 3, extra);
    LayoutResult r = engine().layout(y, "test.yaml");
    REQUIRE(r.scene);
    const scene::DetailReport& d = *r.scene->detail;
    CHECK(d.vertical == (*extra != 0));
    CHECK(d.labelled + d.clustered + d.counted == 10000);
    CHECK(r.scene->height <= 3 * r.scene->width);
    for (int i = 0; i < 3; ++i) CHECK(d.status[i].as == scene::EventPlacement::As::Labelled);
  }
}

TEST_CASE("vertical level of detail: 100, 1,000 and 3,000 events keep the page, with every property") {
  for (const int n : {100, 1000, 3000}) {
    CAPTURE(n);
    const std::string y = dense_file(n, 31 + static_cast<std::uint64_t>(n), 20, 3, "orientation: vertical\n");
    const scene::Scene s = detail_checked(y, n);
    CHECK(s.detail->vertical);
    CHECK(s.detail->labelled >= 20);
    CHECK(scene::to_json(s) == scene::to_json(layout_ok(y)));
    // Labels stand in columns right of the axis and markers, every one on the page.
    double axis_x = -1;
    for (const auto& it : s.items)
      if (it.role == std::string("axis")) axis_x = it.points.front().x;
    REQUIRE(axis_x > 0);
    for (const auto& it : s.items)
      if (it.role == std::string("event-title")) {
        CHECK(it.box.x > axis_x);
        CHECK(it.box.right() <= s.width);
      }
  }
}

TEST_CASE("vertical level of detail: a given height, a narrow page, one dense year, spans, eras and as_of") {
  const scene::Scene tall = detail_checked(dense_file(1500, 4, 20, 3, "orientation: vertical\nheight: 1600\n"), 1500);
  CHECK(tall.height <= 1600);
  const scene::Scene narrow = detail_checked(dense_file(800, 6, 20, 2, "orientation: vertical\nwidth: 500\n"), 800, 2, 500);
  CHECK(narrow.detail->rows_above >= 1);
  detail_checked(dense_file(2000, 5, 1, 3, "orientation: vertical\n"), 2000);
  std::string spans = "title: 기간만\norientation: vertical\nevents:\n";
  for (int i = 0; i < 400; ++i)
    spans += "  - {start: \"20" + two(10 + i % 10) + "-" + two(1 + i % 12) + "\", end: \"2021\", title: \"기간 " +
             std::to_string(i) + "\"}\n";
  detail_checked(spans, 400, 0);
  std::string y = dense_file(1500, 8, 20, 3, "as_of: 2015-06-30\norientation: vertical\n");
  y += "  - {start: 2003, end: 2008, era: true, title: 첫 시대}\n  - {start: 2012, end: 2016, era: true, title: 둘째 시대}\n";
  const scene::Scene s = detail_checked(y, 1500);
  CHECK(s.detail->status[1500].as == scene::EventPlacement::As::Era);
}

TEST_CASE("vertical: a timeline that fits labels every event; detail: N and one day as horizontally") {
  const scene::Scene few = layout_checked(dense_file(12, 2, 20, 3, "orientation: vertical\n"));
  CHECK_FALSE(few.detail.has_value());
  const scene::Scene s = detail_checked(dense_file(300, 3, 20, 3, "orientation: vertical\ndetail: 12\n"), 300);
  CHECK(s.detail->labelled == 12);
  CHECK(s.height < 1500);  // the axis as long as a dozen labels need, not the whole budget
  std::string y = "title: 하루\norientation: vertical\nevents:\n";
  for (int i = 0; i < 200; ++i) y += "  - {date: 2024-06-27, title: \"사건 " + std::to_string(i) + "\"}\n";
  const scene::Scene day = detail_checked(y, 200, 0);
  CHECK(day.detail->labelled == 1);
  REQUIRE(day.detail->clusters.size() == 1);
  CHECK(day.detail->clusters[0].count == 199);
}

TEST_CASE("swimlanes: a grouped timeline drawn in lanes keeps them at a level of detail, each lane its own rows") {
  // Spans in two groups and some ungrouped events: lanes whether every label fits or not.
  auto grouped = [](int n, const std::string& extra) {
    std::string y = "title: 두 갈래\n" + extra + "groups:\n  - {id: a, label: 미국}\n  - {id: b, label: 중국}\nevents:\n";
    for (int i = 0; i < n; ++i) {
      y += "  - {start: \"" + std::to_string(2000 + i % 20) + "-" + two(1 + i % 12) + "\", end: \"" +
           std::to_string(2001 + i % 20) + "\", title: \"기간 " + std::to_string(i) + "\"";
      y += i % 7 == 0 ? std::string(i < 7 ? ", importance: 5" : "") + "}\n" : std::string(", group: ") + (i % 2 ? "a" : "b") + "}\n";
    }
    return y;
  };
  auto lanes = [](const scene::Scene& s) {
    return std::count_if(s.items.begin(), s.items.end(), [](const auto& it) { return it.role == std::string("lane"); });
  };
  const scene::Scene few = layout_checked(grouped(6, ""));
  CHECK_FALSE(few.detail.has_value());
  CHECK(lanes(few) == 3);
  for (const int n : {300, 1500, 6000}) {
    CAPTURE(n);
    const scene::Scene many = detail_checked(grouped(n, ""), n, 1);
    CHECK(lanes(many) == 3);  // two groups and the ungrouped events
    CHECK(many.detail->rows_below == 0);
    // Every cluster's events are in its label's lane (the same group).
    const model::Document doc = parse_doc(grouped(n, ""));
    for (std::size_t e = 0; e < many.detail->status.size(); ++e)
      if (many.detail->status[e].cluster >= 0) CHECK(doc.events[e].group == doc.events[many.detail->status[e].cluster].group);
  }
  // Ten groups: ten lanes sharing the rows, every property.
  std::string ten = "title: 열 갈래\ngroups:\n";
  for (int g = 0; g < 10; ++g) ten += "  - {id: g" + std::to_string(g) + "}\n";
  ten += "events:\n";
  for (int i = 0; i < 2000; ++i)
    ten += "  - {" + std::string(i % 5 ? "date: \"" : "start: \"") + std::to_string(2000 + i % 23) + "-" + two(1 + i % 12) + "-" +
           two(1 + i % 28) + "\", title: \"사건 " + std::to_string(i) + " 제목\", group: g" + std::to_string(i * 7 % 10) + "}\n";
  CHECK(lanes(detail_checked(ten, 2000, 0)) == 10);
  // No room for a row per lane: no lanes (groups by colour), still every property.
  const scene::Scene low = detail_checked(grouped(1500, "height: 420\n"), 1500, 1);
  CHECK(lanes(low) == 0);
}

TEST_CASE("events on one day: one label carries the count of the others") {
  std::string y = "title: 하루\nevents:\n";
  for (int i = 0; i < 200; ++i) y += "  - {date: 2024-06-27, title: \"사건 " + std::to_string(i) + "\"}\n";
  const scene::Scene s = detail_checked(y, 200, 0);
  CHECK(s.detail->labelled == 1);
  REQUIRE(s.detail->clusters.size() == 1);
  CHECK(s.detail->clusters[0].count == 199);
  bool badge = false;
  for (const auto& it : s.items) badge = badge || (it.role == std::string("cluster-count") && it.text == "+199");
  CHECK(badge);
}

TEST_CASE("detail: N labels at most N; detail: all labels every event") {
  const scene::Scene s = detail_checked(dense_file(300, 3, 20, 3, "detail: 12\n"), 300);
  CHECK(s.detail->labelled == 12);
  CHECK(s.detail->mode == "count");
  const scene::Scene all = layout_ok(dense_file(150, 3, 20, 3, "detail: all\n"));
  CHECK_FALSE(all.detail.has_value());
}

TEST_CASE("importance-5 events that cannot all be labelled are an error naming them") {
  for (const char* extra : {"", "orientation: vertical\n"}) {
    CAPTURE(extra);
    std::string y = "title: 너무 많은 필수 사건\nheight: 600\n" + std::string(extra) + "events:\n";
    for (int i = 0; i < 40; ++i)
      y += "  - {date: 2024-06-27, title: \"꼭 보여야 할 아주 긴 제목의 사건 " + std::to_string(i) + "\", importance: 5}\n";
    for (int i = 0; i < 200; ++i) y += "  - {date: 2024-0" + std::to_string(1 + i % 9) + "-01, title: \"기타\"}\n";
    const LayoutResult r = engine().layout(y, "must.yaml");
    REQUIRE(r.diagnostics.has_errors());
    CHECK(r.diagnostics.items().front().message.find("these importance-5 events cannot all be labelled on this page") == 0);
    CHECK(r.diagnostics.items().front().message.find("꼭 보여야 할") != std::string::npos);
  }
}

}  // namespace factline::test

namespace factline::test {

TEST_CASE("a title longer than two lines is cut at a word (or, one long word, a character) with …") {
  std::string y = "title: 긴 제목\ndetail: 3\nevents:\n";
  y += "  - {date: 2020, title: \"";
  y += std::string(600, 'x');  // one word (Hangul would trip the checker's split-word rule)
  y += "\"}\n  - {date: 2021, title: \"";
  for (int k = 0; k < 300; ++k) y += k ? " 낱말" : "낱말";
  y += "\"}\n  - {date: 2022, title: 짧은 제목}\n";
  const scene::Scene s = detail_checked(y, 3, 0);
  int cut = 0;
  for (const auto& it : s.items)
    if (it.role == std::string("event-title")) {
      CHECK(it.shaped->lines().size() <= 2);
      cut += it.text.ends_with("…");
    }
  CHECK(cut == 2);
}

}  // namespace factline::test

// Varied dense inputs that once broke a property (found by generated files of other shapes than
// dense_file's: narrow pages, importance-5 events at the axis's ends, `detail: N` below them),
// and the banded PNG against one whole surface.
namespace factline::test {

namespace {

bool labelled(const scene::Scene& s, int e) { return s.detail->status[e].as == scene::EventPlacement::As::Labelled; }

int lanes_of(const scene::Scene& s) {
  return static_cast<int>(std::count_if(s.items.begin(), s.items.end(), [](const auto& it) { return it.role == std::string("lane"); }));
}

}  // namespace

TEST_CASE("detail: N below the number of importance-5 events is the error naming them, not a page without them") {
  // Horizontal in swimlanes (dense_file's groups and spans), without lanes, and vertical.
  for (const char* extra : {"detail: 1\n", "detail: 2\nheight: 420\n", "detail: 2\norientation: vertical\n"}) {
    CAPTURE(extra);
    const LayoutResult r = engine().layout(dense_file(700, 3, 20, 3, extra), "count.yaml");
    REQUIRE(r.diagnostics.has_errors());
    const Diagnostic& d = r.diagnostics.items().front();
    CHECK(d.message.find("these importance-5 events cannot all be labelled on this page: \"") == 0);
    CHECK(d.hint.find("to at least 3") != std::string::npos);
  }
  // As many as N: every one labelled, and nothing else.
  const scene::Scene s = detail_checked(dense_file(700, 3, 20, 3, "detail: 3\n"), 700);
  CHECK(s.detail->labelled == 3);
}

TEST_CASE("an importance-5 event at the end of a narrow page's axis: the axis ends earlier to label it") {
  for (const char* extra : {"width: 400\n", "width: 320\nlocale: zh\n", "width: 400\norientation: vertical\nheight: 700\n"}) {
    CAPTURE(extra);
    std::string y = dense_file(300, 7, 20, 0, extra);
    y += "  - {date: 2019-12-28, title: 마지막 사건, importance: 5}\n";
    const scene::Scene s = detail_checked(y, 301, 0, std::stod(std::string(extra).substr(7)));
    CHECK(labelled(s, 300));
  }
}

TEST_CASE("importance-5 events crowded at the axis's start are nudged right, not lost") {
  // A year-precision date starts the axis on 1 January, where eight importance-5 events stand.
  std::string y = "title: 첫날\nevents:\n";
  for (int i = 0; i < 8; ++i) y += "  - {date: 2000-01-01, title: \"필수 " + std::to_string(i) + "\", importance: 5}\n";
  y += "  - {date: \"2000\", title: 그해}\n";
  for (int i = 0; i < 300; ++i) y += "  - {date: 2000-01-0" + std::to_string(1 + i % 2) + ", title: \"사건 " + std::to_string(i) + "\"}\n";
  detail_checked(y, 309, 8);
}

TEST_CASE("a page too narrow for swimlanes beside their names draws the level of detail without lanes") {
  for (const auto& [width, musts] : {std::pair{320, 0}, std::pair{480, 3}}) {  // 320: too narrow for long importance-5 labels
    CAPTURE(width);
    const scene::Scene s = detail_checked(dense_file(300, 11, 20, musts, "width: " + std::to_string(width) + "\n"), 300, musts, width);
    CHECK(lanes_of(s) == 0);
    CHECK(s.detail->labelled >= 4);
  }
  // 200 px: no label fits beside its marker, but the summary line and the strip's caption wrap
  // to stay on the page, horizontally and vertically.
  for (const char* extra : {"width: 200\nlocale: ja\n", "width: 200\norientation: vertical\n"}) {
    CAPTURE(extra);
    const scene::Scene s = detail_checked(dense_file(300, 11, 20, 0, extra), 300, 0, 200);
    for (const auto& it : s.items)
      if (it.role == std::string("density-caption") || it.role == std::string("detail-summary")) CHECK(it.box.right() <= 200 - 48);
  }
  // 640 px still holds two labels beside the lane names.
  CHECK(lanes_of(detail_checked(dense_file(300, 11, 20, 3, "width: 640\n"), 300, 3, 640)) == 3);
}

TEST_CASE("detail: all, vertically: spans overlapping everything and a 400 px page keep every label on the page") {
  // 80 spans over the whole axis need 80 lanes beside it: they narrow, the labels keep their width.
  std::string y = "title: 겹친 기간\ndetail: all\norientation: vertical\nevents:\n";
  for (int i = 0; i < 80; ++i) y += "  - {start: 2000, end: 2019, title: \"전 기간에 걸친 반도체 수출 통제와 공동 개발 " + std::to_string(i) + "\"}\n";
  for (int i = 0; i < 60; ++i) y += "  - {date: \"20" + two(i % 20) + "-" + two(1 + i % 12) + "\", title: \"사건 " + std::to_string(i) + "\"}\n";
  const scene::Scene lanes = layout_checked(y);
  CHECK_FALSE(lanes.detail.has_value());
  // A page narrower than the gutter, the label width and the margins: the labels narrow.
  const scene::Scene narrow = layout_checked(dense_file(150, 9, 20, 0, "detail: all\norientation: vertical\nwidth: 400\n"));
  CHECK(narrow.width == 400);
}

TEST_CASE("importance-5 events too many for their lane's share of rows: drawn without lanes, every one labelled") {
  // Twelve on consecutive days in one of seven lanes (about seven rows each); 16 rows a side hold them.
  std::string y = "title: 일곱 갈래\ngroups:\n";
  for (int g = 0; g < 7; ++g) y += "  - {id: g" + std::to_string(g) + "}\n";
  y += "events:\n";
  for (int i = 0; i < 12; ++i) y += "  - {date: 2010-03-" + two(1 + i) + ", title: \"꼭 보여야 할 사건 " + std::to_string(i) + "\", group: g0, importance: 5}\n";
  for (int i = 0; i < 300; ++i) {
    const std::string d = std::to_string(2000 + i % 20) + "-" + two(1 + i % 12);
    y += (i % 7 == 0 ? "  - {start: \"" + d + "\", end: \"" + std::to_string(2001 + i % 20) + "\"" : "  - {date: \"" + d + "-" + two(1 + i % 28) + "\"") +
         ", title: \"사건 " + std::to_string(i) + " 제목\", group: g" + std::to_string(i * 3 % 7) + "}\n";
  }
  CHECK(lanes_of(detail_checked(y, 312, 12)) == 0);
}

TEST_CASE("a dense timeline's PNG, painted in bands on two threads, has exactly the pixels of one whole surface") {
  // Stems, lane lines and spans cross many bands; markers and labels sit on band edges.
  const scene::Scene s = layout_ok(dense_file(3000, 41));
  for (const double scale : {1.0, 1.5}) {
    CAPTURE(scale);
    const std::string png = render::to_png(s, scale);
    std::string_view rest = png;
    cairo_surface_t* banded = cairo_image_surface_create_from_png_stream(read_from_view, &rest);
    REQUIRE(cairo_surface_status(banded) == CAIRO_STATUS_SUCCESS);
    const int w = cairo_image_surface_get_width(banded), h = cairo_image_surface_get_height(banded);
    REQUIRE(w == static_cast<int>(std::ceil(s.width * scale)));
    REQUIRE(h == static_cast<int>(std::ceil(s.height * scale)));
    cairo_surface_t* whole = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    cairo_t* cr = cairo_create(whole);
    cairo_scale(cr, scale, scale);
    render::paint(cr, s, render::TextDrawing::Outlines);
    cairo_destroy(cr);
    cairo_surface_flush(whole);
    int differing_rows = 0;
    for (int y = 0; y < h; ++y) {
      const auto* a = reinterpret_cast<const std::uint32_t*>(cairo_image_surface_get_data(banded) +
                                                             y * cairo_image_surface_get_stride(banded));
      const auto* b = reinterpret_cast<const std::uint32_t*>(cairo_image_surface_get_data(whole) +
                                                             y * cairo_image_surface_get_stride(whole));
      for (int x = 0; x < w; ++x)
        if ((a[x] & 0xFFFFFF) != (b[x] & 0xFFFFFF)) {  // the PNG is RGB: compare colours
          ++differing_rows;
          break;
        }
    }
    CHECK(differing_rows == 0);
    cairo_surface_destroy(whole);
    cairo_surface_destroy(banded);
  }
}

}  // namespace factline::test
