// Label selection against exhaustive search: on random instances of up to 12 events, one side
// is exactly optimal; two sides reach at least half the optimum, never less than two plain
// passes, under a bound that holds; importance-5 events are labelled whenever they all can be.
// Every answer is checked geometrically by an independent checker.
#include "layout/placement/label_selection.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <queue>
#include <tuple>
#include <random>
#include <set>

using namespace factline::layout;

namespace {

constexpr std::int64_t Q = 10, GAP = 12;

struct Instance {
  std::vector<LabelCandidate> c;
  SelectionOptions o;
};

Instance random_instance(std::mt19937& rng, int n, int musts, bool two_sided, int rows) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  Instance in;
  in.o.cell = Q, in.o.gap = GAP, in.o.rows = rows, in.o.two_sided = two_sided, in.o.rounds = 8;
  const int axis = pick(12, 26) * 10;
  in.o.wall = axis;
  std::vector<std::int64_t> xs;
  for (int i = 0; i < n; ++i) xs.push_back(pick(0, axis - 1));
  std::sort(xs.begin(), xs.end());
  for (int i = 0; i < n; ++i) {
    LabelCandidate e;
    e.x = xs[i];
    e.width[0] = pick(20, 120);
    if (pick(0, 9) < 4) e.width[1] = pick(10, static_cast<int>(e.width[0]));
    e.weight[0] = pick(1000, 9000);
    e.weight[1] = e.width[1] >= 0 ? 3 * e.weight[0] / 4 : 0;
    in.c.push_back(e);
  }
  // Importance 5: lexicographic weight, as label_weights gives it.
  std::int64_t big = 1;
  for (const auto& e : in.c) big += e.weight[0];
  for (int k = 0; k < musts && n > 0; ++k) {
    LabelCandidate& e = in.c[pick(0, n - 1)];
    if (e.must) continue;
    e.must = true;
    e.weight[0] += big;
    if (e.width[1] >= 0) e.weight[1] += big;
  }
  return in;
}

// The cells assign_cells gives (importance-5 events nudged apart right to left, then rightward
// where that passed cell 0) and whether an event may be a candidate; computed here from the
// rule, independently of the selector.
struct Cells {
  std::vector<std::int64_t> cell;
  std::vector<bool> candidate;
};
Cells cells_of(const Instance& in) {
  Cells k;
  const int n = static_cast<int>(in.c.size());
  for (const auto& e : in.c) k.cell.push_back(e.x / Q);
  std::optional<std::int64_t> next;
  std::set<std::int64_t> reserved;
  for (int i = n - 1; i >= 0; --i)
    if (in.c[i].must) {
      k.cell[i] = next ? std::min(k.cell[i], *next - 1) : k.cell[i];
      next = k.cell[i];
    }
  std::int64_t previous = -1;
  for (int i = 0; i < n; ++i)
    if (in.c[i].must) {
      k.cell[i] = previous = std::max(k.cell[i], previous + 1);
      reserved.insert(k.cell[i]);
    }
  for (int i = 0; i < n; ++i) k.candidate.push_back(in.c[i].must || !reserved.count(k.cell[i]));
  return k;
}

// Rows of one side's labels straight from the geometry (as label_selection.hpp defines them).
bool side_fits(std::vector<std::pair<std::int64_t, std::int64_t>> items, int rows, std::int64_t wall) {
  std::sort(items.begin(), items.end());
  std::vector<int> r(items.size());
  for (std::size_t i = items.size(); i-- > 0;) {
    if (items[i].first < 0 || items[i].first + items[i].second + GAP >= wall) return false;
    int m = 0;
    for (std::size_t j = i + 1; j < items.size(); ++j)
      if (items[j].first <= items[i].first + items[i].second + GAP) m = std::max(m, r[j]);
    r[i] = m + 1;
    if (r[i] > rows) return false;
  }
  return true;
}

// Exhaustive search: each event gets nothing or one (side, variant), stems in distinct cells.
std::int64_t brute(const Instance& in, int sides, bool musts_only = false) {
  const Cells k = cells_of(in);
  const int n = static_cast<int>(in.c.size());
  std::int64_t best = -1;
  std::array<std::vector<std::pair<std::int64_t, std::int64_t>>, 2> chosen;
  std::set<std::int64_t> used;
  auto go = [&](auto& self, int i, std::int64_t acc) -> void {
    if (i == n) {
      best = std::max(best, acc);
      return;
    }
    const LabelCandidate& e = in.c[i];
    const bool may = k.candidate[i] && k.cell[i] >= 0 && !used.count(k.cell[i]) && (!musts_only || e.must);
    if (may) {
      used.insert(k.cell[i]);
      for (int s = 0; s < sides; ++s)
        for (int v = 0; v < 2; ++v) {
          if (e.width[v] < 0) continue;
          chosen[s].emplace_back(k.cell[i] * Q, e.width[v]);
          if (side_fits(chosen[s], in.o.rows, in.o.wall)) self(self, i + 1, acc + e.weight[v]);
          chosen[s].pop_back();
        }
      used.erase(k.cell[i]);
    }
    if (!(musts_only && e.must)) self(self, i + 1, acc);
  };
  go(go, 0, 0);
  return best;  // −1: (musts_only) the importance-5 events cannot all be labelled
}

