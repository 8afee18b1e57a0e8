#pragma once
// Cheap text measures, for deciding before laying out (level of detail, pages) without shaping
// every label: a one-line width as the sum of its words' (each distinct word shaped once per
// estimate, by HarfBuzz alone where it can: Context::word_width), and a wrapped text's
// height from font metrics and that width.
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "layout/context.hpp"

namespace factline::layout {

class TextEstimate {
 public:
  TextEstimate(const Context& ctx, const model::TextRole& style);

  // The width of `s` on one line, px: its words' widths and the spaces between, 1 % and a px
  // more for kerning across word edges. A text with a tab or line break is shaped whole (its
  // widest line).
  double line_width(std::string_view s, const SourceLoc& loc);
  // The height of `s` wrapped at max_width, px: each of its lines takes width / max_width lines
  // (rounded up; wrapping between words may take one more).
  double wrapped_height(std::string_view s, double max_width, const SourceLoc& loc);

 private:
  double shaped_width(std::string_view s, const SourceLoc& loc) const;

  const Context& ctx_;
  const model::TextRole& style_;
  double space_ = 0;
  double line_ = 0, pitch_ = 0;  // one line's height; each further line's
  struct WordHash {
    using is_transparent = void;  // looked up by string_view, with no string made per word
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, double, WordHash, std::equal_to<>> words_;
};

}  // namespace factline::layout
