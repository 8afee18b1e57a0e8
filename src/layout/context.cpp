#include "layout/context.hpp"

#include "core/utf8.hpp"

namespace factline::layout {

text::ShapedTextPtr Context::shape(std::string_view s, const model::TextRole& role, double max_width,
                                   text::Wrap wrap, const SourceLoc& loc) const {
  const text::TextStyle style{role.family, role.weight, role.size, role.line_spacing, doc.locale};
  text::ShapedTextPtr shaped = shaper.shape(s, style, max_width, wrap);
  for (char32_t cp : shaped->missing())
    diagnostics.warning(loc,
                        "no available font can draw " + utf8::codepoint_name(cp) + " in \"" +
                            utf8::escape_for_terminal(s) + "\"; it would be drawn as a box",
                        "remove the character, or add a font that has it with --font-dir");
  return shaped;
}

scene::Item Context::text(std::string role, int event, std::string_view s, const model::TextRole& style,
                          double max_width, text::Wrap wrap, const SourceLoc& loc,
                          Point top_left) const {
  return scene::text_item(std::move(role), event, std::string(s),
                          shape(s, style, max_width, wrap, loc), top_left, style.color);
}

}  // namespace factline::layout
