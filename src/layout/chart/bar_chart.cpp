// Bar charts: vertical columns or horizontal bars, grouped side by side or stacked, growing
// from a zero baseline either way; value labels at the bars' ends.
#include <algorithm>
#include <cmath>
#include <sstream>

#include "core/color.hpp"
#include "layout/chart/chart_parts.hpp"
#include "layout/shapes.hpp"

namespace factline::layout {
namespace {

struct Bar {
  std::size_t series = 0, category = 0;
  double from = 0, to = 0;  // the values it spans
};

// Grouped: each value from zero. Stacked: positives upwards from zero and negatives downwards,
// each series on the ones before it, so a stack's ends are its positive and negative sums.
std::vector<Bar> make_bars(const model::Chart& chart) {
  std::vector<Bar> bars;
  for (std::size_t c = 0; c < chart.x.size(); ++c) {
    double up = 0, down = 0;
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
      const auto& v = chart.series[s].values[c];
      if (!v) continue;
      if (!chart.stacked) {
        bars.push_back({s, c, 0, *v});
      } else {
        double& end = *v >= 0 ? up : down;
        bars.push_back({s, c, end, end + *v});
        end += *v;
      }
    }
  }
  return bars;
}

// A number at a bar's end: each bar's value; for a stack, where it ends on each side of zero
// (its positive sum over it, its negative sum under it), as the reader measures it.
struct ValueLabel {
  std::size_t series = 0, category = 0;  // series: the bar it belongs to (grouped only)
  double value = 0, end = 0;             // what it says; where it sits
};

std::vector<ValueLabel> value_labels(const model::Chart& chart) {
  std::vector<ValueLabel> out;
  if (!chart.value_labels) return out;
  if (!chart.stacked) {
    for (const Bar& b : make_bars(chart)) out.push_back({b.series, b.category, b.to, b.to});
    return out;
  }
  for (std::size_t c = 0; c < chart.x.size(); ++c) {
    double up = 0, down = 0;
    bool any_up = false, any_down = false;
    for (const auto& s : chart.series)
      if (const auto& v = s.values[c]) {
        (*v >= 0 ? up : down) += *v;
        (*v >= 0 ? any_up : any_down) = true;
      }
    if (any_up) out.push_back({0, c, up, up});
    if (any_down) out.push_back({0, c, down, down});
  }
  return out;
}

// A stacked bar's segments say their own values inside, centred, each where it fits with room
// to spare (a thin segment says nothing), in whichever of the label ink and the background
// reads better on the segment's colour. A segment alone on its side of zero says nothing: the
// label at the stack's end says it already.
void add_segment_label(const Context& ctx, const model::Chart& chart, const std::vector<Bar>& bars, std::size_t k,
                       const Rect& r, std::vector<scene::Item>& items) {
  if (!chart.stacked || !chart.value_labels) return;
  const Bar& b = bars[k];
  const auto same_side = [&](const Bar& o) { return o.category == b.category && (o.to < o.from) == (b.to < b.from); };
  if (std::count_if(bars.begin(), bars.end(), same_side) < 2) return;
  const model::Theme& t = ctx.theme();
  const std::string s = value_text(ctx, chart, b.to - b.from);
  auto shaped = ctx.shape(s, t.value_label, 0, text::Wrap::Greedy, chart.loc);
  const double pad = t.tick_label_gap;
  if (shaped->width() + 2 * pad > r.w || shaped->height() + 2 * pad > r.h) return;
  const Color fill = series_color(ctx, chart, b.series);
  const Color ink = contrast_ratio(t.value_label.color, fill) >= contrast_ratio(t.background, fill) ? t.value_label.color
                                                                                                     : t.background;
  items.push_back(scene::text_item(role::segment_label, -1, s, shaped,
                                   {r.x + (r.w - shaped->width()) / 2, r.y + (r.h - shaped->height()) / 2}, ink));
}

ValueAxis bar_axis(const model::Chart& chart, int max_ticks) {
  const ValueRange r = value_range(chart, chart.stacked);
  return make_value_axis(r.lo, r.hi, max_ticks, true);
}

double content_width(const Context& ctx) { return ctx.width - 2 * ctx.theme().margin; }

// Horizontal bars' category column: as wide as the longest label, at most category_share of
// the page, but never narrower than a word (it would be split).
double category_column(const Context& ctx, const model::Chart& chart) {
  const model::TextRole& role = ctx.theme().category;
  double w = 0, word = 0;
  for (const auto& x : chart.x) {
    w = std::max(w, ctx.shape(x.label, role, 0, text::Wrap::Greedy, x.loc)->width());
    std::istringstream words(x.label);
    for (std::string s; words >> s;) word = std::max(word, ctx.shape(s, role, 0, text::Wrap::Greedy, x.loc)->width());
  }
  return std::max(word, std::min(w, ctx.theme().category_share * content_width(ctx)));
}

// The widest value label on each side of zero (0 for none).
std::pair<double, double> value_label_widths(const Context& ctx, const model::Chart& chart) {
  double neg = 0, pos = 0;
  for (const ValueLabel& l : value_labels(chart)) {
    const double w = ctx.shape(value_text(ctx, chart, l.value), ctx.theme().value_label, 0, text::Wrap::Greedy,
                               chart.loc)->width() + ctx.theme().tick_label_gap;
    double& side = l.end < 0 ? neg : pos;
    side = std::max(side, w);
  }
  return {neg, pos};
}

Rect bar_rect(const scale::LinearScale& v, double from, double to, double across, double thickness, bool horizontal) {
  const double a = v(from), b = v(to);
  return horizontal ? Rect{std::min(a, b), across, std::abs(b - a), thickness}
                    : Rect{across, std::min(a, b), thickness, std::abs(b - a)};
}

// The legend (several series) and the value axis's title; returns the y below them.
double add_bar_header(const Context& ctx, const model::Chart& chart, std::vector<scene::Item>& items) {
  double y = chart.series.size() > 1 ? add_series_legend(ctx, chart, scene::MarkerShape::Square, 0, items) : 0;
  const double top = y > 0 ? y + ctx.theme().header_gap : 0;
  y = add_value_axis_title(ctx, chart, {ctx.theme().margin, top}, items);
  return y > top ? y + ctx.theme().header_gap : y;
}

ChartBody vertical_bars(const Context& ctx, const model::Chart& chart, const ChartFrame& frame) {
  const model::Theme& t = ctx.theme();
  ChartBody body;
  std::vector<scene::Item> under, marks, over;
  double y = add_bar_header(ctx, chart, over);
  const ValueAxis axis = bar_axis(chart, t.value_ticks);
  const double tick_h = ctx.shape("0", t.tick, 0, text::Wrap::Greedy, chart.loc)->height();
  const double label_h = ctx.shape("0", t.value_label, 0, text::Wrap::Greedy, chart.loc)->height() + t.tick_label_gap;
  const std::vector<ValueLabel> labels = value_labels(chart);
  // Room for the top tick label's upper half, and for value labels past the plot's ends.
  const double plot_top = y + std::max(tick_h / 2, labels.empty() ? 0 : label_h);
  const double plot_bottom = plot_top + t.plot_height;
  const scale::LinearScale v(axis.lo, axis.hi, plot_bottom, plot_top);
  add_vertical_value_axis(ctx, chart, axis, v, frame.plot_left, frame.plot_right, under, over);

  const std::size_t ns = chart.series.size(), nc = chart.x.size();
  const double slot = (frame.plot_right - frame.plot_left) / static_cast<double>(std::max<std::size_t>(nc, 1));
  // Few categories would make slabs: a column is at most column_width wide.
  const double group = std::min(slot * (1 - t.bar_gap), t.column_width * static_cast<double>(chart.stacked ? 1 : ns));
  const double width = chart.stacked ? group : group / static_cast<double>(std::max<std::size_t>(ns, 1));
  auto across = [&](std::size_t c, std::size_t s) {
    return frame.plot_left + static_cast<double>(c) * slot + (slot - group) / 2 +
           (chart.stacked ? 0 : static_cast<double>(s) * width);
  };
  const std::vector<Bar> bars = make_bars(chart);
  for (std::size_t k = 0; k < bars.size(); ++k) {
    const Bar& b = bars[k];
    const Rect r = bar_rect(v, b.from, b.to, across(b.category, b.series), width, false);
    marks.push_back(span_item(role::bar, -1, r, series_color(ctx, chart, b.series)));
    add_segment_label(ctx, chart, bars, k, r, over);
  }

  // Value labels over (under, for negatives) their bars, all or none: a label wider than its
  // bar would run into its neighbour's.
  bool below_zero = false;
  std::vector<scene::Item> texts;
  for (const ValueLabel& l : labels) {
    const std::string s = value_text(ctx, chart, l.value);
    auto shaped = ctx.shape(s, t.value_label, 0, text::Wrap::Greedy, chart.loc);
    const double room = chart.stacked || ns == 1 ? slot - t.tick_label_gap : width;
    if (shaped->width() > room) {
      ctx.diagnostics.warning(chart.loc, "the value labels do not fit over the columns; they are left out",
                              "use direction: horizontal, or fewer decimals");
      texts.clear();
      below_zero = false;
      break;
    }
    const double cx = across(l.category, l.series) + width / 2, end = v(l.end);
    const double top = l.end < 0 ? end + t.tick_label_gap : end - t.tick_label_gap - shaped->height();
    below_zero = below_zero || l.end < 0;
    texts.push_back(scene::text_item(role::value_label, -1, s, shaped, {cx - shaped->width() / 2, top}, t.value_label.color));
  }
  for (scene::Item& it : texts) over.push_back(std::move(it));

  std::vector<double> xs;
  for (std::size_t c = 0; c < nc; ++c) xs.push_back(frame.plot_left + (static_cast<double>(c) + 0.5) * slot);
  y = add_category_labels(ctx, chart, xs, slot, frame, plot_bottom + t.tick_label_gap + (below_zero ? label_h : 0), over);
  body.height = add_x_title(ctx, chart, frame, y, over);
  for (auto* part : {&under, &marks, &over})
    for (scene::Item& it : *part) body.items.push_back(std::move(it));
  return body;
}

ChartBody horizontal_bar_body(const Context& ctx, const model::Chart& chart, const ChartFrame& frame) {
  const model::Theme& t = ctx.theme();
  ChartBody body;
  std::vector<scene::Item> under, marks, over;
  const double plot_top = add_bar_header(ctx, chart, over) + t.header_gap;
  const std::size_t ns = chart.series.size();
  const double thickness = t.bar_width * static_cast<double>(chart.stacked ? 1 : ns);
  const double column = category_column(ctx, chart);

  // Rows: as tall as their label, at least the bars and their share of empty band.
  std::vector<double> row_top;
  double y = plot_top;
  for (const auto& x : chart.x) {
    auto shaped = ctx.shape(x.label, t.category, column, text::Wrap::Balanced, x.loc);
    const double h = std::max(shaped->height() + t.tick_label_gap, thickness / (1 - t.bar_gap));
    row_top.push_back(y);
    over.push_back(scene::text_item(role::tick_label, -1, x.label, shaped,
                                    {frame.plot_left - t.flag_pad - shaped->width(), y + (h - shaped->height()) / 2},
                                    t.category.color));
    y += h;
  }
  row_top.push_back(y);
  const double plot_bottom = y;

  // Value labels left of negative bars need room inside the plot; positive ones use the
  // right inset (chart_insets).
  const double neg_room = value_label_widths(ctx, chart).first;
  // As many ticks as fit under the plot without their labels touching.
  ValueAxis axis;
  for (int m = t.value_ticks; m >= 2; --m) {
    axis = bar_axis(chart, m);
    const scale::LinearScale probe(axis.lo, axis.hi, frame.plot_left + neg_room, frame.plot_right);
    const double spacing = axis.ticks.size() > 1 ? probe(axis.ticks[1]) - probe(axis.ticks[0]) : unbounded_px;
    if (spacing >= tick_labels_width(ctx, chart, axis) + t.label_gap) break;
  }
  const scale::LinearScale v(axis.lo, axis.hi, frame.plot_left + neg_room, frame.plot_right);
  y = add_horizontal_value_axis(ctx, chart, axis, v, plot_top, plot_bottom, under, over);

  auto across = [&](std::size_t c, std::size_t s) {
    const double h = row_top[c + 1] - row_top[c];
    return row_top[c] + (h - thickness) / 2 + (chart.stacked ? 0 : static_cast<double>(s) * t.bar_width);
  };
  const std::vector<Bar> bars = make_bars(chart);
  for (std::size_t k = 0; k < bars.size(); ++k) {
    const Bar& b = bars[k];
    const Rect r = bar_rect(v, b.from, b.to, across(b.category, b.series), t.bar_width, true);
    marks.push_back(span_item(role::bar, -1, r, series_color(ctx, chart, b.series)));
    add_segment_label(ctx, chart, bars, k, r, over);
  }
  for (const ValueLabel& l : value_labels(chart)) {
    const std::string s = value_text(ctx, chart, l.value);
    auto shaped = ctx.shape(s, t.value_label, 0, text::Wrap::Greedy, chart.loc);
    const double end = v(l.end);
    const double x = l.end < 0 ? end - t.tick_label_gap - shaped->width() : end + t.tick_label_gap;
    const double cy = across(l.category, l.series) + (chart.stacked ? thickness : t.bar_width) / 2;
    over.push_back(scene::text_item(role::value_label, -1, s, shaped, {x, cy - shaped->height() / 2}, t.value_label.color));
  }
  body.height = add_x_title(ctx, chart, frame, y, over);
  for (auto* part : {&under, &marks, &over})
    for (scene::Item& it : *part) body.items.push_back(std::move(it));
  return body;
}

}  // namespace

bool horizontal_bars(const Context& ctx, const model::Chart& chart) {
  if (chart.direction != model::BarDirection::Auto) return chart.direction == model::BarDirection::Horizontal;
  const ValueAxis axis = bar_axis(chart, ctx.theme().value_ticks);
  const double plot = content_width(ctx) - tick_labels_width(ctx, chart, axis) - ctx.theme().tick_label_gap;
  return !category_labels_fit(ctx, chart, plot / static_cast<double>(std::max<std::size_t>(chart.x.size(), 1)));
}

AxisInsets bar_insets(const Context& ctx, const model::Chart& chart) {
  const model::Theme& t = ctx.theme();
  if (horizontal_bars(ctx, chart)) return {category_column(ctx, chart) + t.flag_pad, value_label_widths(ctx, chart).second};
  return {tick_labels_width(ctx, chart, bar_axis(chart, t.value_ticks)) + t.tick_label_gap, 0};
}

ChartBody layout_bars(const Context& ctx, const model::Chart& chart, const ChartFrame& frame) {
  return horizontal_bars(ctx, chart) ? horizontal_bar_body(ctx, chart, frame) : vertical_bars(ctx, chart, frame);
}

}  // namespace factline::layout
