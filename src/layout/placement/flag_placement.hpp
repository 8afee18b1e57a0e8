#pragma once
// Places label "flags" on one or two sides of a horizontal axis so that no two labels overlap,
// no leader runs through a label and no two leaders cross (docs/design.md, "The timeline
// engine", step 4).
//
// A flag is a label whose left edge hangs off a vertical stem. Stems strictly increase in time
// order across both sides, so leaders (vertical, one diagonal across the leader channel,
// vertical) never cross and labels read left to right in time order. A label whose x-range
// covers a later stem on its side sits farther from the axis than that stem's label. Within a
// height budget a label that would rise above it moves its stem left instead (a bent leader),
// so dense runs become columns that restart at the axis.
#include <limits>
#include <vector>

namespace factline::layout {

struct FlagInput {
  double x = 0;      // marker position, px; inputs sorted by x (ties allowed)
  double width = 0;  // label width including the pad from the stem
  double height = 0;
};

enum class Side { Above, Below };

struct FlagPlacement {
  double stem = 0;    // stem x, px (≤ x)
  double offset = 0;  // distance from the label zone's base to the label's near edge, px
  Side side = Side::Above;
};

// A height budget that never binds.
inline constexpr double no_budget = std::numeric_limits<double>::infinity();

struct FlagOptions {
  double stem_spacing = 10;  // minimum distance between consecutive stems
  double gap = 12;           // between labels
  double budget = no_budget;  // height budget per side (offset + height), px
  bool two_sided = true;
};

// O(n log n).
std::vector<FlagPlacement> place_flags(const std::vector<FlagInput>& flags, const FlagOptions& options);

// The height budgets a layout tries in turn, in median label heights, before it drops the
// budget: the first whose leaders bend no more than allowed wins. A low budget keeps labels
// near the axis; a leader that bends far from its marker is harder to follow than a taller
// stack, hence the limit on bending.
inline constexpr double budget_steps[] = {1, 2, 3, 4, 6, 8, 12, 16};
// The median of v (the upper middle for an even count); 0 for none.
double median(std::vector<double> v);

}  // namespace factline::layout
