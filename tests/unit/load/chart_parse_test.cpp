// Charts and composite pages (docs/charts.md): chart: and panels: into the model, inline rows and
// CSV data, and every mistake with its exact message and file:line:column.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "load/parse.hpp"
#include "load_fixture.hpp"

using namespace factline;
using namespace factline::load::test;
using calendar::Date;
using calendar::Precision;

namespace {

// Diagnostics as "file:line:column: message", ordered as listed() orders them (CSV diagnostics
// name their own file).
std::string located(const load::ParseResult& r) {
  std::string out;
  for (const Diagnostic& d : r.diagnostics.items())
    out += d.loc.file + ":" + std::to_string(d.loc.line) + ":" + std::to_string(d.loc.column) + ": " + d.message +
           "\n";
  return out;
}

// The hint of the only diagnostic.
std::string hint_of(const load::ParseResult& r) { return only(r).hint; }

// A fact file of a title and `chart` (lines of the chart: mapping, from line 3).
std::string chart_file(const std::string& chart) { return "title: 차트\nchart:\n" + chart; }

const std::string kLineRows =
    "  type: line\n"                                       // 3
    "  x: month\n"                                         // 4
    "  series: [sales, {column: cost, label: 비용, color: \"#1f5fbf\"}]\n"  // 5
    "  rows:\n"                                            // 6
    "    - {month: 2024-03, sales: 3, cost: \"1,234\"}\n"  // 7
    "    - {month: 2024-01, sales: ~, cost: 10}\n"         // 8
    "    - {month: 2024-02, sales: \"\"}\n";               // 9

std::vector<std::optional<double>> values(const model::Series& s) { return s.values; }

}  // namespace

// --- inline rows ------------------------------------------------------------------------------

TEST_CASE("a line chart from inline rows: dates in ascending order, their values with them") {
  const load::ParseResult r = parse(chart_file(kLineRows));
  CHECK(listed(r) == "");
  REQUIRE(r.document);
  REQUIRE(r.document->chart);
  const model::Chart& c = *r.document->chart;
  CHECK(r.document->panels.empty());
  CHECK(c.type == model::ChartType::Line);
  CHECK(c.loc == SourceLoc{"facts.yaml", 3, 3});
  CHECK(c.x_dates);
  REQUIRE(c.x.size() == 3);
  CHECK(c.x[0].label == "2024-01");
  CHECK(c.x[0].date == Date{2024, 1, 1, Precision::Month});
  CHECK(c.x[0].loc == SourceLoc{"facts.yaml", 8, 15});
  CHECK(c.x[1].label == "2024-02");
  CHECK(c.x[2].label == "2024-03");
  REQUIRE(c.series.size() == 2);
  CHECK(c.series[0].label == "sales");
  CHECK_FALSE(c.series[0].color.has_value());
  CHECK(c.series[0].loc == SourceLoc{"facts.yaml", 5, 12});
  // ~ and "" are gaps, never 0; an absent key too.
  CHECK(values(c.series[0]) == std::vector<std::optional<double>>{std::nullopt, std::nullopt, 3.0});
  CHECK(c.series[1].label == "비용");
  CHECK(c.series[1].color == Color::parse("#1f5fbf"));
  CHECK(values(c.series[1]) == std::vector<std::optional<double>>{10.0, std::nullopt, 1234.0});
  // The defaults.
  CHECK(c.events);
  CHECK_FALSE(c.area);
  CHECK_FALSE(c.stacked);
  CHECK_FALSE(c.value_labels);
  CHECK(c.direction == model::BarDirection::Auto);
  CHECK(c.numbers.unit.empty());
  CHECK(c.numbers.korean_units == KoreanUnits::Off);
  CHECK(c.numbers.decimals == NumberStyle::auto_decimals);
  CHECK(c.x_title.empty());
  CHECK(c.y_title.empty());
  // No events: list is needed with a chart.
  CHECK(r.document->events.empty());
}

