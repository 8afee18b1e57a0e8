#pragma once
// Shared set-up for the text-stage tests: the bundled Pretendard loaded once per test binary
// (font loading is the slow part) and helpers that measure with that same shaper, so that box
// widths come from measured text, never from pixel numbers tied to one font version.
#include <doctest/doctest.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.hpp"
#include "text/font_library.hpp"
#include "text/text_shaper.hpp"

namespace factline::text::testing {

inline const FontLibrary& fonts() {
  static const FontLibrary library({std::string(FACTLINE_SOURCE_DIR) + "/fonts"});
  return library;
}

inline const TextShaper& shaper() {
  static const TextShaper instance(fonts());
  return instance;
}

inline TextStyle style() { return TextStyle{}; }  // Pretendard 16px, Korean

using Lines = std::vector<std::string>;

// "line one | line two": lines as the design notes write them, and readable in failure messages.
inline std::string joined(const Lines& lines) {
  std::string s;
  for (std::size_t i = 0; i < lines.size(); ++i) s += (i ? " | " : "") + lines[i];
  return s;
}

inline std::string names(const std::vector<char32_t>& cps) {
  std::string s;
  for (std::size_t i = 0; i < cps.size(); ++i) s += (i ? " " : "") + utf8::codepoint_name(cps[i]);
  return s;
}

inline ShapedTextPtr shape(std::string_view text, double box, Wrap mode = Wrap::Greedy) {
  return shaper().shape(text, style(), box, mode);
}

inline Lines lines_of(std::string_view text, double box, Wrap mode = Wrap::Greedy) {
  return shape(text, box, mode)->lines();
}

// The wrapped lines, joined with " | ".
inline std::string wrap(std::string_view text, double box, Wrap mode = Wrap::Greedy) {
  return joined(lines_of(text, box, mode));
}

// Unwrapped logical width of text, px.
inline double width_of(std::string_view text) { return shape(text, 0)->width(); }

// A box width between the widest text that must fit on a line and the narrowest text that must
// not: the midpoint, so sub-pixel differences between measuring and wrapping do not matter.
inline double box_between(std::initializer_list<std::string_view> must_fit,
                          std::initializer_list<std::string_view> must_overflow) {
  double lo = 0, hi = 1e9;
  for (auto s : must_fit) lo = std::max(lo, width_of(s));
  for (auto s : must_overflow) hi = std::min(hi, width_of(s));
  INFO("widest text that must fit: ", lo, " px; narrowest that must not: ", hi, " px");
  REQUIRE(lo + 1 < hi);
  return (lo + hi) / 2;
}

// Logical width of each laid-out line, px.
inline std::vector<double> line_widths(const ShapedText& t) {
  std::vector<double> out;
  const int n = pango_layout_get_line_count(t.layout());
  for (int i = 0; i < n; ++i) {
    PangoRectangle logical;
    pango_layout_line_get_extents(pango_layout_get_line_readonly(t.layout(), i), nullptr,
                                  &logical);
    out.push_back(static_cast<double>(logical.width) / PANGO_SCALE);
  }
  return out;
}

// Byte offset where each laid-out line starts.
inline std::vector<int> line_starts(const ShapedText& t) {
  std::vector<int> out;
  for (GSList* l = pango_layout_get_lines_readonly(t.layout()); l; l = l->next)
    out.push_back(static_cast<PangoLayoutLine*>(l->data)->start_index);
  return out;
}

// What plain Pango makes of the label: the same context, font and width, default UAX #14 line
// breaking (no word attributes), PANGO_WRAP_WORD_CHAR.
inline std::string plain_pango_wrap(std::string_view text, double box) {
  const ShapedTextPtr reference = shape(text, 0);
  PangoLayout* layout = pango_layout_copy(reference->layout());
  PangoAttrList* attrs = pango_attr_list_new();
  pango_attr_list_insert(attrs, pango_attr_language_new(pango_language_from_string("ko")));
  pango_attr_list_insert(attrs, pango_attr_insert_hyphens_new(FALSE));
  pango_layout_set_attributes(layout, attrs);
  pango_attr_list_unref(attrs);
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width(layout, static_cast<int>(box * PANGO_SCALE));
  Lines lines;
  const std::string_view all = pango_layout_get_text(layout);
  for (GSList* l = pango_layout_get_lines_readonly(layout); l; l = l->next) {
    const auto* line = static_cast<PangoLayoutLine*>(l->data);
    std::string s(all.substr(line->start_index, line->length));
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.pop_back();
    lines.push_back(s);
  }
  g_object_unref(layout);
  return joined(lines);
}

inline bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x3000;
}

// Text with its whitespace removed.
inline std::string without_whitespace(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    if (!is_space(utf8::next(s, i))) out.append(s.substr(at, i - at));
  }
  return out;
}

inline std::u32string decode(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) out.push_back(utf8::next(s, i));
  return out;
}

}  // namespace factline::text::testing
