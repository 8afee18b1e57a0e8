#include "layout/axis.hpp"

#include <algorithm>

#include "layout/shapes.hpp"

namespace factline::layout {
namespace {

struct TickLabel {
  double x;  // the tick
  scene::Item label;
};

const model::TextRole& tick_role(const model::Theme& t, const scale::Tick& tick) {
  return tick.date.precision == calendar::Precision::Year ? t.tick_major : t.tick;
}

std::vector<TickLabel> tick_labels(const Context& ctx, const scale::TimeScale& scale, const AxisBand& band,
                                   int max_ticks) {
  const model::Theme& t = ctx.theme();
  std::vector<TickLabel> out;
  for (const scale::Tick& tick : scale::time_ticks(scale.domain_first(), scale.domain_last(), max_ticks, ctx.doc.locale)) {
    const double x = scale(static_cast<double>(tick.day));
    if (x < band.x0 - 0.5 || x > band.x1 + 0.5) continue;
    const model::TextRole& role = tick_role(t, tick);
    auto shaped = ctx.shape(tick.label, role, 0, text::Wrap::Greedy, {ctx.doc.file, 0, 0});
    const double y = band.top + (band.height - shaped->height()) / 2;
    out.push_back({x, scene::text_item("tick", -1, tick.label, shaped, {x + t.axis_band_pad, y}, role.color)});
  }
  return out;
}

// Labels sit right of their tick; each must end before the next tick. (A last label running
// past the band's end is left out rather than thinning every other tick.)
bool labels_fit(const std::vector<TickLabel>& labels, double gap) {
  for (std::size_t i = 0; i + 1 < labels.size(); ++i)
    if (labels[i].label.box.right() > labels[i + 1].x - gap) return false;
  return true;
}

}  // namespace

double axis_band_height(const Context& ctx) {
  const model::Theme& t = ctx.theme();
  auto probe = ctx.shape("0", t.tick_major, 0, text::Wrap::Greedy, {});
  return probe->height() + 2 * t.axis_band_pad;
}

void layout_axis_band(const Context& ctx, const scale::TimeScale& scale, const AxisBand& band,
                      std::optional<Rect> keep_clear, std::vector<scene::Item>& under,
                      std::vector<scene::Item>& over) {
  const model::Theme& t = ctx.theme();
  under.push_back(span_item("axis", -1, {band.x0, band.top, band.x1 - band.x0, band.height}, t.axis_band));
  std::vector<TickLabel> labels;
  for (int max_ticks = t.max_ticks; max_ticks >= 2; --max_ticks) {
    labels = tick_labels(ctx, scale, band, max_ticks);
    if (labels_fit(labels, t.axis_band_pad)) break;
  }
  const scene::Stroke stroke{t.axis, t.axis_width, {}};
  for (TickLabel& l : labels) {
    over.push_back(line_item("tick-mark", -1, {{l.x, band.top}, {l.x, band.top + band.height}}, stroke));
    const bool fits = l.label.box.right() <= band.x1 && !(keep_clear && keep_clear->overlaps(l.label.box));
    if (fits) over.push_back(std::move(l.label));
  }
}

}  // namespace factline::layout
