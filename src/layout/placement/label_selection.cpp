#include "layout/placement/label_selection.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>
#include <tuple>
#include <utility>

namespace factline::layout {
namespace {

// "No candidate". Table values are ≥ 0, so NEG + a value never overflows, and two NEGs are
// never added.
constexpr LabelWeight NEG = -(LabelWeight{1} << 62);

struct FrontEntry {
  int reach;           // first cell a later stem may use in this label's row or above
  LabelWeight weight;  // strictly increasing along a front
  int event, variant;
};

using Labels = std::vector<std::pair<int, int>>;  // (event, variant)

class Selector {
 public:
  Selector(const std::vector<LabelCandidate>& c, const SelectionOptions& o) : c_(c), o_(o) {
    g_ = static_cast<int>(std::max<std::int64_t>(0, o.wall / o.cell));
    assign_cells();
    build_fronts();
  }

  Selection run() {
    Selection s;
    std::array<Labels, 2> sides;
    LabelWeight bound = 0;
    if (!o_.two_sided) {
      auto [value, labels] = solve({}, {});
      sides[0] = std::move(labels);
      bound = value;
    } else {
      sides = two_pass({}, {});
      if (missing_must(sides) && !lost_) {
        if (auto split = must_split()) sides = two_pass(split->first, split->second);
      }
      std::array<std::vector<int>, 2> reserve;  // the importance-5 events shown keep their sides
      for (int side = 0; side < 2; ++side)
        for (auto [e, v] : sides[side])
          if (c_[e].must) reserve[side].push_back(e);
      bound = price_rounds(sides, reserve);
    }
    for (int side = 0; side < 2; ++side) {
      std::vector<std::pair<std::int64_t, std::int64_t>> sw;
      Labels& lab = sides[side];
      std::sort(lab.begin(), lab.end());  // event order = stem order
      for (auto [e, v] : lab) sw.emplace_back(stem(e), c_[e].width[v]);
      const std::vector<int> rows = lowest_rows(sw, o_.gap);
      for (std::size_t k = 0; k < lab.size(); ++k)
        s.labels.push_back({lab[k].first, lab[k].second, side, rows[k], stem(lab[k].first)});
      s.objective += weight_of(lab);
    }
    std::sort(s.labels.begin(), s.labels.end(), [](const auto& a, const auto& b) { return a.event < b.event; });
    s.bound = std::max(bound, s.objective);
    std::vector<char> shown(c_.size());
    for (const SelectedLabel& l : s.labels) shown[l.event] = 1;
    for (std::size_t i = 0; i < c_.size(); ++i)
      if (c_[i].must && !shown[i]) s.must_missing.push_back(static_cast<int>(i));
    s.solves = solves_;
    return s;
  }

 private:
  std::int64_t stem(int e) const { return static_cast<std::int64_t>(cell_[e]) * o_.cell; }

  int reach(int e, int v) const {
    return cell_[e] + static_cast<int>((c_[e].width[v] + o_.gap) / o_.cell) + 1;
  }

  // Natural cell x / cell. Importance-5 events get distinct cells, right to left: cell =
  // min(natural, next one's − 1); then, for those pushed before cell 0 (many at the axis's
  // start), left to right: max(that, previous one's + 1, 0). Their cells are reserved for them.
  void assign_cells() {
    const int n = static_cast<int>(c_.size());
    cell_.resize(n);
    candidate_.assign(n, 1);
    for (int i = 0; i < n; ++i) cell_[i] = static_cast<int>(c_[i].x / o_.cell);
    int next = 0;
    bool any = false;
    for (int i = n - 1; i >= 0; --i) {
      if (!c_[i].must) continue;
      cell_[i] = next = any ? std::min(cell_[i], next - 1) : cell_[i];
      any = true;
    }
    std::vector<char> reserved(static_cast<std::size_t>(std::max(g_, 0)) + 1);
    int previous = -1;
    for (int i = 0; i < n; ++i) {
      if (!c_[i].must) continue;
      const int c = cell_[i] = previous = std::max(cell_[i], previous + 1);
      bool fits = false;
      for (int v = 0; v < 2; ++v) fits = fits || (c_[i].width[v] >= 0 && reach(i, v) <= g_);
      lost_ = lost_ || !fits;
      if (c < g_) reserved[c] = 1;
    }
    for (int i = 0; i < n; ++i)
      if (!c_[i].must && cell_[i] >= 0 && cell_[i] < g_ && reserved[cell_[i]]) candidate_[i] = 0;
  }

