#include "calendar/date.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace factline;
using namespace factline::calendar;

namespace {

Date parsed(std::string_view text) {
  const DateResult r = parse_date(text);
  REQUIRE_MESSAGE(std::holds_alternative<Date>(r), "could not parse: " << text);
  return std::get<Date>(r);
}

DateError failed(std::string_view text) {
  const DateResult r = parse_date(text);
  REQUIRE_MESSAGE(std::holds_alternative<DateError>(r), "unexpectedly parsed: " << text);
  return std::get<DateError>(r);
}

Date ymd(int y, int m, int d) { return {y, m, d, Precision::Day}; }
Date ym(int y, int m) { return {y, m, 1, Precision::Month}; }
Date yr(int y) { return {y, 1, 1, Precision::Year}; }

const std::string kUnreadableHint =
    "write YYYY, YYYY-MM or YYYY-MM-DD (or 2024년 9월 27일, 2023.10.05, Oct 5, 2023, 2333 BCE)";

}  // namespace

TEST_CASE("leap years follow the Gregorian rule") {
  CHECK(is_leap_year(2024));
  CHECK_FALSE(is_leap_year(2023));
  CHECK_FALSE(is_leap_year(1900));
  CHECK(is_leap_year(2000));
  CHECK_FALSE(is_leap_year(2100));
}

TEST_CASE("1 BCE is a leap year because it is astronomical year 0") {
  CHECK(is_leap_year(-1));
  CHECK(is_leap_year(-5));
  CHECK_FALSE(is_leap_year(-4));
  CHECK(is_leap_year(-401));
  CHECK_FALSE(is_leap_year(-101));
}

TEST_CASE("February has 29 days only in leap years and bad months have none") {
  CHECK(days_in_month(2024, 2) == 29);
  CHECK(days_in_month(2023, 2) == 28);
  CHECK(days_in_month(1900, 2) == 28);
  CHECK(days_in_month(-1, 2) == 29);
  CHECK(days_in_month(2023, 4) == 30);
  CHECK(days_in_month(2023, 12) == 31);
  CHECK(days_in_month(2023, 0) == 0);
  CHECK(days_in_month(2023, 13) == 0);
}

TEST_CASE("day numbers count from 1970-01-01") {
  CHECK(to_days(1970, 1, 1) == 0);
  CHECK(to_days(1969, 12, 31) == -1);
  CHECK(to_days(2000, 3, 1) == 11017);
  CHECK(to_days(1, 1, 1) == -719162);
  CHECK(to_days(-1, 12, 31) == -719163);      // 1 BCE is followed directly by 1 CE
  CHECK(to_days(-1, 1, 1) == -719163 - 365);  // 1 BCE has 366 days
}

TEST_CASE("from_days inverts to_days from 5000 BCE to 100000 CE") {
  const Days lo = to_days(-5000, 1, 1), hi = to_days(100000, 12, 31);
  for (Days d = lo; d <= hi; d += 97) {
    const Date c = from_days(d);
    CHECK(c.year != 0);
    REQUIRE(to_days(c.year, c.month, c.day) == d);
  }
  CHECK(from_days(lo) == ymd(-5000, 1, 1));
  CHECK(from_days(hi) == ymd(100000, 12, 31));
}

TEST_CASE("every day of sample years round-trips and follows its predecessor") {
  for (int year : {-5000, -2, -1, 1, 1900, 2000, 2024, 100000}) {
    Days expected = to_days(year, 1, 1);
    for (int m = 1; m <= 12; ++m) {
      for (int d = 1; d <= days_in_month(year, m); ++d) {
        REQUIRE(to_days(year, m, d) == expected);
        REQUIRE(from_days(expected) == ymd(year, m, d));
        ++expected;
      }
    }
  }
}

