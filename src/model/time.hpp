#pragma once
// Time as the whole document reads it, worked out once: the reference date (`as_of`) with its
// precision, the days each event covers, and where ongoing spans end. Loading (the planned
// default) and every layout (as-of lines, span bars, axis extents) ask this one type, so a
// timeline and a chart on one page agree to the day.
//
// A coarse as_of means through the end of the period it covers (docs/format.md): `2024-06` is
// as of 30 June 2024, `2024` as of 31 December 2024. The as-of instant is the end of that last
// day; its line stands there, so an event dated that day is not after it.
#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include "calendar/date.hpp"

namespace factline::model {

struct Document;

// The days an event covers, [first, end).
struct EventDays {
  calendar::Days first = 0, end = 0;
  bool open = false;  // an ongoing span: it has no end date; end is where it is drawn to
  double mid() const { return (static_cast<double>(first) + static_cast<double>(end)) / 2; }
};

class DocumentTime {
 public:
  explicit DocumentTime(const Document& doc);

  // The reference date as written, with its precision; none without as_of.
  const std::optional<calendar::Date>& as_of_date() const { return as_of_date_; }
  // The as-of instant in days: one past the last day as_of covers. Every as-of line stands here.
  std::optional<calendar::Days> as_of() const { return as_of_; }
  // Whether a date begins after as_of, that is after the whole period as_of covers: an event
  // that does and gives no status is planned. False without as_of.
  bool after_as_of(const calendar::Date& d) const;

  // The days event i covers: a point its year, month or day; a span from its start to its end.
  // An ongoing span runs to the as-of instant, else to the end of the last date in the file
  // (events and chart dates), and covers its start's first day at least; one starting at or
  // after the as-of instant covers its start's period and runs to the last date in the file.
  const EventDays& event(std::size_t i) const { return events_[i]; }
  const std::vector<EventDays>& events() const { return events_; }

  // The days the events and as_of's last day cover, [first, end); {0, 0} without either.
  std::pair<calendar::Days, calendar::Days> extent() const { return extent_; }

 private:
  std::optional<calendar::Date> as_of_date_;
  std::optional<calendar::Days> as_of_;
  std::vector<EventDays> events_;
  std::pair<calendar::Days, calendar::Days> extent_{0, 0};
};

}  // namespace factline::model