  // Per cell, the candidates that can matter: by reach, each strictly heavier than all before
  // (ties: smaller reach, heavier, earlier event, full title).
  void build_fronts() {
    fronts_.assign(g_, {});
    std::vector<std::vector<std::tuple<int, LabelWeight, int, int>>> per(g_);
    for (int e = 0; e < static_cast<int>(c_.size()); ++e) {
      if (!candidate_[e] || cell_[e] < 0 || cell_[e] >= g_) continue;
      for (int v = 0; v < 2; ++v)
        if (c_[e].width[v] >= 0 && c_[e].weight[v] > 0 && reach(e, v) <= g_)
          per[cell_[e]].emplace_back(reach(e, v), -c_[e].weight[v], e, v);
    }
    for (int c = 0; c < g_; ++c) {
      std::sort(per[c].begin(), per[c].end());
      LabelWeight best = NEG;
      for (auto [r, negw, e, v] : per[c])
        if (-negw > best) fronts_[c].push_back({r, best = -negw, e, v});
    }
  }

  // One side, exactly: V[k][a][r] = the best weight with stems in cells [a, r), labels ending by
  // cell r, rows 1..k; either row k is empty, or c is the cell of its last label:
  //   V[k][a][r] = max(V[k−1][a][r], max_{a ≤ c < r} V[k][a][c] + B[r][c] + V[k−1][c+1][r]).
  // `blocked` cells are unusable; price[c] is taken off labels in cell c.
  std::pair<LabelWeight, Labels> solve(const std::vector<char>& blocked, const std::vector<LabelWeight>& price) {
    ++solves_;
    const int G = g_, W = G + 1;
    Labels labels;
    if (G <= 0) return {0, labels};
    std::vector<LabelWeight> B(static_cast<std::size_t>(W) * W, NEG);  // B[r][c]
    std::vector<int> who(static_cast<std::size_t>(W) * W, -1);          // front index
    for (int c = 0; c < G; ++c) {
      const auto& f = fronts_[c];
      if (f.empty() || (!blocked.empty() && blocked[c])) continue;
      const LabelWeight cost = price.empty() ? 0 : price[c];
      std::size_t p = 0;
      LabelWeight best = NEG;
      int pick = -1;
      for (int r = c + 1; r <= G; ++r) {
        while (p < f.size() && f[p].reach <= r) best = f[p].weight - cost, pick = static_cast<int>(p++);
        if (best > 0) B[static_cast<std::size_t>(r) * W + c] = best, who[static_cast<std::size_t>(r) * W + c] = pick;
      }
    }
    auto at = [W](std::vector<LabelWeight>& t, int a, int r) -> LabelWeight& { return t[static_cast<std::size_t>(a) * W + r]; };
    std::vector<std::vector<LabelWeight>> V(1, std::vector<LabelWeight>(static_cast<std::size_t>(W) * W, 0));
    std::vector<LabelWeight> BP(static_cast<std::size_t>(W) * W, NEG);  // BP[r][c], c < r
    for (int k = 1; k <= o_.rows; ++k) {
      std::vector<LabelWeight>& prev = V.back();
      for (int r = 1; r <= G; ++r)
        for (int c = 0; c < r; ++c) {
          const LabelWeight b = B[static_cast<std::size_t>(r) * W + c];
          BP[static_cast<std::size_t>(r) * W + c] = b == NEG ? NEG : b + at(prev, c + 1, r);
        }
      std::vector<LabelWeight> cur(static_cast<std::size_t>(W) * W, 0);
      for (int a = 0; a < G; ++a) {
        LabelWeight* row = &cur[static_cast<std::size_t>(a) * W];
        const LabelWeight* prow = &prev[static_cast<std::size_t>(a) * W];
        for (int r = a + 1; r <= G; ++r) {
          const LabelWeight* bp = &BP[static_cast<std::size_t>(r) * W];
          LabelWeight m = prow[r];
          for (int c = a; c < r; ++c) m = std::max(m, row[c] + bp[c]);
          row[r] = m;
        }
      }
      const bool same = cur == prev;
      V.push_back(std::move(cur));
      if (same) break;  // one more row changed nothing, so no later row can
    }
    const int levels = static_cast<int>(V.size()) - 1;
    // Trace back; ties: fewer rows, then the leftmost cell.
    std::vector<std::tuple<int, int, int>> stack{{levels, 0, G}};
    while (!stack.empty()) {
      auto [k, a, r] = stack.back();
      stack.pop_back();
      if (k == 0 || r <= a) continue;
      const LabelWeight val = at(V[k], a, r);
      if (val == at(V[k - 1], a, r)) {
        stack.emplace_back(k - 1, a, r);
        continue;
      }
      for (int c = a; c < r; ++c) {
        const LabelWeight b = B[static_cast<std::size_t>(r) * W + c];
        if (b != NEG && at(V[k], a, c) + b + at(V[k - 1], c + 1, r) == val) {
          const FrontEntry& f = fronts_[c][who[static_cast<std::size_t>(r) * W + c]];
          labels.emplace_back(f.event, f.variant);
          stack.emplace_back(k, a, c);
          stack.emplace_back(k - 1, c + 1, r);
          break;
        }
      }
    }
    return {at(V[levels], 0, G), labels};
  }