TEST_CASE("a bar chart keeps its categories in the order given, labelled as written") {
  const load::ParseResult r = parse(chart_file(
      "  type: bar\n"
      "  x: year\n"
      "  series: [v]\n"
      "  rows: [{year: \"2024\", v: 2}, {year: 2023, v: -1.5e2}, {year: 서울 , v: +3}]\n"
      "  direction: horizontal\n"
      "  stacked: true\n"
      "  value_labels: true\n"
      "  x_title: 연도\n"
      "  y_title: 매출\n"));
  CHECK(listed(r) == "");
  REQUIRE(r.document);
  const model::Chart& c = *r.document->chart;
  CHECK(c.type == model::ChartType::Bar);
  CHECK_FALSE(c.x_dates);
  CHECK_FALSE(c.events);
  REQUIRE(c.x.size() == 3);
  CHECK(c.x[0].label == "2024");
  CHECK_FALSE(c.x[0].date.has_value());
  CHECK(c.x[1].label == "2023");
  CHECK(c.x[2].label == "서울");
  CHECK(values(c.series[0]) == std::vector<std::optional<double>>{2.0, -150.0, 3.0});
  CHECK(c.direction == model::BarDirection::Horizontal);
  CHECK(c.stacked);
  CHECK(c.value_labels);
  CHECK(c.x_title == "연도");
  CHECK(c.y_title == "매출");
}

TEST_CASE("an inline value that is not a number is an error at the value, with CSV's hint") {
  const load::ParseResult r = parse(chart_file(
      "  type: line\n"
      "  x: m\n"
      "  series: [v]\n"
      "  rows:\n"
      "    - {m: 2024-01, v: n/a}\n"
      "    - {m: 2024-02, v: \"12.5%\"}\n"
      "    - {m: 2024-03, v: [1]}\n"));
  CHECK(listed(r) ==
        "7:23: \"n/a\" is not a number\n"
        "8:24: \"12.5%\" is not a number\n"
        "9:23: \"v\" must be a number\n");
  CHECK(r.diagnostics.items()[0].hint == "for a missing value in column \"v\", leave the cell empty");
}

TEST_CASE("rows: a column no row has, a misspelt key in one row, a row without x") {
  CHECK(errors_of(chart_file("  type: line\n  x: m\n  series: [revnue]\n  rows: [{m: 2024, revenue: 1}]\n")) ==
        "5:12: no row has a column \"revnue\"\n");
  const load::ParseResult r = parse(chart_file("  type: line\n  x: m\n  series: [revnue]\n  rows: [{m: 2024, revenue: 1}]\n"));
  CHECK(hint_of(r) == "did you mean \"revenue\"?");
  CHECK(errors_of(chart_file("  type: line\n  x: m\n  series: [v]\n  rows:\n    - {m: 2024, v: 1}\n"
                             "    - {m: 2025, w: 1}\n    - {v: 3}\n    - 7\n")) ==
        "8:17: unknown key \"w\" in a row — did you mean \"v\"?\n"
        "9:7: a row needs a \"m\"\n"
        "10:7: a row must be a mapping of keys to values, not a scalar\n");
  CHECK(errors_of(chart_file("  type: bar\n  x: m\n  series: [v]\n  rows: [{m: \" \", v: 1}, {m: ~, v: 2}]\n")) ==
        "6:14: \"m\" is empty\n"
        "6:27: \"m\" is empty\n");
  CHECK(errors_of(chart_file("  type: line\n  x: m\n  series: [v]\n  rows: []\n")) == "6:9: the rows list is empty\n");
  CHECK(errors_of(chart_file("  type: line\n  x: m\n  series: [v]\n  rows:\n")) == "6:3: the rows list is empty\n");
}

// --- CSV data ---------------------------------------------------------------------------------

