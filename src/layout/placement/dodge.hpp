#pragma once
// Moves items along a line so that consecutive ones keep a minimum distance, as little as
// possible: minimise Σ(p_i − x_i)² subject to p_{i+1} − p_i ≥ gap_i, solved exactly by isotonic
// regression (pool adjacent violators) in O(n). Markers that share a date fan out around it;
// a vertical timeline's label stack stays as close to its markers as it can.
#include <limits>
#include <vector>

namespace factline::layout {

// xs sorted ascending; gaps[i] is the least distance between items i and i+1. With `lowest`,
// no item goes below it (a label stack that must not rise above the top of its area); the
// result is still the least total squared distance under both constraints.
std::vector<double> dodge(const std::vector<double>& xs, const std::vector<double>& gaps,
                          double lowest = -std::numeric_limits<double>::infinity());
// The same with one gap for all.
std::vector<double> dodge(const std::vector<double>& xs, double gap);

}  // namespace factline::layout