  LabelWeight weight_of(const Labels& l) const {
    LabelWeight w = 0;
    for (auto [e, v] : l) w += c_[e].weight[v];
    return w;
  }

  std::vector<char> blocked_by(const Labels& other, const std::vector<int>& reserve_other) const {
    std::vector<char> b(static_cast<std::size_t>(g_), 0);
    for (auto [e, v] : other) b[cell_[e]] = 1;
    for (int e : reserve_other)
      if (cell_[e] >= 0 && cell_[e] < g_) b[cell_[e]] = 1;
    return b;
  }

  // Above exactly, then below exactly on the cells above left. Re-solving a side afterwards
  // cannot gain: each pass is exact on an instance that still holds its old answer.
  std::array<Labels, 2> two_pass(const std::vector<int>& reserve_above, const std::vector<int>& reserve_below) {
    Labels above = solve(blocked_by({}, reserve_below), {}).second;
    Labels below = solve(blocked_by(above, reserve_above), {}).second;
    return {std::move(above), std::move(below)};
  }

  bool missing_must(const std::array<Labels, 2>& sides) const {
    std::vector<char> shown(c_.size());
    for (const Labels& l : sides)
      for (auto [e, v] : l) shown[e] = 1;
    for (std::size_t i = 0; i < c_.size(); ++i)
      if (c_[i].must && !shown[i]) return true;
    return false;
  }

  // Whether labels (stem, width) fit one side: rows ≤ K, every label before the wall.
  bool fits_side(std::vector<std::pair<std::int64_t, std::int64_t>> items) const {
    std::sort(items.begin(), items.end());
    for (auto [s, w] : items)
      if (s + w + o_.gap >= static_cast<std::int64_t>(g_) * o_.cell) return false;
    for (int r : lowest_rows(items, o_.gap))
      if (r > o_.rows) return false;
    return true;
  }

