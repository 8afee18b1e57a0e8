#include "layout/time_extent.hpp"

#include <algorithm>

namespace factline::layout {

using calendar::Days;

namespace {

constexpr Days domain_pad_share = 40;  // an axis runs a fortieth of its span past the events

}  // namespace

std::pair<Days, Days> padded_domain(Days first, Days end) {
  const Days pad = std::max<Days>(1, (end - first) / domain_pad_share);
  return {first - pad, end + pad};
}

std::pair<Days, Days> timeline_domain(const model::DocumentTime& time) {
  const auto [first, end] = time.extent();
  return padded_domain(first, end);
}

}  // namespace factline::layout
