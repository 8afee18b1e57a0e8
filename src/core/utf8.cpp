#include "core/utf8.hpp"

#include <algorithm>
#include <cstdio>

namespace factline::utf8 {

std::size_t first_invalid(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
      ++i;
      continue;
    }
    // Hangul and CJK: a lead byte E1–EC or EE–EF and two continuation bytes is always well
    // formed (no overlong, surrogate or out-of-range form starts so).
    if (i + 2 < s.size() && b0 >= 0xE1 && b0 <= 0xEF && b0 != 0xED &&
        (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80 && (static_cast<unsigned char>(s[i + 2]) & 0xC0) == 0x80) {
      i += 3;
      continue;
    }
    // next() takes a malformed sequence one byte at a time and a well-formed one (a literal
    // U+FFFD too) whole.
    const std::size_t at = i;
    next(s, i);
    if (i == at + 1) return at;
  }
  return std::string_view::npos;
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::size_t count(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++n) next(s, i);
  return n;
}

std::string codepoint_name(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

std::string escape_for_terminal(std::string_view s) {
  // Printable ASCII (every key name) needs no escape: copied without decoding.
  if (std::all_of(s.begin(), s.end(), [](char c) { return c >= 0x20 && c < 0x7F; })) return std::string(s);
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    const char32_t cp = next(s, i);
    const bool control = cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0);
    const bool bidi = (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    const bool bad = cp == 0xFFFD && s.substr(at, 3) != "\xEF\xBF\xBD";
    if (control || bidi || bad) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "\\u{%X}",
                    bad ? static_cast<unsigned>(static_cast<unsigned char>(s[at]))
                        : static_cast<unsigned>(cp));
      out += buf;
    } else {
      out.append(s.substr(at, i - at));
    }
  }
  return out;
}

bool is_hangul(char32_t cp) {
  return (cp >= 0xAC00 && cp <= 0xD7A3) ||  // syllables
         (cp >= 0x1100 && cp <= 0x11FF) ||  // jamo
         (cp >= 0x3130 && cp <= 0x318F) ||  // compatibility jamo
         (cp >= 0xA960 && cp <= 0xA97F) || (cp >= 0xD7B0 && cp <= 0xD7FF);
}

}  // namespace factline::utf8
