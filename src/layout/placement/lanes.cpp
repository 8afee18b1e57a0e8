#include "layout/placement/lanes.hpp"

#include <algorithm>
#include <functional>
#include <numeric>
#include <queue>

namespace factline::layout {

std::vector<int> pack_lanes(const std::vector<Interval>& iv) {
  std::vector<std::size_t> order(iv.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return iv[a].start != iv[b].start ? iv[a].start < iv[b].start : iv[a].end > iv[b].end;
  });
  using Busy = std::pair<double, int>;  // (end, lane)
  std::priority_queue<Busy, std::vector<Busy>, std::greater<>> busy;
  std::priority_queue<int, std::vector<int>, std::greater<>> free;
  int lanes = 0;
  std::vector<int> out(iv.size());
  for (std::size_t i : order) {
    while (!busy.empty() && busy.top().first <= iv[i].start) {
      free.push(busy.top().second);
      busy.pop();
    }
    int lane = lanes;
    if (!free.empty()) lane = free.top(), free.pop();
    else ++lanes;
    out[i] = lane;
    busy.push({iv[i].end, lane});
  }
  return out;
}

}  // namespace factline::layout
