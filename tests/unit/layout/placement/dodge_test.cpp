#include "layout/placement/dodge.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

using factline::layout::dodge;

TEST_CASE("markers far enough apart stay where they are") {
  CHECK(dodge({0, 20, 40}, 10) == std::vector<double>{0, 20, 40});
}

TEST_CASE("two markers on the same date fan out symmetrically around it") {
  const auto p = dodge({100, 100}, 12);
  CHECK(p[0] == doctest::Approx(94));
  CHECK(p[1] == doctest::Approx(106));
}

TEST_CASE("a close pair moves apart by the least total squared distance") {
  const auto p = dodge({100, 103.3}, 13);
  CHECK(p[1] - p[0] == doctest::Approx(13));
  CHECK((p[0] + p[1]) / 2 == doctest::Approx(101.65));  // the pair's centre stays put
}

TEST_CASE("a cluster pushes into its neighbour only when it has to") {
  const auto p = dodge({0, 50, 51, 52, 100}, 10);
  CHECK(p[0] == 0);
  CHECK(p[4] == 100);
  CHECK(p[2] == doctest::Approx(51));
  CHECK(p[3] - p[2] == doctest::Approx(10));
}

TEST_CASE("every gap holds on a dense run and order is kept") {
  std::vector<double> xs;
  for (int i = 0; i < 500; ++i) xs.push_back(std::floor(i / 7.0) * 3);  // many shared dates
  const auto p = dodge(xs, 11);
  for (std::size_t i = 1; i < p.size(); ++i) CHECK(p[i] - p[i - 1] >= 11 - 1e-9);
}

TEST_CASE("variable gaps stack items of different heights as close to their targets as possible") {
  // Three labels wanting the same spot, heights 10, 30 (gaps after them): centred on it.
  const auto p = dodge({100, 100, 100}, std::vector<double>{10, 30});
  CHECK(p[1] - p[0] == doctest::Approx(10));
  CHECK(p[2] - p[1] == doctest::Approx(30));
  CHECK((p[0] + p[1] + p[2]) / 3 == doctest::Approx(100));
}

TEST_CASE("with a lowest position a stack that would rise above it starts there and keeps its gaps") {
  // Labels at the top of a column: the first two want to sit above 0.
  const auto p = dodge({-5, 0, 40}, std::vector<double>{10, 10}, 0);
  CHECK(p[0] == 0);
  CHECK(p[1] == doctest::Approx(10));
  CHECK(p[2] == doctest::Approx(40));  // far enough down: unmoved
}

TEST_CASE("a lowest position below every item changes nothing") {
  const std::vector<double> xs{3, 4, 30};
  CHECK(dodge(xs, std::vector<double>{5, 5}, -100) == dodge(xs, std::vector<double>{5, 5}));
}

TEST_CASE("with a lowest position the result is still the least total squared distance") {
  // Brute force over a grid: no placement with the gaps and the bound does better.
  const std::vector<double> xs{-8, -2, 1}, gaps{6, 6};
  const auto p = dodge(xs, gaps, 0);
  const auto cost = [&](const std::vector<double>& q) {
    double c = 0;
    for (std::size_t i = 0; i < q.size(); ++i) c += (q[i] - xs[i]) * (q[i] - xs[i]);
    return c;
  };
  CHECK(p[0] >= 0);
  for (std::size_t i = 1; i < p.size(); ++i) CHECK(p[i] - p[i - 1] >= gaps[i - 1] - 1e-9);
  double best = cost(p);
  for (double a = 0; a <= 10; a += 0.25)
    for (double b = a + 6; b <= 20; b += 0.25)
      for (double c = b + 6; c <= 30; c += 0.25) best = std::min(best, cost({a, b, c}));
  CHECK(cost(p) <= best + 1e-9);
}
