#pragma once
// A linear map from data values to px, and "nice" numeric ticks on 1-2-5 steps, in the manner of
// d3-scale's linear ticks (tickIncrement) and nice().
//
// Tick values are exact decimals: each is parsed from the decimal text of (integer × step), so
// a tick at 0.3 is the double nearest 0.3, never 0.30000000000000004. Non-finite inputs, a
// max_ticks below 2 or ranges that doubles cannot step through give no ticks, never UB.
#include <optional>
#include <utility>
#include <vector>

namespace factline::scale {

class LinearScale {
 public:
  LinearScale(double d0, double d1, double r0, double r1);

  // px for a value; extrapolates outside the domain. A one-value domain maps everything to
  // the middle of the range. Exact at both ends of the domain.
  double operator()(double v) const;
  // The value at px; d0 when the domain is one value, the domain's middle when the range is.
  double invert(double px) const;
  double domain_first() const { return d0_; }
  double domain_last() const { return d1_; }

 private:
  double d0_, d1_, r0_, r1_;
};

// A tick step m × 10^exponent with m in {1, 2, 5}.
struct NiceStep {
  int mantissa = 1;
  int exponent = 0;
  double value() const;  // the double nearest the step's decimal value
  friend bool operator==(const NiceStep&, const NiceStep&) = default;
};

// The step for ticks over [lo, hi] (either order): d3's choice for about max_ticks − 1
// intervals (the power of ten below span / count, times 1, 2, 5 or 10 by how far the raw step
// is past √2, √10, √50), then the next coarser 1-2-5 step while that would still give more than
// max_ticks ticks. None for non-finite or equal ends, max_ticks < 2, or a span past the
// largest double. Tick labels take their decimals from it (NumberStyle::step in
// core/number_format.hpp).
std::optional<NiceStep> nice_step(double lo, double hi, int max_ticks);

// Multiples of the nice step inside [lo, hi] (either order), ascending; at most max_ticks of
// them (max_ticks is clamped to 1000). lo == hi gives {lo}. Empty for NaN or infinite ends,
// max_ticks < 2, a span past the largest double, or a range too narrow for its magnitude
// (1e20 to 1e20 + 1: doubles cannot step through it).
std::vector<double> nice_ticks(double lo, double hi, int max_ticks);

// [lo, hi] widened outwards to multiples of the nice step, so the first and last ticks sit on
// the ends (d3's nice(): repeated until the step settles). With include_zero the domain first
// stretches to take in 0 (bars grow from zero). A domain either side of zero takes at least
// three ticks (max_ticks 2 is read as 3). The order of lo and hi is kept. Returned
// unchanged for NaN or infinite ends, max_ticks < 2, a one-value domain (after taking in zero),
// or when widening would overflow.
std::pair<double, double> nice_domain(double lo, double hi, int max_ticks, bool include_zero);

}  // namespace factline::scale
