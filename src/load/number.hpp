#pragma once
// The load stage's one number reader, for every number in a fact file, a template or a CSV file.
// Two spellings:
// - Plain (page sizes, template values, decimals): an optional "-", digits with an optional
//   decimal point (".5" and "5." too), an optional exponent ("1e3", "2.5E-3"); spaces, tabs and
//   line breaks around it are ignored.
// - Data (chart values, in CSV cells and inline rows): Plain, and also a leading "+" or U+2212
//   MINUS SIGN, and thousands separators in their exact form ("1,234,567", which a CSV file can
//   only hold quoted, as spreadsheets write it); a comma anywhere else ("1,2,3", "1,23") makes
//   it not a number, since it may be a decimal comma or a list. Spaces and tabs around it are
//   ignored (libcsv's rule for cells).
// Neither takes "inf", "nan", hex, units or percent signs. A value beyond the range of a double
// (about ±1.7e308), or too small to be told from 0, is out of range.
#include <optional>
#include <string_view>

namespace factline::load {

enum class NumberSyntax { Plain, Data };

struct NumberParse {
  enum class Problem { None, Blank, NotANumber, OutOfRange };
  double value = 0;
  Problem problem = Problem::None;
};

NumberParse parse_number(std::string_view text, NumberSyntax syntax);

// The value, or nothing when the text is not a number (blank and out of range included).
std::optional<double> read_number(std::string_view text, NumberSyntax syntax = NumberSyntax::Plain);

}  // namespace factline::load
