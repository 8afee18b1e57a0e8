#include "scale/linear_scale.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <algorithm>
#include <charconv>
#include <limits>
#include <random>
#include <string>
#include <vector>

using factline::scale::LinearScale;
using factline::scale::nice_domain;
using factline::scale::nice_step;
using factline::scale::nice_ticks;
using factline::scale::NiceStep;
using Ticks = std::vector<double>;
using Domain = std::pair<double, double>;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
}  // namespace

// Ticks are compared with ==: each must be exactly the double a reader would type.

TEST_CASE("nice ticks from 0 to 1 step by a tenth with no floating noise") {
  const Ticks t = nice_ticks(0, 1, 11);
  CHECK(t == Ticks{0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1});
  CHECK(t[3] != 0.1 + 0.2);  // 0.30000000000000004 is not a tick
  CHECK(nice_ticks(0, 1, 6) == Ticks{0, 0.2, 0.4, 0.6, 0.8, 1});
  CHECK(nice_ticks(0, 1, 5) == Ticks{0, 0.5, 1});
}

TEST_CASE("nice ticks from 0 to 100 step by 10, 20 or 50 as max_ticks allows") {
  CHECK(nice_ticks(0, 100, 11) == Ticks{0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100});
  CHECK(nice_ticks(0, 100, 6) == Ticks{0, 20, 40, 60, 80, 100});
  CHECK(nice_ticks(0, 100, 5) == Ticks{0, 50, 100});
  CHECK(nice_ticks(0, 100, 2) == Ticks{0, 100});
}

TEST_CASE("nice ticks never exceed max_ticks") {
  for (int max = 2; max <= 30; ++max)
    for (double hi : {1.0, 7.0, 13.0, 99.0, 100.0, 149.0, 1234.5})
      CHECK(nice_ticks(-hi / 3, hi, max).size() <= static_cast<std::size_t>(max));
}

TEST_CASE("nice ticks over a range crossing zero include zero and stay inside the range") {
  CHECK(nice_ticks(-37, 112, 10) == Ticks{-20, 0, 20, 40, 60, 80, 100});
  CHECK(nice_ticks(-37, 112, 20) == Ticks{-30, -20, -10, 0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110});
}

TEST_CASE("nice ticks of a tiny range are the decimals themselves") {
  CHECK(nice_ticks(0.001, 0.004, 10) == Ticks{0.001, 0.0015, 0.002, 0.0025, 0.003, 0.0035, 0.004});
  CHECK(nice_ticks(1e-12, 5e-12, 5) == Ticks{1e-12, 2e-12, 3e-12, 4e-12, 5e-12});
}

TEST_CASE("nice ticks of a billion-wide range step by round hundreds of millions") {
  CHECK(nice_ticks(0, 1e9, 6) == Ticks{0, 2e8, 4e8, 6e8, 8e8, 1e9});
  CHECK(nice_ticks(0, 3.2e9, 5) == Ticks{0, 1e9, 2e9, 3e9});
  CHECK(nice_ticks(1e9, 2e9, 3) == Ticks{1e9, 1.5e9, 2e9});
  CHECK(nice_ticks(0, 1e308, 6) == Ticks{0, 2e307, 4e307, 6e307, 8e307, 1e308});
}

TEST_CASE("nice ticks of equal ends are that one value") {
  CHECK(nice_ticks(5, 5, 10) == Ticks{5});
  CHECK(nice_ticks(0, 0, 10) == Ticks{0});
  CHECK(nice_ticks(-2.5, -2.5, 2) == Ticks{-2.5});
}

TEST_CASE("nice ticks come out ascending when the ends are given the other way round") {
  CHECK(nice_ticks(1, 0, 6) == Ticks{0, 0.2, 0.4, 0.6, 0.8, 1});
  CHECK(nice_ticks(-10, -50, 5) == Ticks{-50, -40, -30, -20, -10});
}

