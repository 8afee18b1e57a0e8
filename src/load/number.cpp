#include "load/number.hpp"

#include <charconv>
#include <cmath>
#include <string>
#include <system_error>

#include "load/trim.hpp"

namespace factline::load {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

NumberParse parse_number(std::string_view t, NumberSyntax syntax) {
  using Problem = NumberParse::Problem;
  const bool data = syntax == NumberSyntax::Data;
  t = trim(t, data ? " \t" : " \t\r\n");
  if (t.empty()) return {0, Problem::Blank};
  std::string clean;  // what from_chars reads: the sign as "-", no thousands separators
  if (data && t.starts_with("+")) {
    t.remove_prefix(1);
  } else if (t.starts_with("-")) {
    t.remove_prefix(1), clean += '-';
  } else if (data && t.starts_with("\u2212")) {
    t.remove_prefix(3), clean += '-';
  }
  std::size_t i = 0;
  // Integer digits, with commas only as exact thousands separators.
  std::size_t groups = 0, last_group = 0;
  while (i < t.size() && (is_digit(t[i]) || (data && t[i] == ','))) {
    if (t[i] == ',') {
      const std::size_t run = i - (groups == 0 ? 0 : last_group + 1);
      if ((groups == 0 && (run < 1 || run > 3)) || (groups > 0 && run != 3)) return {0, Problem::NotANumber};
      ++groups, last_group = i;
    } else {
      clean += t[i];
    }
    ++i;
  }
  if (groups > 0 && i - last_group - 1 != 3) return {0, Problem::NotANumber};
  bool digits = i > 0;
  if (i < t.size() && t[i] == '.') {
    clean += t[i++];
    const std::size_t f = i;
    while (i < t.size() && is_digit(t[i])) clean += t[i++];
    digits = digits || i > f;
  }
  if (!digits) return {0, Problem::NotANumber};
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    clean += t[i++];
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) clean += t[i++];
    const std::size_t e = i;
    while (i < t.size() && is_digit(t[i])) clean += t[i++];
    if (i == e) return {0, Problem::NotANumber};
  }
  if (i != t.size()) return {0, Problem::NotANumber};
  NumberParse r;
  const auto [ptr, ec] = std::from_chars(clean.data(), clean.data() + clean.size(), r.value);
  if (ec == std::errc::result_out_of_range || !std::isfinite(r.value)) r.problem = Problem::OutOfRange;
  else if (ec != std::errc{} || ptr != clean.data() + clean.size()) r.problem = Problem::NotANumber;
  return r;
}

std::optional<double> read_number(std::string_view text, NumberSyntax syntax) {
  const NumberParse r = parse_number(text, syntax);
  if (r.problem != NumberParse::Problem::None) return std::nullopt;
  return r.value;
}

}  // namespace factline::load
