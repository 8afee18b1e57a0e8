#include "layout/placement/flag_placement.hpp"

#include <algorithm>
#include <limits>

namespace factline::layout {
namespace {

constexpr double none = -std::numeric_limits<double>::infinity();

// Max over index ranges, and the first index past a point whose value exceeds a threshold.
class MaxTree {
 public:
  explicit MaxTree(std::size_t n) : size_(1) {
    while (size_ < n) size_ *= 2;
    t_.assign(2 * size_, none);
  }
  void set(std::size_t i, double v) {
    for (t_[i += size_] = v; i > 1; i /= 2) t_[i / 2] = std::max(t_[i], t_[i ^ 1]);
  }
  double max(std::size_t lo, std::size_t hi) const {  // [lo, hi)
    double m = none;
    for (lo += size_, hi += size_; lo < hi; lo /= 2, hi /= 2) {
      if (lo & 1) m = std::max(m, t_[lo++]);
      if (hi & 1) m = std::max(m, t_[--hi]);
    }
    return m;
  }
  // First index ≥ lo with value > v, or npos.
  std::size_t first_above(std::size_t lo, double v) const { return descend(1, 0, size_, lo, v); }
  static constexpr std::size_t npos = std::numeric_limits<std::size_t>::max();

 private:
  std::size_t descend(std::size_t node, std::size_t l, std::size_t r, std::size_t lo, double v) const {
    if (r <= lo || t_[node] <= v) return npos;
    if (r - l == 1) return l;
    const std::size_t mid = (l + r) / 2;
    const std::size_t left = descend(2 * node, l, mid, lo, v);
    return left != npos ? left : descend(2 * node + 1, mid, r, lo, v);
  }
  std::size_t size_;
  std::vector<double> t_;
};

struct Candidate {
  double stem = 0, offset = 0;
};

class Sweep {
 public:
  Sweep(const std::vector<FlagInput>& in, const FlagOptions& o)
      : in_(in), o_(o), stems_(in.size()), trees_{MaxTree(in.size()), MaxTree(in.size())} {}

  std::vector<FlagPlacement> run() {
    std::vector<FlagPlacement> out(in_.size());
    double next = std::numeric_limits<double>::infinity();
    for (std::size_t k = in_.size(); k-- > 0;) {
      const Candidate above = candidate(k, Side::Above, next);
      Side side = Side::Above;
      Candidate pick = above;
      if (o_.two_sided) {
        const Candidate below = candidate(k, Side::Below, next);
        if (better(k, below, Side::Below, above)) side = Side::Below, pick = below;
      }
      const double top = pick.offset + in_[k].height;
      trees_[index(side)].set(k, top);
      extent_[index(side)] = std::max(extent_[index(side)], top);
      stems_[k] = pick.stem;
      out[k] = {pick.stem, pick.offset, side};
      next = pick.stem;
    }
    return out;
  }

 private:
  static std::size_t index(Side s) { return s == Side::Above ? 0 : 1; }

  // Lowest offset for label k with its stem at s: above every later label on this side whose
  // stem it covers (those are k+1 .. p, stems being sorted).
  double offset_at(std::size_t k, Side side, double s) const {
    const double reach = s + in_[k].width + o_.gap;
    const auto end = std::upper_bound(stems_.begin() + static_cast<std::ptrdiff_t>(k) + 1, stems_.end(), reach);
    const auto p = static_cast<std::size_t>(end - stems_.begin());
    const double top = trees_[index(side)].max(k + 1, p);
    return top == none ? 0 : top + o_.gap;
  }

  Candidate candidate(std::size_t k, Side side, double next) const {
    double s = std::min(in_[k].x, next - o_.stem_spacing);
    double y = offset_at(k, side, s);
    if (y + in_[k].height > o_.budget) {  // over budget: stop short of the first label too high
      const std::size_t q = trees_[index(side)].first_above(k + 1, o_.budget - in_[k].height - o_.gap);
      if (q != MaxTree::npos) {
        s = std::min(s, stems_[q] - in_[k].width - o_.gap - 1);
        y = offset_at(k, side, s);
      }
    }
    return {s, y};
  }

  // Least growth of the two sides' total extent, then least displacement, then nearest the
  // axis, then above.
  bool better(std::size_t k, const Candidate& b, Side side_b, const Candidate& a) const {
    auto growth = [&](const Candidate& c, Side s) {
      return std::max(0.0, c.offset + in_[k].height - extent_[index(s)]);
    };
    const double ga = growth(a, Side::Above), gb = growth(b, side_b);
    if (ga != gb) return gb < ga;
    if (a.stem != b.stem) return b.stem > a.stem;
    return b.offset < a.offset;
  }

  const std::vector<FlagInput>& in_;
  const FlagOptions& o_;
  std::vector<double> stems_;  // committed stems (indices > k during the sweep)
  MaxTree trees_[2];           // label tops per side
  double extent_[2] = {0, 0};
};

}  // namespace

std::vector<FlagPlacement> place_flags(const std::vector<FlagInput>& flags, const FlagOptions& options) {
  return Sweep(flags, options).run();
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

}  // namespace factline::layout
