#include "text/shaped_text.hpp"

#include <pango/pango.h>

namespace factline::text {

ShapedText::ShapedText(PangoLayout* layout, std::vector<std::string> lines, Rect logical,
                       Rect ink, std::vector<char32_t> missing)
    : layout_(layout),
      lines_(std::move(lines)),
      logical_(logical),
      ink_(ink),
      missing_(std::move(missing)) {}

ShapedText::~ShapedText() { g_object_unref(layout_); }

}  // namespace factline::text
