#include "layout/axis.hpp"

#include "layout/shapes.hpp"

#include <algorithm>
#include <cmath>

namespace factline::layout {
namespace {

struct TickLabel {
  double x;
  text::ShapedTextPtr shaped;
  scale::Tick tick;
};

// Tick labels centred on their ticks, kept inside the margins.
std::vector<TickLabel> tick_labels(const Context& ctx, const scale::TimeScale& scale, int max_ticks) {
  const model::Theme& t = ctx.theme();
  std::vector<TickLabel> out;
  for (scale::Tick& tick : scale::time_ticks(scale.domain_first(), scale.domain_last(), max_ticks, ctx.doc.locale)) {
    auto shaped = ctx.shape(tick.label, t.tick, 0, text::Wrap::Greedy, {ctx.doc.file, 0, 0});
    const double x = std::clamp(scale(static_cast<double>(tick.day)) - shaped->width() / 2, t.margin,
                                ctx.width - t.margin - shaped->width());
    out.push_back({x, std::move(shaped), std::move(tick)});
  }
  return out;
}

bool labels_fit(const std::vector<TickLabel>& labels, double min_gap) {
  for (std::size_t i = 1; i < labels.size(); ++i)
    if (labels[i - 1].x + labels[i - 1].shaped->width() + min_gap > labels[i].x) return false;
  return true;
}

}  // namespace

double layout_axis(const Context& ctx, const scale::TimeScale& scale, const AxisGeometry& g,
                   std::vector<scene::Item>& items) {
  const model::Theme& t = ctx.theme();
  const scene::Stroke axis{t.axis, t.axis_width, {}};
  items.push_back(line_item("axis", -1, {{g.x0, g.y}, {g.x1, g.y}}, axis));
  std::vector<TickLabel> labels;
  for (int max_ticks = t.max_ticks; max_ticks >= 2; --max_ticks) {
    labels = tick_labels(ctx, scale, max_ticks);
    if (labels_fit(labels, t.legend_gap)) break;
  }
  double bottom = g.labels_top;
  for (const TickLabel& l : labels) {
    const double x = scale(static_cast<double>(l.tick.day));
    if (x < g.x0 - 0.5 || x > g.x1 + 0.5) continue;
    items.push_back(line_item("tick-mark", -1, {{x, g.y}, {x, g.y + t.tick_length}}, axis));
    items.push_back(scene::text_item("tick", -1, l.tick.label, l.shaped, {l.x, g.labels_top}, t.tick.color));
    bottom = std::max(bottom, items.back().box.bottom());
  }
  return bottom;
}

}  // namespace factline::layout