TEST_CASE("CSV data: quoted fields with commas and quotes, thousands separators, gaps, positions") {
  const TempDir dir;
  dir.write("data/exports.csv",
            "month,\"chips, total\",\"say \"\"hi\"\"\"\n"
            "2024-02,\"1,234\",5\n"
            "2024-01,,7\n"
            "\"2024-03\",3.5,\n");
  const std::string fact_file = dir.file("facts.yaml");
  const load::ParseResult r = parse(chart_file(
                                        "  type: line\n"
                                        "  data: data/exports.csv\n"
                                        "  x: month\n"
                                        "  series: [\"chips, total\", {column: \"say \\\"hi\\\"\", label: hi}]\n"),
                                    fact_file);
  CHECK(listed(r) == "");
  REQUIRE(r.document);
  const model::Chart& c = *r.document->chart;
  CHECK(c.x_dates);
  REQUIRE(c.x.size() == 3);
  const std::string csv = dir.file("data/exports.csv");
  CHECK(c.x[0].label == "2024-01");
  CHECK(c.x[0].loc == SourceLoc{csv, 3, 1});
  CHECK(c.x[1].loc == SourceLoc{csv, 2, 1});
  CHECK(c.x[2].label == "2024-03");  // unquoted
  CHECK(c.x[2].loc == SourceLoc{csv, 4, 1});
  REQUIRE(c.series.size() == 2);
  CHECK(c.series[0].label == "chips, total");
  CHECK(values(c.series[0]) == std::vector<std::optional<double>>{std::nullopt, 1234.0, 3.5});
  CHECK(c.series[1].label == "hi");
  CHECK(values(c.series[1]) == std::vector<std::optional<double>>{7.0, 5.0, std::nullopt});
}

TEST_CASE("bad CSV cells are errors at the CSV file's line and column, named from the fact file's folder") {
  const TempDir dir;
  dir.write("data/x.csv", "year,v,w\n2023,n/a,1\n2024,\"12.5%\",x\n");
  const std::string fact_file = dir.file("facts.yaml");
  const load::ParseResult r =
      parse(chart_file("  type: bar\n  data: data/x.csv\n  x: year\n  series: [v, w]\n"), fact_file);
  const std::string csv = dir.file("data/x.csv");
  CHECK(located(r) ==
        csv + ":2:6: \"n/a\" is not a number\n" +
        csv + ":3:6: \"12.5%\" is not a number\n" +
        csv + ":3:14: \"x\" is not a number\n");
  CHECK(r.diagnostics.items()[1].hint ==
        "column \"v\" holds numbers: write 12.5, not 12.5%, and give the unit in the axis title");
}

TEST_CASE("a data path outside the fact file's folder, a missing file, an unknown column") {
  const TempDir dir;
  dir.write("outside.csv", "year,v\n2024,1\n");
  dir.write("facts/data.csv", "year,revenue\n2024,1\n");
  const std::string fact_file = dir.file("facts/facts.yaml");
  const load::ParseResult out = parse(chart_file("  type: bar\n  data: ../outside.csv\n  x: year\n  series: [v]\n"), fact_file);
  CHECK(located(out) == fact_file + ":4:9: the data path \"../outside.csv\" leaves the fact file's folder\n");
  const load::ParseResult missing = parse(chart_file("  type: bar\n  data: \"nope.csv\"\n  x: year\n  series: [v]\n"), fact_file);
  CHECK(located(missing) == fact_file + ":4:10: the data file \"nope.csv\" does not exist\n");
  const load::ParseResult column =
      parse(chart_file("  type: bar\n  data: data.csv\n  x: year\n  series: [revnue]\n"), fact_file);
  CHECK(located(column) == fact_file + ":6:12: \"" + dir.file("facts/data.csv") + "\" has no column \"revnue\"\n");
  CHECK(hint_of(column) == "did you mean \"revenue\"?");
}

