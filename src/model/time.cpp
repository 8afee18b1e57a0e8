#include "model/time.hpp"

#include <algorithm>

#include "model/document.hpp"

namespace factline::model {
namespace {

using calendar::Days;

// One past the last day any date in the file covers: events' dates and ends, chart dates.
std::optional<Days> last_date_end(const Document& doc) {
  std::optional<Days> end;
  const auto take = [&](const calendar::Date& d) {
    end = std::max(end.value_or(calendar::end_day(d)), calendar::end_day(d));
  };
  for (const Event& e : doc.events) {
    take(e.date);
    if (e.end) take(*e.end);
  }
  const auto take_chart = [&](const Chart& c) {
    for (const XValue& x : c.x)
      if (x.date) take(*x.date);
  };
  if (doc.chart) take_chart(*doc.chart);
  for (const Panel& p : doc.panels)
    if (p.kind == Panel::Kind::Chart) take_chart(p.chart);
  return end;
}

}  // namespace

DocumentTime::DocumentTime(const Document& doc) : as_of_date_(doc.as_of) {
  if (doc.as_of) as_of_ = calendar::end_day(*doc.as_of);
  const Days open_end = as_of_ ? *as_of_ : last_date_end(doc).value_or(0);
  std::optional<std::pair<Days, Days>> cover;
  const auto take = [&](Days first, Days end) {
    cover = cover ? std::pair{std::min(cover->first, first), std::max(cover->second, end)} : std::pair{first, end};
  };
  if (as_of_) take(*as_of_ - 1, *as_of_);
  for (const Event& e : doc.events) {
    EventDays d{calendar::first_day(e.date), calendar::end_day(e.end ? *e.end : e.date), e.is_span && !e.end};
    // One that starts at or after as_of is planned: it runs over its start's period, and on to
    // the last date in the file, rather than ending before it begins.
    if (d.open)
      d.end = as_of_ && d.first >= *as_of_
                  ? std::max(calendar::end_day(e.date), last_date_end(doc).value_or(0))
                  : std::max(d.first + 1, open_end);
    events_.push_back(d);
    take(d.first, d.end);
  }
  extent_ = cover.value_or(std::pair<Days, Days>{0, 0});
}

bool DocumentTime::after_as_of(const calendar::Date& d) const { return as_of_ && calendar::first_day(d) >= *as_of_; }

}  // namespace factline::model
