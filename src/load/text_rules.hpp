#pragma once
// What text may hold, checked on every string after YAML's escapes are decoded (a fact file's
// text fields, a template's, the CSV cells that become labels): valid UTF-8; no control
// characters (C0, DEL, C1) but line breaks and tabs in text of several lines; no noncharacters
// (U+FFFE, U+FFFF and their kin, U+FDD0–U+FDEF); no bidirectional embeddings, overrides or
// isolates (U+202A–U+202E, U+2066–U+2069). docs/security.md gives the reasons.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace factline::load {

enum class TextKind {
  Line,   // one line: a label, a name, a path (no line break, no tab)
  Lines,  // may break lines: titles, an event's text, the note ("\n", U+2028, U+2029, tab)
};

struct TextProblem {
  std::size_t offset = 0;  // byte offset of the character in the text
  std::string message;     // what is wrong, naming the code point ("control character U+001B")
  std::string hint;
};

// The first character `text` may not hold, if any; `what` names the field in the message
// ("\"title\"").
std::optional<TextProblem> check_text(std::string_view text, TextKind kind, std::string_view what);

// True when the text would show nothing: only spaces, line breaks and characters that draw no
// ink (zero-width spaces and joiners, no-break spaces, Hangul fillers, variation selectors …).
bool looks_empty(std::string_view text);
// The first code point of a text that looks empty and is not a space, tab or line break
// (U+200B), for naming it; 0 when there is none.
char32_t first_invisible(std::string_view text);


}  // namespace factline::load
