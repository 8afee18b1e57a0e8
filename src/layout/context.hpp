#pragma once
// What every layout step needs: the document, its time, its theme, the shaper and where to report.
#include <span>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"
#include "model/document.hpp"
#include "model/time.hpp"
#include "scene/roles.hpp"
#include "scene/scene.hpp"
#include "text/text_shaper.hpp"

namespace factline::layout {

namespace role = scene::role;  // the scene's item roles, as layout writes them

struct Context {
  const model::Document& doc;
  const model::DocumentTime& time;  // as_of, the days each event covers: worked out once
  const text::TextShaper& shaper;
  Diagnostics& diagnostics;
  double width;  // the page, px: the fact file's or theme's width, or more when events need it
  std::string_view source;  // the fact file's text, to point at a character; may be empty
  // The page's events as its scene lists them (their date lines made once), when known.
  std::span<const scene::EventInfo> events = {};

  const model::Theme& theme() const { return doc.theme; }
  // A role's text style in the document's language.
  text::TextStyle style(const model::TextRole& role) const {
    return {role.family, role.weight, role.size, role.line_spacing, doc.locale};
  }
  // Shapes text in a role's style and warns about characters no font can draw, at the character
  // when `source` shows it at or after `loc` (else at `loc`).
  text::ShapedTextPtr shape(std::string_view s, const model::TextRole& role, double max_width,
                            text::Wrap wrap, const SourceLoc& loc) const;
  // The width of one word (no spaces or line breaks) on one line, px: HarfBuzz's on the
  // style's primary font (TextShaper::word_width), else through shape(), which finds the
  // fallback font and warns about a character no font has.
  double word_width(std::string_view word, const model::TextRole& role, const SourceLoc& loc) const;
  // Event i's date line (wording.hpp's date_line), from `events` when it has it.
  std::string date_line(int i) const;
  // A text item for the scene, positioned by its top-left corner.
  scene::Item text(std::string role, int event, std::string_view s, const model::TextRole& style,
                   double max_width, text::Wrap wrap, const SourceLoc& loc, Point top_left) const;
};

}  // namespace factline::layout
