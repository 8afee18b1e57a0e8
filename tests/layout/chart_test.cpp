// Chart layouts, built as model values (each test controls its data exactly): bars vertical
// and horizontal, grouped, stacked and negative; lines with gaps, end labels and events; value
// ticks. Set FACTLINE_CHART_PNG to a folder to write each chart there as PNG, to look at.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "layout/page.hpp"
#include "layout/fixture.hpp"

namespace factline::test {
namespace {

using model::Chart;

model::Document chart_doc(Chart chart, std::string title, const std::string& look = "news") {
  const model::Theme theme =
      parse_doc("title: t\ntemplate: " + look + "\nevents:\n  - {date: 2024, title: e}\n").theme;
  model::Document d;
  d.file = "chart.yaml";
  d.title = std::move(title);
  d.subtitle = "2024년 6월 30일 기준";
  d.source = "산업통상자원부, 한국무역협회";
  d.credit = "그래픽=김주원 기자";
  d.theme = theme;
  d.chart = std::move(chart);
  return d;
}

scene::Scene lay_out(const model::Document& d, const std::string& name, Diagnostics* diagnostics = nullptr) {
  layout::LayoutResult r = layout::layout_document(d, shaper());
  if (diagnostics) *diagnostics = r.diagnostics;
  else CHECK(r.diagnostics.empty());
  if (const char* dir = std::getenv("FACTLINE_CHART_PNG"))
    std::ofstream(std::string(dir) + "/" + name + ".png", std::ios::binary) << encode(r.scene, Format::Png, {});
  return std::move(r.scene);
}

calendar::Date date(const std::string& s) { return std::get<calendar::Date>(calendar::parse_date(s)); }

model::Series series(std::string label, std::vector<std::optional<double>> values) {
  return {std::move(label), std::nullopt, std::move(values), {}};
}

std::vector<const scene::Item*> with_role(const scene::Scene& s, const std::string& role) {
  std::vector<const scene::Item*> out;
  for (const auto& it : s.items)
    if (it.role == role) out.push_back(&it);
  return out;
}

// A tick label's number ("−1,200" → -1200).
double number(std::string s) {
  for (std::size_t p; (p = s.find("−")) != std::string::npos;) s.replace(p, 3, "-");
  std::erase(s, ',');
  return std::stod(s);
}

// The value scale read back from the scene: px per unit and the zero's position, from the
// value ticks (along y for columns, along x for horizontal bars).
struct ReadScale {
  double zero = 0, per_unit = 0;
};
ReadScale read_scale(const scene::Scene& s, bool horizontal) {
  std::vector<std::pair<double, double>> ticks;  // value, px
  for (const auto* it : with_role(s, "tick-label")) {
    if (it->text.find_first_not_of("0123456789,.−") != std::string::npos) continue;  // a category
    ticks.emplace_back(number(it->text), horizontal ? it->box.x + it->box.w / 2 : it->box.y + it->box.h / 2);
  }
  REQUIRE(ticks.size() >= 2);
  const auto [v0, p0] = ticks.front();
  const auto [v1, p1] = ticks.back();
  ReadScale r;
  r.per_unit = (p1 - p0) / (v1 - v0);
  r.zero = p0 - v0 * r.per_unit;
  return r;
}

// Bars in drawing order with their value extents read from the scale.
struct ReadBar {
  double from, to;
};
std::vector<ReadBar> read_bars(const scene::Scene& s, bool horizontal) {
  const ReadScale sc = read_scale(s, horizontal);
  std::vector<ReadBar> out;
  for (const auto* b : with_role(s, "bar")) {
    const double a = horizontal ? b->box.x : b->box.bottom(), z = horizontal ? b->box.right() : b->box.y;
    out.push_back({(a - sc.zero) / sc.per_unit, (z - sc.zero) / sc.per_unit});
  }
  return out;
}

// Deterministic across standard libraries.
struct Rng {
  std::uint64_t state;
  double unit() {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<double>(state >> 11) / 9007199254740992.0;
  }
};

// Whether a polyline passes through the inside of a text box (sampled finely).
bool crosses_text(const scene::Item& line, const scene::Scene& s) {
  for (std::size_t k = 1; k < line.points.size(); ++k)
    for (int i = 0; i <= 200; ++i) {
      const double f = i / 200.0;
      const Point p{line.points[k - 1].x + f * (line.points[k].x - line.points[k - 1].x),
                    line.points[k - 1].y + f * (line.points[k].y - line.points[k - 1].y)};
      for (const auto& t : s.items)
        if (t.type == scene::ItemType::Text && p.x > t.box.x + 0.01 && p.x < t.box.right() - 0.01 &&
            p.y > t.box.y + 0.01 && p.y < t.box.bottom() - 0.01)
          return true;
    }
  return false;
}

Chart category_bars(const std::vector<std::string>& labels, std::vector<model::Series> ss) {
  Chart c;
  c.type = model::ChartType::Bar;
  for (const auto& l : labels) c.x.push_back({l, std::nullopt, {}});
  c.series = std::move(ss);
  return c;
}

}  // namespace

TEST_CASE("20 long Korean category labels: auto takes horizontal bars, nothing overlaps, no word split") {
  const char* const items[] = {"반도체 수출 규제 대상 품목", "고대역폭 메모리(HBM) 반도체", "극자외선(EUV) 노광 장비",
                               "첨단 인공지능 가속기 칩", "슈퍼컴퓨터용 중앙처리장치"};
  std::vector<std::string> labels;
  std::vector<std::optional<double>> values;
  for (int i = 0; i < 20; ++i) {
    labels.push_back(std::string(items[i % 5]) + " " + std::to_string(i + 1));
    values.push_back(40.0 + (i * 37) % 260);
  }
  Chart c = category_bars(labels, {series("수출액", values)});
  c.value_labels = true;
  c.numbers.unit = "억 달러";
  const scene::Scene s = lay_out(chart_doc(c, "반도체 수출 규제 품목별 대중국 수출액"), "bars-20-korean");
  expect_clean(s, 0);
  const auto bars = with_role(s, "bar");
  REQUIRE(bars.size() == 20);
  for (const auto* b : bars) CHECK(b->box.w > b->box.h);  // horizontal
  CHECK(with_role(s, "value-label").size() == 20);
  CHECK(with_role(s, "axis-title").at(0)->text == "단위: 억 달러");
  // Category labels sit left of the bars, each beside its own bar.
  const auto cats = with_role(s, "tick-label");
  for (std::size_t i = 0; i < 20; ++i) {
    CHECK(cats[i]->text == labels[i]);
    CHECK(cats[i]->box.right() < bars[i]->box.x);
    CHECK(cats[i]->box.y < bars[i]->box.bottom());
    CHECK(cats[i]->box.bottom() > bars[i]->box.y);
  }
}

TEST_CASE("grouped bars: side by side from zero, each its value") {
  Chart c = category_bars({"2021년", "2022년", "2023년", "2024년"},
                          {series("삼성전자", {{120}, {150}, {90}, {210}}), series("SK하이닉스", {{80}, {110}, {std::nullopt}, {160}})});
  const scene::Scene s = lay_out(chart_doc(c, "반도체 두 회사 영업이익"), "bars-grouped");
  expect_clean(s, 0);
  const auto bars = read_bars(s, false);
  REQUIRE(bars.size() == 7);  // the gap is no bar
  const double expected[] = {120, 80, 150, 110, 90, 210, 160};
  for (std::size_t i = 0; i < bars.size(); ++i) {
    CHECK(bars[i].from == doctest::Approx(0).epsilon(1e-6));
    CHECK(bars[i].to == doctest::Approx(expected[i]).epsilon(1e-6));
  }
  CHECK(with_role(s, "legend").size() == 2);
  const auto boxes = with_role(s, "bar");
  CHECK(boxes[0]->box.right() <= boxes[1]->box.x + 1e-9);  // side by side
}

TEST_CASE("stacked bars: each series on the ones before, negatives down from zero, totals labelled") {
  Chart c = category_bars({"1분기", "2분기", "3분기"}, {series("메모리", {{30}, {50}, {-20}}),
                                                       series("파운드리", {{20}, {-10}, {-15}}),
                                                       series("시스템", {{10}, {25}, {5}})});
  c.stacked = true;
  c.value_labels = true;
  const scene::Scene s = lay_out(chart_doc(c, "사업부별 손익"), "bars-stacked");
  expect_clean(s, 0);
  const auto bars = read_bars(s, false);
  REQUIRE(bars.size() == 9);
  const double from[] = {0, 30, 50, 0, 0, 50, 0, -20, 0}, to[] = {30, 50, 60, 50, -10, 75, -20, -35, 5};
  for (std::size_t i = 0; i < 9; ++i) {
    INFO(i);
    CHECK(std::min(bars[i].from, bars[i].to) == doctest::Approx(std::min(from[i], to[i])).epsilon(1e-6));
    CHECK(std::max(bars[i].from, bars[i].to) == doctest::Approx(std::max(from[i], to[i])).epsilon(1e-6));
  }
  // The labels at a stack's ends say where it ends (its positive sum over it, its negative sum
  // under it), not its net total; segments say their own values inside, where they fit.
  std::vector<std::string> ends, segments;
  for (const auto* l : with_role(s, "value-label")) ends.push_back(l->text);
  CHECK(ends == std::vector<std::string>{"60", "75", "−10", "5", "−35"});
  const auto bar_items = with_role(s, "bar");
  for (const auto* l : with_role(s, "segment-label")) {
    segments.push_back(l->text);
    CHECK(std::any_of(bar_items.begin(), bar_items.end(), [&](const scene::Item* b) { return b->box.contains(l->box); }));
  }
  // (5 is too thin to hold its label; a segment alone on its side leaves it to the end label.)
  CHECK(segments == std::vector<std::string>{"30", "20", "10", "50", "25", "−20", "−15"});
}

TEST_CASE("negative bars hang below the zero baseline, horizontal ones left of it") {
  for (auto dir : {model::BarDirection::Vertical, model::BarDirection::Horizontal}) {
    Chart c = category_bars({"한국", "일본", "대만", "중국"}, {series("증감률", {{12.5}, {-4.2}, {8}, {-15.5}})});
    c.direction = dir;
    c.value_labels = true;
    c.numbers.unit = "%";
    const bool horizontal = dir == model::BarDirection::Horizontal;
    const scene::Scene s = lay_out(chart_doc(c, "반도체 수출 증감률"), horizontal ? "bars-negative-h" : "bars-negative-v");
    expect_clean(s, 0);
    const ReadScale sc = read_scale(s, horizontal);
    const auto bars = with_role(s, "bar");
    REQUIRE(bars.size() == 4);
    const double values[] = {12.5, -4.2, 8, -15.5};
    for (std::size_t i = 0; i < 4; ++i) {
      const Rect& b = bars[i]->box;
      const double end = values[i] > 0 ? (horizontal ? b.right() : b.y) : (horizontal ? b.x : b.bottom());
      const double start = values[i] > 0 ? (horizontal ? b.x : b.bottom()) : (horizontal ? b.right() : b.y);
      CHECK(start == doctest::Approx(sc.zero));
      CHECK(end == doctest::Approx(sc.zero + values[i] * sc.per_unit));
    }
    std::vector<std::string> labels;
    for (const auto* l : with_role(s, "value-label")) labels.push_back(l->text);
    CHECK(labels == std::vector<std::string>{"12.5", "−4.2", "8", "−15.5"});
  }
}

TEST_CASE("grouped horizontal bars with negatives and value labels, in print") {
  Chart c = category_bars({"메모리 반도체 (D램·낸드 플래시)", "시스템 반도체", "반도체 제조 장비", "반도체 소재·부품"},
                          {series("2023년", {{-32.5}, {4.1}, {12.8}, {-3}}), series("2024년", {{48.2}, {7.5}, {-6.4}, {2.2}})});
  c.value_labels = true;
  c.direction = model::BarDirection::Horizontal;
  c.numbers.unit = "%";
  const scene::Scene s = lay_out(chart_doc(c, "품목별 수출 증감률", "print"), "bars-grouped-h-print");
  expect_clean(s, 0);
  const auto bars = read_bars(s, true);
  REQUIRE(bars.size() == 8);
  const double expected[] = {-32.5, 48.2, 4.1, 7.5, 12.8, -6.4, -3, 2.2};
  for (std::size_t i = 0; i < 8; ++i) {
    INFO(i);
    CHECK(std::min(bars[i].from, bars[i].to) == doctest::Approx(std::min(0.0, expected[i])).epsilon(1e-6));
    CHECK(std::max(bars[i].from, bars[i].to) == doctest::Approx(std::max(0.0, expected[i])).epsilon(1e-6));
  }
  CHECK(with_role(s, "value-label").size() == 8);
}

TEST_CASE("value ticks: nice steps, formatted in the chart's style, the unit in the axis title") {
  Chart c = category_bars({"2021", "2022", "2023", "2024"}, {series("수출", {{120}, {340}, {560}, {80}})});
  c.numbers.unit = "억 달러";
  c.y_title = "대중국 수출";
  scene::Scene s = lay_out(chart_doc(c, "대중국 반도체 수출"), "ticks-eok");
  std::vector<std::string> ticks;
  for (const auto* t : with_role(s, "tick-label")) ticks.push_back(t->text);
  CHECK(ticks == std::vector<std::string>{"0", "200", "400", "600", "2021", "2022", "2023", "2024"});
  CHECK(with_role(s, "axis-title").at(0)->text == "대중국 수출(단위: 억 달러)");

  c.series[0].values = {{3.5e11}, {1.2e12}, {8e11}, {std::nullopt}};
  c.numbers = {};
  c.numbers.unit = "원";
  c.numbers.korean_units = KoreanUnits::Compact;
  c.y_title.clear();
  s = lay_out(chart_doc(c, "매출"), "ticks-jo");
  ticks.clear();
  for (const auto* t : with_role(s, "tick-label")) ticks.push_back(t->text);
  CHECK(ticks == std::vector<std::string>{"0", "5,000억", "1조", "1.5조", "2021", "2022", "2023", "2024"});
  CHECK(with_role(s, "axis-title").at(0)->text == "단위: 원");
}

namespace {

// 3 series × 300 days from 2024-01-01, random walks with a few gaps (fixed seed).
Chart daily_lines(int& runs_expected) {
  Chart c;
  c.type = model::ChartType::Line;
  c.x_dates = true;
  for (int i = 0; i < 300; ++i) {
    const calendar::Date d = calendar::from_days(calendar::to_days(2024, 1, 1) + i);
    c.x.push_back({calendar::format_date(d, Locale::Ko), d, {}});
  }
  Rng rng{42};
  const char* const names[] = {"삼성전자", "SK하이닉스", "엔비디아"};
  runs_expected = 0;
  for (int k = 0; k < 3; ++k) {
    model::Series s = series(names[k], {});
    double v = 100 + 60 * k;
    bool in_run = false;
    for (int i = 0; i < 300; ++i) {
      v = std::max(10.0, v + (rng.unit() - 0.5) * 8);
      const bool gap = (i / 37 + k) % 4 == 3 && i % 37 < 5;  // a few five-day gaps
      s.values.push_back(gap ? std::nullopt : std::optional<double>(std::round(v * 10) / 10));
      if (!gap && !in_run) ++runs_expected;
      in_run = !gap;
    }
    c.series.push_back(std::move(s));
  }
  c.numbers.unit = "달러";
  c.y_title = "주가";
  return c;
}

}  // namespace

TEST_CASE("a line chart of 3 series × 300 days with gaps: a line per run, end labels, nothing overlaps") {
  int runs = 0;
  const Chart c = daily_lines(runs);
  const scene::Scene s = lay_out(chart_doc(c, "반도체 3사 주가"), "lines-300");
  expect_clean(s, 0);
  CHECK(static_cast<int>(with_role(s, "line").size()) == runs);
  CHECK(runs > 3);  // the gaps broke the lines
  const auto labels = with_role(s, "series-label");
  REQUIRE(labels.size() == 3);
  for (const auto* l : labels) CHECK(l->box.x > with_role(s, "grid").at(0)->box.right());
  CHECK(with_role(s, "legend").empty());
  // No line bridges a gap: each run's points are consecutive days.
  for (const auto* l : with_role(s, "line"))
    for (std::size_t k = 1; k < l->points.size(); ++k) CHECK(l->points[k].x - l->points[k - 1].x < 4);
}

TEST_CASE("events on a line chart: each drawn once, labels clear of each other, the end labels and the axis") {
  int runs = 0;
  model::Document d = chart_doc(daily_lines(runs), "반도체 3사 주가와 미·중 갈등");
  const char* const when[] = {"2024-01-15", "2024-03-02", "2024-03-05", "2024-03-07",
                              "2024-06", "2024-08-20", "2024-10-25", "2024-10-27"};
  const char* const what[] = {"美 상무부, 수출 통제 강화", "中 희토류 수출 제한", "엔비디아, 중국용 칩 출시",
                              "네덜란드 장비 수출 제한", "화웨이 AI 칩 공개", "美 반도체 보조금 확정",
                              "마이크론 제재 해제 협상", "TSMC 중국 고객 출하 중단"};
  for (int i = 0; i < 8; ++i) {
    model::Event e;
    e.date = date(when[i]);
    e.title = what[i];
    if (i == 7) e.status = model::Status::Planned;
    d.events.push_back(e);
  }
  const scene::Scene s = lay_out(d, "lines-events");
  expect_clean(s, 0);
  std::map<int, int> rules, labels;
  for (const auto* r : with_role(s, "event-rule")) ++rules[r->event];
  for (const auto* l : with_role(s, "event-label")) ++labels[l->event];
  for (int e = 0; e < 8; ++e) {
    INFO(e);
    CHECK(rules[e] == 1);
    CHECK(labels[e] == 1);
  }
  for (const auto* r : with_role(s, "event-rule")) {
    INFO(r->event);
    CHECK_FALSE(crosses_text(*r, s));
  }
  CHECK(with_role(s, "event-rule").back()->stroke->dash.size() > 0);  // planned: dashed
  CHECK(with_role(s, "series-label").size() == 3);
}

TEST_CASE("the value axis's title stays over the top tick when events stack above the plot") {
  for (const bool left_event : {false, true}) {
    CAPTURE(left_event);
    int runs = 0;
    model::Document d = chart_doc(daily_lines(runs), "제목과 축");
    d.chart->y_title = "주가";
    d.chart->numbers.unit = "달러";
    // Six events on nearly one date stack six labels high; one near the left edge would have
    // its rule cross a title over the plot, so the title then stands above the labels.
    for (int i = 0; i < 6; ++i) {
      model::Event e;
      e.date = date(i < 5 || !left_event ? "2024-06-1" + std::to_string(i) : "2024-01-02");
      e.title = "사건 " + std::to_string(i + 1);
      d.events.push_back(e);
    }
    const scene::Scene s = lay_out(d, left_event ? "lines-title-left-event" : "lines-title");
    expect_clean(s, 0);
    const auto titles = with_role(s, "axis-title");
    REQUIRE(titles.size() == 1);
    double top_tick = 1e9, labels_bottom = 0;
    for (const auto* t : with_role(s, "tick-label")) top_tick = std::min(top_tick, t->box.y);
    for (const auto* l : with_role(s, "event-label")) labels_bottom = std::max(labels_bottom, l->box.bottom());
    const double gap = top_tick - titles[0]->box.bottom();
    CHECK(gap >= 0);
    if (left_event) {
      CHECK(titles[0]->box.bottom() < labels_bottom);
    } else {
      CHECK(gap < 20);  // with its axis, under the labels
      CHECK(titles[0]->box.y > labels_bottom);
    }
    for (const auto* r : with_role(s, "event-rule")) CHECK_FALSE(crosses_text(*r, s));
  }
}

TEST_CASE("events crowded at either end of the time axis stay in the page, clear of everything") {
  int runs = 0;
  for (const std::string look : {"news", "dark"}) {
    model::Document d = chart_doc(daily_lines(runs), "연초와 연말에 몰린 사건", look);
    const char* const when[] = {"2024-01-01", "2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04",
                                "2024-10-24", "2024-10-25", "2024-10-26", "2024-10-26"};
    for (int i = 0; i < 9; ++i) {
      model::Event e;
      e.date = date(when[i]);
      e.title = "반도체 관련 발표 " + std::to_string(i + 1);
      d.events.push_back(e);
    }
    const scene::Scene s = lay_out(d, "lines-events-crowded-" + look);
    expect_clean(s, 0);
    CHECK(with_role(s, "event-rule").size() == 9);
    for (const auto* r : with_role(s, "event-rule")) {
      INFO(r->event);
      CHECK_FALSE(crosses_text(*r, s));
    }
  }
}

TEST_CASE("too many series to name at the lines' ends: a legend instead") {
  Chart c;
  c.type = model::ChartType::Line;
  for (const char* y : {"2020", "2021", "2022", "2023", "2024"}) c.x.push_back({y, std::nullopt, {}});
  for (int k = 0; k < 30; ++k) c.series.push_back(series("기업 " + std::to_string(k + 1), {{10.0 + k}, {12}, {11}, {13}, {50}}));
  const scene::Scene s = lay_out(chart_doc(c, "30개 기업"), "lines-legend");
  expect_clean(s, 0);
  CHECK(with_role(s, "series-label").empty());
  CHECK(with_role(s, "legend").size() == 30);
}

TEST_CASE("degenerate charts lay out cleanly: no rows, one row, only gaps, one value") {
  for (auto type : {model::ChartType::Bar, model::ChartType::Line})
    for (bool dates : {false, true})
      for (int rows : {0, 1, 3}) {
        Chart c;
        c.type = type;
        c.x_dates = dates;
        c.area = true;
        for (int i = 0; i < rows; ++i) {
          const calendar::Date d = calendar::from_days(calendar::to_days(2024, 1, 1) + i);
          c.x.push_back({calendar::format_date(d, Locale::Ko), dates ? std::optional(d) : std::nullopt, {}});
        }
        c.series = {series("없음", std::vector<std::optional<double>>(static_cast<std::size_t>(rows))),
                    series("하나", std::vector<std::optional<double>>(static_cast<std::size_t>(rows), 5.0))};
        INFO(static_cast<int>(type), " dates ", dates, " rows ", rows);
        const scene::Scene s = lay_out(chart_doc(c, "빈 차트"), "degenerate");
        expect_clean(s, 0);
        for (const auto& it : s.items)
          for (double v : {it.box.x, it.box.y, it.box.w, it.box.h}) CHECK(std::isfinite(v));
      }
}

TEST_CASE("a category line chart with an area: the fill goes down to zero, isolated values get a point") {
  Chart c;
  c.type = model::ChartType::Line;
  c.area = true;
  for (const char* q : {"1분기", "2분기", "3분기", "4분기", "5분기", "6분기"}) c.x.push_back({q, std::nullopt, {}});
  c.series = {series("점유율", {{12}, {15}, {std::nullopt}, {18}, {std::nullopt}, {22}})};
  c.numbers.unit = "%";
  const scene::Scene s = lay_out(chart_doc(c, "HBM 시장 점유율"), "line-area");
  expect_clean(s, 0);
  CHECK(with_role(s, "line").size() == 1);
  CHECK(with_role(s, "area").size() == 1);
  CHECK(with_role(s, "area")[0]->type == scene::ItemType::Area);
  CHECK(with_role(s, "point").size() == 2);  // "4분기" alone, and the last value
  const ReadScale sc = read_scale(s, false);
  const auto& poly = with_role(s, "area")[0]->points;
  CHECK(poly.back().y == doctest::Approx(sc.zero));
}

}  // namespace factline::test
