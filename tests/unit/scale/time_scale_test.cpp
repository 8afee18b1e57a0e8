#include "scale/time_scale.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <cstdlib>
#include <limits>
#include <string>
#include <vector>

using namespace factline;
using calendar::Precision;
using calendar::to_days;
using scale::Tick;
using scale::time_ticks;
using scale::TimeScale;

namespace {

std::vector<std::string> labels(const std::vector<Tick>& ticks) {
  std::vector<std::string> out;
  for (const Tick& t : ticks) out.push_back(t.label);
  return out;
}

using Labels = std::vector<std::string>;

}  // namespace

TEST_CASE("the time scale maps its endpoints onto the range") {
  const TimeScale s(to_days(2024, 1, 1), to_days(2025, 1, 1), 100.0, 466.0);
  CHECK(s(static_cast<double>(to_days(2024, 1, 1))) == doctest::Approx(100.0));
  CHECK(s(static_cast<double>(to_days(2025, 1, 1))) == doctest::Approx(466.0));
  CHECK(s(static_cast<double>(to_days(2024, 1, 1)) + 0.5) == doctest::Approx(100.5));
  CHECK(s(static_cast<double>(to_days(2025, 1, 1)) + 366.0) == doctest::Approx(832.0));
  CHECK(s.domain_first() == to_days(2024, 1, 1));
  CHECK(s.domain_last() == to_days(2025, 1, 1));
}

TEST_CASE("the time scale inverts its own mapping") {
  const TimeScale s(-1000, 1000, 0.0, 400.0);
  CHECK(s(0.0) == doctest::Approx(200.0));
  CHECK(s.invert(200.0) == doctest::Approx(0.0));
  CHECK(s.invert(s(123.25)) == doctest::Approx(123.25));
}

TEST_CASE("a reversed range maps the first day to the right") {
  const TimeScale s(0, 10, 500.0, 0.0);
  CHECK(s(0.0) == doctest::Approx(500.0));
  CHECK(s(10.0) == doctest::Approx(0.0));
}

TEST_CASE("a one-day domain maps everything to the middle of the range") {
  const TimeScale s(42, 42, 0.0, 300.0);
  CHECK(s(42.0) == doctest::Approx(150.0));
  CHECK(s(-1e9) == doctest::Approx(150.0));
  CHECK(s.invert(17.0) == doctest::Approx(42.0));
}

TEST_CASE("no ticks come back when first is after last") {
  CHECK(time_ticks(10, 9, 10, Locale::Ko).empty());
}

TEST_CASE("a single day gets a single tick") {
  const auto ticks = time_ticks(to_days(2024, 6, 27), to_days(2024, 6, 27), 10, Locale::Ko);
  CHECK(labels(ticks) == Labels{"2024년 6월 27일"});  // no other tick gives the month or year
  CHECK(ticks[0].date == calendar::Date{2024, 6, 27, Precision::Day});
}

TEST_CASE("a week gets one tick a day") {
  const auto ticks = time_ticks(to_days(2024, 6, 24), to_days(2024, 6, 30), 10, Locale::Ko);
  CHECK(labels(ticks) == Labels{"2024년 6월 24일", "25일", "26일", "27일", "28일", "29일", "30일"});
  CHECK(ticks.front().day == to_days(2024, 6, 24));
  CHECK(ticks.back().day == to_days(2024, 6, 30));
}

