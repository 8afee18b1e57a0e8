#pragma once
// Civil dates with precision. Never instants: there are no time zones anywhere, so a date is
// never shifted by a day. Years are historical: ... -2 (2 BCE), -1 (1 BCE), 1 (1 CE) ...;
// there is no year 0. Arithmetic uses the proleptic Gregorian calendar.
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "core/locale.hpp"

namespace factline::calendar {

enum class Precision { Year, Month, Day };

struct Date {
  int year = 1;   // historical year, never 0
  int month = 1;  // 1..12; 1 when precision is Year
  int day = 1;    // 1..31; 1 when precision is Year or Month
  Precision precision = Precision::Day;
  friend auto operator<=>(const Date&, const Date&) = default;
};

using Days = std::int64_t;  // days since 1970-01-01 (proleptic Gregorian)

bool is_leap_year(int year);                 // historical year (1 BCE is a leap year)
int days_in_month(int year, int month);
Days to_days(int year, int month, int day);  // no validation
Date from_days(Days days);                   // Day precision
Days first_day(const Date& d);               // first day the date covers
Days end_day(const Date& d);                 // one past the last day it covers

struct DateError {
  std::size_t offset = 0;  // byte offset into the parsed text where the problem is
  std::string message;     // lowercase, e.g. "2023 has no February 29"
  std::string hint;        // may be empty
};
using DateResult = std::variant<Date, DateError>;

// Accepts YYYY, YYYY-MM, YYYY-MM-DD (with a leading '-' for BCE years); the Korean forms
// "2024년", "2024년 9월", "2024년 9월 27일", "기원전 2333년" (and with month/day); desks' dotted and
// slashed forms, year first: "2023.10.05", "2023. 10. 5.", "2023/10/05", "2023.10"; and English
// as format_date writes it and tables do: "2333 BCE", "BC 2333", "Oct 2023", "Jun 27, 2024",
// "June 27, 2024", "AD 1392". Impossible dates (2024-02-30, 2023-13, year 0) are errors, never
// rolled over; so is a day and month before the year ("10/05/2023": which is which differs by
// country), with a hint to write the year first.
DateResult parse_date(std::string_view text);

// EDTF's qualification at a date's end: '?' (uncertain), '~' (approximate) or '%' (both):
// the text without it, and whether it had one ("2024~" → "2024", true).
std::pair<std::string_view, bool> strip_qualifier(std::string_view text);

// The date by its own precision:
// ko "2022년", "2023년 10월", "2024년 6월 27일", "기원전 2333년";
// en "2022", "Oct 2023", "Jun 27, 2024", "2333 BCE";
// ja "2022年", "2023年10月", "2024年6月27日", "紀元前2333年";
// zh "2022年", "2023年10月", "2024年6月27日", "公元前2333年".
std::string format_date(const Date& d, Locale locale);

// "Jan" … "Dec" (English abbreviations, also used for tick labels); "" outside 1..12.
std::string_view month_abbreviation(int month);

}  // namespace factline::calendar
