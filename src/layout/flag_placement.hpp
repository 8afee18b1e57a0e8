#pragma once
// Places label "flags" above a horizontal axis so that no two overlap and no leader runs
// through a label (design: docs/design.md, after LABEL_PLACEMENT.md §3, one-sided, with no
// height budget: the picture grows instead).
//
// A flag is a label whose left edge hangs off a vertical stem at s_i. Stems strictly increase in
// event order, so leaders never cross and labels read left to right in time order. A label whose
// x-range covers a later stem sits above that stem's label.
#include <vector>

namespace factline::layout {

struct FlagInput {
  double x = 0;      // marker position, px; inputs sorted by x (ties allowed)
  double width = 0;  // label width including the pad from the stem
  double height = 0;
};

struct FlagPlacement {
  double stem = 0;    // stem x, px (≤ x)
  double bottom = 0;  // height of the label's bottom above the label zone's base, px
};

std::vector<FlagPlacement> place_flags(const std::vector<FlagInput>& flags, double stem_spacing,
                                       double gap);

}  // namespace factline::layout
