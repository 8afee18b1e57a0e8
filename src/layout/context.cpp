#include "layout/context.hpp"

#include <optional>

#include "core/utf8.hpp"
#include "layout/wording.hpp"

namespace factline::layout {
namespace {

// Where `cp` first appears in the fact file at or after `loc` (the start of the text it was
// read from: the layout may have put words before it), within a stretch as long as the text
// could be written; `loc` when it is not there.
SourceLoc char_loc(std::string_view source, SourceLoc loc, char32_t cp, std::size_t text_bytes) {
  if (source.starts_with("\xEF\xBB\xBF")) source.remove_prefix(3);
  std::size_t at = 0;
  for (int line = 1; line < loc.line && at != std::string_view::npos; ++line) {
    at = source.find('\n', at);
    if (at != std::string_view::npos) ++at;
  }
  if (at == std::string_view::npos) return loc;
  for (int c = 1; c < loc.column && at < source.size() && source[at] != '\n'; ++c) utf8::next(source, at);
  std::string needle;
  utf8::append(needle, cp);
  const std::size_t found = source.substr(at, 2 * text_bytes + 256).find(needle);
  if (found == std::string_view::npos) return loc;
  // Count lines and characters from loc to the character.
  SourceLoc out = loc;
  for (std::size_t i = at; i < at + found;) {
    if (source[i] == '\n') {
      ++out.line, out.column = 1, ++i;
      continue;
    }
    utf8::next(source, i);
    ++out.column;
  }
  return out;
}

}  // namespace

text::ShapedTextPtr Context::shape(std::string_view s, const model::TextRole& role, double max_width,
                                   text::Wrap wrap, const SourceLoc& loc) const {
  text::ShapedTextPtr shaped = shaper.shape(s, style(role), max_width, wrap);
  for (char32_t cp : shaped->missing())
    diagnostics.warning(loc.file == doc.file && loc.line > 0 && !source.empty() ? char_loc(source, loc, cp, s.size()) : loc,
                        "no available font can draw " + utf8::codepoint_name(cp) + " in \"" +
                            utf8::escape_for_terminal(s) + "\"; it would be drawn as a box",
                        "remove the character, or add a font that has it with --font-dir");
  return shaped;
}

double Context::word_width(std::string_view word, const model::TextRole& role, const SourceLoc& loc) const {
  if (const std::optional<double> w = shaper.word_width(word, style(role))) return *w;
  return shape(word, role, 0, text::Wrap::Greedy, loc)->width();
}

std::string Context::date_line(int i) const {
  const auto k = static_cast<std::size_t>(i);
  return k < events.size() ? events[k].date : layout::date_line(doc.events[k], doc.locale);
}

scene::Item Context::text(std::string role, int event, std::string_view s, const model::TextRole& style,
                          double max_width, text::Wrap wrap, const SourceLoc& loc,
                          Point top_left) const {
  return scene::text_item(std::move(role), event, std::string(s),
                          shape(s, style, max_width, wrap, loc), top_left, style.color);
}

}  // namespace factline::layout
