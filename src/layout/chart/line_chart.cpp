// Line charts: one polyline per unbroken run of each series (a missing value is a gap, never
// zero), points where a line would not show a value, an optional area down to zero, and the
// series named at the lines' ends (a legend when those labels cannot be stacked beside the
// plot).
#include <algorithm>
#include <numeric>

#include "layout/as_of.hpp"
#include "layout/axis.hpp"
#include "layout/chart/chart_parts.hpp"
#include "layout/placement/dodge.hpp"
#include "layout/shapes.hpp"

namespace factline::layout {
namespace {

ValueAxis line_axis(const Context& ctx, const model::Chart& chart) {
  const ValueRange r = value_range(chart, false);
  return make_value_axis(r.lo, r.hi, ctx.theme().value_ticks, chart.area);  // an area fills down to zero
}

std::optional<std::size_t> last_value(const model::Series& s) {
  for (std::size_t i = s.values.size(); i-- > 0;)
    if (s.values[i]) return i;
  return std::nullopt;
}

struct EndLabel {
  std::size_t series = 0;
  text::ShapedTextPtr shaped;
  double top = 0;  // from the plot's top
};

// End-of-line labels, each beside its series' last value, nudged apart vertically as little as
// possible (dodge.hpp). None when a series is unnamed or empty, or when the stack would reach
// past the plot by more than half a label at either end: a legend reads better then.
std::vector<EndLabel> end_labels(const Context& ctx, const model::Chart& chart, const ValueAxis& axis) {
  const model::Theme& t = ctx.theme();
  const scale::LinearScale v(axis.lo, axis.hi, t.plot_height, 0);
  std::vector<EndLabel> labels;
  std::vector<double> centres;
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    const auto last = last_value(chart.series[s]);
    if (chart.series[s].label.empty() || !last) return {};
    labels.push_back({s, ctx.shape(chart.series[s].label, t.series_label, t.label_width, text::Wrap::Balanced,
                                   chart.series[s].loc), 0});
    centres.push_back(v(*chart.series[s].values[*last]));
  }
  std::vector<std::size_t> order(labels.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return centres[a] < centres[b]; });
  std::vector<double> xs, gaps;
  for (std::size_t k = 0; k < order.size(); ++k) {
    xs.push_back(centres[order[k]]);
    if (k > 0) gaps.push_back((labels[order[k - 1]].shaped->height() + labels[order[k]].shaped->height()) / 2);
  }
  const std::vector<double> placed = dodge(xs, gaps);
  for (std::size_t k = 0; k < order.size(); ++k) {
    EndLabel& l = labels[order[k]];
    const double h = l.shaped->height();
    l.top = placed[k] - h / 2;
    if (l.top < -h / 2 || l.top + h > t.plot_height + h / 2) return {};
  }
  return labels;
}

// Categories run edge to edge, so the lines end at the plot's right edge, by their labels.
double category_step(const model::Chart& chart, const ChartFrame& frame) {
  const double w = frame.plot_right - frame.plot_left;
  return chart.x.size() > 1 ? w / static_cast<double>(chart.x.size() - 1) : w;
}

// Where each x sits: a date at the middle of the period it covers, a category on its step (a
// lone one in the middle).
std::vector<double> x_positions(const model::Chart& chart, const std::optional<scale::TimeScale>& time,
                                const ChartFrame& frame) {
  std::vector<double> xs;
  const double step = category_step(chart, frame);
  for (std::size_t i = 0; i < chart.x.size(); ++i) {
    const auto& d = chart.x[i].date;
    xs.push_back(time && d ? (*time)((static_cast<double>(calendar::first_day(*d)) + static_cast<double>(calendar::end_day(*d))) / 2)
                 : chart.x.size() > 1 ? frame.plot_left + static_cast<double>(i) * step
                                      : (frame.plot_left + frame.plot_right) / 2);
  }
  return xs;
}

// One series' marks: a line per run of present values, its area, and points.
void add_series(const Context& ctx, const model::Chart& chart, std::size_t s, const std::vector<double>& xs,
                const scale::LinearScale& v, double base, std::vector<scene::Item>& areas,
                std::vector<scene::Item>& lines, std::vector<scene::Item>& points) {
  const model::Theme& t = ctx.theme();
  const Color c = series_color(ctx, chart, s);
  const auto& values = chart.series[s].values;
  const auto last = last_value(chart.series[s]);
  for (std::size_t i = 0; i < values.size();) {
    if (!values[i]) {
      ++i;
      continue;
    }
    std::vector<Point> run;
    for (; i < values.size() && values[i]; ++i) run.push_back({xs[i], v(*values[i])});
    if (chart.area && run.size() > 1) {
      std::vector<Point> poly = run;
      poly.push_back({run.back().x, base});
      poly.push_back({run.front().x, base});
      Color tint = c;
      tint.a = static_cast<std::uint8_t>(t.area_alpha);
      areas.push_back(area_item(role::area, -1, std::move(poly), tint));
    }
    // A lone value draws no line: a point shows it. The last value gets one too, by its label.
    if (run.size() == 1 && i - 1 != *last)
      points.push_back(marker_item(role::point, -1, run[0], t.point_radius, c, std::nullopt));
    if (run.size() > 1) lines.push_back(line_item(role::line, -1, std::move(run), {c, t.line_width, {}}));
  }
  if (last) points.push_back(marker_item(role::point, -1, {xs[*last], v(*values[*last])}, t.point_radius, c, std::nullopt));
}

}  // namespace