TEST_CASE("a date covers its whole year, month or day") {
  CHECK(first_day(yr(2024)) == to_days(2024, 1, 1));
  CHECK(end_day(yr(2024)) == to_days(2025, 1, 1));
  CHECK(end_day(yr(2024)) - first_day(yr(2024)) == 366);
  CHECK(first_day(ym(2024, 2)) == to_days(2024, 2, 1));
  CHECK(end_day(ym(2024, 2)) == to_days(2024, 3, 1));
  CHECK(end_day(ym(2024, 12)) == to_days(2025, 1, 1));
  CHECK(first_day(ymd(2024, 6, 27)) == to_days(2024, 6, 27));
  CHECK(end_day(ymd(2024, 12, 31)) == to_days(2025, 1, 1));
}

TEST_CASE("1 BCE ends where 1 CE begins") {
  CHECK(end_day(yr(-1)) == first_day(yr(1)));
  CHECK(end_day(ym(-1, 12)) == first_day(yr(1)));
  CHECK(end_day(yr(-2)) == first_day(yr(-1)));
}

TEST_CASE("ISO dates parse with the precision they are written in") {
  CHECK(parsed("2024") == yr(2024));
  CHECK(parsed("2024-09") == ym(2024, 9));
  CHECK(parsed("2024-09-27") == ymd(2024, 9, 27));
  CHECK(parsed("2024-02-29") == ymd(2024, 2, 29));
  CHECK(parsed("476") == yr(476));
  CHECK(parsed("0476") == yr(476));
  CHECK(parsed("100000") == yr(100000));
}

TEST_CASE("a leading minus sign makes an ISO year BCE") {
  CHECK(parsed("-2333") == yr(-2333));
  CHECK(parsed("-44-03-15") == ymd(-44, 3, 15));
  CHECK(parsed("-0044-03") == ym(-44, 3));
  CHECK(parsed("-1-02-29") == ymd(-1, 2, 29));
}

TEST_CASE("Korean dates parse with or without spaces") {
  CHECK(parsed("2024년") == yr(2024));
  CHECK(parsed("2024년 9월") == ym(2024, 9));
  CHECK(parsed("2024년 9월 27일") == ymd(2024, 9, 27));
  CHECK(parsed("2024년9월27일") == ymd(2024, 9, 27));
  CHECK(parsed("2024년 09월 07일") == ymd(2024, 9, 7));
  CHECK(parsed("2024 년  9 월") == ym(2024, 9));
}

TEST_CASE("기원전 makes a Korean year BCE") {
  CHECK(parsed("기원전 2333년") == yr(-2333));
  CHECK(parsed("기원전2333년") == yr(-2333));
  CHECK(parsed("기원전 44년 3월 15일") == ymd(-44, 3, 15));
}

TEST_CASE("surrounding whitespace is ignored") {
  CHECK(parsed("  2024-09-27\n") == ymd(2024, 9, 27));
  CHECK(parsed("\t2024년 9월 ") == ym(2024, 9));
}

TEST_CASE("a day past the end of February names the month's real length") {
  const DateError leap = failed("2024-02-30");
  CHECK(leap.offset == 8);
  CHECK(leap.message == "February 2024 has 29 days, not 30");
  const DateError common = failed("2023-02-29");
  CHECK(common.offset == 8);
  CHECK(common.message == "February 2023 has 28 days, not 29");
  const DateError korean = failed("2023년 2월 29일");
  CHECK(korean.offset == std::string("2023년 2월 ").size());
  CHECK(korean.message == "February 2023 has 28 days, not 29");
  CHECK(failed("-2-02-29").message == "February 2 BCE has 28 days, not 29");
  CHECK(failed("2024-04-31").message == "April 2024 has 30 days, not 31");
}

TEST_CASE("day 0 is out of range") {
  const DateError e = failed("2024-04-00");
  CHECK(e.offset == 8);
  CHECK(e.message == "day 0 is out of range (1–30)");
}

TEST_CASE("a month outside 1 to 12 is an error pointing at the month") {
  const DateError e = failed("2023-13");
  CHECK(e.offset == 5);
  CHECK(e.message == "month 13 is out of range (1–12)");
  CHECK(failed("2023-00-01").message == "month 0 is out of range (1–12)");
  const DateError korean = failed("2023년 13월");
  CHECK(korean.offset == std::string("2023년 ").size());
  CHECK(korean.message == "month 13 is out of range (1–12)");
}

