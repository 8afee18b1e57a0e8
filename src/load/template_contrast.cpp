#include "load/template_contrast.hpp"

#include <cmath>
#include <string_view>

#include "load/template_keys.hpp"

namespace factline::load {

Color over(const Color& top, const Color& under) {
  const double a = top.a / 255.0;
  auto mix = [&](std::uint8_t t, std::uint8_t u) { return static_cast<std::uint8_t>(std::lround(t * a + u * (1 - a))); };
  return {mix(top.r, under.r), mix(top.g, under.g), mix(top.b, under.b), 255};
}

std::vector<ContrastProblem> contrast_problems(const model::Theme& t) {
  std::vector<ContrastProblem> out;
  const Color page = over(t.background, {255, 255, 255, 255});
  const auto check = [&](std::string_view key, const model::TextRole& role, const char* ground, const std::string& words,
                         const Color& under) {
    const Color ink = over(role.color, under);
    const double ratio = contrast_ratio(ink, under);
    if (ratio < min_text_contrast) out.push_back({std::string(key), ground, words, ink, under, ratio});
  };
  for (const template_keys::TextRoleKey& r : template_keys::text_roles())  // all drawn on the background but
    if (r.name != "series_label")                                        // series labels, in their colour
      check(r.name, t.*r.role, "background", "the background", page);
  const Color band = over(t.axis_band, page);
  check("tick", t.tick, "axis_band", "the axis band", band);
  check("tick_major", t.tick_major, "axis_band", "the axis band", band);
  check("as_of_label", t.as_of_label, "axis_band", "the axis band", band);
  check("group", t.group, "lane_fill", "a swimlane's fill", over(t.lane_fill, page));
  const Color era = over(t.era_fill, page);
  check("span_label", t.span_label, "era_fill", "an era's band", era);
  check("event_date", t.event_date, "era_fill", "an era's band", era);
  for (Color c : t.palette) {
    c.a = static_cast<std::uint8_t>(t.span_alpha);
    const Color bar = over(c, page);
    const std::string words = "a span bar in " + Color{c.r, c.g, c.b, 255}.hex() + " at span_alpha";
    check("span_label", t.span_label, "palette", words, bar);
    check("event_date", t.event_date, "palette", words, bar);
  }
  return out;
}

}  // namespace factline::load
