#include "calendar/date.hpp"

#include <array>
#include <charconv>
#include <cstdint>
#include <optional>

#include "core/utf8.hpp"

namespace factline::calendar {

namespace {

// Astronomical numbering (1 BCE = 0, 2 BCE = -1) makes leap years and day counts regular.
std::int64_t astronomical(std::int64_t year) { return year < 0 ? year + 1 : year; }

// Howard Hinnant's days_from_civil, on an astronomical year.
Days days_from_astronomical(std::int64_t y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

}  // namespace

bool is_leap_year(int year) {
  const std::int64_t a = astronomical(year);
  return a % 4 == 0 && (a % 100 != 0 || a % 400 == 0);
}

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> lengths = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap_year(year) ? 29 : lengths[month - 1];
}

Days to_days(int year, int month, int day) {
  return days_from_astronomical(astronomical(year), month, day);
}

// Howard Hinnant's civil_from_days, returning a historical year.
Date from_days(Days days) {
  const Days z = days + 719468;
  const Days era = (z >= 0 ? z : z - 146096) / 146097;
  const Days doe = z - era * 146097;
  const Days yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const Days doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const Days mp = (5 * doy + 2) / 153;
  const Days day = doy - (153 * mp + 2) / 5 + 1;
  const Days month = mp < 10 ? mp + 3 : mp - 9;
  const Days astro = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const Days year = astro <= 0 ? astro - 1 : astro;
  return Date{static_cast<int>(year), static_cast<int>(month), static_cast<int>(day),
              Precision::Day};
}

Days first_day(const Date& d) {
  switch (d.precision) {
    case Precision::Year:
      return to_days(d.year, 1, 1);
    case Precision::Month:
      return to_days(d.year, d.month, 1);
    case Precision::Day:
      break;
  }
  return to_days(d.year, d.month, d.day);
}

Days end_day(const Date& d) {
  const std::int64_t a = astronomical(d.year);
  switch (d.precision) {
    case Precision::Year:
      return days_from_astronomical(a + 1, 1, 1);
    case Precision::Month:
      return d.month >= 12 ? days_from_astronomical(a + 1, 1, 1)
                           : days_from_astronomical(a, d.month + 1, 1);
    case Precision::Day:
      break;
  }
  return first_day(d) + 1;
}

// ---------------------------------------------------------------------------------------------
// Parsing. The text is first split into digit spans (structure), then the numbers are checked
// (meaning), so each error can point at the part that is wrong.

namespace {

constexpr int kMaxYear = 999999;
constexpr std::string_view kUnreadableHint =
    "write YYYY, YYYY-MM or YYYY-MM-DD (or 2024년 9월 27일, 2023.10.05, Oct 5, 2023, 2333 BCE)";

struct Span {
  std::size_t begin = 0, end = 0;
  std::size_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
};

struct Fields {
  bool bce = false;
  std::size_t year_at = 0;  // where errors about the year point (the sign, if any)
  Span year, month, day;    // month/day empty when absent
  int month_value = 0;      // a month given by name ("Oct"): its number; month spans the name
};

// Reads forward through text[pos, end) of the untrimmed input, so positions are the offsets
// reported in errors.
class Cursor {
 public:
  Cursor(std::string_view text, std::size_t pos) : text_(text), pos_(pos) {}
  bool at_end() const { return pos_ >= text_.size(); }
  std::size_t pos() const { return pos_; }
  bool eat(std::string_view literal) {
    if (text_.substr(pos_).substr(0, literal.size()) != literal) return false;
    pos_ += literal.size();
    return true;
  }
  void skip_spaces() {
    while (!at_end() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
  }
  Span digits(std::size_t max_len = std::string_view::npos) {
    Span s{pos_, pos_};
    while (!at_end() && s.size() < max_len && text_[pos_] >= '0' && text_[pos_] <= '9') {
      ++pos_;
      ++s.end;
    }
    return s;
  }

 private:
  std::string_view text_;
  std::size_t pos_;
};

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// [begin, end) of text without surrounding ASCII whitespace; {0, 0} when it is all space.
Span trimmed(std::string_view text) {
  std::size_t b = 0, e = text.size();
  while (b < e && is_space(text[b])) ++b;
  while (e > b && is_space(text[e - 1])) --e;
  return b == e ? Span{} : Span{b, e};
}

std::optional<Fields> read_iso(std::string_view text, Span all) {
  Cursor c(text.substr(0, all.end), all.begin);
  Fields f;
  f.year_at = all.begin;
  f.bce = c.eat("-");
  f.year = c.digits();
  if (f.year.empty()) return std::nullopt;
  if (c.eat("-")) {
    f.month = c.digits(2);
    if (f.month.size() != 2) return std::nullopt;
    if (c.eat("-")) {
      f.day = c.digits(2);
      if (f.day.size() != 2) return std::nullopt;
    }
  }
  if (!c.at_end()) return std::nullopt;
  return f;
}

// One "<digits><unit>" part of the Korean form, e.g. "9월"; spaces allowed around it.
bool read_korean_part(Cursor& c, Span& digits, std::size_t max_len, std::string_view unit) {
  c.skip_spaces();
  digits = c.digits(max_len);
  if (digits.empty()) return false;
  c.skip_spaces();
  return c.eat(unit);
}

std::optional<Fields> read_korean(std::string_view text, Span all) {
  Cursor c(text.substr(0, all.end), all.begin);
  Fields f;
  f.bce = c.eat("기원전");
  c.skip_spaces();
  f.year_at = c.pos();
  if (!read_korean_part(c, f.year, std::string_view::npos, "년")) return std::nullopt;
  c.skip_spaces();
  if (!c.at_end() && !read_korean_part(c, f.month, 2, "월")) return std::nullopt;
  c.skip_spaces();
  if (!c.at_end() && !read_korean_part(c, f.day, 2, "일")) return std::nullopt;
  c.skip_spaces();
  if (!c.at_end()) return std::nullopt;
  return f;
}

// Year, month and day with dots or slashes, as desks write them: "2023.10.05", "2023. 10. 5.",
// "2023/10/05", "2023.10" (the year first, three digits at least; a trailing dot allowed after
// the dotted form's last part).
std::optional<Fields> read_separated(std::string_view text, Span all) {
  Cursor c(text.substr(0, all.end), all.begin);
  Fields f;
  f.year_at = all.begin;
  f.year = c.digits();
  if (f.year.size() < 3 || c.at_end()) return std::nullopt;
  const char sep = text[c.pos()];
  if (sep != '.' && sep != '/') return std::nullopt;
  const auto part = [&](Span& into) {
    if (!c.eat(std::string_view(&sep, 1))) return false;
    c.skip_spaces();
    into = c.digits(2);
    return !into.empty();
  };
  if (!part(f.month)) return std::nullopt;
  if (!c.at_end() && !(sep == '.' && c.pos() + 1 == all.end) && !part(f.day)) return std::nullopt;
  if (sep == '.') c.eat(".");
  if (!c.at_end()) return std::nullopt;
  return f;
}

// Day and month before the year ("10/05/2023", "10.05.2023"): the order differs by country.
bool day_month_year(std::string_view s) {
  std::size_t i = 0, groups = 0, last = 0;
  while (i <= s.size()) {
    std::size_t n = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++n;
    if (n == 0) return false;
    ++groups, last = n;
    if (i == s.size()) break;
    if (s[i] != '/' && s[i] != '.' && s[i] != '-') return false;
    if (groups < 3 && n > 2) return false;
    ++i;
  }
  return groups == 3 && last == 4;
}

bool is_letter(char ch) { return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z'); }

// A month's English name, abbreviated or in full, any case; 0 when it is none.
int english_month(std::string_view word) {
  std::string lower;
  for (char ch : word) lower += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
  static constexpr std::array<std::string_view, 12> full = {"january", "february", "march",     "april",
                                                            "may",     "june",     "july",      "august",
                                                            "september", "october", "november", "december"};
  for (int m = 0; m < 12; ++m)
    if (lower == full[static_cast<std::size_t>(m)] || (lower.size() == 3 && full[static_cast<std::size_t>(m)].starts_with(lower)) ||
        (lower == "sept" && m == 8))
      return m + 1;
  return 0;
}

// English, as factline writes it and as tables do: "2333 BCE", "BC 2333", "Oct 2023",
// "Jun 27, 2024", "June 27, 2024", "Oct 2333 BCE", "1392 CE", "AD 1392".
std::optional<Fields> read_english(std::string_view text, Span all) {
  Cursor c(text.substr(0, all.end), all.begin);
  Fields f;
  const auto era = [&](bool& bce) {
    for (std::string_view w : {"BCE", "BC", "CE", "AD"}) {
      const std::size_t at = c.pos();
      if (c.eat(w)) {
        if (!c.at_end() && is_letter(text[c.pos()])) {  // a longer word
          c = Cursor(text.substr(0, all.end), at);
          continue;
        }
        bce = w.starts_with("B");
        return true;
      }
    }
    return false;
  };
  bool bce_before = false;
  const bool era_before = era(bce_before);
  c.skip_spaces();
  if (!era_before && !c.at_end() && is_letter(text[c.pos()])) {
    const std::size_t start = c.pos();
    std::size_t end = start;
    while (end < all.end && is_letter(text[end])) ++end;
    f.month_value = english_month(text.substr(start, end - start));
    if (f.month_value == 0) return std::nullopt;
    f.month = {start, end};
    c = Cursor(text.substr(0, all.end), end);
    c.eat(".");
    c.skip_spaces();
    const Span first = c.digits();
    if (first.empty()) return std::nullopt;
    if (c.eat(",")) {  // "Jun 27, 2024"
      if (first.size() > 2) return std::nullopt;
      f.day = first;
      c.skip_spaces();
      f.year_at = c.pos();
      f.year = c.digits();
    } else {
      f.year_at = first.begin;
      f.year = first;
    }
  } else {
    f.year_at = c.pos();
    f.year = c.digits();
  }
  if (f.year.empty()) return std::nullopt;
  c.skip_spaces();
  bool bce_after = false;
  const bool era_after = !era_before && era(bce_after);
  if (!c.at_end() || (era_before && f.month_value > 0)) return std::nullopt;
  if (!era_before && !era_after && f.month_value == 0) return std::nullopt;  // digits alone are ISO's
  f.bce = bce_before || bce_after;
  return f;
}

bool looks_korean(std::string_view s) {
  return s.starts_with("기원전") || s.find("년") != std::string_view::npos;
}

// The value of a digit span, saturating just above kMaxYear so huge inputs cannot overflow.
int number(std::string_view text, Span s) {
  int v = 0;
  for (std::size_t i = s.begin; i < s.end; ++i) {
    v = v * 10 + (text[i] - '0');
    if (v > kMaxYear) return kMaxYear + 1;
  }
  return v;
}

std::string month_name(int month) {
  static constexpr std::array<std::string_view, 12> names = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  return std::string(names[month - 1]);
}

std::string english_year(int year) {
  return year < 0 ? std::to_string(-static_cast<std::int64_t>(year)) + " BCE"
                  : std::to_string(year);
}

DateError unreadable(std::string_view text, Span all) {
  const std::string quoted = utf8::escape_for_terminal(text.substr(all.begin, all.size()));
  return {all.begin, "cannot read \"" + quoted + "\" as a date", std::string(kUnreadableHint)};
}

std::optional<DateError> check_year(std::string_view text, const Fields& f, int year) {
  if (year == 0)
    return DateError{f.year_at, "there is no year 0",
                     "1 BCE is written -1 and is followed by 1 CE"};
  if (year > kMaxYear || year < -kMaxYear) {
    const std::string digits(text.substr(f.year.begin, f.year.size()));
    return DateError{f.year_at,
                     "year " + std::string(f.bce ? "-" : "") + digits + " is out of range",
                     "years run from -999999 (999999 BCE) to 999999"};
  }
  return std::nullopt;
}

std::optional<DateError> check_day(const Fields& f, int year, int month, int day) {
  const int length = days_in_month(year, month);
  if (day >= 1 && day <= length) return std::nullopt;
  const std::string len = std::to_string(length);
  if (day < 1)
    return DateError{f.day.begin, "day " + std::to_string(day) + " is out of range (1–" + len + ")",
                     ""};
  return DateError{f.day.begin,
                   month_name(month) + " " + english_year(year) + " has " + len + " days, not " +
                       std::to_string(day),
                   ""};
}

DateResult validate(std::string_view text, const Fields& f) {
  const int magnitude = number(text, f.year);
  const int year = f.bce ? -magnitude : magnitude;
  if (auto e = check_year(text, f, year)) return *e;
  if (f.month.empty()) return Date{year, 1, 1, Precision::Year};
  const int month = f.month_value > 0 ? f.month_value : number(text, f.month);
  if (month < 1 || month > 12)
    return DateError{f.month.begin, "month " + std::to_string(month) + " is out of range (1–12)",
                     ""};
  if (f.day.empty()) return Date{year, month, 1, Precision::Month};
  const int day = number(text, f.day);
  if (auto e = check_day(f, year, month, day)) return *e;
  return Date{year, month, day, Precision::Day};
}

}  // namespace

DateResult parse_date(std::string_view text) {
  const Span all = trimmed(text);
  const std::string_view body = text.substr(all.begin, all.size());
  std::optional<Fields> fields;
  if (looks_korean(body)) {
    fields = read_korean(text, all);
  } else {
    fields = read_iso(text, all);
    if (!fields) fields = read_separated(text, all);
    if (!fields) fields = read_english(text, all);
  }
  if (!fields && day_month_year(body)) {
    const std::string quoted = utf8::escape_for_terminal(body);
    return DateError{all.begin, "\"" + quoted + "\" could be day/month/year or month/day/year",
                     "write the year first, as 2023-10-05 (5 October) or 2023-05-10 (10 May)"};
  }
  if (!fields) return unreadable(text, all);
  return validate(text, *fields);
}

std::pair<std::string_view, bool> strip_qualifier(std::string_view text) {
  const Span all = trimmed(text);
  if (all.empty()) return {text, false};
  const char last = text[all.end - 1];
  if (last != '?' && last != '~' && last != '%') return {text, false};
  return {text.substr(0, all.end - 1), true};
}

// ---------------------------------------------------------------------------------------------
// Formatting.

std::string_view month_abbreviation(int month) {
  static constexpr std::array<std::string_view, 12> names = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return month >= 1 && month <= 12 ? names[month - 1] : std::string_view{};
}

namespace {

// Appends one number. Dates are formatted for every event of a dense timeline, several times
// over: appends into one string, not a concatenation of temporaries.
void append_number(std::string& out, std::int64_t n) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
  out.append(digits, end);
}

void append_year(std::string& out, int year, Locale locale) {
  const bool bce = year < 0;
  const std::int64_t n = bce ? -static_cast<std::int64_t>(year) : year;
  switch (locale) {
    case Locale::Ko:
      if (bce) out += "기원전 ";
      append_number(out, n);
      out += "년";
      return;
    case Locale::En:
      append_number(out, n);
      if (bce) out += " BCE";
      return;
    case Locale::Ja:
      if (bce) out += "紀元前";
      append_number(out, n);
      out += "年";
      return;
    case Locale::Zh:
      if (bce) out += "公元前";
      append_number(out, n);
      out += "年";
      return;
  }
  append_number(out, n);
}

std::string english_date(const Date& d) {
  std::string out;
  if (d.precision != Precision::Year) {
    out += month_abbreviation(d.month);
    out += ' ';
  }
  if (d.precision == Precision::Day) {
    append_number(out, d.day);
    out += ", ";
  }
  append_year(out, d.year, Locale::En);
  return out;
}

// ko puts a space between parts ("2024년 6월 27일"); ja and zh run them together.
std::string cjk_date(const Date& d, Locale locale) {
  const bool ko = locale == Locale::Ko;
  std::string out;
  append_year(out, d.year, locale);
  if (d.precision == Precision::Year) return out;
  if (ko) out += ' ';
  append_number(out, d.month);
  out += ko ? "월" : "月";
  if (d.precision == Precision::Month) return out;
  if (ko) out += ' ';
  append_number(out, d.day);
  out += ko ? "일" : "日";
  return out;
}

}  // namespace

std::string format_date(const Date& d, Locale locale) {
  return locale == Locale::En ? english_date(d) : cjk_date(d, locale);
}

}  // namespace factline::calendar