AxisInsets line_insets(const Context& ctx, const model::Chart& chart) {
  const model::Theme& t = ctx.theme();
  const ValueAxis axis = line_axis(ctx, chart);
  double right = 0;
  for (const EndLabel& l : end_labels(ctx, chart, axis)) right = std::max(right, l.shaped->width() + t.flag_pad);
  return {tick_labels_width(ctx, chart, axis) + t.tick_label_gap, right};
}

ChartBody layout_lines(const Context& ctx, const model::Chart& chart, const ChartFrame& frame) {
  const model::Theme& t = ctx.theme();
  ChartBody body;
  std::vector<scene::Item> under, areas, rules, lines, points, over;
  const ValueAxis axis = line_axis(ctx, chart);
  std::vector<EndLabel> labels = end_labels(ctx, chart, axis);
  double y = labels.empty() && !chart.series.empty()
                 ? add_series_legend(ctx, chart, scene::MarkerShape::Circle, 0, over) + t.header_gap
                 : 0;
  std::optional<scale::TimeScale> time = frame.time_scale;
  if (chart.x_dates && !time) {
    const auto [first, end] = chart_time_extent(ctx, chart);
    time.emplace(first, end, frame.plot_left, frame.plot_right);
  }
  ChartEvents events;
  if (time && shows_events(ctx.doc, chart)) events = place_chart_events(ctx, *time, ctx.width - t.margin);
  const double tick_h = ctx.shape("0", t.tick, 0, text::Wrap::Greedy, chart.loc)->height();
  // The value axis's title stands over the top tick, under the events' labels, whenever no
  // event's rule would cross it (an event near the left edge); else above the labels.
  std::vector<scene::Item> title;
  add_value_axis_title(ctx, chart, {t.margin, 0}, title);
  const double title_right = title.empty() ? 0 : title[0].box.right() + t.label_gap;
  const bool title_under = !title.empty() && events.height > 0 &&
                           std::none_of(events.xs.begin(), events.xs.end(), [&](double x) { return x <= title_right; });
  double zone_bottom = 0, plot_top = 0;
  if (title_under) {
    zone_bottom = y + t.header_gap + events.height;
    move_items(title, {0, zone_bottom + t.header_gap});
    plot_top = title[0].box.bottom() + t.header_gap + tick_h / 2;
  } else {
    move_items(title, {0, y});
    if (!title.empty()) y = title[0].box.bottom();
    plot_top = zone_bottom = y + t.header_gap + std::max(tick_h / 2, events.height);
  }
  for (scene::Item& it : title) over.push_back(std::move(it));
  const double plot_bottom = plot_top + t.plot_height;
  const scale::LinearScale v(axis.lo, axis.hi, plot_bottom, plot_top);
  add_vertical_value_axis(ctx, chart, axis, v, frame.plot_left, frame.plot_right, under, over);

  const std::vector<double> xs = x_positions(chart, time, frame);
  const double base = v(axis.lo <= 0 && axis.hi >= 0 ? 0.0 : axis.lo);
  for (std::size_t s = 0; s < chart.series.size(); ++s) add_series(ctx, chart, s, xs, v, base, areas, lines, points);
  for (const EndLabel& l : labels) {
    const model::Series& s = chart.series[l.series];
    over.push_back(scene::text_item(role::series_label, -1, s.label, l.shaped, {frame.plot_right + t.flag_pad, plot_top + l.top},
                                    readable_on(series_color(ctx, chart, l.series), t.background)));
  }
  add_event_rules(ctx, events, zone_bottom, plot_top, plot_bottom, under, rules);
  move_items(events.labels, {0, zone_bottom});
  for (scene::Item& it : events.labels) over.push_back(std::move(it));

  if (time) {
    const AxisBand band{frame.plot_left, frame.plot_right, plot_bottom,
                        time_axis_band_height(ctx, *time, frame.plot_left, frame.plot_right)};
    // The reference date, when the chart's range holds it, as on a timeline.
    const std::optional<Rect> clear = add_as_of_mark(ctx, *time, band, plot_top, plot_bottom, rules, over);
    layout_axis_band(ctx, *time, band, clear, under, over);
    y = band.top + band.height;
  } else {
    y = add_category_labels(ctx, chart, xs, category_step(chart, frame), frame, plot_bottom + t.tick_label_gap, over);
  }
  body.height = add_x_title(ctx, chart, frame, y, over);
  for (auto* part : {&under, &areas, &rules, &lines, &points, &over})
    for (scene::Item& it : *part) body.items.push_back(std::move(it));
  return body;
}

}  // namespace factline::layout
