#include "scale/linear_scale.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <system_error>

namespace factline::scale {

LinearScale::LinearScale(double d0, double d1, double r0, double r1) : d0_(d0), d1_(d1), r0_(r0), r1_(r1) {}

// Differences are taken on halves so a domain spanning most of the doubles cannot overflow;
// (1 − t)·a + t·b is exact at t = 0 and t = 1.
double LinearScale::operator()(double v) const {
  if (d0_ == d1_) return r0_ / 2 + r1_ / 2;
  const double t = (v / 2 - d0_ / 2) / (d1_ / 2 - d0_ / 2);
  return (1 - t) * r0_ + t * r1_;
}

double LinearScale::invert(double px) const {
  if (d0_ == d1_) return d0_;
  if (r0_ == r1_) return d0_ / 2 + d1_ / 2;
  const double t = (px / 2 - r0_ / 2) / (r1_ / 2 - r0_ / 2);
  return (1 - t) * d0_ + t * d1_;
}

namespace {

// More ticks than any chart can show; bounds the work when a caller passes a huge max_ticks.
constexpr int kTickCeiling = 1000;
// Tick indices stay well inside the integers a double holds exactly, so neighbouring ticks are
// distinct doubles and index × mantissa cannot overflow.
constexpr double kMaxIndex = 1125899906842624.0;  // 2^50
// Raw steps below this are refused: their powers of ten approach the subnormals.
constexpr double kMinStep = 1e-290;

// k × mantissa × 10^exponent as the double nearest that decimal (NaN if out of range).
double decimal(std::int64_t k, int mantissa, int exponent) {
  char buf[64];
  char* p = std::to_chars(buf, buf + 40, k * mantissa).ptr;
  *p++ = 'e';
  p = std::to_chars(p, buf + sizeof buf, exponent).ptr;
  double v = 0;
  const auto r = std::from_chars(buf, p, v);
  return r.ec == std::errc{} ? v : std::numeric_limits<double>::quiet_NaN();
}

double tick(const NiceStep& s, std::int64_t k) { return decimal(k, s.mantissa, s.exponent); }

NiceStep coarser(NiceStep s) {
  if (s.mantissa == 1) return {2, s.exponent};
  if (s.mantissa == 2) return {5, s.exponent};
  return {1, s.exponent + 1};
}

bool index_ok(double x) { return std::abs(x) <= kMaxIndex; }

// The first k with tick(k) ≥ a (or ≤ when `down`), from an estimate that floating division
// may have put one off; the corrections compare the very values nice_ticks returns.
std::int64_t first_at_or_above(const NiceStep& s, double a) {
  auto k = static_cast<std::int64_t>(std::ceil(a / s.value()));
  for (int i = 0; i < 4 && tick(s, k) < a; ++i) ++k;
  for (int i = 0; i < 4 && tick(s, k - 1) >= a; ++i) --k;
  return k;
}

std::int64_t last_at_or_below(const NiceStep& s, double b) {
  auto k = static_cast<std::int64_t>(std::floor(b / s.value()));
  for (int i = 0; i < 4 && tick(s, k) > b; ++i) --k;
  for (int i = 0; i < 4 && tick(s, k + 1) <= b; ++i) ++k;
  return k;
}

bool indices_fit(const NiceStep& s, double a, double b) {
  const double sv = s.value();
  return sv > 0 && index_ok(a / sv) && index_ok(b / sv) && index_ok(a / sv - 2) && index_ok(b / sv + 2);
}

}  // namespace

double NiceStep::value() const { return decimal(1, mantissa, exponent); }

std::optional<NiceStep> nice_step(double lo, double hi, int max_ticks) {
  if (!std::isfinite(lo) || !std::isfinite(hi) || max_ticks < 2 || lo == hi) return std::nullopt;
  max_ticks = std::min(max_ticks, kTickCeiling);
  const double a = std::min(lo, hi), b = std::max(lo, hi);
  const double span = b - a;
  if (!std::isfinite(span)) return std::nullopt;
  const double raw = span / (max_ticks - 1);
  if (!(raw >= kMinStep)) return std::nullopt;

  // d3's tickIncrement: the power of ten below the raw step, times 1, 2, 5 or 10.
  int p = static_cast<int>(std::floor(std::log10(raw)));
  double err = raw / decimal(1, 1, p);
  for (int i = 0; i < 2 && err >= 10; ++i) err /= 10, ++p;  // log10 can be one off near powers
  for (int i = 0; i < 2 && err < 1; ++i) err *= 10, --p;
  NiceStep s;
  if (err >= std::sqrt(50.0))
    s = {1, p + 1};
  else if (err >= std::sqrt(10.0))
    s = {5, p};
  else if (err >= std::sqrt(2.0))
    s = {2, p};
  else
    s = {1, p};

  // d3's count is a target; max_ticks is a limit: coarsen until the ticks fit.
  for (int guard = 0; guard < 64; ++guard, s = coarser(s)) {
    if (!indices_fit(s, a, b)) return std::nullopt;
    const std::int64_t i1 = first_at_or_above(s, a), i2 = last_at_or_below(s, b);
    if (i2 - i1 + 1 <= max_ticks) return s;
  }
  return std::nullopt;
}

std::vector<double> nice_ticks(double lo, double hi, int max_ticks) {
  if (!std::isfinite(lo) || !std::isfinite(hi) || max_ticks < 2) return {};
  if (lo == hi) return {lo};
  const auto s = nice_step(lo, hi, max_ticks);
  if (!s) return {};
  const double a = std::min(lo, hi), b = std::max(lo, hi);
  const std::int64_t i1 = first_at_or_above(*s, a), i2 = last_at_or_below(*s, b);
  std::vector<double> out;
  for (std::int64_t k = i1; k <= i2; ++k) out.push_back(tick(*s, k));
  return out;
}

std::pair<double, double> nice_domain(double lo, double hi, int max_ticks, bool include_zero) {
  if (!std::isfinite(lo) || !std::isfinite(hi) || max_ticks < 2) return {lo, hi};
  const bool reversed = lo > hi;
  double a = std::min(lo, hi), b = std::max(lo, hi);
  if (include_zero) a = std::min(a, 0.0), b = std::max(b, 0.0);
  auto oriented = [&](double x, double y) { return reversed ? std::pair(y, x) : std::pair(x, y); };
  if (a == b) return oriented(a, b);
  // Ends on either side of zero are two ticks with zero between them.
  if (a < 0 && b > 0) max_ticks = std::max(max_ticks, 3);

  std::optional<NiceStep> previous;
  for (int iteration = 0; iteration < 10; ++iteration) {
    const auto s = nice_step(a, b, max_ticks);
    if (!s || s == previous) break;
    if (!indices_fit(*s, a, b)) break;
    std::int64_t k0 = first_at_or_above(*s, a), k1 = last_at_or_below(*s, b);
    if (tick(*s, k0) > a) --k0;
    if (tick(*s, k1) < b) ++k1;
    const double na = tick(*s, k0), nb = tick(*s, k1);
    if (!std::isfinite(na) || !std::isfinite(nb)) break;  // widening past the largest double
    a = na, b = nb, previous = s;
  }
  return oriented(a, b);
}

}  // namespace factline::scale
