#include "layout/time_extent.hpp"

#include <algorithm>
#include <optional>

namespace factline::layout {

using calendar::Days;

namespace {

constexpr Days domain_pad_share = 40;  // an axis runs a fortieth of its span past the events

}  // namespace

std::pair<Days, Days> dates_covered(const model::Event& e) {
  return {calendar::first_day(e.date), e.is_span && e.end ? calendar::end_day(*e.end) : calendar::end_day(e.date)};
}

std::pair<Days, Days> events_extent(const model::Document& doc) {
  std::optional<Days> as_of;
  if (doc.as_of) as_of = calendar::first_day(*doc.as_of);
  Days lo = as_of.value_or(0), hi = as_of ? *as_of + 1 : 0;
  bool any = as_of.has_value();
  for (const auto& e : doc.events) {
    const auto [first, end] = dates_covered(e);
    lo = any ? std::min(lo, first) : first;
    hi = any ? std::max(hi, end) : end;
    any = true;
  }
  return {lo, hi};
}

std::pair<Days, Days> padded_domain(Days first, Days end) {
  const Days pad = std::max<Days>(1, (end - first) / domain_pad_share);
  return {first - pad, end + pad};
}

}  // namespace factline::layout
