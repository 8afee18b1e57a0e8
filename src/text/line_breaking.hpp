#pragma once
// Internal to the text stage: the pieces of Korean word-unit line breaking.
#include <string>
#include <string_view>
#include <vector>

typedef struct _PangoLayout PangoLayout;
typedef struct _PangoAttrList PangoAttrList;

namespace factline::text::detail {

struct Token {
  unsigned begin = 0, end = 0;  // byte offsets into the text
  bool has_hangul = false;
};

// Whitespace-delimited tokens (separators: space, tab, line breaks, U+3000; not NBSP).
std::vector<Token> split_tokens(std::string_view text);

// Marks each Hangul token as one word (PANGO_ATTR_WORD), so Pango breaks only at its edges,
// except tokens listed in `overlong`, which keep UAX #14 breaks so they can split inside
// while still honouring the closing/opening punctuation rules.
void add_word_attributes(PangoAttrList* attrs, const std::vector<Token>& tokens,
                         const std::vector<bool>& overlong);

// Geumchik (금칙) inside every token: no break before closing punctuation () 」 ’ ” , . · … and
// the like) or after opening punctuation (( 「 ‘ “), not even Pango's character fallback, as
// allow_breaks=false around each such position. UAX #14 forbids most of these already, but not
// a break before the middle dot after a CJK character (12㎚ | ·ASIC), and the character
// fallback for a token wider than the box ignores it all ((ASIC | )에서).
void add_punctuation_rules(PangoAttrList* attrs, std::string_view text,
                           const std::vector<Token>& tokens);

// The text with a mandatory break in place of the separator before each token listed in
// `overlong` that does not already start a paragraph: a word wider than the box starts a
// fresh line before it splits, as in CSS keep-all with overflow-wrap: anywhere. Replaces a
// space or tab by "\n" and U+3000 or U+200B by U+2028, so byte offsets do not change.
std::string break_before_overlong(std::string_view text, const std::vector<Token>& tokens,
                                  const std::vector<bool>& overlong);

// Logical width (Pango units) of each character of the layout's text, in one pass.
std::vector<int> char_widths(PangoLayout* layout);

// Widths (Pango units) of the tokens in an unwrapped layout of the text.
std::vector<int> token_widths(PangoLayout* unwrapped, const std::vector<Token>& tokens);

// The narrowest width (Pango units, <= max_width) at which greedy filling of the unwrapped
// layout's break opportunities gives the same number of lines as at max_width; and that number
// (0 when max_width is returned as is).
struct Balance {
  int width;
  int lines;
};
Balance balanced_width(PangoLayout* unwrapped, int max_width);

}  // namespace factline::text::detail
