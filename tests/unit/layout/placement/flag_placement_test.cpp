// Flag placement's promises, checked on hand-made cases and on random crowds: labels never
// overlap, no stem runs through a label, stems keep their order and spacing and never move
// right, and the height budget bends leaders rather than stacking past it.
#include "layout/placement/flag_placement.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

using namespace factline::layout;

namespace {

// Deterministic across standard libraries: uniform doubles in [lo, hi).
struct Rng {
  std::uint64_t state;
  double uniform(double lo, double hi) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return lo + (hi - lo) * static_cast<double>(state >> 11) / 9007199254740992.0;
  }
};

// Every promise place_flags makes, for any input.
void expect_promises(const std::vector<FlagInput>& in, const FlagOptions& o, const std::vector<FlagPlacement>& out) {
  REQUIRE(out.size() == in.size());
  for (std::size_t k = 0; k < in.size(); ++k) {
    CHECK(out[k].stem <= in[k].x);
    CHECK(out[k].offset >= 0);
    if (!o.two_sided) CHECK(out[k].side == Side::Above);
    if (k > 0) CHECK(out[k].stem - out[k - 1].stem >= o.stem_spacing - 1e-9);
  }
  for (std::size_t a = 0; a < in.size(); ++a)
    for (std::size_t b = a + 1; b < in.size(); ++b) {
      if (out[a].side != out[b].side) continue;
      // Labels on one side are apart by the gap, across or along.
      const bool apart_x = out[a].stem + in[a].width + o.gap <= out[b].stem + 1e-9;
      const bool apart_y = out[a].offset >= out[b].offset + in[b].height + o.gap - 1e-9 ||
                           out[b].offset >= out[a].offset + in[a].height + o.gap - 1e-9;
      CHECK((apart_x || apart_y));
      // A later stem under an earlier label ends below that label (b's stem runs from the base
      // to b's label).
      if (out[b].stem < out[a].stem + in[a].width) CHECK(out[a].offset >= out[b].offset + in[b].height - 1e-9);
    }
}

}  // namespace

TEST_CASE("labels far apart all sit at the axis on their own stems") {
  const std::vector<FlagInput> in{{0, 50, 20}, {100, 50, 20}, {200, 50, 20}};
  const FlagOptions o{10, 12, no_budget, false};
  const auto out = place_flags(in, o);
  for (std::size_t k = 0; k < in.size(); ++k) {
    CHECK(out[k].stem == in[k].x);
    CHECK(out[k].offset == 0);
  }
  expect_promises(in, o, out);
}

TEST_CASE("a label that would cover the next stem rises above that stem's label") {
  const std::vector<FlagInput> in{{0, 80, 20}, {40, 80, 20}};
  const FlagOptions o{10, 12, no_budget, false};
  const auto out = place_flags(in, o);
  CHECK(out[1].offset == 0);
  CHECK(out[0].offset == doctest::Approx(20 + 12));
  expect_promises(in, o, out);
}

TEST_CASE("markers on one spot get stems spaced leftwards, keeping time order") {
  const std::vector<FlagInput> in{{100, 40, 10}, {100, 40, 10}, {100, 40, 10}};
  const FlagOptions o{10, 12, no_budget, false};
  const auto out = place_flags(in, o);
  CHECK(out[2].stem == 100);
  CHECK(out[1].stem == 90);
  CHECK(out[0].stem == 80);
  expect_promises(in, o, out);
}

TEST_CASE("two-sided placement uses the side that grows the picture least") {
  const std::vector<FlagInput> in{{0, 80, 20}, {40, 80, 20}};
  const FlagOptions o{10, 12, no_budget, true};
  const auto out = place_flags(in, o);
  CHECK(out[0].side != out[1].side);  // below costs nothing where above would stack
  CHECK(out[0].offset == 0);
  CHECK(out[1].offset == 0);
  expect_promises(in, o, out);
}

TEST_CASE("over the height budget a label moves its stem left instead of stacking higher") {
  // Five wide labels close together: unlimited, they stack five high.
  std::vector<FlagInput> in;
  for (int k = 0; k < 5; ++k) in.push_back({100.0 + 10 * k, 100, 20});
  const auto tall = place_flags(in, {10, 12, no_budget, false});
  double top = 0;
  for (std::size_t k = 0; k < in.size(); ++k) top = std::max(top, tall[k].offset + in[k].height);
  CHECK(top > 100);
  // With room for two rows, stems bend left to start new columns.
  const FlagOptions low{10, 12, 2 * 20 + 12, false};
  const auto bent = place_flags(in, low);
  for (std::size_t k = 0; k < in.size(); ++k) CHECK(bent[k].offset + in[k].height <= low.budget + 1e-9);
  CHECK(bent[0].stem < in[0].x);
  expect_promises(in, low, bent);
}

TEST_CASE("random crowds keep every promise, one-sided and two-sided, with and without a budget") {
  Rng rng{20240630};
  for (int round = 0; round < 40; ++round) {
    std::vector<FlagInput> in;
    double x = 0;
    for (int k = 0; k < 60; ++k) {
      x += rng.uniform(0, 30);
      in.push_back({x, rng.uniform(20, 160), rng.uniform(12, 60)});
    }
    for (bool two : {false, true})
      for (double budget : {no_budget, 150.0}) {
        const FlagOptions o{10, 12, budget, two};
        CAPTURE(round);
        expect_promises(in, o, place_flags(in, o));
      }
  }
}

TEST_CASE("the median is the middle value, the upper one of an even count") {
  CHECK(median({}) == 0);
  CHECK(median({3, 1, 2}) == 2);
  CHECK(median({4, 1, 3, 2}) == 3);
}