TEST_CASE("an empty x cell, a CSV with no rows, and x dates that are not dates") {
  const TempDir dir;
  dir.write("gap.csv", "m,v\n2024-01,1\n ,2\n");
  dir.write("empty.csv", "m,v\n");
  dir.write("bad.csv", "m,v\n2024-01,1\n2024-13,2\n");
  const std::string fact_file = dir.file("facts.yaml");
  auto with = [&](const std::string& csv, const std::string& more = "") {
    return parse(chart_file("  type: line\n  data: " + csv + "\n  x: m\n  series: [v]\n" + more), fact_file);
  };
  CHECK(located(with("gap.csv")) == dir.file("gap.csv") + ":3:2: the x value is empty\n");
  CHECK(located(with("empty.csv")) == fact_file + ":4:9: \"" + dir.file("empty.csv") + "\" has no data rows\n");
  // Half of the x values are no dates, so auto takes categories; x_type: date asks for dates.
  const load::ParseResult categories = with("bad.csv");
  REQUIRE(categories.document);
  CHECK_FALSE(categories.document->chart->x_dates);
  CHECK(located(with("bad.csv", "  x_type: date\n")) == dir.file("bad.csv") + ":3:6: month 13 is out of range (1–12)\n");
  CHECK(hint_of(with("bad.csv", "  x_type: date\n")).starts_with("column \"m\" holds dates (x_type: date); "));
}

TEST_CASE("a date typo among many dates, inline or in CSV, is an error at its cell") {
  const TempDir dir;
  dir.write("m.csv", "m,v\n2024-01,1\n2024-02,2\n2024-13,3\n2024-04,4\n");
  const std::string fact_file = dir.file("facts.yaml");
  const load::ParseResult csv = parse(chart_file("  type: line\n  data: m.csv\n  x: m\n  series: [v]\n"), fact_file);
  CHECK(located(csv) == dir.file("m.csv") + ":4:6: month 13 is out of range (1–12)\n");
  CHECK(hint_of(csv).starts_with("column \"m\" holds dates (3 of 4 values read as dates;"));
  const load::ParseResult rows = parse(chart_file(
      "  type: line\n  x: m\n  series: [v]\n  rows:\n"
      "    - {m: 2024-01, v: 1}\n    - {m: 2024-02, v: 2}\n    - {m: 2024-13, v: 3}\n"));
  CHECK(listed(rows) == "9:16: month 13 is out of range (1–12)\n");
  CHECK(hint_of(rows).starts_with("column \"m\" holds dates (2 of 3 values read as dates;"));
  // Bare numbers may be counts: 0 among them keeps the axis categories, as before.
  const load::ParseResult counts = parse(chart_file(
      "  type: line\n  x: n\n  series: [v]\n  rows:\n"
      "    - {n: 0, v: 1}\n    - {n: 1, v: 2}\n    - {n: 2, v: 3}\n"));
  REQUIRE(counts.document);
  CHECK_FALSE(counts.document->chart->x_dates);
}

TEST_CASE("a column of indexes (bare numbers of five or more digits) is categories, not years") {
  const TempDir dir;
  std::string csv = "i,v\n";
  for (int i = 0; i < 20; ++i) csv += std::to_string(i * 10000) + ",1\n";
  dir.write("i.csv", csv);
  const load::ParseResult r = parse(chart_file("  type: line\n  data: i.csv\n  x: i\n  series: [v]\n"), dir.file("f.yaml"));
  REQUIRE(r.document);
  CHECK_FALSE(r.document->chart->x_dates);
}

TEST_CASE("a mistake in the chart's keys hides no mistake in its data, and a short row none in its cells") {
  const TempDir dir;
  dir.write("d.csv", "m,v,w\n2024-01,1\n2024-02,x,2\n2024-03,3,y\n");
  const std::string fact_file = dir.file("facts.yaml");
  const load::ParseResult r =
      parse(chart_file("  type: line\n  data: d.csv\n  x: m\n  series: [v, w]\n  decimals: many\n"), fact_file);
  const std::string csv = dir.file("d.csv");
  CHECK(located(r) == fact_file + ":7:13: decimals must be a whole number from 0 to 20\n" +
                          csv + ":2:1: this row has 2 cells; the header has 3 columns\n" +
                          csv + ":3:9: \"x\" is not a number\n" +
                          csv + ":4:11: \"y\" is not a number\n");
}

