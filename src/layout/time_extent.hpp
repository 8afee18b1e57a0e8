#pragma once
// Time axis domains every page shares, from the document's time (model/time.hpp).
#include <utility>

#include "calendar/date.hpp"
#include "model/time.hpp"

namespace factline::layout {

// The axis domain for the days [first, end): a little past them on each side.
std::pair<calendar::Days, calendar::Days> padded_domain(calendar::Days first, calendar::Days end);

// A timeline's axis domain: the days its events and as_of cover, padded.
std::pair<calendar::Days, calendar::Days> timeline_domain(const model::DocumentTime& time);

}  // namespace factline::layout
