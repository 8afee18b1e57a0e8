#pragma once
// A linear map from days to px, and "nice" calendar ticks picked from a table of intervals
// (days, weeks, months 1/2/3/6, years 1/2/5/10/20/50/100/…/1000s), in the manner of d3-time.
#include <string>
#include <vector>

#include "calendar/date.hpp"
#include "core/locale.hpp"

namespace factline::scale {

// A gap of empty time drawn as a fixed-width axis break instead of to scale.
struct Gap {
  calendar::Days first = 0, end = 0;  // end exclusive
};

class TimeScale {
 public:
  struct Segment {
    calendar::Days d0, d1;
    double r0, r1;
  };

  TimeScale(calendar::Days d0, calendar::Days d1, double r0, double r1);
  // The same with each gap (sorted, disjoint, inside [d0, d1]) squeezed to break_px; the rest
  // keeps one common px-per-day, so distances within segments stay true to each other.
  TimeScale(calendar::Days d0, calendar::Days d1, double r0, double r1, const std::vector<Gap>& gaps,
            double break_px);

  double operator()(double day) const;  // px for a (fractional) day number; extrapolates
  double invert(double px) const;
  calendar::Days domain_first() const { return d0_; }
  calendar::Days domain_last() const { return d1_; }
  // The parts drawn to scale, in order; one unless there are gaps.
  const std::vector<Segment>& segments() const { return segments_; }

 private:
  calendar::Days d0_, d1_;
  double r0_, r1_;
  std::vector<Segment> segments_;
};

struct Tick {
  calendar::Days day = 0;  // the tick's first day
  calendar::Date date;     // with the precision of the boundary it sits on
  std::string label;       // labelled by the coarsest boundary it sits on
};

// Ticks inside [first, last] (days, inclusive), at most about max_ticks of them, all on one
// interval from the table. Labels by locale and by the coarsest boundary each sits on:
// ko "2024년" (year start), "9월" (month start), "27일"; en "2024", "Sep", "27";
// BCE years "기원전 2333년" / "2333 BCE". With context a reader needs: a day tick that is the
// first or starts a new month also names the month ("6월 3일", "Jun 3"), and the first tick
// always names its year ("2024년 7월", "Jul 2024", "2024년 6월 24일", "Jun 24, 2024").
std::vector<Tick> time_ticks(calendar::Days first, calendar::Days last, int max_ticks,
                             Locale locale);

// Ticks for a scale with breaks: each segment ticked on its own, max_ticks shared by length.
std::vector<Tick> scale_ticks(const TimeScale& scale, int max_ticks, Locale locale);

}  // namespace factline::scale