TEST_CASE("a multi-series CSV of a few hundred rows, in reverse date order, is read and sorted") {
  const TempDir dir;
  std::string csv = "day,a,b,c\n";
  constexpr int days = 366;  // 2024 is a leap year
  for (int i = days - 1; i >= 0; --i) {
    const Date d = calendar::from_days(calendar::to_days(2024, 1, 1) + i);
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", d.year, d.month, d.day);
    csv += std::string(date) + "," + std::to_string(i) + "," + (i % 7 == 0 ? "" : std::to_string(i * 2)) + ",\"" +
           std::to_string(1000 + i).insert(1, ",") + "\"\n";
  }
  dir.write("days.csv", csv);
  const load::ParseResult r =
      parse(chart_file("  type: line\n  data: days.csv\n  x: day\n  series: [a, b, c]\n"), dir.file("facts.yaml"));
  CHECK(listed(r) == "");
  REQUIRE(r.document);
  const model::Chart& c = *r.document->chart;
  REQUIRE(c.x.size() == days);
  REQUIRE(c.series.size() == 3);
  for (int i = 0; i < days; ++i) {
    CAPTURE(i);
    const auto at = static_cast<std::size_t>(i);
    CHECK(calendar::first_day(*c.x[at].date) == calendar::to_days(2024, 1, 1) + i);
    CHECK(c.x[at].loc.line == days - i + 1);  // the file runs backwards
    CHECK(c.series[0].values[at] == double(i));
    CHECK(c.series[1].values[at] == (i % 7 == 0 ? std::nullopt : std::optional<double>(i * 2)));
    CHECK(c.series[2].values[at] == double(1000 + i));
  }
  CHECK(c.x.back().label == "2024-12-31");
}

