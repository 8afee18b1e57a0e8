#include "load/text_rules.hpp"

#include <string>

#include "core/utf8.hpp"
#include "load/grapheme.hpp"

namespace factline::load {
namespace {

bool is_line_break(char32_t c) { return c == '\n' || c == 0x2028 || c == 0x2029; }

bool is_control(char32_t c) { return c < 0x20 || (c >= 0x7F && c < 0xA0); }

// U+FDD0–U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF, U+1FFFE, …).
bool is_noncharacter(char32_t c) { return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE; }

bool is_bidi_control(char32_t c) { return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069); }

// Characters that draw no ink: Unicode's White_Space (but U+1680 OGHAM SPACE MARK, which is a
// visible stroke) and Default_Ignorable_Code_Point, and U+2800 BRAILLE PATTERN BLANK.
bool is_invisible(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0xAD || c == 0x34F ||
         c == 0x61C || c == 0x115F || c == 0x1160 || c == 0x17B4 || c == 0x17B5 || (c >= 0x180B && c <= 0x180F) ||
         (c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) || (c >= 0x205F && c <= 0x206F) ||
         c == 0x2800 || c == 0x3000 || c == 0x3164 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF || c == 0xFFA0 ||
         (c >= 0xFFF0 && c <= 0xFFF8) || (c >= 0x1BCA0 && c <= 0x1BCA3) || (c >= 0x1D173 && c <= 0x1D17A) ||
         (c >= 0xE0000 && c <= 0xE0FFF);
}

}  // namespace

std::optional<TextProblem> check_text(std::string_view text, TextKind kind, std::string_view what) {
  const bool lines = kind == TextKind::Lines;
  std::size_t cluster = 0, cluster_at = 0;  // code points in the current grapheme cluster, where it starts
  bool joined = false;                      // the last code point was a zero-width joiner
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t at = i;
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x20 && byte < 0x7F) {  // printable ASCII, the common case
      ++i;
      cluster = 1;
      cluster_at = at;
      joined = false;
      continue;
    }
    const char32_t c = utf8::next(text, i);
    // A Hangul syllable or a CJK ideograph, most of a Korean text: a cluster of its own (neither
    // is a mark) and none of the problems below, known without searching the mark table.
    if (!joined && ((c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x4E00 && c <= 0x9FFF))) {
      cluster = 1;
      cluster_at = at;
      continue;
    }
    if (joined || extends_cluster(c)) {
      if (++cluster > max_cluster_code_points)
        return TextProblem{cluster_at,
                           "a character with more than " + std::to_string(max_cluster_code_points - 1) +
                               " combining marks in " + std::string(what),
                           "remove the marks: no script stacks that many on one letter"};
    } else {
      cluster = 1;
      cluster_at = at;
    }
    joined = c == 0x200D;
    const bool invalid = c == 0xFFFD && text.substr(at, 3) != "\xEF\xBF\xBD";
    const bool allowed_break = lines && (is_line_break(c) || c == '\t');
    if (!invalid && (allowed_break || !(is_line_break(c) || is_control(c) || is_noncharacter(c) || is_bidi_control(c))))
      continue;
    const std::string in = " in " + std::string(what), name = utf8::codepoint_name(c);
    if (invalid) return TextProblem{at, "invalid UTF-8" + in, "text must be UTF-8"};
    if (is_line_break(c))
      return TextProblem{at, "line break" + in, std::string(what) + " is one line; remove the line break"};
    if (c == '\t') return TextProblem{at, "tab" + in, std::string(what) + " is one line of text; write a space"};
    if (is_control(c))
      return TextProblem{at, "control character " + name + in,
                         std::string(lines ? "remove it: text may break lines (\\n) but holds no other control "
                                             "characters"
                                           : "remove it: text holds no control characters") +
                             " (a YAML escape such as \\e, \\0 or \\x04 writes one)"};
    if (is_noncharacter(c))
      return TextProblem{at, "noncharacter " + name + in,
                         "remove it; U+FFFE, U+FFFF (and their kin in every plane) and U+FDD0–U+FDEF are not "
                         "characters and cannot be drawn or stored in SVG"};
    return TextProblem{at, "bidirectional control " + name + in,
                       "remove it; right-to-left text is ordered by the Unicode bidi algorithm, and an override or "
                       "isolate can make text read differently from how it is stored"};
  }
  return std::nullopt;
}

bool looks_empty(std::string_view text) {
  for (std::size_t i = 0; i < text.size();)
    if (!is_invisible(utf8::next(text, i))) return false;
  return true;
}

char32_t first_invisible(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = utf8::next(text, i);
    if (c != ' ' && c != '\t' && !is_line_break(c) && is_invisible(c)) return c;
  }
  return 0;
}

}  // namespace factline::load
