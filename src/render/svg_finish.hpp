#pragma once
#include <string>
#include <string_view>

namespace factline::render {
// Completes Cairo's SVG: adds role="img", xml:lang, <title> and <desc> (escaped), and prefixes
// every id and reference with one derived from the content ("fl1a2b3c4d-"), so SVGs inlined
// side by side in one HTML page cannot take each other's glyphs.
std::string finish_svg(std::string_view cairo_svg, std::string_view title, std::string_view desc,
                       std::string_view language);
}  // namespace factline::render
