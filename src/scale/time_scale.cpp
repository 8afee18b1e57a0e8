#include "scale/time_scale.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <utility>

namespace factline::scale {

using calendar::Date;
using calendar::Days;
using calendar::Precision;

TimeScale::TimeScale(Days d0, Days d1, double r0, double r1)
    : d0_(d0), d1_(d1), r0_(r0), r1_(r1), segments_{{d0, d1, r0, r1}} {}

TimeScale::TimeScale(Days d0, Days d1, double r0, double r1, const std::vector<Gap>& gaps, double break_px)
    : TimeScale(d0, d1, r0, r1) {
  if (gaps.empty() || d0 == d1) return;
  double days = static_cast<double>(d1) - static_cast<double>(d0);
  for (const Gap& g : gaps) days -= static_cast<double>(g.end) - static_cast<double>(g.first);
  const double dir = r1 >= r0 ? 1 : -1;
  const double per_day = (std::abs(r1 - r0) - break_px * static_cast<double>(gaps.size())) / days;
  segments_.clear();
  Days from = d0;
  double at = r0;
  auto add = [&](Days to) {
    const double len = (static_cast<double>(to) - static_cast<double>(from)) * per_day;
    segments_.push_back({from, to, at, at + dir * len});
    at += dir * len;
  };
  for (const Gap& g : gaps) {
    add(g.first);
    at += dir * break_px;
    from = g.end;
  }
  add(d1);
}

// Differences are taken in double so extreme day numbers cannot overflow. Inside a break the
// map is linear across the break's width, so marks that straddle one stay continuous.
double TimeScale::operator()(double day) const {
  if (d0_ == d1_) return (r0_ + r1_) / 2;
  auto lerp = [](double d, double a, double b, double ra, double rb) {
    return a == b ? (ra + rb) / 2 : ra + (d - a) / (b - a) * (rb - ra);
  };
  const Segment* seg = &segments_.front();
  for (std::size_t k = 0; k < segments_.size(); ++k) {
    const Segment& s = segments_[k];
    if (day < static_cast<double>(s.d0) && k > 0) {
      const Segment& prev = segments_[k - 1];
      return lerp(day, static_cast<double>(prev.d1), static_cast<double>(s.d0), prev.r1, s.r0);
    }
    seg = &s;
    if (day <= static_cast<double>(s.d1)) break;
  }
  return lerp(day, static_cast<double>(seg->d0), static_cast<double>(seg->d1), seg->r0, seg->r1);
}

double TimeScale::invert(double px) const {
  const double a = static_cast<double>(d0_), b = static_cast<double>(d1_);
  if (d0_ == d1_) return a;
  if (r0_ == r1_) return (a + b) / 2;
  for (const Segment& s : segments_)
    if ((px - s.r0) * (px - s.r1) <= 0 && s.r0 != s.r1)
      return static_cast<double>(s.d0) + (px - s.r0) / (s.r1 - s.r0) * static_cast<double>(s.d1 - s.d0);
  return a + (px - r0_) / (r1_ - r0_) * (b - a);
}

namespace {

enum class Unit { Day, Week, Month, Year };

struct Interval {
  Unit unit;
  std::int64_t step;
};

// More ticks than any chart can show; bounds the work when a caller passes a huge max_ticks.
constexpr int kTickCeiling = 1000;
constexpr Days kMonday = 4;  // 1970-01-05, the first Monday on or after day 0

std::int64_t floor_mod(std::int64_t a, std::int64_t m) { return ((a % m) + m) % m; }
std::int64_t astronomical(int year) { return year < 0 ? year + 1 : year; }
int historical(std::int64_t astro) { return static_cast<int>(astro <= 0 ? astro - 1 : astro); }

// Longest gap between consecutive ticks, so a range with span/gap > max_ticks can be skipped
// without enumerating it. Multi-year steps have one longer gap, from `step` BCE to `step` CE.
std::int64_t longest_gap(Interval iv) {
  switch (iv.unit) {
    case Unit::Day:
      return iv.step;
    case Unit::Week:
      return 7;
    case Unit::Month:
      return 31 * iv.step;
    case Unit::Year:
      return 366 * (iv.step == 1 ? 1 : 2 * iv.step - 1);
  }
  return 1;
}

// Day steps restart at each month's 1st (1, 3, 5, … for two days), as in d3.
void day_ticks(Interval iv, Days first, Days last, std::size_t limit, std::vector<Days>& out) {
  for (Days d = first; d <= last && out.size() <= limit; ++d)
    if ((calendar::from_days(d).day - 1) % iv.step == 0) out.push_back(d);
}

void week_ticks(Days first, Days last, std::size_t limit, std::vector<Days>& out) {
  for (Days d = first + floor_mod(kMonday - first, 7); d <= last && out.size() <= limit; d += 7)
    out.push_back(d);
}

// Months are counted from January of astronomical year 0 so 3-month steps land on 1, 4, 7, 10.
Days month_start(std::int64_t index) {
  const std::int64_t year = index >= 0 ? index / 12 : -((-index + 11) / 12);
  return calendar::to_days(historical(year), static_cast<int>(index - year * 12) + 1, 1);
}

void month_ticks(Interval iv, Days first, Days last, std::size_t limit, std::vector<Days>& out) {
  const Date c = calendar::from_days(first);
  std::int64_t index = astronomical(c.year) * 12 + (c.month - 1) + (c.day == 1 ? 0 : 1);
  index += floor_mod(-index, iv.step);
  for (Days d = month_start(index); d <= last && out.size() <= limit; d = month_start(index)) {
    out.push_back(d);
    index += iv.step;
  }
}

// The first year on or after historical year `year` whose magnitude is a multiple of `step`
// (…, 1000 BCE, 500 BCE, 500, 1000, … for 500). Multi-year steps thus sit on round historical
// years; across the era boundary (there is no year 0) that leaves one gap step - 1 years longer
// than the others (500 BCE to 500 is 999 years). A step of 1 keeps every year.
std::int64_t round_year_up(std::int64_t year, std::int64_t step) {
  if (year > 0) return year + floor_mod(-year, step);
  const std::int64_t magnitude = -year - (-year) % step;  // a BCE multiple at or after `year`
  return magnitude > 0 ? -magnitude : step;
}

// The tick after `year`, itself on a multiple: from `step` BCE the next one is `step` CE.
std::int64_t next_year(std::int64_t year, std::int64_t step) {
  return year + step == 0 ? step : year + step;
}

void year_ticks(Interval iv, Days first, Days last, std::size_t limit, std::vector<Days>& out) {
  const Date c = calendar::from_days(first);
  const std::int64_t start =
      c.month == 1 && c.day == 1 ? c.year : historical(astronomical(c.year) + 1);
  for (std::int64_t year = round_year_up(start, iv.step);; year = next_year(year, iv.step)) {
    const Days d = calendar::to_days(static_cast<int>(year), 1, 1);
    if (d > last || out.size() > limit) break;
    out.push_back(d);
  }
}

// Tick days of one interval, stopping once there are more than `limit`.
std::vector<Days> tick_days(Interval iv, Days first, Days last, std::size_t limit) {
  std::vector<Days> out;
  switch (iv.unit) {
    case Unit::Day:
      day_ticks(iv, first, last, limit, out);
      break;
    case Unit::Week:
      week_ticks(first, last, limit, out);
      break;
    case Unit::Month:
      month_ticks(iv, first, last, limit, out);
      break;
    case Unit::Year:
      year_ticks(iv, first, last, limit, out);
      break;
  }
  return out;
}

// The table: sub-year intervals, then years 1, 2, 5, 10, 20, 50, … as long as needed.
Interval interval_at(std::size_t i) {
  static constexpr std::array<Interval, 7> fine = {{{Unit::Day, 1},
                                                    {Unit::Day, 2},
                                                    {Unit::Week, 1},
                                                    {Unit::Month, 1},
                                                    {Unit::Month, 2},
                                                    {Unit::Month, 3},
                                                    {Unit::Month, 6}}};
  if (i < fine.size()) return fine[i];
  static constexpr std::array<std::int64_t, 3> mantissa = {1, 2, 5};
  const std::size_t k = i - fine.size();
  std::int64_t step = mantissa[k % 3];
  for (std::size_t e = 0; e < k / 3; ++e) step *= 10;
  return {Unit::Year, step};
}

// The first interval of the table with at most max_ticks ticks. Among years, only a range inside
// the era boundary's long gap can get none that way (400 BCE … 400 with room for three: four
// 200-year ticks, no 500-year one); it keeps the finer interval's tick nearest its middle instead.
std::vector<Days> choose_ticks(Days first, Days last, std::size_t max_ticks) {
  const Days span = last - first + 1;
  std::vector<Days> finer;
  for (std::size_t i = 0;; ++i) {
    const Interval iv = interval_at(i);
    if (span / longest_gap(iv) > static_cast<Days>(max_ticks)) continue;
    auto days = tick_days(iv, first, last, max_ticks);
    if (days.size() > max_ticks) {
      finer = std::move(days);
      continue;
    }
    // A step longer than the span yields at most one tick, so the loop always ends here.
    if (!days.empty() || finer.empty() || iv.unit != Unit::Year) return days;
    const Days middle = first + (last - first) / 2;
    const auto distance = [middle](Days d) { return d < middle ? middle - d : d - middle; };
    return {*std::min_element(finer.begin(), finer.end(),
                              [&](Days a, Days b) { return distance(a) < distance(b); })};
  }
}

std::string month_label(int month, Locale locale) {
  switch (locale) {
    case Locale::Ko:
      return std::to_string(month) + "월";
    case Locale::En:
      return std::string(calendar::month_abbreviation(month));
    case Locale::Ja:
    case Locale::Zh:
      break;
  }
  return std::to_string(month) + "月";
}

std::string day_label(int day, Locale locale) {
  switch (locale) {
    case Locale::Ko:
      return std::to_string(day) + "일";
    case Locale::En:
      return std::to_string(day);
    case Locale::Ja:
    case Locale::Zh:
      break;
  }
  return std::to_string(day) + "日";
}

// Labelled by the coarsest boundary the day sits on: year start, month start, or a plain day.
Tick make_tick(Days day, Locale locale) {
  Date d = calendar::from_days(day);
  if (d.month == 1 && d.day == 1) {
    d.precision = Precision::Year;
    return {day, d, calendar::format_date(d, locale)};
  }
  if (d.day == 1) {
    d.precision = Precision::Month;
    return {day, d, month_label(d.month, locale)};
  }
  return {day, d, day_label(d.day, locale)};
}

// "6월 27일", "Jun 27", "6月27日".
std::string month_day_label(const Date& d, Locale locale) {
  const char* space = locale == Locale::Ko || locale == Locale::En ? " " : "";
  return month_label(d.month, locale) + space + day_label(d.day, locale);
}

// A reader must be able to tell which month and year a tick is in without a calendar: a day
// tick that starts the axis or a new month says its month ("27일, 6월 3일, 10일"), and the first
// tick says its year ("2021년 7월", "Jul 2021", "2024년 6월 24일") even when a later tick starts a
// year: an axis is read from its start.
void add_context(std::vector<Tick>& ticks, Locale locale) {
  if (ticks.empty()) return;
  for (std::size_t k = 1; k < ticks.size(); ++k) {
    const Date& d = ticks[k].date;
    const bool new_month = ticks[k - 1].date.month != d.month || ticks[k - 1].date.year != d.year;
    if (d.precision == Precision::Day && new_month) ticks[k].label = month_day_label(d, locale);
  }
  ticks[0].label = calendar::format_date(ticks[0].date, locale);
}

// Years beyond ±999999 are not dates factline can parse; clamping keeps every year in an int.
Days min_supported_day() { return calendar::to_days(-999999, 1, 1); }
Days max_supported_day() { return calendar::to_days(999999, 12, 31); }

}  // namespace

std::vector<Tick> time_ticks(Days first, Days last, int max_ticks, Locale locale) {
  first = std::max(first, min_supported_day());
  last = std::min(last, max_supported_day());
  if (first > last) return {};
  const auto limit = static_cast<std::size_t>(std::clamp(max_ticks, 2, kTickCeiling));
  std::vector<Tick> ticks;
  for (Days d : choose_ticks(first, last, limit)) ticks.push_back(make_tick(d, locale));
  add_context(ticks, locale);
  return ticks;
}

std::vector<Tick> scale_ticks(const TimeScale& scale, int max_ticks, Locale locale) {
  const auto& segs = scale.segments();
  if (segs.size() == 1) return time_ticks(scale.domain_first(), scale.domain_last(), max_ticks, locale);
  double total = 0;
  for (const auto& s : segs) total += std::abs(s.r1 - s.r0);
  std::vector<Tick> out;
  for (const auto& s : segs) {
    const int share = std::max(2, static_cast<int>(max_ticks * std::abs(s.r1 - s.r0) / std::max(total, 1.0)));
    for (Tick& t : time_ticks(s.d0, s.d1, share, locale)) out.push_back(std::move(t));
  }
  return out;
}

}  // namespace factline::scale
