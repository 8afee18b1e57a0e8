#include "layout/placement/lanes.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using factline::layout::Interval;
using factline::layout::pack_lanes;

TEST_CASE("intervals that all overlap get one lane each") {
  const auto lanes = pack_lanes({{0, 10}, {1, 11}, {2, 12}});
  CHECK(lanes == std::vector<int>{0, 1, 2});
}

TEST_CASE("intervals that only touch share a lane") {
  CHECK(pack_lanes({{0, 10}, {10, 20}, {20, 30}}) == std::vector<int>{0, 0, 0});
}

TEST_CASE("the lane count equals the maximum overlap depth") {
  // Depth 3 at x = 5..6; greedy by start reuses freed lanes.
  const std::vector<Interval> iv{{0, 6}, {1, 3}, {4, 8}, {5, 9}, {7, 12}, {10, 11}};
  const auto lanes = pack_lanes(iv);
  CHECK(*std::max_element(lanes.begin(), lanes.end()) + 1 == 3);
  for (std::size_t a = 0; a < iv.size(); ++a)
    for (std::size_t b = a + 1; b < iv.size(); ++b)
      if (lanes[a] == lanes[b]) CHECK((iv[a].end <= iv[b].start || iv[b].end <= iv[a].start));
}