TEST_CASE("there is no year 0 in any spelling") {
  for (const char* text : {"0", "0000", "-0", "0-01-01", "기원전 0년", "0년 1월"}) {
    CAPTURE(text);
    const DateError e = failed(text);
    CHECK(e.message == "there is no year 0");
    CHECK(e.hint == "1 BCE is written -1 and is followed by 1 CE");
  }
  CHECK(failed("  0").offset == 2);
  CHECK(failed("기원전 0년").offset == std::string("기원전 ").size());
}

TEST_CASE("unreadable text is quoted back with a hint") {
  for (const char* text : {"2024/6/", "Juni 2024", "2024-6", "2024-06-7", "2024-", "--5", "+2024", "2024년 9",
                           "기원전 2333", "2024년 123월", "년", "24.10.05", "2024.10.05.5", "Oct", "27, 2024",
                           "BC Oct 2024", "2024 BCE BCE", "2024?", "2024/10.05"}) {
    CAPTURE(text);
    const DateError e = failed(text);
    CHECK(e.offset == 0);
    CHECK(e.message == "cannot read \"" + std::string(text) + "\" as a date");
    CHECK(e.hint == kUnreadableHint);
  }
}

TEST_CASE("desks' dotted and slashed dates, year first") {
  CHECK(parsed("2023. 10. 5.") == ymd(2023, 10, 5));
  CHECK(parsed("2023.10.05") == ymd(2023, 10, 5));
  CHECK(parsed("2023/10/05") == ymd(2023, 10, 5));
  CHECK(parsed("2023.10") == ym(2023, 10));
  CHECK(parsed("2023. 10.") == ym(2023, 10));
  CHECK(parsed("2023/1/5") == ymd(2023, 1, 5));
  // Checked as ISO dates are, the error at the part that is wrong.
  const DateError e = failed("2023.02.30");
  CHECK(e.offset == 8);
  CHECK(e.message == "February 2023 has 28 days, not 30");
  CHECK(failed("2023.13.01").message == "month 13 is out of range (1–12)");
}

TEST_CASE("English dates as factline writes them read back, and tables' BC forms") {
  for (const Date d : {yr(2022), ym(2023, 10), ymd(2024, 6, 27), yr(-2333), ym(-221, 3), ymd(-44, 3, 15)}) {
    CAPTURE(format_date(d, Locale::En));
    CHECK(parsed(format_date(d, Locale::En)) == d);
  }
  CHECK(parsed("BC 2333") == yr(-2333));
  CHECK(parsed("2333 BC") == yr(-2333));
  CHECK(parsed("AD 1392") == yr(1392));
  CHECK(parsed("1392 CE") == yr(1392));
  CHECK(parsed("June 27, 2024") == ymd(2024, 6, 27));
  CHECK(parsed("Sept 2024") == ym(2024, 9));
  CHECK(parsed("oct. 2024") == ym(2024, 10));
  CHECK(failed("Feb 30, 2024").message == "February 2024 has 29 days, not 30");
}

TEST_CASE("a day and month before the year is ambiguous: an error that says to write the year first") {
  for (const char* text : {"10/05/2023", "5.10.2023", "10-05-2023"}) {
    CAPTURE(text);
    const DateError e = failed(text);
    CHECK(e.message == "\"" + std::string(text) + "\" could be day/month/year or month/day/year");
    CHECK(e.hint == "write the year first, as 2023-10-05 (5 October) or 2023-05-10 (10 May)");
  }
}

TEST_CASE("EDTF's qualification marks come off a date's end") {
  CHECK(strip_qualifier("2024~") == std::pair<std::string_view, bool>{"2024", true});
  CHECK(strip_qualifier("2024?") == std::pair<std::string_view, bool>{"2024", true});
  CHECK(strip_qualifier(" 2024-06% ") == std::pair<std::string_view, bool>{" 2024-06", true});
  CHECK(strip_qualifier("2024-06") == std::pair<std::string_view, bool>{"2024-06", false});
}

