#include "layout/palette.hpp"

#include <algorithm>

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

}  // namespace factline::layout
