#pragma once
// The result of shaping one label: its wrapped lines and extents, and the Pango layout that
// produced them, kept so that the renderer draws exactly what layout measured.
#include <memory>
#include <string>
#include <vector>

#include "core/geometry.hpp"

typedef struct _PangoLayout PangoLayout;

namespace factline::text {

class ShapedText {
 public:
  ShapedText(PangoLayout* layout, std::vector<std::string> lines, Rect logical, Rect ink,
             std::vector<char32_t> missing);
  ~ShapedText();
  ShapedText(const ShapedText&) = delete;
  ShapedText& operator=(const ShapedText&) = delete;

  const std::vector<std::string>& lines() const { return lines_; }
  // Logical extents relative to the layout origin, px. Boxes in the scene use these: a box is
  // the space the text claims (line height included), which contains the ink.
  const Rect& logical() const { return logical_; }
  const Rect& ink() const { return ink_; }
  double width() const { return logical_.w; }
  double height() const { return logical_.h; }
  // Characters that no available font could draw, in order of appearance, without repeats.
  const std::vector<char32_t>& missing() const { return missing_; }
  // The layout to draw. Its text is the label's, byte for byte, except that the separator
  // before a word wider than the box may have become a line break ("\n" or U+2028).
  PangoLayout* layout() const { return layout_; }

 private:
  PangoLayout* layout_;
  std::vector<std::string> lines_;
  Rect logical_, ink_;
  std::vector<char32_t> missing_;
};

using ShapedTextPtr = std::shared_ptr<const ShapedText>;

}  // namespace factline::text
