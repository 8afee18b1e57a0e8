#include "layout/placement/dodge.hpp"

#include <algorithm>

namespace factline::layout {

// With S_i = gap_0 + … + gap_{i−1} and z_i = p_i − S_i the constraint becomes z non-decreasing,
// and the best z is the isotonic regression of t_i = x_i − S_i: pooled blocks of equal value,
// each the mean of its targets. A lower bound on p_0 bounds every z_i, and the bounded
// regression is the unbounded one clipped at the bound.
std::vector<double> dodge(const std::vector<double>& xs, const std::vector<double>& gaps, double lowest) {
  struct Block {
    double sum;
    int count;
    double mean() const { return sum / count; }
  };
  std::vector<double> offsets(xs.size(), 0);
  for (std::size_t i = 1; i < xs.size(); ++i) offsets[i] = offsets[i - 1] + gaps[i - 1];
  std::vector<Block> blocks;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    blocks.push_back({xs[i] - offsets[i], 1});
    while (blocks.size() > 1 && blocks[blocks.size() - 2].mean() > blocks.back().mean()) {
      const Block last = blocks.back();
      blocks.pop_back();
      blocks.back().sum += last.sum;
      blocks.back().count += last.count;
    }
  }
  std::vector<double> out;
  out.reserve(xs.size());
  for (const Block& b : blocks)
    for (int k = 0; k < b.count; ++k) out.push_back(std::max(b.mean(), lowest) + offsets[out.size()]);
  return out;
}

std::vector<double> dodge(const std::vector<double>& xs, double gap) {
  return dodge(xs, std::vector<double>(xs.empty() ? 0 : xs.size() - 1, gap));
}

}  // namespace factline::layout