// The selection's own answer, checked: one label per event, stems at their cells, rows as
// claimed and within K, no label past the wall, no overlap and no leader through a label.
void check_geometry(const Instance& in, const Selection& s) {
  const Cells k = cells_of(in);
  std::set<int> seen;
  std::set<std::int64_t> stems;
  std::array<std::vector<std::tuple<std::int64_t, std::int64_t, int>>, 2> side;
  for (const SelectedLabel& l : s.labels) {
    REQUIRE(seen.insert(l.event).second);
    REQUIRE(stems.insert(l.stem).second);
    CHECK(l.stem == k.cell[l.event] * Q);
    CHECK(in.c[l.event].width[l.variant] >= 0);
    CHECK(l.row >= 1);
    CHECK(l.row <= in.o.rows);
    side[l.side].emplace_back(l.stem, in.c[l.event].width[l.variant], l.row);
  }
  for (auto& sd : side)
    for (std::size_t i = 0; i < sd.size(); ++i) {
      auto [si, wi, ri] = sd[i];
      CHECK(si + wi + GAP < in.o.wall);
      for (std::size_t j = 0; j < sd.size(); ++j) {
        if (i == j) continue;
        auto [sj, wj, rj] = sd[j];
        if (si < sj && sj <= si + wi + GAP) CHECK(ri > rj);  // i covers j's stem: i above it
      }
    }
}

}  // namespace

TEST_CASE("one side: the selection equals exhaustive search on 400 random instances of up to 12 events") {
  std::mt19937 rng(20240601);
  int equal = 0;
  for (int t = 0; t < 400; ++t) {
    const Instance in = random_instance(rng, 4 + t % 9, t % 3 == 0 ? 0 : 1 + t % 4, false, 1 + t % 3);
    const Selection s = select_labels(in.c, in.o);
    check_geometry(in, s);
    const std::int64_t opt = brute(in, 1);
    CHECK(s.objective == opt);
    CHECK(s.bound == s.objective);
    equal += s.objective == opt;
    // Importance 5: all labelled exactly when they can all be.
    CHECK(s.must_missing.empty() == (brute(in, 1, true) >= 0));
  }
  CHECK(equal == 400);
}

TEST_CASE("one side as a vertical timeline uses it: more rows (columns), labels as long as one or two title lines") {
  // Down a vertical axis a label's length is its height: a date line and one title line or two,
  // so lengths cluster at two values, a few cells each, and columns are more than rows.
  std::mt19937 rng(1312);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  int equal = 0;
  for (int t = 0; t < 300; ++t) {
    Instance in = random_instance(rng, 5 + t % 8, t % 4 == 0 ? 1 + t % 3 : 0, false, 1 + t % 5);
    for (auto& e : in.c) {
      e.width[0] = pick(0, 1) ? 38 : 58;
      e.width[1] = e.width[0] == 58 && pick(0, 2) == 0 ? 38 : -1;
      e.weight[1] = e.width[1] >= 0 ? 3 * e.weight[0] / 4 : 0;
    }
    const Selection s = select_labels(in.c, in.o);
    check_geometry(in, s);
    const std::int64_t opt = brute(in, 1);
    CHECK(s.objective == opt);
    equal += s.objective == opt;
    CHECK(s.must_missing.empty() == (brute(in, 1, true) >= 0));
  }
  CHECK(equal == 300);
}

TEST_CASE("two sides: at least half the optimum, the bound holds, rounds never lose to two passes") {
  std::mt19937 rng(7);
  double worst = 1;
  for (int t = 0; t < 200; ++t) {
    Instance in = random_instance(rng, 4 + t % 7, t % 2 ? 0 : 1 + t % 5, true, 1 + t % 2);
    const Selection s = select_labels(in.c, in.o);
    check_geometry(in, s);
    const std::int64_t opt = brute(in, 2);
    CHECK(2 * s.objective >= opt);
    // The bound holds for the sides the importance-5 events were given: with none, for all.
    const bool any_must = std::any_of(in.c.begin(), in.c.end(), [](const auto& e) { return e.must; });
    if (!any_must) CHECK(s.bound >= opt);
    CHECK(s.objective <= opt);
    in.o.rounds = 0;
    CHECK(s.objective >= select_labels(in.c, in.o).objective);
    if (opt > 0) worst = std::min(worst, static_cast<double>(s.objective) / static_cast<double>(opt));
    CHECK(s.must_missing.empty() == (brute(in, 2, true) >= 0));
  }
  MESSAGE("two sides, worst ratio to the optimum: " << worst);
}