TEST_CASE("a day tick on the first of a month is labelled with the month, the first tick with its context") {
  const auto ko = time_ticks(to_days(2024, 9, 28), to_days(2024, 10, 3), 10, Locale::Ko);
  CHECK(labels(ko) == Labels{"2024년 9월 28일", "29일", "30일", "10월", "2일", "3일"});
  CHECK(ko[3].date == calendar::Date{2024, 10, 1, Precision::Month});
  CHECK(ko[2].date.precision == Precision::Day);
  const auto en = time_ticks(to_days(2024, 9, 29), to_days(2024, 10, 2), 10, Locale::En);
  CHECK(labels(en) == Labels{"Sep 29, 2024", "30", "Oct", "2"});
  const auto ja = time_ticks(to_days(2024, 9, 30), to_days(2024, 10, 1), 10, Locale::Ja);
  CHECK(labels(ja) == Labels{"2024年9月30日", "10月"});
  const auto zh = time_ticks(to_days(2024, 12, 31), to_days(2025, 1, 1), 10, Locale::Zh);
  CHECK(labels(zh) == Labels{"2024年12月31日", "2025年"});  // the first tick says its year even so
}

TEST_CASE("two-day ticks restart on the first of each month") {
  // 2024-01-27 … 2024-02-04 is 9 days: too many for one a day, fine for every other day.
  const auto ticks = time_ticks(to_days(2024, 1, 27), to_days(2024, 2, 4), 6, Locale::En);
  CHECK(labels(ticks) == Labels{"Jan 27, 2024", "29", "31", "Feb", "3"});
}

TEST_CASE("a quarter gets Monday ticks or month ticks depending on room") {
  const auto first = to_days(2024, 7, 1), last = to_days(2024, 9, 30);
  const auto weekly = time_ticks(first, last, 15, Locale::Ko);
  REQUIRE(weekly.size() == 14);  // 2024-07-01 and 2024-09-30 are both Mondays
  CHECK(weekly[0].label == "2024년 7월");
  CHECK(weekly[1].label == "8일");
  CHECK(weekly.back().label == "30일");
  for (const Tick& t : weekly) CHECK((t.day - 4) % 7 == 0);  // 1970-01-05 was a Monday
  const auto monthly = time_ticks(first, last, 5, Locale::Ko);
  CHECK(labels(monthly) == Labels{"2024년 7월", "8월", "9월"});
  CHECK(monthly[0].date == calendar::Date{2024, 7, 1, Precision::Month});
}

TEST_CASE("three-month ticks sit on January, April, July and October") {
  const auto ticks = time_ticks(to_days(2023, 2, 15), to_days(2024, 12, 31), 8, Locale::En);
  CHECK(labels(ticks) == Labels{"Apr 2023", "Jul", "Oct", "2024", "Apr", "Jul", "Oct"});
}

TEST_CASE("two years get month ticks with each January labelled by its year") {
  const auto first = to_days(2023, 1, 1), last = to_days(2024, 12, 31);
  const auto ticks = time_ticks(first, last, 24, Locale::Ko);
  REQUIRE(ticks.size() == 24);
  CHECK(ticks[0].label == "2023년");
  CHECK(ticks[1].label == "2월");
  CHECK(ticks[11].label == "12월");
  CHECK(ticks[12].label == "2024년");
  CHECK(ticks[12].date == calendar::Date{2024, 1, 1, Precision::Year});
  const auto fewer = time_ticks(first, last, 12, Locale::Ko);
  CHECK(labels(fewer) == Labels{"2023년", "3월", "5월", "7월", "9월", "11월", "2024년", "3월",
                                "5월", "7월", "9월", "11월"});
}

TEST_CASE("the first tick of an axis that starts mid-year carries its year") {
  CHECK(labels(time_ticks(to_days(2021, 6, 15), to_days(2023, 6, 1), 5, Locale::Ko)) ==
        Labels{"2021년 7월", "2022년", "7월", "2023년"});
  CHECK(labels(time_ticks(to_days(2022, 4, 20), to_days(2023, 2, 1), 6, Locale::En)) ==
        Labels{"May 2022", "Jul", "Sep", "Nov", "2023"});
  CHECK(time_ticks(to_days(2023, 11, 20), to_days(2024, 2, 1), 4, Locale::Ko)[0].label == "2023년 12월");
}

