#pragma once
// Small UTF-8 helpers. Text in factline is UTF-8 std::string everywhere.
#include <cstddef>
#include <string>
#include <string_view>

namespace factline::utf8 {

// Decodes the code point at s[i] and advances i. Returns U+FFFD (and advances one byte)
// on a malformed sequence. Inline: every reader of text calls it per character.
inline char32_t next(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  const std::size_t len = (b0 >> 5) == 6 ? 2 : (b0 >> 4) == 14 ? 3 : (b0 >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = b0 & (0x7Fu >> len);
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b >> 6) != 2) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3Fu);
  }
  constexpr char32_t min_for_len[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < min_for_len[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return 0xFFFD;
  }
  i += len;
  return cp;
}
// Byte offset of the first malformed sequence, or npos when s is valid UTF-8.
std::size_t first_invalid(std::string_view s);
void append(std::string& out, char32_t cp);
std::size_t count(std::string_view s);  // code points
// "U+AC00"
std::string codepoint_name(char32_t cp);
// Text made safe to quote in a terminal or CI log: control characters (C0, DEL, C1) and
// bidi overrides become \u{XX} escapes, so user text can never move the cursor, colour the
// log or start a fake log line.
std::string escape_for_terminal(std::string_view s);

bool is_hangul(char32_t cp);

}  // namespace factline::utf8
