// Whole-pipeline layout properties on the sample and on generated fact files (fixed seeds).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

#include "layout/fixture.hpp"
#include "layout/scene_checks.hpp"

namespace factline::test {
namespace {

// Deterministic across standard libraries, unlike std::uniform_int_distribution.
struct Rng {
  std::uint64_t state;
  std::uint32_t next() {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::uint32_t>(state >> 33);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint32_t>(n)); }
};

const char* const words[] = {"반도체", "수출", "통제", "화웨이", "엔비디아", "AI", "GPU", "중국", "미국",
                             "정부가", "발표했다.", "공동", "개발", "(ASIC)", "5㎚", "칩을", "2024년",
                             "‘반도체 굴기’", "TSMC", "바이트댄스·브로드컴", "시장에", "출시", "예정이다."};

std::string sentence(Rng& rng, int n_words) {
  std::string s;
  for (int k = 0; k < n_words; ++k) s += (k ? " " : "") + std::string(words[rng.below(std::size(words))]);
  return s;
}

std::string two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

struct Gen {
  std::string yaml = "title: 생성된 연표\nlocale: ko\nevents:\n";
  int count = 0;
  void add(const std::string& date, const std::string& title, const std::string& text = "") {
    yaml += "  - date: \"" + date + "\"\n    title: \"" + title + "\"\n";
    if (!text.empty()) yaml += "    text: \"" + text + "\"\n";
    ++count;
  }
};

}  // namespace

TEST_CASE("the sample is laid out with no overlap, inside the canvas, every event once") {
  const scene::Scene s = layout_ok(read_file(std::string(FACTLINE_SOURCE_DIR) + "/samples/ai-chip-race.yaml"),
                                   "samples/ai-chip-race.yaml");
  expect_clean(s, 8);
  // Labels read left to right in time order (the fact file lists 2022, 2023, 2023-10, … in order).
  std::vector<int> expected(8);
  std::iota(expected.begin(), expected.end(), 0);
  CHECK(title_order(s) == expected);
}

TEST_CASE("the sample's three events within two weeks get separate stems and labels") {
  const scene::Scene s = layout_ok(read_file(std::string(FACTLINE_SOURCE_DIR) + "/samples/ai-chip-race.yaml"));
  std::vector<Rect> titles(8);
  std::vector<double> stems(8);
  for (const auto& it : s.items) {
    if (it.role == "event-title") titles[it.event] = it.box;
    if (it.role == "leader") stems[it.event] = it.points.back().x;
  }
  for (int e : {4, 5, 6}) {
    CHECK(stems[e + 1] - stems[e] >= 9.99);                  // stems apart
    CHECK(titles[e].x - stems[e] == doctest::Approx(8));    // each label hangs off its own stem
  }
}

TEST_CASE("a single event is laid out cleanly") {
  Gen g;
  g.add("2024-06-27", "오픈AI, 중국 등 미지원 지역 API 차단 통보", "다음 달부터 차단한다.");
  layout_checked(g.yaml);
}

TEST_CASE("two events on the same day fan out without overlapping") {
  Gen g;
  g.add("2024-06-27", "첫 번째 사건", "같은 날 일어난 일");
  g.add("2024-06-27", "두 번째 사건", "같은 날 일어난 또 다른 일");
  const scene::Scene s = layout_checked(g.yaml);
  CHECK(title_order(s) == std::vector<int>{0, 1});
}

TEST_CASE("thirty events in one week with long Korean texts never overlap") {
  Rng rng{7};
  Gen g;
  for (int k = 0; k < 30; ++k) g.add("2024-06-" + two(10 + k % 7), sentence(rng, 3 + rng.below(4)), sentence(rng, 8 + rng.below(12)));
  layout_checked(g.yaml);
}

TEST_CASE("events across five thousand years with BCE dates are laid out cleanly") {
  Rng rng{11};
  Gen g;
  for (int k = 0; k < 25; ++k) {
    int year = -3000 + rng.below(5000);
    if (year == 0) year = 1;
    g.add(std::to_string(year), sentence(rng, 2 + rng.below(3)));
  }
  g.add("-2333", "단군, 고조선 건국");
  layout_checked(g.yaml);
}

TEST_CASE("two hundred random events over three years keep every property under detail: all") {
  Rng rng{3};
  Gen g;
  g.yaml.insert(0, "detail: all\n");
  for (int k = 0; k < 200; ++k) {
    const int precision = rng.below(3);
    std::string date = std::to_string(2022 + rng.below(3));
    if (precision > 0) date += "-" + two(1 + rng.below(12));
    if (precision > 1) date += "-" + two(1 + rng.below(28));
    g.add(date, sentence(rng, 2 + rng.below(4)), rng.below(2) ? sentence(rng, 5 + rng.below(10)) : "");
  }
  const scene::Scene s = layout_checked(g.yaml);
  CHECK(title_order(s).size() == 200);
}

}  // namespace factline::test
