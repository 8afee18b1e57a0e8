// The one number reader: its two spellings, Plain (fact-file and template values) and Data
// (chart values in CSV cells and inline rows).
#include "load/number.hpp"

#include <doctest/doctest.h>

using factline::load::NumberParse;
using factline::load::NumberSyntax;
using factline::load::parse_number;
using factline::load::read_number;

TEST_CASE("data numbers read signs, decimals, exponents and exact thousands groups") {
  const auto data = [](const char* s) { return read_number(s, NumberSyntax::Data); };
  CHECK(data("12") == 12.0);
  CHECK(data("-3.5e2") == -350.0);
  CHECK(data("+7") == 7.0);
  CHECK(data("\u22125") == -5.0);
  CHECK(data(".5") == 0.5);
  CHECK(data("5.") == 5.0);
  CHECK(data(" 12 ") == 12.0);
  CHECK(data("2.5E-3") == 0.0025);
  CHECK(data("1,234,567") == 1234567.0);
  CHECK(data("-1,234.5") == -1234.5);
  CHECK(data("0.1") == 0.1);
}

TEST_CASE("data numbers reject anything else") {
  for (const char* bad : {"n/a", "1,2,3", "1,23", "12abc", "1,2345", ",123", "12%", "$5", "inf", "NaN",
                          "0x10", "1e", "e5", ".", "-", "+-1", "1 234", "1.2.3", "--1", "", "12\n"})
    CHECK_MESSAGE(!read_number(bad, NumberSyntax::Data).has_value(), bad);
}

TEST_CASE("plain numbers are data numbers without the plus, the minus sign and thousands groups") {
  CHECK(read_number("1200") == 1200.0);
  CHECK(read_number(" -4.5e1\n") == -45.0);
  CHECK(read_number(".5") == 0.5);
  for (const char* bad : {"+7", "\u22125", "1,234", "1200px", "inf", "nan", "infinity", "0x10", "1e", ""})
    CHECK_MESSAGE(!read_number(bad).has_value(), bad);
}

TEST_CASE("blank text, and numbers beyond a double, are told apart from other mistakes") {
  CHECK(parse_number(" \t", NumberSyntax::Data).problem == NumberParse::Problem::Blank);
  CHECK(parse_number("", NumberSyntax::Plain).problem == NumberParse::Problem::Blank);
  CHECK(parse_number("1e400", NumberSyntax::Data).problem == NumberParse::Problem::OutOfRange);
  CHECK(parse_number("-1e400", NumberSyntax::Plain).problem == NumberParse::Problem::OutOfRange);
  CHECK(parse_number("1e-400", NumberSyntax::Plain).problem == NumberParse::Problem::OutOfRange);
  CHECK(parse_number("1e", NumberSyntax::Plain).problem == NumberParse::Problem::NotANumber);
}