TEST_CASE("the short title is used when it lets a second label fit") {
  // Two events a cell apart: the first's full title covers the second's stem in one row.
  SelectionOptions o;
  o.cell = 10, o.gap = 12, o.wall = 400, o.rows = 1, o.two_sided = false;
  std::vector<LabelCandidate> c(2);
  c[0].x = 0, c[0].width = {200, 30}, c[0].weight = {1000, 750};
  c[1].x = 100, c[1].width = {100, -1}, c[1].weight = {1000, 0};
  const Selection s = select_labels(c, o);
  REQUIRE(s.labels.size() == 2);
  CHECK(s.labels[0].variant == 1);
  CHECK(s.objective == 1750);
}

TEST_CASE("importance-5 events on one day are nudged into cells of their own; too many is reported") {
  SelectionOptions o;
  o.cell = 10, o.gap = 12, o.wall = 1000, o.rows = 3, o.two_sided = true;
  std::vector<LabelCandidate> c(3);
  for (auto& e : c) e.x = 500, e.width = {50, -1}, e.weight = {10'000, 0}, e.must = true;
  Selection s = select_labels(c, o);
  CHECK(s.must_missing.empty());
  REQUIRE(s.labels.size() == 3);
  CHECK(s.labels[0].stem == 480);
  CHECK(s.labels[2].stem == 500);
  o.rows = 1;  // two sides of one row: room for two of the three
  s = select_labels(c, o);
  CHECK(s.must_missing.size() == 1);
}

TEST_CASE("spread weights: the largest gap first, integers, deterministic") {
  CHECK(spread_gaps({0, 50, 100}, 0, 100) == std::vector<std::int64_t>{50, 100, 50});
  const auto w = label_weights({{0, 0, false, false, false}, {50, 0, true, true, true}, {100, 5, false, false, false}}, 0, 100);
  CHECK(w[1][0] > w[0][0]);               // middle event splits the whole domain, and is a span with text
  CHECK(w[1][1] == 3 * (w[1][0]) / 4);    // the short title is worth three quarters
  CHECK(w[2][0] > w[0][0] + w[1][0]);     // importance 5 outweighs every other label together
  CHECK(w[0][1] == 0);
}

TEST_CASE("spread gaps do not depend on the order gaps are split in: a queue by length agrees") {
  // The ranking as the rule says it: the longest gap first (ties the earlier), split at its
  // event nearest the middle. The code splits gaps in stack order instead.
  auto ranked = [](const std::vector<std::int64_t>& t, std::int64_t d0, std::int64_t d1) {
    std::vector<std::int64_t> gaps(t.size(), 0);
    using Gap = std::tuple<std::int64_t, std::int64_t, std::size_t, std::size_t, std::int64_t, std::int64_t>;
    std::priority_queue<Gap, std::vector<Gap>, std::greater<>> heap;  // (−length, start, lo, hi, a, b)
    heap.emplace(-(d1 - d0), d0, 0, t.size() - 1, d0, d1);
    while (!heap.empty()) {
      const auto [len, start, lo, hi, a, b] = heap.top();
      heap.pop();
      std::size_t k = lo;
      for (std::size_t j = lo; j <= hi; ++j)  // nearest the middle; ties: the one below it
        if (std::abs(2 * t[j] - (a + b)) < std::abs(2 * t[k] - (a + b)) ||
            (std::abs(2 * t[j] - (a + b)) == std::abs(2 * t[k] - (a + b)) && 2 * t[j] < a + b))
          k = j;
      // Among events on the same day, the last below the middle or the first from it.
      while (2 * t[k] < a + b && k < hi && t[k + 1] == t[k]) ++k;
      while (2 * t[k] >= a + b && k > lo && t[k - 1] == t[k]) --k;
      gaps[k] = b - a;
      if (k > lo) heap.emplace(-(t[k] - a), a, lo, k - 1, a, t[k]);
      if (k < hi) heap.emplace(-(b - t[k]), t[k], k + 1, hi, t[k], b);
    }
    return gaps;
  };
  std::mt19937 rng(7);
  for (int trial = 0; trial < 300; ++trial) {
    std::vector<std::int64_t> t(1 + rng() % 12);
    for (auto& d : t) d = static_cast<std::int64_t>(rng() % 40);
    std::sort(t.begin(), t.end());
    CAPTURE(trial);
    CHECK(spread_gaps(t, 0, 40) == ranked(t, 0, 40));
  }
}
