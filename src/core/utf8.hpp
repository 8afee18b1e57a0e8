#pragma once
// Small UTF-8 helpers. Text in factline is UTF-8 std::string everywhere.
#include <cstddef>
#include <string>
#include <string_view>

namespace factline::utf8 {

// Decodes the code point at s[i] and advances i. Returns U+FFFD (and advances one byte)
// on a malformed sequence.
char32_t next(std::string_view s, std::size_t& i);
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
