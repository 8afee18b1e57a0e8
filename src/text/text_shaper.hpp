#pragma once
// Shapes and wraps labels with Pango/HarfBuzz. Korean wraps between words (어절), following
// W3C klreq, as worked out in docs/design.md ("Korean line breaking").
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "text/font_library.hpp"
#include "text/shaped_text.hpp"
#include "text/text_style.hpp"

typedef struct _PangoContext PangoContext;
typedef struct _PangoFont PangoFont;
typedef struct hb_buffer_t hb_buffer_t;

namespace factline::text {

// The primary font's extents above and below the baseline (Pango units): what every line's
// height is made of, whatever fallback fonts it holds.
struct LineMetrics {
  int ascent = 0, descent = 0;
};

// One shaper is used by one thread at a time (it has its own Pango font map and context), and
// so are the layouts it makes: the scene that holds them is drawn on the thread that shaped it.
// Any number of shapers may share one FontLibrary.
class TextShaper {
 public:
  explicit TextShaper(const FontLibrary& fonts);
  ~TextShaper();
  TextShaper(const TextShaper&) = delete;
  TextShaper& operator=(const TextShaper&) = delete;

  // Lays text out in lines no wider than max_width px (max_width <= 0: no wrapping; an explicit
  // "\n" always breaks). A word wider than max_width alone is split inside.
  // The pinned fonts draw it (font_library.hpp); the system's fonts only when they cannot.
  // Shaped once: the same (text, style, max_width, wrap) returns the same ShapedText, so layout
  // may ask again in every attempt (orientation, widths, lanes) without shaping again; the
  // unwrapped shape of a text also serves its wrapped ones (their token widths). The cache
  // lives as long as the shaper, up to max_cached entries (then it starts afresh).
  ShapedTextPtr shape(std::string_view text, const TextStyle& style, double max_width,
                      Wrap wrap = Wrap::Greedy) const;
  static constexpr std::size_t max_cached = 8192;

  // The advance width of one word (no spaces or line breaks) on one line, px, for estimates:
  // shaped by HarfBuzz on the style's primary font alone, with no Pango layout (an eighth of
  // shape()'s cost). The same as shape()'s width, except for kerning where Pango would start a
  // new run (a script change inside the word). Nullopt when the primary font lacks one of its
  // characters (or the family is not pinned): then only shape() knows. Not cached.
  std::optional<double> word_width(std::string_view word, const TextStyle& style) const;

 private:
  ShapedTextPtr shape_uncached(std::string_view text, const TextStyle& style, double max_width, Wrap wrap) const;
  ShapedTextPtr shape_in(PangoContext* context, std::string_view text, const TextStyle& style,
                         double max_width, Wrap wrap) const;
  // The context over the system's fonts, made on first need; null when there are none.
  PangoContext* system_context() const;

  const FontLibrary& fonts_;
  PangoFontMap* font_map_;
  PangoContext* context_;
  LineMetrics metrics(PangoContext* context, const TextStyle& style) const;
  // The style's primary font in the pinned set (what Pango draws a character with when that font
  // has it); null when the style's family is not pinned.
  PangoFont* primary_font(const TextStyle& style) const;

  mutable std::unordered_map<std::string, ShapedTextPtr> cache_;
  mutable std::unordered_map<std::string, LineMetrics> metrics_;
  mutable std::unordered_map<std::string, PangoFont*> primary_;  // owned references
  mutable hb_buffer_t* buffer_ = nullptr;
  mutable PangoFontMap* system_map_ = nullptr;
  mutable PangoContext* system_context_ = nullptr;
};

}  // namespace factline::text
