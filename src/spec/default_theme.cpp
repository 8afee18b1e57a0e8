#include "spec/parse.hpp"

namespace factline::spec {
namespace {

Color rgb(std::uint8_t r, std::uint8_t g, std::uint8_t b) { return {r, g, b, 255}; }

model::TextRole role(int weight, double size, Color color, double line_spacing = 1.0) {
  return {"Pretendard", weight, size, line_spacing, color};
}

}  // namespace

// The "news" look (docs/design.md, "Visual defaults"): one sans family, bold headlines, greys for
// context, the Okabe–Ito colour-blind-safe palette with blue and vermillion first, which Korean
// dailies use for the US and China.
model::Theme default_theme() {
  model::Theme t;
  t.background = rgb(255, 255, 255);
  t.axis = rgb(0x33, 0x33, 0x33);
  t.grid = rgb(0xe4, 0xe4, 0xe4);
  t.band = Color{0x33, 0x33, 0x33, 0x1f};
  t.leader = rgb(0x9a, 0x9a, 0x9a);
  t.axis_band = rgb(0xf0, 0xf0, 0xf0);
  t.lane_fill = Color{0xf0, 0xf0, 0xf0, 0x80};
  t.as_of = rgb(0x11, 0x11, 0x11);
  t.palette = {rgb(0x00, 0x72, 0xb2), rgb(0xd5, 0x5e, 0x00), rgb(0x00, 0x9e, 0x73),
               rgb(0xcc, 0x79, 0xa7), rgb(0x56, 0xb4, 0xe9), rgb(0xe6, 0x9f, 0x00)};
  t.accent = rgb(0x00, 0x72, 0xb2);
  const Color ink = rgb(0x11, 0x11, 0x11), body = rgb(0x44, 0x44, 0x44), muted = rgb(0x66, 0x66, 0x66);
  t.title = role(700, 30, ink, 1.1);
  t.subtitle = role(400, 17, body, 1.15);
  t.event_date = role(600, 13, muted);
  t.event_title = role(700, 15, ink, 1.1);
  t.event_text = role(400, 13, body, 1.15);
  t.tick = role(400, 12, muted);
  t.tick_major = role(600, 12, rgb(0x33, 0x33, 0x33));
  t.note = role(400, 12, muted, 1.15);
  t.as_of_label = role(700, 12, ink);
  t.span_label = role(600, 13, ink);
  t.group = role(700, 13, ink, 1.1);
  t.legend = role(400, 13, body);
  t.source = role(400, 12, muted);
  t.credit = role(400, 12, muted);
  return t;
}

}  // namespace factline::spec