  // Sides for the importance-5 events such that each side fits with their narrowest labels, by
  // depth-first search (at most 2^20 steps); nothing when there is none.
  std::optional<std::pair<std::vector<int>, std::vector<int>>> must_split() const {
    std::vector<int> musts;
    for (int i = static_cast<int>(c_.size()) - 1; i >= 0; --i)
      if (c_[i].must) musts.push_back(i);
    std::array<std::vector<std::pair<std::int64_t, std::int64_t>>, 2> chosen;
    std::vector<int> side(musts.size());
    long left = 1L << 20;
    auto narrow = [&](int e) {
      const auto& w = c_[e].width;
      return w[1] >= 0 ? std::min(w[0], w[1]) : w[0];
    };
    auto go = [&](auto& self, std::size_t i) -> bool {
      if (i == musts.size()) return true;
      for (int s = 0; s < 2; ++s) {
        if (--left < 0) return false;
        chosen[s].emplace_back(stem(musts[i]), narrow(musts[i]));
        side[i] = s;
        if (fits_side(chosen[s]) && self(self, i + 1)) return true;
        chosen[s].pop_back();
      }
      return false;
    };
    if (!go(go, 0)) return std::nullopt;
    std::pair<std::vector<int>, std::vector<int>> split;
    for (std::size_t i = 0; i < musts.size(); ++i) (side[i] ? split.second : split.first).push_back(musts[i]);
    return split;
  }

  // Lagrangian prices on the cells both sides want. For prices λ ≥ 0,
  //   UB(λ) = best_above(w − λ) + best_below(w − λ) + Σλ ≥ the two-sided optimum;
  // each round completes the better priced side with an exact pass for the other and keeps the
  // best complete answer (ties: the older). Returns the lowest UB.
  LabelWeight price_rounds(std::array<Labels, 2>& best, const std::array<std::vector<int>, 2>& reserve) {
    LabelWeight best_w = weight_of(best[0]) + weight_of(best[1]);
    const bool symmetric = reserve[0].empty() && reserve[1].empty();
    std::vector<LabelWeight> lambda(static_cast<std::size_t>(g_), 0);
    LabelWeight ub_best = -1;
    int halvings = 0, stall = 0;
    for (int round = 0; round < o_.rounds && g_ > 0; ++round) {
      std::array<std::pair<LabelWeight, Labels>, 2> priced;
      priced[0] = solve(blocked_by({}, reserve[1]), lambda);
      priced[1] = symmetric ? priced[0] : solve(blocked_by({}, reserve[0]), lambda);
      LabelWeight ub = priced[0].first + priced[1].first;
      for (LabelWeight l : lambda) ub += l;
      if (ub_best < 0 || ub < ub_best) {
        ub_best = ub, stall = 0;
      } else if (++stall >= 2) {
        ++halvings, stall = 0;
      }
      const int s = weight_of(priced[1].second) > weight_of(priced[0].second) ? 1 : 0;
      Labels other = solve(blocked_by(priced[s].second, reserve[s]), {}).second;
      std::array<Labels, 2> cand;
      cand[s] = priced[s].second;
      cand[1 - s] = std::move(other);
      const LabelWeight cw = weight_of(cand[0]) + weight_of(cand[1]);
      if (cw > best_w) best = std::move(cand), best_w = cw;
      std::vector<int> use(static_cast<std::size_t>(g_), 0);
      for (const auto& p : priced)
        for (auto [e, v] : p.second) ++use[cell_[e]];
      const LabelWeight step = std::max<LabelWeight>(ub - best_w, 0) / (static_cast<LabelWeight>(g_) << std::min(halvings, 40));
      for (int c = 0; c < g_; ++c) lambda[c] = std::max<LabelWeight>(0, lambda[c] + step * (use[c] - 1));
    }
    return ub_best;
  }

