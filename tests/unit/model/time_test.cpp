// The document's time: what as_of means at each precision, the days events cover, and where
// ongoing spans end. Documents are built in code, so each case shows exactly what it feeds in.
#include "model/time.hpp"

#include <doctest/doctest.h>

#include "model/document.hpp"

using namespace factline;
using calendar::Date;
using calendar::Precision;
using calendar::to_days;

namespace {

Date day(int y, int m, int d) { return {y, m, d, Precision::Day}; }
Date month(int y, int m) { return {y, m, 1, Precision::Month}; }
Date year(int y) { return {y, 1, 1, Precision::Year}; }

model::Event point(Date d) {
  model::Event e;
  e.date = d;
  return e;
}

model::Event span(Date start, std::optional<Date> end) {
  model::Event e;
  e.date = start;
  e.is_span = true;
  e.end = end;
  return e;
}

model::Document with(std::optional<Date> as_of, std::vector<model::Event> events) {
  model::Document doc;
  doc.as_of = as_of;
  doc.events = std::move(events);
  return doc;
}

}  // namespace

TEST_CASE("a month-precision as_of means through the last day of that month") {
  const model::DocumentTime time(with(month(2024, 6), {}));
  REQUIRE(time.as_of());
  CHECK(*time.as_of() == to_days(2024, 7, 1));  // the instant 30 June ends
  CHECK(time.as_of_date() == month(2024, 6));
  CHECK_FALSE(time.after_as_of(day(2024, 6, 30)));
  CHECK_FALSE(time.after_as_of(month(2024, 6)));
  CHECK(time.after_as_of(day(2024, 7, 1)));
  CHECK(time.after_as_of(month(2024, 7)));
  CHECK_FALSE(time.after_as_of(year(2024)));  // 2024 begins before it
}

TEST_CASE("a year-precision as_of means through 31 December") {
  const model::DocumentTime time(with(year(2024), {}));
  CHECK(*time.as_of() == to_days(2025, 1, 1));
  CHECK_FALSE(time.after_as_of(day(2024, 12, 31)));
  CHECK(time.after_as_of(year(2025)));
}

TEST_CASE("a day-precision as_of means through that day") {
  const model::DocumentTime time(with(day(2024, 6, 30), {}));
  CHECK(*time.as_of() == to_days(2024, 7, 1));
  CHECK_FALSE(time.after_as_of(day(2024, 6, 30)));
  CHECK(time.after_as_of(day(2024, 7, 1)));
}

TEST_CASE("without as_of nothing is after it") {
  const model::DocumentTime time(with(std::nullopt, {point(year(3000))}));
  CHECK_FALSE(time.as_of());
  CHECK_FALSE(time.after_as_of(year(3000)));
}

TEST_CASE("events cover the whole period of their dates, a span to the end of its end's") {
  const model::DocumentTime time(with(std::nullopt, {point(year(2023)), point(month(2024, 2)), point(day(2024, 6, 27)),
                                                     span(month(2022, 10), year(2023))}));
  CHECK(time.event(0).first == to_days(2023, 1, 1));
  CHECK(time.event(0).end == to_days(2024, 1, 1));
  CHECK(time.event(1).end - time.event(1).first == 29);  // February of a leap year
  CHECK(time.event(2).end - time.event(2).first == 1);
  CHECK(time.event(3).first == to_days(2022, 10, 1));
  CHECK(time.event(3).end == to_days(2024, 1, 1));
  CHECK_FALSE(time.event(3).open);
  CHECK(time.event(2).mid() == doctest::Approx(static_cast<double>(to_days(2024, 6, 27)) + 0.5));
}

TEST_CASE("an ongoing span runs to the as-of instant") {
  const model::DocumentTime time(with(month(2024, 6), {span(day(2022, 2, 24), std::nullopt), point(year(2030))}));
  CHECK(time.event(0).open);
  CHECK(time.event(0).end == *time.as_of());
}

TEST_CASE("without as_of an ongoing span runs to the end of the last date in the file, chart dates included") {
  model::Document doc = with(std::nullopt, {span(year(2020), std::nullopt), point(month(2021, 3))});
  CHECK(model::DocumentTime(doc).event(0).end == to_days(2021, 4, 1));
  model::Chart chart;
  chart.x_dates = true;
  chart.x.push_back({"2022-05-09", day(2022, 5, 9), {}});
  doc.panels.push_back({model::Panel::Kind::Chart, "", chart, {}});
  CHECK(model::DocumentTime(doc).event(0).end == to_days(2022, 5, 10));
}

TEST_CASE("an ongoing span that starts after as_of still covers its first day") {
  const model::DocumentTime time(with(year(2000), {span(day(2024, 1, 1), std::nullopt)}));
  CHECK(time.event(0).first == to_days(2024, 1, 1));
  CHECK(time.event(0).end == to_days(2024, 1, 2));
}

TEST_CASE("the extent holds every event and as_of's last day") {
  const model::DocumentTime time(with(month(2024, 6), {point(year(2022)), point(day(2023, 3, 1))}));
  CHECK(time.extent() == std::pair{to_days(2022, 1, 1), to_days(2024, 7, 1)});
  CHECK(model::DocumentTime(with(std::nullopt, {})).extent() == std::pair<calendar::Days, calendar::Days>{0, 0});
  CHECK(model::DocumentTime(with(day(2024, 6, 30), {})).extent() ==
        std::pair{to_days(2024, 6, 30), to_days(2024, 7, 1)});
}
