#include "text/line_breaking.hpp"

#include <pango/pango.h>

#include <algorithm>
#include <climits>
#include <cstdlib>

#include "core/utf8.hpp"

namespace factline::text::detail {
namespace {

bool is_separator(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x3000 || cp == 0x2028 ||
         cp == 0x2029 || cp == 0x200B;
}

bool is_mandatory_break(char32_t cp) {
  return cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029;
}

// Closing punctuation: may not start a line (UAX #14 CL, CP, EX, IS, NS, IN; final quotes;
// the middle dot, which UAX #14 lets a line start with after an ideograph or Hangul).
bool is_closing(char32_t cp) {
  switch (g_unichar_break_type(cp)) {
    case G_UNICODE_BREAK_CLOSE_PUNCTUATION:
    case G_UNICODE_BREAK_CLOSE_PARANTHESIS:
    case G_UNICODE_BREAK_EXCLAMATION:
    case G_UNICODE_BREAK_INFIX_SEPARATOR:
    case G_UNICODE_BREAK_NON_STARTER:
    case G_UNICODE_BREAK_INSEPARABLE:
      return true;
    default:
      break;
  }
  const GUnicodeType type = g_unichar_type(cp);
  return type == G_UNICODE_CLOSE_PUNCTUATION || type == G_UNICODE_FINAL_PUNCTUATION ||
         cp == 0x00B7;
}

// Opening punctuation: may not end a line (UAX #14 OP; initial quotes).
bool is_opening(char32_t cp) {
  if (g_unichar_break_type(cp) == G_UNICODE_BREAK_OPEN_PUNCTUATION) return true;
  const GUnicodeType type = g_unichar_type(cp);
  return type == G_UNICODE_OPEN_PUNCTUATION || type == G_UNICODE_INITIAL_PUNCTUATION;
}

// Break opportunities and pen positions of an unwrapped layout, per character.
struct BreakMap {
  std::vector<int> x;           // x[k]: pen position before character k; x[n]: total width
  std::vector<bool> can_break;  // can_break[k]: a line may start at character k
  std::vector<bool> white;      // white[k]: character k is whitespace
};

BreakMap break_map(PangoLayout* layout) {
  int n_attrs = 0;
  const PangoLogAttr* attrs = pango_layout_get_log_attrs_readonly(layout, &n_attrs);
  const std::vector<int> widths = char_widths(layout);
  BreakMap m;
  int x = 0;
  for (int k = 0; k + 1 < n_attrs; ++k) {
    m.x.push_back(x);
    m.can_break.push_back(attrs[k].is_line_break);
    m.white.push_back(attrs[k].is_white);
    if (static_cast<std::size_t>(k) < widths.size()) x += widths[static_cast<std::size_t>(k)];
  }
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  m.x.push_back(logical.width);
  return m;
}

// Lines greedy filling needs at width w, or INT_MAX when some segment does not fit.
int greedy_lines(const BreakMap& m, int w) {
  const int n = static_cast<int>(m.can_break.size());
  int lines = 0;
  for (int start = 0; start < n;) {
    ++lines;
    int best = -1;
    for (int b = start + 1; b <= n; ++b) {
      if (b < n && !m.can_break[b]) continue;
      int e = b;  // trailing spaces hang past the line's end, as in Pango
      while (e > start && m.white[e - 1]) --e;
      if (m.x[e] - m.x[start] > w) break;
      best = b;
    }
    if (best < 0) return INT_MAX;
    start = best;
  }
  return lines;
}

}  // namespace

std::vector<Token> split_tokens(std::string_view text) {
  std::vector<Token> tokens;
  Token cur;
  bool in_token = false;
  for (std::size_t i = 0; i < text.size();) {
    const auto at = static_cast<unsigned>(i);
    const char32_t cp = utf8::next(text, i);
    if (is_separator(cp)) {
      if (in_token) tokens.push_back(cur);
      in_token = false;
      continue;
    }
    if (!in_token) cur = Token{at, at, false};
    in_token = true;
    cur.end = static_cast<unsigned>(i);
    cur.has_hangul = cur.has_hangul || utf8::is_hangul(cp);
  }
  if (in_token) tokens.push_back(cur);
  return tokens;
}

void add_word_attributes(PangoAttrList* attrs, const std::vector<Token>& tokens,
                         const std::vector<bool>& overlong) {
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    if (!tokens[t].has_hangul || (t < overlong.size() && overlong[t])) continue;
    PangoAttribute* a = pango_attr_word_new();
    a->start_index = tokens[t].begin;
    a->end_index = tokens[t].end;
    pango_attr_list_insert(attrs, a);
  }
}

