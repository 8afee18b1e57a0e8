#pragma once
// Time ranges every page shares: the days events cover, and an axis domain around them.
#include <utility>

#include "calendar/date.hpp"
#include "model/document.hpp"

namespace factline::layout {

// The days an event's dates cover, first and end (exclusive); an ongoing span, only its start's
// period.
std::pair<calendar::Days, calendar::Days> dates_covered(const model::Event& e);

// The days the events (and the as-of date) cover, first and end (exclusive); ongoing spans
// count to the later of as-of and the last date. {0, 0} without events or as-of.
std::pair<calendar::Days, calendar::Days> events_extent(const model::Document& doc);

// The axis domain for the days [first, end): a little past them on each side.
std::pair<calendar::Days, calendar::Days> padded_domain(calendar::Days first, calendar::Days end);

}  // namespace factline::layout
