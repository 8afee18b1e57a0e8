#include "core/number_format.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string_view>

#include "core/utf8.hpp"

namespace factline {
namespace {

constexpr std::string_view kMinus = "\u2212";  // MINUS SIGN
constexpr int kMaxDecimals = 20;
constexpr int kAutoSignificant = 15;  // below a double's 15.95 digits: drops binary noise
constexpr int kCompactAutoDecimals = 1;

// A non-negative decimal: digits × 10^exp, digits without leading zeros ("0" for zero).
struct Dec {
  std::string digits = "0";
  int exp = 0;
};

bool is_zero(const Dec& d) { return d.digits.find_first_not_of('0') == std::string::npos; }

// The shortest decimal that reads back as |v| (what the data said, before binary rounding).
Dec shortest(double v) {
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, std::abs(v), std::chars_format::scientific);
  const std::string_view s(buf, static_cast<std::size_t>(r.ptr - buf));  // "1.2345e+12"
  const std::size_t e = s.find('e');
  Dec d;
  d.digits.clear();
  for (char c : s.substr(0, e))
    if (c != '.') d.digits += c;
  int exponent = 0;
  std::string_view ex = s.substr(e + 1);
  if (!ex.empty() && ex.front() == '+') ex.remove_prefix(1);
  std::from_chars(ex.data(), ex.data() + ex.size(), exponent);
  d.exp = exponent - static_cast<int>(d.digits.size() - 1);
  return d;
}

// "999" + 1 = "1000".
void increment(std::string& digits) {
  for (std::size_t i = digits.size(); i-- > 0;) {
    if (digits[i] != '9') {
      ++digits[i];
      return;
    }
    digits[i] = '0';
  }
  digits.insert(digits.begin(), '1');
}

// Rounded to a multiple of 10^at, halves away from zero (on the decimal digits, so 0.125
// rounds to 0.13 and 0.15 to 0.2, as a reader expects).
Dec round_at(const Dec& d, int at) {
  if (d.exp >= at) return d;
  const auto size = static_cast<long long>(d.digits.size());
  const long long drop = static_cast<long long>(at) - d.exp;
  if (drop > size) return {"0", at};
  std::string keep = d.digits.substr(0, static_cast<std::size_t>(size - drop));
  if (d.digits[static_cast<std::size_t>(size - drop)] >= '5') {
    if (keep.empty()) keep = "0";
    increment(keep);
  }
  if (keep.empty()) keep = "0";
  return {keep, at};
}

Dec round_significant(const Dec& d, int significant) {
  const int size = static_cast<int>(d.digits.size());
  return size > significant ? round_at(d, d.exp + size - significant) : d;
}

Dec strip_trailing_zeros(Dec d) {
  while (d.digits.size() > 1 && d.digits.back() == '0') d.digits.pop_back(), ++d.exp;
  return d;
}

// Decimals that the digits need to be shown whole, at most kMaxDecimals.
int decimals_needed(const Dec& d) {
  if (is_zero(d)) return 0;
  return std::clamp(-strip_trailing_zeros(d).exp, 0, kMaxDecimals);
}

struct Fixed {
  std::string integer;   // no leading zeros but "0"
  std::string fraction;  // exactly the requested decimals
};

Fixed to_fixed(const Dec& value, int decimals) {
  const Dec d = round_at(value, -decimals);
  Fixed f;
  if (d.exp >= 0) {
    f.integer = d.digits + std::string(static_cast<std::size_t>(d.exp), '0');
  } else {
    const auto p = static_cast<std::size_t>(-d.exp);
    std::string digits = d.digits;
    if (digits.size() <= p) digits.insert(0, p + 1 - digits.size(), '0');
    f.integer = digits.substr(0, digits.size() - p);
    f.fraction = digits.substr(digits.size() - p);
  }
  f.fraction.resize(static_cast<std::size_t>(decimals), '0');
  const std::size_t nz = f.integer.find_first_not_of('0');
  f.integer = nz == std::string::npos ? "0" : f.integer.substr(nz);
  return f;
}

bool all_zero(std::string_view s) { return s.find_first_not_of('0') == std::string_view::npos; }

void trim_fraction(Fixed& f) {
  while (!f.fraction.empty() && f.fraction.back() == '0') f.fraction.pop_back();
}

std::string grouped(std::string_view integer, bool grouping) {
  if (!grouping) return std::string(integer);
  std::string out;
  for (std::size_t i = 0; i < integer.size(); ++i) {
    if (i > 0 && (integer.size() - i) % 3 == 0) out += ',';
    out += integer[i];
  }
  return out;
}

std::string plain(const Fixed& f, bool grouping) {
  std::string out = grouped(f.integer, grouping);
  if (!f.fraction.empty()) out += "." + f.fraction;
  return out;
}

// The decimals a style asks for, for a value shown in units of 10^shift.
int decimals_for(const Dec& v, const NumberStyle& s, int shift, bool compact) {
  if (s.step > 0 && std::isfinite(s.step)) {
    Dec step = round_significant(shortest(s.step), kAutoSignificant);
    step.exp -= shift;
    return decimals_needed(step);
  }
  if (s.decimals != NumberStyle::auto_decimals) return std::clamp(s.decimals, 0, kMaxDecimals);
  if (compact) return kCompactAutoDecimals;
  Dec d = round_significant(v, kAutoSignificant);
  d.exp -= shift;
  return decimals_needed(d);
}

// Trailing zeros go when the decimals were not asked for digit by digit.
bool trims(const NumberStyle& s, bool compact) {
  const bool step = s.step > 0 && std::isfinite(s.step);
  if (compact) return step || s.decimals == NumberStyle::auto_decimals;
  return !step && s.decimals == NumberStyle::auto_decimals;
}

std::string off_form(const Dec& v, const NumberStyle& s) {
  Fixed f = to_fixed(v, decimals_for(v, s, 0, false));
  if (trims(s, false)) trim_fraction(f);
  return plain(f, s.grouping);
}

// "1만 2,000", "3억 5,000만", "1조 2,000억"; groups above 조 stay in 조 ("10,000조").
std::string full_form(const Dec& v, const NumberStyle& s) {
  Fixed f = to_fixed(v, decimals_for(v, s, 0, false));
  if (trims(s, false)) trim_fraction(f);
  const std::string& n = f.integer;
  auto group = [&](std::size_t from_right, bool top) -> std::string_view {
    // Digits [size − from_right − 4, size − from_right), or everything left of that for 조.
    if (n.size() <= from_right) return {};
    const std::size_t end = n.size() - from_right;
    const std::size_t begin = top || end < 4 ? 0 : end - 4;
    return std::string_view(n).substr(begin, end - begin);
  };
  std::string out;
  auto add = [&](std::string_view digits, std::string_view unit) {
    const std::size_t nz = digits.find_first_not_of('0');
    if (nz == std::string_view::npos) return;
    if (!out.empty()) out += ' ';
    out += grouped(digits.substr(nz), s.grouping);
    out += unit;
  };
  add(group(12, true), "조");
  add(group(8, false), "억");
  add(group(4, false), "만");
  const std::string_view ones = group(0, false);
  if (!out.empty() && all_zero(ones) && all_zero(f.fraction)) return out;  // "1만", not "1만 0.0"
  if (!out.empty()) out += ' ';
  const std::size_t nz = ones.find_first_not_of('0');
  out += nz == std::string_view::npos ? "0" : grouped(ones.substr(nz), s.grouping);
  if (!f.fraction.empty()) out += "." + f.fraction;
  return out;
}

// "1.2조", "3억", "5,000만": the largest unit the rounded value reaches.
std::string compact_form(const Dec& v, const NumberStyle& s) {
  const Dec sig = round_significant(v, kAutoSignificant);
  const int magnitude = is_zero(sig) ? 0 : sig.exp + static_cast<int>(sig.digits.size()) - 1;
  int shift = magnitude >= 12 ? 12 : magnitude >= 8 ? 8 : magnitude >= 4 ? 4 : 0;
  for (;;) {
    Dec scaled = v;
    scaled.exp -= shift;
    // Below 만 the number is shown as without units.
    Fixed f = to_fixed(scaled, decimals_for(v, s, shift, shift > 0));
    // 9,999.96만 rounds to 10,000만: that is 1억.
    if (f.integer.size() > 4 && shift < 12) {
      shift += 4;
      continue;
    }
    if (trims(s, shift > 0)) trim_fraction(f);
    const std::string_view unit = shift == 12 ? "조" : shift == 8 ? "억" : shift == 4 ? "만" : "";
    return plain(f, s.grouping) + std::string(unit);
  }
}

bool is_letter(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||  // Latin letters
         (c >= 0x370 && c <= 0x52F) ||                          // Greek (μ), Cyrillic
         utf8::is_hangul(c) || (c >= 0x3040 && c <= 0x30FF) ||  // kana
         (c >= 0x4E00 && c <= 0x9FFF);                          // Han
}

bool space_before(std::string_view unit, Locale locale, UnitSpace mode) {
  if (unit.empty() || mode == UnitSpace::None) return false;
  if (mode == UnitSpace::Space) return true;
  std::size_t i = 0;
  const char32_t first = utf8::next(unit, i);
  switch (locale) {
    case Locale::Ko: return utf8::is_hangul(first);
    case Locale::En: return is_letter(first);
    case Locale::Ja:
    case Locale::Zh: return false;
  }
  return false;
}

}  // namespace

int decimals_for_step(double step) {
  if (!(step > 0) || !std::isfinite(step)) return 0;
  return decimals_needed(round_significant(shortest(step), kAutoSignificant));
}

std::string format_number(double v, Locale locale, const NumberStyle& style) {
  std::string number;
  bool negative = std::signbit(v);
  if (std::isnan(v)) {
    number = "NaN", negative = false;
  } else if (std::isinf(v)) {
    number = "∞";
  } else {
    const Dec d = shortest(v);
    const bool korean = locale == Locale::Ko;
    if (korean && style.korean_units == KoreanUnits::Full)
      number = full_form(d, style);
    else if (korean && style.korean_units == KoreanUnits::Compact)
      number = compact_form(d, style);
    else
      number = off_form(d, style);
    // A value that rounds to zero has no sign: "0", never "−0".
    if (number.find_first_of("123456789") == std::string::npos) negative = false;
  }
  std::string out;
  if (negative) out += kMinus;
  out += number;
  if (!style.unit.empty()) {
    if (space_before(style.unit, locale, style.unit_space)) out += ' ';
    out += style.unit;
  }
  return out;
}

}  // namespace factline
