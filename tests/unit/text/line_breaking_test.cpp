// The pieces of Korean word-unit line breaking (text/line_breaking.hpp).
#include "text/line_breaking.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "unit/text/fixture.hpp"

using namespace factline;
using namespace factline::text;
using namespace factline::text::testing;
using detail::Token;

namespace {

std::string token_texts(std::string_view text) {
  std::string out;
  for (const Token& t : detail::split_tokens(text))
    out += (out.empty() ? "" : "|") + std::string(text.substr(t.begin, t.end - t.begin)) +
           (t.has_hangul ? "+" : "");
  return out;
}

}  // namespace

TEST_CASE("tokens are whitespace-delimited and know whether they hold Hangul") {
  CHECK(token_texts("미국, 저사양 AI 반도체(ASIC)에서") == "미국,+|저사양+|AI|반도체(ASIC)에서+");
  CHECK(token_texts("  5㎚\tAI\n華為\u3000칩\u200B칩 ") == "5㎚|AI|華為|칩+|칩+");
  // A no-break space joins, it does not separate.
  CHECK(token_texts("삼성\u00A0전자 SK") == "삼성\u00A0전자+|SK");
  CHECK(token_texts("") == "");
  CHECK(token_texts("   ") == "");
  const auto tokens = detail::split_tokens("AI 반도체");
  REQUIRE(tokens.size() == 2);
  CHECK(tokens[1].begin == 3);
  CHECK(tokens[1].end == 12);
}

TEST_CASE("token widths match each token measured alone, fallback-font characters included") {
  // 中 comes from a fallback font with its own ascent: its y differs from its neighbours'.
  const std::string text = "‘반도체 굴기’ 中, 7나노 칩";
  const ShapedTextPtr unwrapped = shape(text, 0);
  const auto tokens = detail::split_tokens(text);
  const auto widths = detail::token_widths(unwrapped->layout(), tokens);
  REQUIRE(widths.size() == tokens.size());
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const std::string token = text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin);
    CAPTURE(token);
    // Alone, a token may be shaped a hair differently at its edges (here 中, by 0.02 px).
    CHECK(std::abs(widths[k] / double(PANGO_SCALE) - width_of(token)) < 0.1);
  }
}

TEST_CASE("a word wider than the box gets a mandatory break before it, at the same byte offset") {
  auto rewrite = [](std::string_view text, std::vector<bool> overlong) {
    const std::string out =
        detail::break_before_overlong(text, detail::split_tokens(text), overlong);
    CHECK(out.size() == text.size());
    return out;
  };
  CHECK(rewrite("AI 초고대역폭메모리 칩", {false, true, false}) == "AI\n초고대역폭메모리 칩");
  CHECK(rewrite("AI  초고대역폭메모리", {false, true}) == "AI \n초고대역폭메모리");
  CHECK(rewrite("AI\t초고대역폭메모리", {false, true}) == "AI\n초고대역폭메모리");
  CHECK(rewrite("AI\u3000초고대역폭메모리", {false, true}) == "AI\u2028초고대역폭메모리");
  // Nothing to do where a line starts anyway.
  CHECK(rewrite("  초고대역폭메모리 칩", {true, false}) == "  초고대역폭메모리 칩");
  CHECK(rewrite("AI\n초고대역폭메모리", {false, true}) == "AI\n초고대역폭메모리");
  CHECK(rewrite("AI \n 초고대역폭메모리", {false, true}) == "AI \n 초고대역폭메모리");
}