TEST_CASE("more bars than a bar chart takes is an error at the data") {
  const TempDir dir;
  std::string csv = "k,v\n";
  for (int i = 0; i <= 10'000; ++i) csv += "k" + std::to_string(i) + ",1\n";
  dir.write("many.csv", csv);
  const load::ParseResult r =
      parse(chart_file("  type: bar\n  data: many.csv\n  x: k\n  series: [v]\n"), dir.file("facts.yaml"));
  CHECK(listed(r) == "4:9: a bar chart takes at most 10,000 bars, not 10,001\n");
}

// --- x values ---------------------------------------------------------------------------------

TEST_CASE("a repeated date or category is an error at the later one, naming the first's line") {
  CHECK(errors_of(chart_file("  type: line\n  x: m\n  series: [v]\n  rows:\n"
                             "    - {m: 2024-02, v: 1}\n"
                             "    - {m: 2024년 2월, v: 2}\n"
                             "    - {m: 2024-01, v: 3}\n")) ==
        "8:11: the date \"2024년 2월\" is repeated (first on line 7)\n");
  CHECK(errors_of(chart_file("  type: bar\n  x: m\n  series: [v]\n  rows:\n"
                             "    - {m: 서울, v: 1}\n"
                             "    - {m: 부산, v: 2}\n"
                             "    - {m: 서울, v: 3}\n")) ==
        "9:11: the category \"서울\" is repeated (first on line 7)\n");
}

TEST_CASE("x_type: auto takes dates for a line chart only when most x values are; bars take categories") {
  const load::ParseResult mixed = parse(chart_file(
      "  type: line\n  x: m\n  series: [v]\n  rows: [{m: 2024, v: 1}, {m: 1분기, v: 2}]\n"));
  REQUIRE(mixed.document);
  CHECK_FALSE(mixed.document->chart->x_dates);
  CHECK_FALSE(mixed.document->chart->events);  // no time axis to draw them on
  const load::ParseResult forced = parse(chart_file(
      "  type: line\n  x: m\n  x_type: category\n  series: [v]\n  rows: [{m: 2025, v: 1}, {m: 2024, v: 2}]\n"));
  REQUIRE(forced.document);
  CHECK_FALSE(forced.document->chart->x_dates);
  CHECK(forced.document->chart->x[0].label == "2025");  // categories keep their order
  CHECK(errors_of(chart_file("  type: line\n  x: m\n  x_type: date\n  series: [v]\n  rows: [{m: 1분기, v: 1}]\n")) ==
        "7:14: cannot read \"1분기\" as a date\n");
  CHECK(errors_of(chart_file("  type: bar\n  x: m\n  x_type: date\n  series: [v]\n  rows: [{m: 2024, v: 1}]\n")) ==
        "5:11: bars take categories, not dates\n");
}

// --- keys and their mistakes ------------------------------------------------------------------

TEST_CASE("unit, korean_units and decimals fill the number style") {
  const load::ParseResult r = parse(chart_file(kLineRows + "  unit: 억 달러\n  korean_units: compact\n  decimals: 2\n"));
  REQUIRE(r.document);
  const NumberStyle& n = r.document->chart->numbers;
  CHECK(n.unit == "억 달러");
  CHECK(n.korean_units == KoreanUnits::Compact);
  CHECK(n.decimals == 2);
  const load::ParseResult full = parse(chart_file(kLineRows + "  korean_units: full\n  decimals: 0\n"));
  REQUIRE(full.document);
  CHECK(full.document->chart->numbers.korean_units == KoreanUnits::Full);
  CHECK(full.document->chart->numbers.decimals == 0);
  CHECK(errors_of(chart_file(kLineRows + "  decimals: 21\n")) == "10:13: decimals must be a whole number from 0 to 20\n");
  CHECK(errors_of(chart_file(kLineRows + "  decimals: 1.5\n")) == "10:13: decimals must be a whole number from 0 to 20\n");
  CHECK(errors_of(chart_file(kLineRows + "  korean_units: on\n")) == "10:17: unknown korean_units setting \"on\"\n");
}

TEST_CASE("bar keys on a line chart and line keys on a bar chart are errors at the key") {
  CHECK(errors_of(chart_file(kLineRows + "  direction: vertical\n  stacked: true\n  value_labels: false\n")) ==
        "10:3: \"direction\" applies only to bar charts\n"
        "11:3: \"stacked\" applies only to bar charts\n"
        "12:3: \"value_labels\" applies only to bar charts\n");
  CHECK(errors_of(chart_file("  type: bar\n  x: k\n  series: [v]\n  rows: [{k: a, v: 1}]\n  area: true\n  events: false\n")) ==
        "7:3: \"area\" applies only to line charts\n"
        "8:3: \"events\" applies only to line charts\n");
  CHECK(errors_of(chart_file(kLineRows + "  area: yes\n")) == "10:9: unknown area setting \"yes\"\n");
}

TEST_CASE("the chart's required keys, its type, its series, and data: against rows:") {
  CHECK(errors_of(chart_file("  type: pie\n  x: k\n  series: [v]\n  rows: [{k: a, v: 1}]\n")) ==
        "3:9: unknown chart type \"pie\"\n");
  CHECK(errors_of(chart_file("  type: timeline\n  x: k\n  series: [v]\n  rows: [{k: a, v: 1}]\n")) ==
        "3:9: unknown chart type \"timeline\"\n");
  CHECK(errors_of(chart_file("  x: k\n  series: [v]\n  rows: [{k: a, v: 1}]\n")) == "3:3: the chart needs a \"type\"\n");
  CHECK(errors_of(chart_file("  type: bar\n  series: [v]\n  rows: [{k: a, v: 1}]\n")) == "3:3: the chart needs a \"x\"\n");
  CHECK(errors_of(chart_file("  type: bar\n  x: k\n  series: []\n  rows: [{k: a, v: 1}]\n")) ==
        "5:11: the series list is empty\n");
  CHECK(errors_of(chart_file("  type: bar\n  x: k\n  series: [k, v, v]\n  rows: [{k: a, v: 1}]\n")) ==
        "5:12: the x column \"k\" cannot also be a series\n"
        "5:18: the column \"v\" is already a series\n");
  CHECK(errors_of(chart_file("  type: bar\n  x: k\n  series: [{column: v, colour: red}]\n  rows: [{k: a, v: 1}]\n")) ==
        "5:24: unknown key \"colour\" in a series — did you mean \"color\"?\n");
  CHECK(errors_of(chart_file("  type: bar\n  x: k\n  series: [{column: v, color: red}]\n  rows: [{k: a, v: 1}]\n")) ==
        "5:31: \"red\" is not a colour\n");
  std::string many = "  type: bar\n  x: k\n  series: [";
  for (int i = 0; i <= 50; ++i) many += (i ? ", s" : "s") + std::to_string(i);
  CHECK(errors_of(chart_file(many + "]\n  rows: [{k: a}]\n")) == "5:11: more than 50 series\n");
  CHECK(errors_of(chart_file("  type: bar\n  x: k\n  series: [v]\n")) ==
        "3:3: the chart needs data: (a CSV file) or rows:\n");
  CHECK(errors_of(chart_file("  type: bar\n  x: k\n  series: [v]\n  rows: [{k: a, v: 1}]\n  data: x.csv\n")) ==
        "7:3: a chart has either data: or rows:, not both\n");
  CHECK(errors_of(chart_file("  type: bar\n  x: k\n  series: [v]\n  rws: [{k: a, v: 1}]\n")) ==
        "6:3: unknown key \"rws\" in the chart — did you mean \"rows\"?\n");
  CHECK(errors_of("title: t\nchart:\n") == "2:1: the chart is empty\n");
}

// --- events -----------------------------------------------------------------------------------

TEST_CASE("events: with a bar chart or a line chart of categories is an error at the events key") {
  const std::string events = "events:\n  - {date: 2024-01, title: x}\n";
  CHECK(errors_of(chart_file("  type: bar\n  x: k\n  series: [v]\n  rows: [{k: a, v: 1}]\n") + events) ==
        "7:1: only a line chart with dates can show events\n");
  CHECK(errors_of(chart_file("  type: line\n  x: k\n  series: [v]\n  rows: [{k: a, v: 1}]\n") + events) ==
        "7:1: only a line chart with dates can show events\n");
  // Also when the chart has mistakes of its own.
  CHECK(errors_of(chart_file("  type: bar\n  x: k\n  series: [v]\n  rows: [{k: a, v: x}]\n") + events) ==
        "6:20: \"x\" is not a number\n"
        "7:1: only a line chart with dates can show events\n");
  const load::ParseResult shown = parse(chart_file(kLineRows) + events);
  REQUIRE(shown.document);
  CHECK(shown.document->events.size() == 1);
  CHECK(shown.document->chart->events);
  const load::ParseResult hidden = parse(chart_file(kLineRows + "  events: false\n") + events);
  REQUIRE(hidden.document);
  CHECK_FALSE(hidden.document->chart->events);
}

// --- panels -----------------------------------------------------------------------------------

const std::string kPanels =
    "title: 패널\n"                                        // 1
    "panels:\n"                                            // 2
    "  - type: timeline\n"                                 // 3
    "    title: 사건\n"                                    // 4
    "  - type: line\n"                                     // 5
    "    title: 매출\n"                                    // 6
    "    x: m\n"                                           // 7
    "    series: [v]\n"                                    // 8
    "    rows: [{m: 2024-01, v: 1}, {m: 2024-02, v: 2}]\n"  // 9
    "events:\n"                                            // 10
    "  - {date: 2024-01, title: x}\n";                     // 11

TEST_CASE("panels: a timeline and a chart, in order; the chart leaves the events to the timeline") {
  const load::ParseResult r = parse(kPanels);
  CHECK(listed(r) == "");
  REQUIRE(r.document);
  const model::Document& doc = *r.document;
  CHECK_FALSE(doc.chart.has_value());
  CHECK(doc.share_time);
  REQUIRE(doc.panels.size() == 2);
  CHECK(doc.panels[0].kind == model::Panel::Kind::Timeline);
  CHECK(doc.panels[0].title == "사건");
  CHECK(doc.panels[0].loc == SourceLoc{"facts.yaml", 3, 5});
  CHECK(doc.panels[1].kind == model::Panel::Kind::Chart);
  CHECK(doc.panels[1].title == "매출");
  CHECK(doc.panels[1].loc == SourceLoc{"facts.yaml", 5, 5});
  CHECK(doc.panels[1].chart.loc == SourceLoc{"facts.yaml", 5, 5});
  CHECK(doc.panels[1].chart.x.size() == 2);
  CHECK_FALSE(doc.panels[1].chart.events);
  // Asked for, they are drawn twice.
  std::string twice = kPanels;
  twice.insert(twice.find("events:"), "    events: true\n");
  const load::ParseResult both = parse(twice);
  REQUIRE(both.document);
  CHECK(both.document->panels[1].chart.events);
  // Without a timeline panel, a line chart over dates shows them by default.
  const load::ParseResult charts = parse(
      "title: t\nshare_time: false\npanels:\n  - {type: line, x: m, series: [v], rows: [{m: 2024, v: 1}]}\n"
      "events:\n  - {date: 2024-01, title: x}\n");
  CHECK(listed(charts) == "");
  REQUIRE(charts.document);
  CHECK(charts.document->panels[0].chart.events);
  CHECK_FALSE(charts.document->share_time);
}

TEST_CASE("panels' mistakes: with chart:, two timelines, extra keys on a timeline, no events") {
  CHECK(errors_of("title: t\nchart: {type: bar, x: k, series: [v], rows: [{k: a, v: 1}]}\npanels: [{type: timeline}]\n") ==
        "3:1: a fact file has either chart: or panels:, not both\n");
  CHECK(errors_of("title: t\npanels: [{type: timeline}, {type: timeline, x: m}]\nevents: [{date: 2024, title: x}]\n") ==
        "2:35: a page has at most one timeline panel\n"
        "2:45: a timeline panel takes only type: and title:\n");
  // An unknown key is reported once, as unknown.
  CHECK(errors_of("title: t\npanels: [{type: timeline, x_tilte: m}]\nevents: [{date: 2024, title: x}]\n") ==
        "2:27: unknown key \"x_tilte\" in a panel — did you mean \"x_title\"?\n");
  CHECK(errors_of("title: t\npanels: [{type: timeline}]\n") == "1:1: the fact file has no events\n");
  CHECK(errors_of("title: t\npanels: [{type: bar, x: k, series: [v], rows: [{k: a, v: 1}]}]\n"
                  "events: [{date: 2024, title: x}]\n") ==
        "3:1: no panel shows the events\n");
  CHECK(errors_of("title: t\npanels: []\n") == "2:9: the panels list is empty\n");
  CHECK(errors_of("title: t\npanels: [{title: x}]\n") == "2:10: a panel needs a \"type\"\n");
  CHECK(errors_of("title: t\npanels: [{type: pie}]\n") == "2:17: unknown panel type \"pie\"\n");
  std::string nine = "title: t\npanels: [";
  for (int i = 0; i < 9; ++i) nine += std::string(i ? ", " : "") + "{type: bar, x: k, series: [v], rows: [{k: a, v: 1}]}";
  CHECK(errors_of(nine + "]\n") == "2:9: more than 8 panels\n");
}

TEST_CASE("share_time is only for panels") {
  CHECK(errors_of("title: t\nshare_time: false\nevents: [{date: 2024, title: x}]\n") ==
        "2:1: share_time applies only to panels:\n");
  CHECK(errors_of(chart_file(kLineRows) + "share_time: true\n") == "10:1: share_time applies only to panels:\n");
  CHECK(errors_of("title: t\npanels: [{type: timeline}]\nshare_time: no\nevents: [{date: 2024, title: x}]\n") ==
        "3:13: unknown share_time setting \"no\"\n");
}

TEST_CASE("a fact file with neither chart: nor panels: still needs its events") {
  CHECK(errors_of("title: t\n") == "1:1: the fact file has no events\n");
}
