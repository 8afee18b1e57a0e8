// Axis domains around the days a page shows.
#include "layout/time_extent.hpp"

#include <doctest/doctest.h>

#include "model/document.hpp"

using namespace factline;
using calendar::to_days;

TEST_CASE("an axis domain runs a fortieth of its span past each end") {
  CHECK(layout::padded_domain(0, 400) == std::pair<calendar::Days, calendar::Days>{-10, 410});
}

TEST_CASE("an axis domain runs at least a day past each end") {
  CHECK(layout::padded_domain(100, 101) == std::pair<calendar::Days, calendar::Days>{99, 102});
  CHECK(layout::padded_domain(100, 139) == std::pair<calendar::Days, calendar::Days>{99, 140});
}

TEST_CASE("a timeline's domain holds its events and as_of, padded") {
  model::Document doc;
  doc.as_of = calendar::Date{2024, 6, 1, calendar::Precision::Month};
  model::Event e;
  e.date = calendar::Date{2024, 1, 1, calendar::Precision::Day};
  doc.events.push_back(e);
  const auto [first, end] = layout::timeline_domain(model::DocumentTime(doc));
  const calendar::Days span = to_days(2024, 7, 1) - to_days(2024, 1, 1);
  CHECK(first == to_days(2024, 1, 1) - span / 40);
  CHECK(end == to_days(2024, 7, 1) + span / 40);
}
