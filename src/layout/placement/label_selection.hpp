#pragma once
// Level of detail: which events of a dense timeline get a label (docs/design.md, "Level of
// detail"). A maximum-weight set of labels that fits K rows per side of a horizontal axis with
// no overlap and no leader through a label: multi-row boundary labelling (after Gemsa, Haunert
// and Nöllenburg) on a grid of stem cells, solved exactly for one side by an interval dynamic
// programme, for two sides by two exact passes (at least half the optimum, proven) improved by
// Lagrangian price rounds that also certify an upper bound.
//
// The model. Event i's stem sits at the left edge of its cell c_i = x_i / cell (at most one
// stem per cell over both sides, so stems keep time order and a cell's width apart). A label of
// width w in row r occupies [stem, stem + w] and keeps `gap` clear after it; it *covers* a later
// stem s when stem ≤ s ≤ stem + w + gap, and must then sit in a higher row than that stem's
// label (its leader rises through every row below it). Labels end before the wall. Integers
// throughout, so the result is exact and deterministic.
#include <array>
#include <cstdint>
#include <vector>

namespace factline::layout {

using LabelWeight = std::int64_t;

struct LabelCandidate {
  std::int64_t x = 0;  // marker position, units ≥ 0; candidates in time order (x non-decreasing)
  // Label width per variant (0: full title, 1: short title), units; < 0: no such variant.
  std::array<std::int64_t, 2> width{0, -1};
  std::array<LabelWeight, 2> weight{0, 0};
  bool must = false;  // importance 5: labelled whenever all of them can be
};

struct SelectionOptions {
  std::int64_t cell = 10;  // stem cell width, units (the minimum stem spacing)
  std::int64_t gap = 12;   // clearance after a label and around a leader, units
  std::int64_t wall = 0;   // labels end before this x, units
  int rows = 16;           // rows per side
  bool two_sided = true;
  int rounds = 4;          // price rounds (two sides)
};

struct SelectedLabel {
  int event = 0;    // index into the candidates
  int variant = 0;  // 0 full, 1 short
  int side = 0;     // 0 above, 1 below
  int row = 1;      // 1 = nearest the axis; the lowest row that fits (≤ rows)
  std::int64_t stem = 0;
};

struct Selection {
  std::vector<SelectedLabel> labels;  // in event order
  LabelWeight objective = 0;          // total weight of the labels
  LabelWeight bound = 0;              // ≥ the optimum (two sides); = objective for one side
  std::vector<int> must_missing;      // importance-5 events left unlabelled
  int solves = 0;
};

Selection select_labels(const std::vector<LabelCandidate>& candidates, const SelectionOptions& options);

// Weights (docs/format.md, "Which events get labels"). Per event: its anchor day, importance
// (1–5, 0 unrated), span and text flags, whether it has a short title. Days in time order;
// [d0, d1] the axis domain. Returns per event the weights of its full and short labels.
struct WeightInput {
  std::int64_t day = 0;
  int importance = 0;
  bool span = false, text = false, has_short = false;
};
std::vector<std::array<LabelWeight, 2>> label_weights(const std::vector<WeightInput>& events, std::int64_t d0,
                                                      std::int64_t d1);

// Largest gap first: per event (days sorted), the length of the gap it was ranked to split.
std::vector<std::int64_t> spread_gaps(const std::vector<std::int64_t>& days, std::int64_t d0, std::int64_t d1);

// The lowest rows of one side's labels: (stem, width) sorted by stem; row_i = 1 + the highest
// row among the labels whose stems it covers.
std::vector<int> lowest_rows(const std::vector<std::pair<std::int64_t, std::int64_t>>& stems_widths, std::int64_t gap);

}  // namespace factline::layout
