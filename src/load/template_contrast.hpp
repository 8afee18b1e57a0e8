#pragma once
// Whether a theme's text is legible on what it is drawn on: WCAG 2.1 AA (1.4.3), every text
// role's colour at least min_text_contrast (4.5:1) against its ground, colours with opacity
// composited first. The grounds are those of the page: the background, the axis band (tick and
// as-of labels), the lane fill (swimlane names), an era's band and a span's bar at span_alpha in
// each palette colour (span titles and dates). docs/templates.md names them. Built-in templates
// are held to it by tests; a user's template gets a warning per problem (template.cpp).
#include <string>
#include <vector>

#include "core/color.hpp"
#include "model/theme.hpp"

namespace factline::load {

struct ContrastProblem {
  std::string role;    // the template key of the text role: "tick", "event_date", …
  std::string ground;  // the template key of what it is drawn on: "background", "axis_band", …
  std::string ground_words;  // "the background", "the axis band", "a span bar in #0072b2", …
  Color ink, under;          // both opaque, as drawn
  double ratio = 0;
};

std::vector<ContrastProblem> contrast_problems(const model::Theme& t);

// `top` painted over an opaque `under`, blended in sRGB as Cairo does.
Color over(const Color& top, const Color& under);

}  // namespace factline::load