TEST_CASE("a century gets decade ticks") {
  const auto ticks = time_ticks(to_days(1901, 1, 1), to_days(2000, 12, 31), 10, Locale::En);
  CHECK(labels(ticks) ==
        Labels{"1910", "1920", "1930", "1940", "1950", "1960", "1970", "1980", "1990", "2000"});
  CHECK(ticks[0].date == calendar::Date{1910, 1, 1, Precision::Year});
  const auto ko = time_ticks(to_days(1901, 1, 1), to_days(2000, 12, 31), 5, Locale::Ko);
  CHECK(labels(ko) == Labels{"1920년", "1940년", "1960년", "1980년", "2000년"});
}

TEST_CASE("4000 years get 500-year ticks on round historical years") {
  // BCE and CE ticks both sit on multiples of 500; 500 BCE to 500 is the one 499-year gap.
  const auto ticks = time_ticks(to_days(-2000, 1, 1), to_days(2000, 12, 31), 10, Locale::En);
  CHECK(labels(ticks) ==
        Labels{"2000 BCE", "1500 BCE", "1000 BCE", "500 BCE", "500", "1000", "1500", "2000"});
  const auto ko = time_ticks(to_days(-2000, 1, 1), to_days(2000, 12, 31), 10, Locale::Ko);
  CHECK(ko[3].label == "기원전 500년");
  CHECK(ko[3].date == calendar::Date{-500, 1, 1, Precision::Year});
  CHECK(ko[4].label == "500년");
  CHECK(ko[4].date == calendar::Date{500, 1, 1, Precision::Year});
}

TEST_CASE("multi-year ticks across the era boundary skip year 0 and 1 BCE") {
  // Historical years jump from -1 (1 BCE) to 1, so a tick at `step` BCE followed by one at
  // `step` CE differs by 2 * step in date.year while being step - 1 years apart.
  const auto gap = [](int prev, int next) {
    return prev < 0 && next > 0 ? (next - prev) / 2 : next - prev;
  };
  for (Locale locale : {Locale::En, Locale::Ko}) {
    for (int half : {5, 12, 30, 60, 150, 400, 1200, 3000, 20000}) {
      for (int max : {4, 6, 8}) {
        CAPTURE(half);
        CAPTURE(max);
        const auto ticks = time_ticks(to_days(-half, 1, 1), to_days(half, 12, 31), max, locale);
        REQUIRE(ticks.size() >= 2);
        const int step = gap(ticks[0].date.year, ticks[1].date.year);
        REQUIRE(step > 1);
        bool crossed = false;
        for (std::size_t i = 0; i < ticks.size(); ++i) {
          const Tick& t = ticks[i];
          CHECK(t.date.precision == Precision::Year);
          CHECK(t.date.year != 0);
          CHECK(t.date.year != -1);
          CHECK(t.label != "0");
          CHECK(t.label != "0년");
          CHECK(t.label != "1 BCE");
          CHECK(t.label != "기원전 1년");
          CHECK(std::abs(t.date.year) % step == 0);
          if (i == 0) continue;
          const int prev = ticks[i - 1].date.year;
          CHECK(gap(prev, t.date.year) == step);
          if (t.date.year < 0) CHECK(t.date.year - prev == step);  // consecutive BCE ticks
          if (prev < 0 && t.date.year > 0) {
            crossed = true;
            CHECK(prev == -step);
            CHECK(t.date.year == step);
          }
        }
        CHECK(crossed);
      }
    }
  }
}

TEST_CASE("a range inside the era boundary's long gap still gets a tick") {
  // 400 BCE … 400: four 200-year ticks are too many for three, and no 500-year tick falls
  // inside, so the 200-year tick nearest the middle is kept.
  const auto ticks = time_ticks(to_days(-400, 1, 1), to_days(400, 12, 31), 3, Locale::En);
  CHECK(labels(ticks) == Labels{"200"});
  const auto two = time_ticks(to_days(-450, 1, 1), to_days(300, 12, 31), 2, Locale::Ko);
  CHECK(labels(two) == Labels{"기원전 200년"});
}

