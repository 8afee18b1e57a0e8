#include "layout/axis.hpp"

#include <algorithm>
#include <cmath>

#include "layout/shapes.hpp"

namespace factline::layout {
namespace {

struct TickLabel {
  double x;  // the tick
  scene::Item label;
};

std::vector<TickLabel> tick_labels(const Context& ctx, const scale::TimeScale& scale,
                                   const scale::TimeScale::Segment& seg, const AxisBand& band, int max_ticks) {
  const model::Theme& t = ctx.theme();
  std::vector<TickLabel> out;
  for (const scale::Tick& tick : scale::time_ticks(seg.d0, seg.d1, std::max(2, max_ticks), ctx.doc.locale)) {
    const double x = scale(static_cast<double>(tick.day));
    if (x < band.x0 - 0.5 || x > band.x1 + 0.5) continue;
    const model::TextRole& style = tick_style(t, tick);
    auto shaped = ctx.shape(tick.label, style, 0, text::Wrap::Greedy, {ctx.doc.file, 0, 0});
    const double y = band.top + (axis_band_height(ctx) - shaped->height()) / 2;  // the first row
    out.push_back({x, scene::text_item(role::tick, -1, tick.label, shaped, {x + t.axis_band_pad, y}, style.color)});
    if (max_ticks < 2) break;  // a short segment between breaks: its first tick only
  }
  return out;
}

// Labels sit right of their tick; each must end before the next tick. (A last label running
// past its segment's end is left out rather than thinning every other tick.)
bool labels_fit(const std::vector<TickLabel>& labels, double gap) {
  for (std::size_t i = 0; i + 1 < labels.size(); ++i)
    if (labels[i].label.box.right() > labels[i + 1].x - gap) return false;
  return true;
}

// Each segment between axis breaks gets as many ticks as its length allows, by the same rule.
std::vector<TickLabel> all_tick_labels(const Context& ctx, const scale::TimeScale& scale, const AxisBand& band) {
  const model::Theme& t = ctx.theme();
  double total = 0;
  for (const auto& seg : scale.segments()) total += std::abs(seg.r1 - seg.r0);
  std::vector<TickLabel> out;
  for (const auto& seg : scale.segments()) {
    const int most = static_cast<int>(std::ceil(t.max_ticks * std::abs(seg.r1 - seg.r0) / std::max(total, 1.0)));
    std::vector<TickLabel> labels;
    for (int m = std::max(most, 1); m >= 1; --m) {
      labels = tick_labels(ctx, scale, seg, band, m);
      if (labels_fit(labels, t.axis_band_pad)) break;
    }
    for (TickLabel& l : labels) out.push_back(std::move(l));
  }
  return out;
}

// The right end of the scale segment that x falls in.
double segment_end(const scale::TimeScale& scale, double x) {
  for (const auto& s : scale.segments())
    if (x <= s.r1 + 0.5) return s.r1;
  return scale.segments().back().r1;
}

// The labels drawn: each ends before the next tick (minus padding) and its segment's end, so
// short segments between breaks get few labels.
std::vector<TickLabel> drawn_tick_labels(const Context& ctx, const scale::TimeScale& scale, const AxisBand& band,
                                         std::vector<double>* all_marks) {
  const double pad = ctx.theme().axis_band_pad;
  std::vector<TickLabel> labels = all_tick_labels(ctx, scale, band);
  std::vector<TickLabel> out;
  for (std::size_t k = 0; k < labels.size(); ++k) {
    if (all_marks) all_marks->push_back(labels[k].x);
    const double next = k + 1 < labels.size() ? labels[k + 1].x - pad : unbounded_px;
    if (labels[k].label.box.right() <= std::min(next, segment_end(scale, labels[k].x))) out.push_back(std::move(labels[k]));
  }
  return out;
}

}  // namespace

std::vector<Rect> tick_areas(const Context& ctx, const scale::TimeScale& scale, const AxisBand& band) {
  const model::Theme& t = ctx.theme();
  std::vector<double> marks;
  std::vector<Rect> out;
  for (const TickLabel& l : drawn_tick_labels(ctx, scale, band, &marks)) {
    const Rect& b = l.label.box;
    out.push_back({l.x - t.axis_width, b.y, b.right() - l.x + t.axis_width, b.h});
  }
  for (double x : marks) out.push_back({x - t.axis_width, band.top, 2 * t.axis_width, axis_band_height(ctx)});
  return out;
}

const model::TextRole& tick_style(const model::Theme& t, const scale::Tick& tick) {
  return tick.date.precision == calendar::Precision::Year ? t.tick_major : t.tick;
}

void add_axis_break(const Context& ctx, Rect area, bool horizontal, std::vector<scene::Item>& items) {
  const model::Theme& t = ctx.theme();
  items.push_back(span_item(role::axis_break, -1, area, t.background));
  const scene::Stroke stroke{t.axis, t.axis_width, {}};
  const double slant = t.tick_length / 2;
  for (double f : {0.3, 0.7}) {  // two strokes, a third of the break apart
    if (horizontal) {
      const double x = area.x + f * area.w;
      items.push_back(line_item(role::axis_break, -1, {{x - slant, area.bottom()}, {x + slant, area.y}}, stroke));
    } else {
      const double y = area.y + f * area.h;
      items.push_back(line_item(role::axis_break, -1, {{area.x, y + slant}, {area.right(), y - slant}}, stroke));
    }
  }
}

double axis_band_height(const Context& ctx) {
  const model::Theme& t = ctx.theme();
  auto probe = ctx.shape("0", t.tick_major, 0, text::Wrap::Greedy, {});
  return probe->height() + 2 * t.axis_band_pad;
}

std::vector<double> layout_axis_band(const Context& ctx, const scale::TimeScale& scale, const AxisBand& band,
                                     std::optional<Rect> keep_clear, std::vector<scene::Item>& under,
                                     std::vector<scene::Item>& over) {
  const model::Theme& t = ctx.theme();
  under.push_back(span_item(role::axis, -1, {band.x0, band.top, band.x1 - band.x0, band.height}, t.axis_band));
  for (std::size_t k = 1; k < scale.segments().size(); ++k) {
    const double a = scale.segments()[k - 1].r1, b = scale.segments()[k].r0;
    add_axis_break(ctx, {a, band.top, b - a, band.height}, true, under);
  }
  std::vector<double> marks;
  std::vector<TickLabel> labels = drawn_tick_labels(ctx, scale, band, &marks);
  const scene::Stroke stroke{t.axis, t.axis_width, {}};
  // A tick mark that the as-of label (in its own row under the ticks) would cross stops at the
  // tick row; the label never covers a tick label (as_of.cpp).
  const double row = axis_band_height(ctx);
  for (double x : marks) {
    const Rect mark{x - t.axis_width / 2, band.top, t.axis_width, band.height};
    const double h = keep_clear && keep_clear->overlaps(mark) ? row : band.height;
    over.push_back(line_item(role::tick_mark, -1, {{x, band.top}, {x, band.top + h}}, stroke));
  }
  for (TickLabel& l : labels) over.push_back(std::move(l.label));
  return marks;
}

}  // namespace factline::layout