TEST_CASE("nice ticks of NaN, infinite or unsteppable ranges are empty") {
  CHECK(nice_ticks(kNaN, 1, 10).empty());
  CHECK(nice_ticks(0, kNaN, 10).empty());
  CHECK(nice_ticks(-kInf, 1, 10).empty());
  CHECK(nice_ticks(0, kInf, 10).empty());
  CHECK(nice_ticks(kNaN, kNaN, 10).empty());
  CHECK(nice_ticks(-1.7e308, 1.7e308, 10).empty());  // the span is past the largest double
  CHECK(nice_ticks(1e20, 1e20 + 65536, 10).empty());  // steps below the doubles' resolution there
  CHECK(nice_ticks(0, 1e-300, 10).empty());            // steps near the subnormals
  CHECK(nice_ticks(0, 1, 1).empty());
  CHECK(nice_ticks(0, 1, 0).empty());
  CHECK(nice_ticks(0, 1, -5).empty());
}

TEST_CASE("a huge max_ticks is capped at a thousand ticks") {
  const Ticks t = nice_ticks(0, 1, 1'000'000'000);
  CHECK(t.size() <= 1000);
  CHECK(t.size() > 100);
  CHECK(t.front() == 0);
  CHECK(t.back() == 1);
}

TEST_CASE("the nice step is d3's 1-2-5 choice") {
  CHECK(nice_step(0, 1, 11) == NiceStep{1, -1});
  CHECK(nice_step(0, 1, 6) == NiceStep{2, -1});
  CHECK(nice_step(0, 0.004, 10) == NiceStep{5, -4});
  CHECK(nice_step(0, 1e9, 6) == NiceStep{2, 8});
  CHECK(nice_step(0, 1, 11)->value() == 0.1);
  CHECK(nice_step(0, 0.004, 10)->value() == 0.0005);
  CHECK_FALSE(nice_step(3, 3, 10).has_value());
  CHECK_FALSE(nice_step(kNaN, 3, 10).has_value());
}

TEST_CASE("random ranges get ascending, clean ticks inside them, and nice domains ending on ticks") {
  std::mt19937_64 rng(7);
  for (int round = 0; round < 20000; ++round) {
    const double scale = std::pow(10.0, static_cast<int>(rng() % 40) - 20);
    const double lo = (static_cast<double>(rng() % 2000001) - 1e6) / 1000 * scale;
    const double hi = lo + static_cast<double>(rng() % 1000000 + 1) / 1000 * scale;
    const int max = 2 + static_cast<int>(rng() % 15);
    const Ticks t = nice_ticks(lo, hi, max);
    CHECK(t.size() <= static_cast<std::size_t>(max));
    for (std::size_t i = 0; i < t.size(); ++i) {
      CHECK(t[i] >= lo);
      CHECK(t[i] <= hi);
      if (i > 0) CHECK(t[i] > t[i - 1]);
      // A clean decimal (index × 1, 2 or 5 × 10^n): far fewer digits than binary noise's 17.
      char buf[64];
      const std::string s(buf, std::to_chars(buf, buf + sizeof buf, t[i]).ptr);
      const std::string mantissa = s.substr(0, s.find('e'));
      CHECK(std::count_if(mantissa.begin(), mantissa.end(), [](char c) { return c >= '0' && c <= '9'; }) <= 15);
    }
    const bool zero = rng() % 2 == 1;
    const Domain n = nice_domain(lo, hi, max, zero);
    CHECK(n.first <= (zero ? std::min(lo, 0.0) : lo));
    CHECK(n.second >= (zero ? std::max(hi, 0.0) : hi));
    const Ticks ends = nice_ticks(n.first, n.second, n.first < 0 && n.second > 0 ? std::max(max, 3) : max);
    REQUIRE(ends.size() >= 2);
    CHECK(ends.front() == n.first);
    CHECK(ends.back() == n.second);
  }
}

TEST_CASE("a nice domain widens to the ticks around it") {
  CHECK(nice_domain(0.13, 0.87, 11, false) == Domain{0.1, 0.9});
  CHECK(nice_domain(-37, 112, 10, false) == Domain{-40, 120});
  CHECK(nice_domain(0.001, 0.004, 10, false) == Domain{0.001, 0.004});
  CHECK(nice_domain(3.7e9, 9.1e9, 6, false) == Domain{2e9, 1e10});
}

TEST_CASE("the ends of a nice domain are its first and last tick") {
  for (const Domain& d : {Domain{0.13, 0.87}, Domain{-37, 112}, Domain{3, 97}, Domain{0.0123, 0.0456},
                         Domain{-1e9, 3.3e9}}) {
    for (int max : {3, 5, 7, 10}) {
      const Domain n = nice_domain(d.first, d.second, max, false);
      const Ticks t = nice_ticks(n.first, n.second, max);
      REQUIRE(t.size() >= 2);
      CHECK(t.front() == n.first);
      CHECK(t.back() == n.second);
      CHECK(t.size() <= static_cast<std::size_t>(max));
    }
  }
}

TEST_CASE("a nice domain for bars includes zero") {
  CHECK(nice_domain(37, 112, 10, true) == Domain{0, 120});
  CHECK(nice_domain(37, 112, 10, false) == Domain{30, 120});
  CHECK(nice_domain(-83, -5, 10, true) == Domain{-90, 0});
  CHECK(nice_domain(-37, 112, 10, true) == Domain{-40, 120});
}

TEST_CASE("a nice domain either side of zero takes at least three ticks") {
  // Two ticks cannot stand either side of zero with zero on a tick: -200, 0, 200.
  CHECK(nice_domain(-37, 112, 2, false) == Domain{-200, 200});
  CHECK(nice_ticks(-200, 200, 3) == Ticks{-200, 0, 200});
  CHECK(nice_domain(3, 97, 2, false) == Domain{0, 100});
}

TEST_CASE("a nice domain keeps the order of its ends") {
  CHECK(nice_domain(-5, -83, 10, true) == Domain{0, -90});
  CHECK(nice_domain(0.87, 0.13, 11, false) == Domain{0.9, 0.1});
}

TEST_CASE("a nice domain of one value stays as it is unless zero is taken in") {
  CHECK(nice_domain(5, 5, 10, false) == Domain{5, 5});
  CHECK(nice_domain(5, 5, 10, true) == Domain{0, 5});
  CHECK(nice_domain(0, 0, 10, true) == Domain{0, 0});
}

TEST_CASE("a nice domain of NaN, infinite or overflowing ends is returned unchanged") {
  const Domain n = nice_domain(kNaN, 3, 10, true);
  CHECK(std::isnan(n.first));
  CHECK(n.second == 3);
  CHECK(nice_domain(0, kInf, 10, true) == Domain{0, kInf});
  CHECK(nice_domain(0, 1, 1, true) == Domain{0, 1});
  // Widening 1.7e308 to the next multiple of 2e307 would overflow.
  CHECK(nice_domain(0, 1.7e308, 10, false) == Domain{0, 1.7e308});
}

TEST_CASE("the linear scale maps its domain onto its range and back") {
  const LinearScale s(0, 100, 0, 500);
  CHECK(s(0) == 0);
  CHECK(s(100) == 500);
  CHECK(s(50) == doctest::Approx(250));
  CHECK(s(200) == doctest::Approx(1000));  // extrapolates
  CHECK(s.invert(250) == doctest::Approx(50));
  CHECK(s.invert(s(37.5)) == doctest::Approx(37.5));
}

TEST_CASE("the linear scale with a reversed range puts the first value at the bottom") {
  const LinearScale s(-40, 120, 300, 0);  // a chart's y axis: px grow downwards
  CHECK(s(-40) == 300);
  CHECK(s(120) == 0);
  CHECK(s(0) == doctest::Approx(225));
  CHECK(s.invert(0) == 120);
}

TEST_CASE("the linear scale of a one-value domain maps everything to the middle of its range") {
  const LinearScale s(5, 5, 0, 300);
  CHECK(s(5) == 150);
  CHECK(s(-1e9) == 150);
  CHECK(s.invert(17) == 5);
  const LinearScale flat(0, 10, 40, 40);
  CHECK(flat.invert(40) == 5);
}

TEST_CASE("the linear scale spanning most of the doubles does not overflow") {
  const LinearScale s(-1.7e308, 1.7e308, 0, 100);
  CHECK(s(0) == doctest::Approx(50));
  CHECK(s(1.7e308) == 100);
  CHECK(s.invert(50) == doctest::Approx(0));
}
