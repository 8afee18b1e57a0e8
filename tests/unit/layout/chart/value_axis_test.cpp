// A chart's value axis: nice domains whose ends are ticks, zero where bars need it, and tick
// labels that share their decimals.
#include "layout/chart/value_axis.hpp"

#include <doctest/doctest.h>

#include "layout/fixture.hpp"

namespace factline::test {

using layout::make_value_axis;

TEST_CASE("a value axis runs from tick to tick around its values") {
  const layout::ValueAxis a = make_value_axis(3, 47, 6, false);
  REQUIRE(!a.ticks.empty());
  CHECK(a.lo == a.ticks.front());
  CHECK(a.hi == a.ticks.back());
  CHECK(a.lo <= 3);
  CHECK(a.hi >= 47);
  CHECK(a.ticks.size() <= 6);
  for (std::size_t k = 1; k < a.ticks.size(); ++k) CHECK(a.ticks[k] - a.ticks[k - 1] == doctest::Approx(a.step));
}

TEST_CASE("bars take zero into their axis, lines need not") {
  CHECK(make_value_axis(50, 90, 6, true).lo == 0);
  CHECK(make_value_axis(50, 90, 6, false).lo > 0);
  const layout::ValueAxis negative = make_value_axis(-30, -5, 6, true);
  CHECK(negative.hi == 0);
  CHECK(negative.lo <= -30);
}

TEST_CASE("an axis either side of zero has a tick on zero") {
  const layout::ValueAxis a = make_value_axis(-4, 21, 6, true);
  CHECK(std::find(a.ticks.begin(), a.ticks.end(), 0.0) != a.ticks.end());
}

TEST_CASE("one value gets room around it, and no values an axis from 0 to 1") {
  const layout::ValueAxis one = make_value_axis(7, 7, 6, false);
  CHECK(one.lo < 7);
  CHECK(one.hi > 7);
  const layout::ValueAxis zero = make_value_axis(0, 0, 6, true);
  CHECK(zero.lo == 0);
  CHECK(zero.hi > 0);
  const layout::ValueAxis none = make_value_axis(1, 0, 6, false);  // lo > hi: no values
  CHECK(none.lo == 0);
  CHECK(none.hi == 1);
}

TEST_CASE("tick labels share the step's decimals and leave the unit to the axis title") {
  const model::Document doc = parse_doc(
      "title: t\nlocale: ko\nchart: {type: line, x: x, series: [v], unit: \"%\", rows: [{x: a, v: 0.2}, {x: b, v: 1.4}]}\n");
  const model::DocumentTime time(doc);
  Diagnostics diagnostics;
  const layout::Context ctx{doc, time, shaper(), diagnostics, doc.theme.width, {}};
  const layout::ValueAxis a = make_value_axis(0.2, 1.4, 6, false);
  REQUIRE(a.step == doctest::Approx(0.5));
  CHECK(layout::tick_text(ctx, *doc.chart, a, 1.0) == "1.0");
  CHECK(layout::tick_text(ctx, *doc.chart, a, 0.5) == "0.5");
  CHECK(layout::tick_text(ctx, *doc.chart, a, 0) == "0.0");
  CHECK(layout::value_text(ctx, *doc.chart, 1.25) == "1.25");
  CHECK(layout::tick_labels_width(ctx, *doc.chart, a) > 0);
}

}  // namespace factline::test
