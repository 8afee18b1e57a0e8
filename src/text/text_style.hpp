#pragma once
#include <string>

#include "core/locale.hpp"

namespace factline::text {

struct TextStyle {
  std::string family = "Pretendard";
  int weight = 400;           // CSS weight: 400 regular, 600 semibold, 700 bold
  double size = 16;           // px
  double line_spacing = 1.0;  // factor of the font's line height (Pango ≥ 1.44)
  Locale locale = Locale::Ko; // sets the shaping language and the line-breaking rules
};

enum class Wrap {
  Greedy,   // fill each line as far as it goes
  Balanced  // same number of lines, as even as possible (for short labels and headlines)
};

}  // namespace factline::text
