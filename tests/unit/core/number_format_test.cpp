#include "core/number_format.hpp"

#include <doctest/doctest.h>

#include <limits>
#include <string>

using factline::decimals_for_step;
using factline::format_number;
using factline::KoreanUnits;
using factline::Locale;
using factline::NumberStyle;
using factline::UnitSpace;

namespace {

const std::string minus = "\u2212";  // MINUS SIGN

NumberStyle decimals(int d) {
  NumberStyle s;
  s.decimals = d;
  return s;
}

NumberStyle step(double st, KoreanUnits units = KoreanUnits::Off) {
  NumberStyle s;
  s.step = st;
  s.korean_units = units;
  return s;
}

NumberStyle units(KoreanUnits u, std::string unit = {}) {
  NumberStyle s;
  s.korean_units = u;
  s.unit = std::move(unit);
  return s;
}

NumberStyle unit(std::string u, UnitSpace space = UnitSpace::Auto) {
  NumberStyle s;
  s.unit = std::move(u);
  s.unit_space = space;
  return s;
}

std::string ko(double v, const NumberStyle& s = {}) { return format_number(v, Locale::Ko, s); }
std::string en(double v, const NumberStyle& s = {}) { return format_number(v, Locale::En, s); }

}  // namespace

TEST_CASE("numbers get thousands separators in every locale") {
  for (Locale l : {Locale::Ko, Locale::En, Locale::Ja, Locale::Zh}) {
    CHECK(format_number(12345, l) == "12,345");
    CHECK(format_number(1234567.891, l) == "1,234,567.891");
    CHECK(format_number(999, l) == "999");
    CHECK(format_number(1000, l) == "1,000");
    CHECK(format_number(0, l) == "0");
  }
  NumberStyle plain;
  plain.grouping = false;
  CHECK(en(1234567, plain) == "1234567");
}

TEST_CASE("a number shows as few decimals as it needs, without binary noise") {
  CHECK(en(0.1 + 0.2) == "0.3");
  CHECK(en(12.5) == "12.5");
  CHECK(en(2.0) == "2");
  CHECK(en(1e-7) == "0.0000001");
  CHECK(en(1e21) == "1,000,000,000,000,000,000,000");
  CHECK(en(123456789.125) == "123,456,789.125");
}

TEST_CASE("a given number of decimals is kept, rounding halves away from zero") {
  CHECK(en(1234.5, decimals(2)) == "1,234.50");
  CHECK(en(0.125, decimals(2)) == "0.13");
  CHECK(en(0.15, decimals(1)) == "0.2");  // as written, though the double is a hair below 0.15
  CHECK(en(2.5, decimals(0)) == "3");
  CHECK(en(999.96, decimals(1)) == "1,000.0");
  CHECK(en(12, decimals(3)) == "12.000");
}

TEST_CASE("negative numbers take the typographic minus sign") {
  CHECK(en(-1234.5) == minus + "1,234.5");
  CHECK(ko(-42) == minus + "42");
  CHECK(en(-0.5, decimals(1)) == minus + "0.5");
  CHECK(en(-42).find('-') == std::string::npos);  // never the ASCII hyphen
}

TEST_CASE("a number that rounds to zero has no sign") {
  CHECK(en(-0.0) == "0");
  CHECK(en(-0.001, decimals(2)) == "0.00");
  CHECK(ko(-0.4, units(KoreanUnits::Full)) == minus + "0.4");
  CHECK(ko(-0.4, decimals(0)) == "0");
}

TEST_CASE("tick labels take their decimals from the tick step") {
  CHECK(en(0.5, step(0.25)) == "0.50");
  CHECK(en(1, step(0.5)) == "1.0");
  CHECK(en(0, step(0.1)) == "0.0");
  CHECK(en(1e6, step(2e5)) == "1,000,000");
  CHECK(en(0.3, step(0.1 + 0.2)) == "0.3");
  CHECK(en(0.0015, step(0.0005)) == "0.0015");
}

TEST_CASE("the decimals for a tick step are as many as its multiples need") {
  CHECK(decimals_for_step(0.25) == 2);
  CHECK(decimals_for_step(0.1) == 1);
  CHECK(decimals_for_step(0.1 + 0.2) == 1);
  CHECK(decimals_for_step(2.5) == 1);
  CHECK(decimals_for_step(5) == 0);
  CHECK(decimals_for_step(2e8) == 0);
  CHECK(decimals_for_step(0.0002) == 4);
  CHECK(decimals_for_step(0) == 0);
  CHECK(decimals_for_step(-1) == 0);
  CHECK(decimals_for_step(std::numeric_limits<double>::quiet_NaN()) == 0);
  CHECK(decimals_for_step(1e-30) == 20);
}

TEST_CASE("percentages take no space before the percent sign") {
  for (Locale l : {Locale::Ko, Locale::En, Locale::Ja, Locale::Zh})
    CHECK(format_number(12.5, l, unit("%")) == "12.5%");
  CHECK(en(-3, unit("%")) == minus + "3%");
}

TEST_CASE("units take a space before words and none before symbols") {
  CHECK(ko(300, unit("W")) == "300W");
  CHECK(ko(5, unit("㎚")) == "5㎚");
  CHECK(ko(312, unit("테라플롭스")) == "312 테라플롭스");
  CHECK(ko(12000, unit("원")) == "12,000 원");
  CHECK(en(300, unit("W")) == "300 W");
  CHECK(en(12, unit("people")) == "12 people");
  CHECK(en(20, unit("°")) == "20°");
  CHECK(format_number(12000, Locale::Ja, unit("円")) == "12,000円");
  CHECK(format_number(12000, Locale::Zh, unit("元")) == "12,000元");
}

