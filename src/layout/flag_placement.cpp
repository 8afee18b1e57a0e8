#include "layout/flag_placement.hpp"

#include <algorithm>

namespace factline::layout {

// Right to left: each stem is its marker's x unless that would come within stem_spacing of the
// next stem, in which case it moves left. Each label then rests on the highest later label
// whose stem lies under it (a skyline query over the stems it covers, which are sorted).
std::vector<FlagPlacement> place_flags(const std::vector<FlagInput>& flags, double stem_spacing,
                                       double gap) {
  const std::size_t n = flags.size();
  std::vector<FlagPlacement> out(n);
  for (std::size_t k = n; k-- > 0;) {
    const double stem = k + 1 < n ? std::min(flags[k].x, out[k + 1].stem - stem_spacing) : flags[k].x;
    const double reach = stem + flags[k].width + gap;
    double bottom = 0;
    for (std::size_t j = k + 1; j < n && out[j].stem <= reach; ++j)
      bottom = std::max(bottom, out[j].bottom + flags[j].height + gap);
    out[k] = {stem, bottom};
  }
  return out;
}

}  // namespace factline::layout
