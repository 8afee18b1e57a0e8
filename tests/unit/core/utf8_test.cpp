#include "core/utf8.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

namespace utf8 = factline::utf8;

namespace {

// first_invalid as it was written before its ASCII fast path: every code point decoded, a
// U+FFFD that is not the literal character is the first malformed byte.
std::size_t first_invalid_by_code_points(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    const bool literal_fffd = s.substr(i, 3) == "\xEF\xBF\xBD";
    if (utf8::next(s, i) == 0xFFFD && !literal_fffd) return at;
  }
  return std::string_view::npos;
}

}  // namespace

TEST_CASE("utf8::next decodes well-formed sequences and takes a malformed one a byte at a time") {
  struct Case {
    std::string text;
    char32_t code_point;
    std::size_t advance;
  };
  const std::vector<Case> cases = {
      {"a", U'a', 1},
      {"\x7F", 0x7F, 1},
      {"é", 0xE9, 2},
      {"한", 0xD55C, 3},
      {"\xEF\xBF\xBD", 0xFFFD, 3},           // the replacement character itself
      {"😀", 0x1F600, 4},
      {"\xC0\xAF", 0xFFFD, 1},               // overlong "/"
      {"\xE0\x80\xAF", 0xFFFD, 1},           // overlong, three bytes
      {"\xED\xA0\x80", 0xFFFD, 1},           // a surrogate
      {"\xF4\x90\x80\x80", 0xFFFD, 1},       // beyond U+10FFFF
      {"\xE1\x84", 0xFFFD, 1},               // cut short by the end
      {"\xE1\x41\x41", 0xFFFD, 1},           // cut short by ASCII
      {"\x80", 0xFFFD, 1},                   // a lone continuation byte
      {"\xFF", 0xFFFD, 1},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    std::size_t i = 0;
    CHECK(utf8::next(c.text, i) == c.code_point);
    CHECK(i == c.advance);
  }
}

TEST_CASE("utf8::first_invalid finds the byte decoding code point by code point finds") {
  const std::vector<std::string> fixed = {
      "",
      "plain ASCII, \r\n and \t",
      "한글과 ASCII가 섞인 글, \"따옴표\"",
      "\xEF\xBF\xBD literal replacement character",
      "ok \xC0\xAF overlong",
      "한\xED\xA0\x80 surrogate",
      "cut at the end \xE1\x84",
      "\x80 leading continuation",
      "한글\xE1\x41 then ASCII",
      "😀\xF4\x90\x80\x80",
  };
  for (const std::string& s : fixed) {
    INFO(s);
    CHECK(utf8::first_invalid(s) == first_invalid_by_code_points(s));
  }
  CHECK(utf8::first_invalid("ok \xC0\xAF") == 3);
  CHECK(utf8::first_invalid("\xEF\xBF\xBD") == std::string_view::npos);

  // Random strings of ASCII, whole and broken multibyte sequences and stray bytes.
  const std::vector<std::string> pieces = {"a", ",", "\n", "\r", "é", "한", "😀", "\xEF\xBF\xBD", "\x80", "\xBF",
                                           "\xC2", "\xE1\x84", "\xED\xA0", "\xF0\x9F", "\xF4\x90", "\xFF", "\xC0"};
  std::mt19937 rng(7);
  for (int round = 0; round < 5000; ++round) {
    std::string s;
    for (int k = static_cast<int>(rng() % 12); k > 0; --k) s += pieces[rng() % pieces.size()];
    INFO(s);
    CHECK(utf8::first_invalid(s) == first_invalid_by_code_points(s));
  }
}
