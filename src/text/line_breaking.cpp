#include "text/line_breaking.hpp"

#include <pango/pango.h>

#include <algorithm>
#include <climits>

#include "core/utf8.hpp"

namespace factline::text::detail {
namespace {

bool is_separator(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x3000 || cp == 0x2028 ||
         cp == 0x2029 || cp == 0x200B;
}

// Break opportunities and pen positions of an unwrapped layout, per character.
struct BreakMap {
  std::vector<int> x;           // x[k]: pen position before character k; x[n]: total width
  std::vector<bool> can_break;  // can_break[k]: a line may start at character k
  std::vector<bool> white;      // white[k]: character k is whitespace
};

BreakMap break_map(PangoLayout* layout) {
  const char* text = pango_layout_get_text(layout);
  int n_attrs = 0;
  const PangoLogAttr* attrs = pango_layout_get_log_attrs_readonly(layout, &n_attrs);
  BreakMap m;
  const std::string_view s(text);
  std::size_t i = 0;
  for (int k = 0; k + 1 < n_attrs && i <= s.size(); ++k) {
    PangoRectangle pos;
    pango_layout_index_to_pos(layout, static_cast<int>(i), &pos);
    m.x.push_back(pos.width >= 0 ? pos.x : pos.x + pos.width);
    m.can_break.push_back(attrs[k].is_line_break);
    m.white.push_back(attrs[k].is_white);
    if (i < s.size()) utf8::next(s, i);
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

std::vector<int> token_widths(PangoLayout* unwrapped, const std::vector<Token>& tokens) {
  std::vector<int> widths;
  for (const Token& t : tokens) {
    PangoRectangle a, b;
    pango_layout_index_to_pos(unwrapped, static_cast<int>(t.begin), &a);
    pango_layout_index_to_pos(unwrapped, static_cast<int>(t.end), &b);
    if (b.y != a.y) {  // the token ends a paragraph: measure to that line's end
      PangoRectangle logical;
      pango_layout_get_extents(unwrapped, nullptr, &logical);
      b.x = logical.width;
    }
    widths.push_back(std::abs(b.x - a.x));
  }
  return widths;
}

int balanced_width(PangoLayout* unwrapped, int max_width) {
  const BreakMap m = break_map(unwrapped);
  const int target = greedy_lines(m, max_width);
  if (target == INT_MAX || target <= 1) return max_width;
  int lo = 0, hi = max_width;  // greedy_lines(lo) > target, greedy_lines(hi) == target
  while (hi - lo > PANGO_SCALE / 4) {
    const int mid = lo + (hi - lo) / 2;
    (greedy_lines(m, mid) <= target ? hi : lo) = mid;
  }
  return hi;
}

}  // namespace factline::text::detail