void add_punctuation_rules(PangoAttrList* attrs, std::string_view text,
                           const std::vector<Token>& tokens) {
  for (const Token& token : tokens) {
    std::size_t i = token.begin;
    std::size_t prev_begin = i;
    char32_t prev = utf8::next(text, i);
    while (i < token.end) {
      const std::size_t begin = i;
      const char32_t cp = utf8::next(text, i);
      if (is_opening(prev) || is_closing(cp)) {
        // allow_breaks=false clears the break opportunities strictly inside its range: here
        // the one between prev and cp.
        PangoAttribute* a = pango_attr_allow_breaks_new(FALSE);
        a->start_index = static_cast<unsigned>(prev_begin);
        a->end_index = static_cast<unsigned>(i);
        pango_attr_list_insert(attrs, a);
      }
      prev = cp;
      prev_begin = begin;
    }
  }
}

std::string break_before_overlong(std::string_view text, const std::vector<Token>& tokens,
                                  const std::vector<bool>& overlong) {
  std::string out(text);
  for (std::size_t t = 1; t < tokens.size() && t < overlong.size(); ++t) {
    if (!overlong[t]) continue;
    // The separators between the previous token and this one; the last one becomes the break.
    std::size_t last = std::string_view::npos;
    bool already_breaks = false;
    for (std::size_t i = tokens[t - 1].end; i < tokens[t].begin;) {
      last = i;
      if (is_mandatory_break(utf8::next(text, i))) already_breaks = true;
    }
    if (already_breaks || last == std::string_view::npos) continue;
    if (out[last] == ' ' || out[last] == '\t')
      out[last] = '\n';
    else if (tokens[t].begin - last == 3)  // U+3000 or U+200B
      out.replace(last, 3, "\xE2\x80\xA8");
  }
  return out;
}

std::vector<int> char_widths(PangoLayout* layout) {
  // One pass over the runs (Pango's per-character logical widths), where asking Pango for each
  // character's position would walk the layout again for every character.
  const char* text = pango_layout_get_text(layout);
  std::vector<int> widths(static_cast<std::size_t>(g_utf8_strlen(text, -1)), 0);
  const char* at = text;  // byte position of char_at, moving forward with the runs
  long char_at = 0;
  PangoLayoutIter* it = pango_layout_get_iter(layout);
  do {
    PangoGlyphItem* run = pango_layout_iter_get_run(it);
    if (!run) continue;
    const char* start = text + run->item->offset;
    char_at += start >= at ? g_utf8_pointer_to_offset(at, start) : -g_utf8_pointer_to_offset(start, at);
    at = start;
    if (char_at < 0 || char_at + run->item->num_chars > static_cast<long>(widths.size())) continue;
    pango_glyph_item_get_logical_widths(run, text, widths.data() + char_at);
  } while (pango_layout_iter_next_run(it));
  pango_layout_iter_free(it);
  return widths;
}

std::vector<int> token_widths(PangoLayout* unwrapped, const std::vector<Token>& tokens) {
  // The sum of the token's characters' advances (the token lies on one line of the unwrapped
  // layout: tokens hold no separators).
  const std::vector<int> widths = char_widths(unwrapped);
  const std::string_view text = pango_layout_get_text(unwrapped);
  std::vector<int> out;
  std::size_t i = 0, k = 0;  // byte and character positions, moving forward
  for (const Token& t : tokens) {
    for (; i < t.begin; ++k) utf8::next(text, i);
    int w = 0;
    for (; i < t.end; ++k) {
      utf8::next(text, i);
      if (k < widths.size()) w += widths[k];
    }
    out.push_back(std::abs(w));
  }
  return out;
}

Balance balanced_width(PangoLayout* unwrapped, int max_width) {
  const BreakMap m = break_map(unwrapped);
  const int target = greedy_lines(m, max_width);
  if (target == INT_MAX || target <= 1) return {max_width, 0};
  int lo = 0, hi = max_width;  // greedy_lines(lo) > target, greedy_lines(hi) == target
  while (hi - lo > PANGO_SCALE / 4) {
    const int mid = lo + (hi - lo) / 2;
    (greedy_lines(m, mid) <= target ? hi : lo) = mid;
  }
  return {hi, target};
}

}  // namespace factline::text::detail
