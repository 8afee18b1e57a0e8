#include "layout/palette.hpp"

#include <algorithm>

#include "layout/shapes.hpp"

namespace factline::layout {

Color palette_color(const model::Theme& t, std::size_t k) {
  return t.palette.empty() ? t.accent : t.palette[k % t.palette.size()];
}

Color group_color(const Context& ctx, int g) {
  if (g < 0) return ctx.theme().accent;
  if (ctx.doc.groups[g].color) return *ctx.doc.groups[g].color;
  return palette_color(ctx.theme(), static_cast<std::size_t>(g));
}

Color event_color(const Context& ctx, int i) { return group_color(ctx, ctx.doc.events[i].group); }

scene::MarkerShape group_shape(const Context& ctx, int g) {
  const auto& shapes = ctx.theme().marker_shapes;
  if (shapes.empty()) return scene::MarkerShape::Circle;
  switch (shapes[static_cast<std::size_t>(std::max(g, 0)) % shapes.size()]) {
    case model::MarkerShape::Square: return scene::MarkerShape::Square;
    case model::MarkerShape::Diamond: return scene::MarkerShape::Diamond;
    case model::MarkerShape::Circle: break;
  }
  return scene::MarkerShape::Circle;
}

Color period_fill(const Context& ctx, int i, std::size_t k) {
  const model::Theme& t = ctx.theme();
  Color c = ctx.doc.events[i].group >= 0 ? group_color(ctx, ctx.doc.events[i].group) : t.era_fill;
  c.a = static_cast<std::uint8_t>(k % 2 ? t.era_fill.a / 2 : t.era_fill.a);
  return c;
}


bool tentative(const Context& ctx, int i) { return ctx.doc.events[i].status != model::Status::Confirmed; }

scene::Item status_span(const Context& ctx, std::string role, int i, Rect box, Color fill) {
  if (!tentative(ctx, i)) return span_item(std::move(role), i, box, fill);
  const model::Theme& t = ctx.theme();
  fill.a = static_cast<std::uint8_t>(fill.a / 2);
  // The outline is stroked on the path: inset by half its width, it ends where the span does.
  const double w = std::min({t.stem_width * 1.5, box.w / 2, box.h / 2});
  scene::Item it = span_item(std::move(role), i, {box.x + w / 2, box.y + w / 2, box.w - w, box.h - w}, fill);
  it.stroke = scene::Stroke{event_color(ctx, i), w, t.tentative_dash};
  return it;
}

}  // namespace factline::layout
