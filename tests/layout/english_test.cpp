// English that reads as written: en dash ranges, compact large numbers on value axes, a natural
// unit line, no words the author did not write, and scene text that is exactly the text drawn.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "layout/fixture.hpp"

namespace factline::test {
namespace {

const std::string kEnglish =
    "title: Chips\nlocale: en\ncredit: Graphic by Jane Doe\nsource: Nvidia\n"
    "panels:\n"
    "  - type: timeline\n"
    "  - type: line\n    x: q\n    series: [{column: rev, label: Revenue}]\n"
    "    y_title: Quarterly revenue\n    unit: dollars\n"
    "    rows:\n"
    "      - {q: 2022-10, rev: 5900000000}\n      - {q: 2023-10, rev: 18120000000}\n"
    "      - {q: 2024-07, rev: 30040000000}\n"
    "events:\n"
    "  - {start: 2022-10, end: 2023-01, title: Rules drafted}\n"
    "  - {start: \"2021\", end: \"2023\", title: Shortage}\n"
    "  - {start: 2023-05, title: Talks}\n"
    "  - {date: 2024-06, title: New chip}\n";

std::vector<std::string> texts(const scene::Scene& s, const std::string& role) {
  std::vector<std::string> out;
  for (const auto& it : s.items)
    if (it.role == role && it.type == scene::ItemType::Text) out.push_back(it.text);
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

std::string without_spaces(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\n') out += c;
  return out;
}

// Every text item's text is what its lines draw (but for the spaces and breaks of wrapping).
void expect_text_is_drawn(const scene::Scene& s) {
  for (const auto& it : s.items) {
    if (it.type != scene::ItemType::Text) continue;
    std::string drawn;
    for (const auto& line : it.shaped->lines()) drawn += line;
    CAPTURE(it.role);
    CHECK(without_spaces(drawn) == without_spaces(it.text));
  }
}

}  // namespace

TEST_CASE("English ranges take an en dash, large values a compact suffix, the unit a natural line") {
  const scene::Scene s = layout_ok(kEnglish);
  const auto dates = texts(s, "event-date");
  CHECK(has(dates, "Oct 2022 \u2013 Jan 2023"));
  CHECK(has(dates, "2021\u20132023"));
  CHECK(has(dates, "since May 2023"));
  const auto ticks = texts(s, "tick-label");
  CHECK(ticks == std::vector<std::string>{"0", "10B", "20B", "30B", "40B"});
  CHECK(texts(s, "axis-title") == std::vector<std::string>{"Quarterly revenue (dollars)"});
  CHECK(texts(s, "credit") == std::vector<std::string>{"Graphic by Jane Doe"});  // no "Graphic: " added
  expect_text_is_drawn(s);
}

TEST_CASE("BCE ranges say their era once; Korean keeps its own forms") {
  const scene::Scene en = layout_ok(
      "title: t\nlocale: en\nevents:\n  - {start: \"-221\", end: \"-206\", title: Qin}\n  - {date: \"-200\", title: x}\n");
  CHECK(has(texts(en, "event-date"), "221\u2013206 BCE"));
  const scene::Scene ko = layout_ok(
      "title: t\nlocale: ko\nevents:\n  - {start: \"-221\", end: \"-206\", title: 진}\n  - {date: \"-200\", title: x}\n");
  CHECK(has(texts(ko, "event-date"), "기원전 221년 ~ 기원전 206년"));
}

TEST_CASE("the scene JSON holds exactly the text drawn, in every sample") {
  for (const auto& entry : std::filesystem::directory_iterator(std::string(FACTLINE_SOURCE_DIR) + "/samples")) {
    if (entry.path().extension() != ".yaml") continue;
    CAPTURE(entry.path().string());
    LayoutResult r = engine().layout(read_file(entry.path().string()), entry.path().string());
    REQUIRE(r.scene);
    expect_text_is_drawn(*r.scene);
  }
}

}  // namespace factline::test