  const std::vector<LabelCandidate>& c_;
  const SelectionOptions& o_;
  int g_ = 0;  // cells from 0 to the wall
  std::vector<int> cell_;
  std::vector<char> candidate_;  // not in a cell reserved for an importance-5 event
  bool lost_ = false;            // an importance-5 event can never be labelled
  std::vector<std::vector<FrontEntry>> fronts_;
  int solves_ = 0;
};

}  // namespace

std::vector<int> lowest_rows(const std::vector<std::pair<std::int64_t, std::int64_t>>& sw, std::int64_t gap) {
  std::vector<int> rows(sw.size(), 0);
  for (std::size_t i = sw.size(); i-- > 0;) {
    int r = 0;
    for (std::size_t j = i + 1; j < sw.size() && sw[j].first <= sw[i].first + sw[i].second + gap; ++j)
      r = std::max(r, rows[j]);
    rows[i] = r + 1;
  }
  return rows;
}

Selection select_labels(const std::vector<LabelCandidate>& candidates, const SelectionOptions& options) {
  return Selector(candidates, options).run();
}

std::vector<std::int64_t> spread_gaps(const std::vector<std::int64_t>& t, std::int64_t d0, std::int64_t d1) {
  const std::size_t n = t.size();
  std::vector<std::int64_t> gaps(n, 0);
  if (n == 0) return gaps;
  // Each gap splits into two of its own, whatever order gaps are taken in: the largest-first
  // ranking is the recursion's, so a stack gives the same lengths as a queue by length would,
  // without its heap. (lo, hi, a, b): events lo..hi lie in the gap (a, b).
  struct Gap {
    std::size_t lo, hi;
    std::int64_t a, b;
  };
  std::vector<Gap> stack{{0, n - 1, d0, d1}};
  while (!stack.empty()) {
    const auto [lo, hi, a, b] = stack.back();
    stack.pop_back();
    // The event with 2·t nearest a + b (ties: the earlier).
    const auto first = t.begin() + static_cast<std::ptrdiff_t>(lo), last = t.begin() + static_cast<std::ptrdiff_t>(hi) + 1;
    std::size_t k = static_cast<std::size_t>(
        std::lower_bound(first, last, a + b, [](std::int64_t x, std::int64_t twice) { return 2 * x < twice; }) - t.begin());
    if (k > hi || (k > lo && (a + b) - 2 * t[k - 1] <= 2 * t[k] - (a + b))) --k;
    gaps[k] = b - a;
    if (k > lo) stack.push_back({lo, k - 1, a, t[k]});
    if (k < hi) stack.push_back({k + 1, hi, t[k], b});
  }
  return gaps;
}

namespace {
std::int64_t isqrt(std::int64_t v) {
  std::int64_t r = static_cast<std::int64_t>(std::sqrt(static_cast<double>(v)));
  while (r * r > v) --r;
  while ((r + 1) * (r + 1) <= v) ++r;
  return r;
}
}  // namespace

std::vector<std::array<LabelWeight, 2>> label_weights(const std::vector<WeightInput>& ev, std::int64_t d0,
                                                      std::int64_t d1) {
  std::vector<std::int64_t> days;
  days.reserve(ev.size());
  for (const WeightInput& e : ev) days.push_back(e.day);
  const std::vector<std::int64_t> gaps = spread_gaps(days, d0, d1);
  const std::int64_t span = std::max<std::int64_t>(1, d1 - d0);
  std::vector<LabelWeight> base(ev.size());
  LabelWeight big = 1;
  for (std::size_t i = 0; i < ev.size(); ++i) {
    const std::int64_t spread = std::min<std::int64_t>(1000, isqrt(gaps[i] * 1'000'000 / span));
    const LabelWeight quality = 1000 + spread + 250 * ev[i].span + 250 * ev[i].text;
    const int p = ev[i].importance == 5 ? 4 : ev[i].importance == 0 ? 2 : ev[i].importance;
    LabelWeight step = 1;
    for (int k = 1; k < p; ++k) step *= 3;
    base[i] = step * quality;
    big += base[i];
  }
  std::vector<std::array<LabelWeight, 2>> w(ev.size());
  for (std::size_t i = 0; i < ev.size(); ++i) {
    const LabelWeight bonus = ev[i].importance == 5 ? big : 0;
    w[i] = {base[i] + bonus, ev[i].has_short ? 3 * base[i] / 4 + bonus : 0};
  }
  return w;
}

}  // namespace factline::layout
