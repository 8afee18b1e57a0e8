#pragma once
// Packs intervals into the fewest lanes so that none overlaps another in its lane: the left-edge
// algorithm (greedy by start), which is optimal — lanes used = maximum overlap depth. O(n log n).
#include <vector>

namespace factline::layout {

struct Interval {
  double start = 0, end = 0;  // end exclusive; intervals that only touch may share a lane
};

// Lane index per interval (input order), the lowest free lane each time.
std::vector<int> pack_lanes(const std::vector<Interval>& intervals);

}  // namespace factline::layout