TEST_CASE("empty text cannot be read as a date") {
  CHECK(failed("").message == "cannot read \"\" as a date");
  CHECK(failed("   ").message == "cannot read \"\" as a date");
  CHECK(failed("").hint == kUnreadableHint);
}

TEST_CASE("quoted text never carries raw control characters") {
  const DateError e = failed(" 2024\x1b[31m ");
  CHECK(e.offset == 1);
  CHECK(e.message == "cannot read \"2024\\u{1B}[31m\" as a date");
  CHECK(failed("20\xff").message == "cannot read \"20\\u{FF}\" as a date");
}

TEST_CASE("huge years are out of range rather than overflowing") {
  const DateError e = failed("99999999999999999999999");
  CHECK(e.offset == 0);
  CHECK(e.message == "year 99999999999999999999999 is out of range");
  CHECK(failed("1000000").message == "year 1000000 is out of range");
  CHECK(failed("-1000000-01-01").message == "year -1000000 is out of range");
  CHECK(failed("기원전 1000000년").message == "year -1000000 is out of range");
  CHECK(parsed("999999") == yr(999999));
  CHECK(parsed("-999999-12-31") == ymd(-999999, 12, 31));
}

TEST_CASE("dates format by precision in Korean") {
  CHECK(format_date(yr(2022), Locale::Ko) == "2022년");
  CHECK(format_date(ym(2023, 10), Locale::Ko) == "2023년 10월");
  CHECK(format_date(ymd(2024, 6, 27), Locale::Ko) == "2024년 6월 27일");
  CHECK(format_date(yr(-2333), Locale::Ko) == "기원전 2333년");
  CHECK(format_date(ymd(-44, 3, 15), Locale::Ko) == "기원전 44년 3월 15일");
}

TEST_CASE("dates format by precision in English") {
  CHECK(format_date(yr(2022), Locale::En) == "2022");
  CHECK(format_date(ym(2023, 10), Locale::En) == "Oct 2023");
  CHECK(format_date(ymd(2024, 6, 27), Locale::En) == "Jun 27, 2024");
  CHECK(format_date(yr(-2333), Locale::En) == "2333 BCE");
  CHECK(format_date(ym(-44, 3), Locale::En) == "Mar 44 BCE");
  CHECK(format_date(ymd(-44, 3, 15), Locale::En) == "Mar 15, 44 BCE");
}

TEST_CASE("dates format by precision in Japanese") {
  CHECK(format_date(yr(2022), Locale::Ja) == "2022年");
  CHECK(format_date(ym(2023, 10), Locale::Ja) == "2023年10月");
  CHECK(format_date(ymd(2024, 6, 27), Locale::Ja) == "2024年6月27日");
  CHECK(format_date(yr(-2333), Locale::Ja) == "紀元前2333年");
  CHECK(format_date(ymd(-44, 3, 15), Locale::Ja) == "紀元前44年3月15日");
}

TEST_CASE("dates format by precision in Chinese") {
  CHECK(format_date(yr(2022), Locale::Zh) == "2022年");
  CHECK(format_date(ym(2023, 10), Locale::Zh) == "2023年10月");
  CHECK(format_date(ymd(2024, 6, 27), Locale::Zh) == "2024年6月27日");
  CHECK(format_date(yr(-2333), Locale::Zh) == "公元前2333年");
  CHECK(format_date(ymd(-44, 3, 15), Locale::Zh) == "公元前44年3月15日");
}

TEST_CASE("parsing what format_date writes in Korean gives the date back") {
  for (const Date& d : {yr(2022), ym(2023, 10), ymd(2024, 6, 27), yr(-2333), ymd(-44, 3, 15)})
    CHECK(parsed(format_date(d, Locale::Ko)) == d);
}

TEST_CASE("month abbreviations are English and empty outside 1 to 12") {
  CHECK(month_abbreviation(1) == "Jan");
  CHECK(month_abbreviation(9) == "Sep");
  CHECK(month_abbreviation(12) == "Dec");
  CHECK(month_abbreviation(0).empty());
  CHECK(month_abbreviation(13).empty());
}