TEST_CASE("the space before a unit can be forced either way") {
  CHECK(ko(12000, unit("원", UnitSpace::None)) == "12,000원");
  CHECK(ko(300, unit("W", UnitSpace::Space)) == "300 W");
}

TEST_CASE("Korean units write every group of four digits with its unit") {
  const NumberStyle full = units(KoreanUnits::Full);
  CHECK(ko(9999, full) == "9,999");
  CHECK(ko(10000, full) == "1만");
  CHECK(ko(12000, full) == "1만 2,000");
  CHECK(ko(99999999, full) == "9,999만 9,999");
  CHECK(ko(100000000, full) == "1억");
  CHECK(ko(350000000, full) == "3억 5,000만");
  CHECK(ko(100010001, full) == "1억 1만 1");
  CHECK(ko(1.2e12, full) == "1조 2,000억");
  CHECK(ko(1e16, full) == "10,000조");
  CHECK(ko(0, full) == "0");
}

TEST_CASE("Korean units keep the sign and the decimals") {
  const NumberStyle full = units(KoreanUnits::Full);
  CHECK(ko(-12000, full) == minus + "1만 2,000");
  CHECK(ko(-350000000, full) == minus + "3억 5,000만");
  CHECK(ko(12000.5, full) == "1만 2,000.5");
  CHECK(ko(0.5, full) == "0.5");
  CHECK(ko(10000.5, full) == "1만 0.5");
  NumberStyle one = full;
  one.decimals = 1;
  CHECK(ko(12000, one) == "1만 2,000.0");
  CHECK(ko(9999.96, one) == "1만");  // rounds up into the next unit
  CHECK(ko(12500, step(2500, KoreanUnits::Full)) == "1만 2,500");
}

TEST_CASE("compact Korean units show the largest unit alone") {
  const NumberStyle compact = units(KoreanUnits::Compact);
  CHECK(ko(1.2e12, compact) == "1.2조");
  CHECK(ko(3e8, compact) == "3억");
  CHECK(ko(5e7, compact) == "5,000만");
  CHECK(ko(350000000, compact) == "3.5억");
  CHECK(ko(12000, compact) == "1.2만");
  CHECK(ko(9999, compact) == "9,999");
  CHECK(ko(10000, compact) == "1만");
  CHECK(ko(1.23e12, compact) == "1.2조");  // one decimal unless asked for more
  CHECK(ko(-3e8, compact) == minus + "3억");
  CHECK(ko(2.5e16, compact) == "25,000조");
}

TEST_CASE("compact Korean units move up a unit when rounding reaches ten thousand") {
  const NumberStyle compact = units(KoreanUnits::Compact);
  CHECK(ko(99999999, compact) == "1억");
  CHECK(ko(99950000, compact) == "9,995만");
  NumberStyle none = compact;
  none.decimals = 0;
  CHECK(ko(9999.6, none) == "1만");
  CHECK(ko(99999.5, none) == "10만");
}

TEST_CASE("compact Korean units take given decimals as they are") {
  NumberStyle two = units(KoreanUnits::Compact);
  two.decimals = 2;
  CHECK(ko(1.23e12, two) == "1.23조");
  CHECK(ko(1.2e12, two) == "1.20조");
}

TEST_CASE("Korean units with a word unit read as 1.2조 원") {
  CHECK(ko(1.2e12, units(KoreanUnits::Compact, "원")) == "1.2조 원");
  CHECK(ko(12000, units(KoreanUnits::Full, "원")) == "1만 2,000 원");
  CHECK(ko(3e8, units(KoreanUnits::Compact, "%")) == "3억%");
}

TEST_CASE("compact Korean tick labels take the step in each tick's own unit") {
  const NumberStyle ticks = step(5e7, KoreanUnits::Compact);
  CHECK(ko(0, ticks) == "0");
  CHECK(ko(5e7, ticks) == "5,000만");
  CHECK(ko(1e8, ticks) == "1억");
  CHECK(ko(1.5e8, ticks) == "1.5억");
  const NumberStyle big = step(2.5e11, KoreanUnits::Compact);
  CHECK(ko(2.5e11, big) == "2,500억");
  CHECK(ko(1e12, big) == "1조");
  CHECK(ko(1.25e12, big) == "1.25조");
}

TEST_CASE("Korean units are for the Korean locale only") {
  CHECK(en(12000, units(KoreanUnits::Full)) == "12,000");
  CHECK(format_number(1.2e12, Locale::Ja, units(KoreanUnits::Compact)) == "1,200,000,000,000");
}

TEST_CASE("NaN and infinities format without undefined behaviour") {
  CHECK(en(std::numeric_limits<double>::quiet_NaN()) == "NaN");
  CHECK(en(std::numeric_limits<double>::infinity()) == "∞");
  CHECK(ko(-std::numeric_limits<double>::infinity(), units(KoreanUnits::Full)) == minus + "∞");
  CHECK(en(std::numeric_limits<double>::max()).size() == 309 + 102);  // 309 digits, 102 commas
  CHECK(en(std::numeric_limits<double>::denorm_min()) == "0");
}
