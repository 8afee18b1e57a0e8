#include "text/text_shaper.hpp"

#include <hb.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "core/utf8.hpp"
#include "text/line_breaking.hpp"

namespace factline::text {
namespace {

int to_units(double px) { return static_cast<int>(std::lround(px * PANGO_SCALE)); }
double to_px(int units) { return static_cast<double>(units) / PANGO_SCALE; }
Rect to_rect(const PangoRectangle& r) {
  return {to_px(r.x), to_px(r.y), to_px(r.width), to_px(r.height)};
}

// The style's family, then the pinned fallback families (FontLibrary::fallback_families), so
// that Fontconfig sorts them first in that order whatever else a configuration holds.
std::string family_list(const std::string& family) {
  std::string list = family;
  for (const std::string& f : FontLibrary::fallback_families())
    if (f != family) list += "," + f;
  return list;
}

PangoFontDescription* font_description(const TextStyle& style) {
  PangoFontDescription* desc = pango_font_description_new();
  pango_font_description_set_family(desc, family_list(style.family).c_str());
  pango_font_description_set_weight(desc, static_cast<PangoWeight>(style.weight));
  pango_font_description_set_absolute_size(desc, style.size * PANGO_SCALE);
  return desc;
}

PangoAttrList* base_attributes(const TextStyle& style) {
  PangoAttrList* attrs = pango_attr_list_new();
  const std::string lang(language_tag(style.locale));
  pango_attr_list_insert(attrs, pango_attr_language_new(pango_language_from_string(lang.c_str())));
  // Hyphens appear only when a Latin word is split by force; a charting label never wants them.
  pango_attr_list_insert(attrs, pango_attr_insert_hyphens_new(FALSE));
  return attrs;
}

void set_attributes(PangoLayout* layout, const TextStyle& style,
                    const std::vector<detail::Token>& tokens, const std::vector<bool>& overlong) {
  PangoAttrList* attrs = base_attributes(style);
  detail::add_word_attributes(attrs, tokens, overlong);
  detail::add_punctuation_rules(attrs, pango_layout_get_text(layout), tokens);
  pango_layout_set_attributes(layout, attrs);
  pango_attr_list_unref(attrs);
}

// A line's text without the separators it ends with (the spaces hanging at the break, and the
// break itself).
std::string_view without_trailing_separators(std::string_view s) {
  while (!s.empty()) {
    std::size_t last = s.size() - 1;  // the start of the last character
    while (last > 0 && (static_cast<unsigned char>(s[last]) & 0xC0) == 0x80) --last;
    std::size_t i = last;
    const char32_t cp = utf8::next(s, i);
    if (!(cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x3000 || cp == 0x2028 ||
          cp == 0x2029 || cp == 0x200B))
      break;
    s.remove_suffix(s.size() - last);
  }
  return s;
}

std::vector<std::string> line_texts(PangoLayout* layout) {
  const std::string_view text = pango_layout_get_text(layout);
  std::vector<std::string> lines;
  for (GSList* l = pango_layout_get_lines_readonly(layout); l; l = l->next) {
    const auto* line = static_cast<PangoLayoutLine*>(l->data);
    lines.emplace_back(without_trailing_separators(text.substr(line->start_index, line->length)));
  }
  return lines;
}

bool is_drawable_blank(char32_t cp) { return cp < 0x20 || cp == 0x7F || (cp >= 0x200B && cp <= 0x200F); }

std::vector<char32_t> missing_glyphs(PangoLayout* layout) {
  std::vector<char32_t> missing;
  PangoLayoutIter* it = pango_layout_get_iter(layout);
  do {
    const PangoGlyphItem* run = pango_layout_iter_get_run_readonly(it);
    if (!run) continue;
    for (int g = 0; g < run->glyphs->num_glyphs; ++g) {
      const PangoGlyph glyph = run->glyphs->glyphs[g].glyph;
      if (glyph == PANGO_GLYPH_EMPTY || !(glyph & PANGO_GLYPH_UNKNOWN_FLAG)) continue;
      const char32_t cp = glyph & ~PANGO_GLYPH_UNKNOWN_FLAG;
      if (is_drawable_blank(cp)) continue;
      if (std::find(missing.begin(), missing.end(), cp) == missing.end()) missing.push_back(cp);
    }
  } while (pango_layout_iter_next_run(it));
  pango_layout_iter_free(it);
  return missing;
}

// Tokens wider than the box lose their word attribute so they can split between syllables
// (docs/design.md, "Korean line breaking"; the punctuation rules hold even in Pango's character fallback), and
// start a fresh line: otherwise their syllable breaks, now ordinary break opportunities, would
// let the previous line fill up with the word's first syllables ("AI 초고대역폭메모 | 리…").
std::vector<bool> find_overlong(PangoLayout* unwrapped, const std::vector<detail::Token>& tokens,
                                int max_width) {
  const std::vector<int> widths = detail::token_widths(unwrapped, tokens);
  std::vector<bool> overlong(tokens.size());
  for (std::size_t t = 0; t < tokens.size(); ++t) overlong[t] = widths[t] > max_width;
  return overlong;
}

bool any(const std::vector<bool>& v) { return std::find(v.begin(), v.end(), true) != v.end(); }

void wrap(PangoLayout* layout, const TextStyle& style, const std::vector<detail::Token>& tokens,
          int max_width, Wrap mode) {
  // Each width given to Pango lays the text out again (itemizing and shaping it): when the
  // unwrapped lines fit, they are the answer, and no width is set at all.
  PangoRectangle unwrapped;
  pango_layout_get_extents(layout, nullptr, &unwrapped);
  if (unwrapped.x + unwrapped.width <= max_width) return;
  const std::vector<bool> overlong = find_overlong(layout, tokens, max_width);
  if (any(overlong)) {
    // Same byte offsets, so tokens and attributes still apply; the renderer draws this text.
    const std::string text = detail::break_before_overlong(pango_layout_get_text(layout), tokens,
                                                           overlong);
    pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
    set_attributes(layout, style, tokens, overlong);
  }
  detail::Balance balance{max_width, 0};
  // Balance only when every word fits: a forced split has no meaningful "even" shape.
  const bool single_paragraph = pango_layout_get_line_count(layout) == 1;
  if (mode == Wrap::Balanced && !any(overlong) && single_paragraph)
    balance = detail::balanced_width(layout, max_width);
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width(layout, balance.width);
  // Our simulation and Pango disagreeing would cost a line: then the full width.
  if (balance.width != max_width && pango_layout_get_line_count(layout) != balance.lines)
    pango_layout_set_width(layout, max_width);
}

LineMetrics primary_metrics(PangoContext* context, const TextStyle& style) {
  PangoFontDescription* desc = font_description(style);
  PangoFont* font = pango_context_load_font(context, desc);
  pango_font_description_free(desc);
  if (!font) return {};
  PangoFontMetrics* m = pango_font_get_metrics(font, pango_language_from_string(std::string(language_tag(style.locale)).c_str()));
  const LineMetrics out{pango_font_metrics_get_ascent(m), pango_font_metrics_get_descent(m)};
  pango_font_metrics_unref(m);
  g_object_unref(font);
  return out;
}

// Line height from the primary font (docs/design.md, "Line spacing"): a run whose font reaches
// further above or below the baseline (Noto Sans CJK's Hanja beside Pretendard, an emoji) gets
// an absolute line height that shrinks its logical box, evenly above and below, to within the
// primary font's. Lines then stack at the same pitch and the text keeps its height, however
// many fallback glyphs it holds. (A line that starts with a fallback glyph still has its
// baseline a little lower, 0.6 px at 13 px: Pango places it so; its box does not move.)
void fit_fallback_runs(PangoLayout* layout, const LineMetrics& primary) {
  PangoAttrList* extra = nullptr;
  PangoLayoutIter* it = pango_layout_get_iter(layout);
  do {
    const PangoGlyphItem* run = pango_layout_iter_get_run_readonly(it);
    if (!run) continue;
    PangoRectangle logical;
    pango_glyph_string_extents(run->glyphs, run->item->analysis.font, nullptr, &logical);
    const int above = -logical.y, below = logical.y + logical.height;
    const int room = std::min(primary.ascent - above, primary.descent - below);
    if (room >= 0) continue;
    if (!extra) extra = pango_attr_list_copy(pango_layout_get_attributes(layout));
    // Pango grows the box by half the difference between the line height and the font's
    // metrics height, above and below.
    PangoFontMetrics* m = pango_font_get_metrics(run->item->analysis.font, run->item->analysis.language);
    const int font_height = pango_font_metrics_get_height(m);
    pango_font_metrics_unref(m);
    PangoAttribute* a = pango_attr_line_height_new_absolute(std::max(1, font_height + 2 * room));
    a->start_index = static_cast<unsigned>(run->item->offset);
    a->end_index = static_cast<unsigned>(run->item->offset + run->item->length);
    pango_attr_list_insert(extra, a);
  } while (pango_layout_iter_next_run(it));
  pango_layout_iter_free(it);
  if (!extra) return;
  pango_layout_set_attributes(layout, extra);
  pango_attr_list_unref(extra);
}

std::string cache_key(std::string_view text, const TextStyle& style, double max_width, Wrap mode) {
  std::string key = style.family;
  const auto add = [&key](auto v) { key.append(reinterpret_cast<const char*>(&v), sizeof v); };
  add(style.weight), add(style.size), add(style.line_spacing), add(style.locale);
  add(max_width > 0 ? to_units(max_width) : 0), add(mode);
  key += '\0';
  return key.append(text);
}

PangoContext* new_context(PangoFontMap* map) {
  PangoContext* context = pango_font_map_create_context(map);
  // Unhinted outlines and metrics at fractional positions: what is measured here is what the
  // SVG, PNG and PDF draw, at any scale.
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options(context, options);
  cairo_font_options_destroy(options);
  pango_context_set_round_glyph_positions(context, FALSE);
  return context;
}

}  // namespace

TextShaper::TextShaper(const FontLibrary& fonts)
    : fonts_(fonts), font_map_(fonts.new_font_map()), context_(new_context(font_map_)) {}

TextShaper::~TextShaper() {
  for (auto& [key, font] : primary_)
    if (font) g_object_unref(font);
  if (buffer_) hb_buffer_destroy(buffer_);
  g_object_unref(context_);
  g_object_unref(font_map_);
  if (system_context_) g_object_unref(system_context_);
  if (system_map_) g_object_unref(system_map_);
}

PangoContext* TextShaper::system_context() const {
  if (!system_map_) {
    system_map_ = fonts_.new_system_font_map();
    if (system_map_) system_context_ = new_context(system_map_);
  }
  return system_context_;
}


ShapedTextPtr TextShaper::shape(std::string_view text, const TextStyle& style, double max_width,
                                Wrap mode) const {
  std::string key = cache_key(text, style, max_width, mode);
  if (const auto hit = cache_.find(key); hit != cache_.end()) return hit->second;
  ShapedTextPtr shaped = shape_uncached(text, style, max_width, mode);
  if (cache_.size() >= max_cached) cache_.clear();
  cache_.emplace(std::move(key), shaped);
  return shaped;
}

ShapedTextPtr TextShaper::shape_uncached(std::string_view text, const TextStyle& style, double max_width,
                                         Wrap mode) const {
  if (!fonts_.is_pinned(style.family))
    if (PangoContext* system = system_context()) return shape_in(system, text, style, max_width, mode);
  ShapedTextPtr shaped = shape_in(context_, text, style, max_width, mode);
  if (shaped->missing().empty()) return shaped;
  PangoContext* system = system_context();
  return system ? shape_in(system, text, style, max_width, mode) : shaped;
}


LineMetrics TextShaper::metrics(PangoContext* context, const TextStyle& style) const {
  // Pango's font metrics cost as much as shaping a label (they measure a sample text): once per
  // font and size.
  std::string key = cache_key("", style, 0, Wrap::Greedy);
  key.append(reinterpret_cast<const char*>(&context), sizeof context);
  const auto [it, added] = metrics_.try_emplace(std::move(key));
  if (added) it->second = primary_metrics(context, style);
  return it->second;
}

PangoFont* TextShaper::primary_font(const TextStyle& style) const {
  const auto [it, added] = primary_.try_emplace(cache_key("", style, 0, Wrap::Greedy), nullptr);
  if (added && fonts_.is_pinned(style.family)) {
    PangoFontDescription* desc = font_description(style);
    it->second = pango_context_load_font(context_, desc);
    pango_font_description_free(desc);
  }
  return it->second;
}

std::optional<double> TextShaper::word_width(std::string_view word, const TextStyle& style) const {
  if (word.empty()) return 0;
  PangoFont* font = primary_font(style);
  hb_font_t* hb = font ? pango_font_get_hb_font(font) : nullptr;
  if (!hb) return std::nullopt;
  if (!buffer_) buffer_ = hb_buffer_create();
  hb_buffer_clear_contents(buffer_);
  hb_buffer_add_utf8(buffer_, word.data(), static_cast<int>(word.size()), 0, static_cast<int>(word.size()));
  hb_buffer_set_direction(buffer_, HB_DIRECTION_LTR);
  const std::string lang(language_tag(style.locale));
  hb_buffer_set_language(buffer_, hb_language_from_string(lang.c_str(), -1));
  hb_buffer_guess_segment_properties(buffer_);
  hb_shape(hb, buffer_, nullptr, 0);
  unsigned n = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer_, &n);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer_, &n);
  hb_position_t advance = 0;  // in Pango units: Pango scales its HarfBuzz fonts so
  for (unsigned g = 0; g < n; ++g) {
    if (info[g].codepoint == 0) return std::nullopt;  // .notdef: a fallback font would draw it
    advance += pos[g].x_advance;
  }
  return to_px(advance);
}

ShapedTextPtr TextShaper::shape_in(PangoContext* context, std::string_view text, const TextStyle& style,
                                   double max_width, Wrap mode) const {
  PangoLayout* layout = pango_layout_new(context);
  pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
  PangoFontDescription* desc = font_description(style);
  pango_layout_set_font_description(layout, desc);
  pango_font_description_free(desc);
  // line_spacing as the space between lines (not Pango's factor, which multiplies each line's
  // tallest font, fallback fonts included): the pitch is line_spacing x the primary's height.
  const LineMetrics primary = metrics(context, style);
  pango_layout_set_spacing(layout, static_cast<int>(std::lround((style.line_spacing - 1) * (primary.ascent + primary.descent))));

  const std::vector<detail::Token> tokens = detail::split_tokens(text);
  set_attributes(layout, style, tokens, {});
  if (max_width > 0) wrap(layout, style, tokens, to_units(max_width), mode);
  fit_fallback_runs(layout, primary);

  PangoRectangle ink, logical;
  pango_layout_get_extents(layout, &ink, &logical);
  return std::make_shared<const ShapedText>(layout, line_texts(layout), to_rect(logical),
                                            to_rect(ink), missing_glyphs(layout));
}

}  // namespace factline::text