TEST_CASE("yearly ticks across the era boundary never show a year 0") {
  const auto ticks = time_ticks(to_days(-5, 1, 1), to_days(3, 12, 31), 10, Locale::Ko);
  CHECK(labels(ticks) == Labels{"기원전 5년", "기원전 4년", "기원전 3년", "기원전 2년",
                                "기원전 1년", "1년", "2년", "3년"});
  for (const Tick& t : ticks) CHECK(t.date.year != 0);
}

TEST_CASE("a BCE range gets century ticks with BCE labels") {
  const auto ticks = time_ticks(to_days(-3000, 1, 1), to_days(-2001, 12, 31), 10, Locale::Ko);
  REQUIRE(ticks.size() == 10);
  CHECK(ticks.front().label == "기원전 3000년");
  CHECK(ticks[1].label == "기원전 2900년");
  CHECK(ticks.back().label == "기원전 2100년");
  const auto ja = time_ticks(to_days(-3000, 1, 1), to_days(-2001, 12, 31), 10, Locale::Ja);
  CHECK(ja.front().label == "紀元前3000年");
  const auto zh = time_ticks(to_days(-3000, 1, 1), to_days(-2001, 12, 31), 10, Locale::Zh);
  CHECK(zh.front().label == "公元前3000年");
  for (std::size_t i = 1; i < ticks.size(); ++i)
    CHECK(ticks[i].date.year - ticks[i - 1].date.year == 100);
}

TEST_CASE("ten thousand years get millennium ticks within the limit") {
  const auto ticks = time_ticks(to_days(-5000, 1, 1), to_days(5000, 12, 31), 10, Locale::En);
  CHECK(ticks.size() <= 10);
  CHECK(labels(ticks) == Labels{"5000 BCE", "4000 BCE", "3000 BCE", "2000 BCE", "1000 BCE", "1000",
                                "2000", "3000", "4000", "5000"});
}

TEST_CASE("a huge max_ticks over a huge range stays bounded") {
  const auto ticks = time_ticks(to_days(-5000, 1, 1), to_days(5000, 12, 31),
                                std::numeric_limits<int>::max(), Locale::Ko);
  CHECK(!ticks.empty());
  CHECK(ticks.size() <= 1000);
}

TEST_CASE("max_ticks below two is treated as two") {
  const auto ticks = time_ticks(to_days(2024, 6, 24), to_days(2024, 6, 30), 0, Locale::En);
  CHECK(ticks.size() <= 2);
  CHECK(!ticks.empty());
  CHECK(time_ticks(to_days(2024, 6, 24), to_days(2024, 6, 30), -5, Locale::En).size() ==
        ticks.size());
}

TEST_CASE("every tick lies inside the requested range") {
  const std::int64_t firsts[] = {to_days(-44, 3, 15), to_days(1999, 12, 31), to_days(2024, 2, 29)};
  for (std::int64_t first : firsts) {
    for (std::int64_t span : {0, 1, 6, 40, 400, 4000, 40000, 400000}) {
      for (int max : {2, 5, 10, 30}) {
        const auto ticks = time_ticks(first, first + span, max, Locale::Ko);
        CHECK(ticks.size() <= static_cast<std::size_t>(max));
        for (const Tick& t : ticks) {
          CHECK(t.day >= first);
          CHECK(t.day <= first + span);
          CHECK(calendar::first_day(t.date) == t.day);
        }
      }
    }
  }
}

TEST_CASE("extreme day numbers do not crash") {
  const auto lo = std::numeric_limits<std::int64_t>::min();
  const auto hi = std::numeric_limits<std::int64_t>::max();
  const auto all = time_ticks(lo, hi, 10, Locale::En);
  CHECK(!all.empty());
  CHECK(all.size() <= 10);
  CHECK(time_ticks(hi - 5, hi, 10, Locale::En).empty());
  CHECK(time_ticks(lo, lo + 5, 10, Locale::En).empty());
}
