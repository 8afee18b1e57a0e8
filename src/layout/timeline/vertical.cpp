#include "layout/timeline/vertical.hpp"

#include <algorithm>
#include <cmath>

#include "layout/as_of.hpp"
#include "layout/axis.hpp"
#include "layout/palette.hpp"
#include "layout/placement/dodge.hpp"
#include "layout/placement/lanes.hpp"
#include "layout/shapes.hpp"
#include "layout/timeline/eras.hpp"
#include "scale/time_scale.hpp"

namespace factline::layout {
namespace {

constexpr double min_length_share = 0.4;  // the axis is at least this share of the page width
constexpr double min_lane_pitch = 2;      // span lanes narrow to this (a 1 px bar, 1 px apart) before labels do
constexpr double min_column_ems = 4;      // the labels' column is never narrower than this many title ems

// The as-of label's column, left of the tick labels in the gutter (0 without as_of): one line
// when a tenth of the page holds it, else wrapped between words.
double as_of_room(const Context& ctx) {
  const double w = std::min(as_of_label_width(ctx), std::max(0.1 * ctx.width, as_of_label_width(ctx, true)));
  return w > 0 ? std::ceil(w) + ctx.theme().axis_band_pad : 0;
}

}  // namespace

std::vector<std::pair<double, scene::Item>> vertical_ticks(const Context& ctx, const scale::TimeScale& sc, double axis_x) {
  const model::Theme& t = ctx.theme();
  std::vector<std::pair<double, scene::Item>> out;
  double last_bottom = -unbounded_px;
  for (const auto& tick : scale::scale_ticks(sc, t.max_ticks * 2, ctx.doc.locale)) {
    const double y = sc(static_cast<double>(tick.day));
    const model::TextRole& style = tick_style(t, tick);
    auto shaped = ctx.shape(tick.label, style, 0, text::Wrap::Greedy, {});
    const Point at{axis_x - t.tick_length - t.axis_band_pad - shaped->width(), y - shaped->height() / 2};
    scene::Item label = scene::text_item(role::tick, -1, tick.label, shaped, at, style.color);
    if (label.box.y < last_bottom + 2) continue;  // too crowded
    last_bottom = label.box.bottom();
    out.emplace_back(y, std::move(label));
  }
  return out;
}

double vertical_tick_gutter(const Context& ctx, const scale::TimeScale& sc) {
  const model::Theme& t = ctx.theme();
  double w = 0;
  for (const auto& tick : scale::scale_ticks(sc, t.max_ticks * 2, ctx.doc.locale))
    w = std::max(w, ctx.shape(tick.label, t.tick_major, 0, text::Wrap::Greedy, {})->width());
  return as_of_room(ctx) + w + t.tick_length + 2 * t.axis_band_pad;
}

void add_vertical_axis(const Context& ctx, const scale::TimeScale& sc, const VerticalAxis& a,
                       std::vector<scene::Item>& items) {
  const model::Theme& t = ctx.theme();
  const scene::Stroke stroke{t.axis, t.axis_width, {}};
  items.push_back(line_item(role::axis, -1, {{a.x, a.y0}, {a.x, a.y1}}, stroke));
  for (std::size_t k = 1; k < sc.segments().size(); ++k) {
    const double lo = sc.segments()[k - 1].r1, hi = sc.segments()[k].r0;
    add_axis_break(ctx, {a.x - t.band_height, lo, 2 * t.band_height, hi - lo}, false, items);
  }
  const std::optional<Rect> clear = add_vertical_as_of_mark(ctx, sc, t.margin, a.as_of_end, t.margin + a.era_width,
                                                            as_of_room(ctx), a.x - t.tick_length, items);
  for (auto& [y, label] : vertical_ticks(ctx, sc, a.x)) {
    if (clear && clear->overlaps(label.box)) continue;
    items.push_back(line_item(role::tick_mark, -1, {{a.x - t.tick_length, y}, {a.x, y}}, stroke));
    items.push_back(std::move(label));
  }
}

namespace {

class Vertical {
 public:
  Vertical(const Context& ctx, const TimelineInput& in) : ctx_(ctx), t_(ctx.theme()), in_(in) {
    outer_ = marker_outer(t_);
    for (int i = 0; i < static_cast<int>(ctx.doc.events.size()); ++i)
      if (!ctx.doc.events[i].era) order_.push_back(i);
    std::stable_sort(order_.begin(), order_.end(), [&](int a, int b) { return anchor(a) < anchor(b); });
    range_of_.resize(ctx.doc.events.size());
    for (std::size_t r = 0; r < in_.ranges.size(); ++r) range_of_[in_.ranges[r]] = r;
  }

  // The axis's length for labels `stacked` tall (axis_length's sum) once stretched, without the
  // labels: what a page of these events needs at least.
  double axis_estimate(double stacked) {
    const double length = stretch_axis(std::max(stacked, ctx_.width * min_length_share), outer_);
    return place_markers_from(outer_, length) + length;
  }

  Body run() {
    Body body;
    body.width = ctx_.width;
    layout_lanes();
    double length = axis_length();
    double depth = 0;
    for (int i : order_) depth = std::max(depth, anchor_depth(i));
    length = stretch_axis(length, std::max(outer_, depth));
    const double top = place_markers_from(std::max(outer_, depth), length);
    gutter_ = vertical_tick_gutter(ctx_, scale_);
    era_width_ = era_column_width(ctx_);
    axis_x_ = t_.margin + era_width_ + gutter_;
    // The span lanes at the theme's pitch, narrowed (to min_lane_pitch) where that would push the
    // labels' column past the right margin.
    const int lanes = lane_count();
    const double full = lane_width() + t_.lane_gap;
    const double room = ctx_.width - t_.margin - t_.flag_pad - vertical_label_width(ctx_) - t_.leader_channel - outer_ - axis_x_;
    lane_pitch_ = lanes == 0 ? full : std::min(full, std::max(room / lanes, min_lane_pitch));
    column_x_ = axis_x_ + outer_ + lanes_width() + t_.leader_channel;
    const std::vector<double> tops = label_tops();
    // Markers may stack past the axis's ends (before the first tick, after the last): the axis
    // reaches them.
    double axis_start = top, axis_end = top + length;
    for (double y : marker_y_) axis_start = std::min(axis_start, y), axis_end = std::max(axis_end, y);
    double bottom = axis_end + outer_;
    for (std::size_t k = 0; k < order_.size(); ++k)
      bottom = std::max(bottom, tops[k] + in_.blocks[order_[k]].height);
    add_vertical_axis(ctx_, scale_, {axis_x_, axis_start, axis_end, axis_x_ + outer_ + lanes_width(), era_width_},
                      body.items);
    add_events(body, tops);
    body.height = bottom;
    add_eras_vertical(ctx_, in_, scale_, t_.margin, ctx_.width - t_.margin, t_.margin, body);
    return body;
  }

 private:
  // Where an event's label wants to be: a point's marker, a span's start.
  double anchor(int i) const {
    const model::EventDays& x = in_.extents[i];
    return ctx_.doc.events[i].is_span ? static_cast<double>(x.first) : x.mid();
  }
  // Leaders meet a label at the middle of its first line (the date).
  double anchor_depth(int i) const {
    const auto& items = in_.blocks[i].items;
    return items.empty() ? 0 : items[0].box.h / 2;
  }

  void layout_lanes() {
    std::vector<Interval> iv;
    for (int i : in_.ranges) iv.push_back({static_cast<double>(in_.extents[i].first), static_cast<double>(in_.extents[i].end)});
    lanes_ = pack_lanes(iv);
  }
  double lane_width() const { return t_.vertical_span_width; }
  int lane_count() const { return lanes_.empty() ? 0 : *std::max_element(lanes_.begin(), lanes_.end()) + 1; }
  double lanes_width() const { return lane_count() * lane_pitch_; }
  // A lane's bar and the gap before it, at lane_pitch_ (the theme's, or narrowed in proportion).
  double bar_width() const { return lane_pitch_ * lane_width() / (lane_width() + t_.lane_gap); }

  // Point events (in order_) grouped by the pair of labelled ticks their dates fall between:
  // for each group, its first index in order_, one past its last, and the ticks' y (infinite
  // past the first and last tick).
  struct MarkerRun {
    std::size_t first, end;
    double lower, upper;
  };
  std::vector<MarkerRun> marker_runs() const {
    std::vector<double> ticks;
    for (const auto& [y, label] : vertical_ticks(ctx_, scale_, axis_x_)) ticks.push_back(y);
    std::vector<MarkerRun> runs;
    for (std::size_t k = 0; k < order_.size(); ++k) {
      if (ctx_.doc.events[order_[k]].is_span) continue;
      const double y = scale_(anchor(order_[k]));
      const auto j = static_cast<std::size_t>(std::upper_bound(ticks.begin(), ticks.end(), y) - ticks.begin());
      const double lower = j > 0 ? ticks[j - 1] : -unbounded_px, upper = j < ticks.size() ? ticks[j] : unbounded_px;
      if (!runs.empty() && runs.back().lower == lower) runs.back().end = k + 1;
      else runs.push_back({k, k + 1, lower, upper});
    }
    return runs;
  }

  // How much the axis must grow for every run of markers to fit between its ticks (1: none).
  double marker_stretch() const {
    const double spacing = marker_spacing(t_);
    double s = 1;
    for (const MarkerRun& r : marker_runs()) {
      std::size_t n = 0;
      for (std::size_t k = r.first; k < r.end; ++k) n += !ctx_.doc.events[order_[k]].is_span;
      if (n > 1 && r.upper < unbounded_px && r.lower > -unbounded_px)
        s = std::max(s, static_cast<double>(n - 1) * spacing / (r.upper - r.lower));
    }
    return s;
  }

  // Markers apart by marker_spacing, as near their dates as they can be, each between the tick
  // labels around its date (a marker never passes a neighbouring tick). Per order_; a span's
  // entry is its start.
  std::vector<double> place_markers() const {
    std::vector<double> out;
    for (int i : order_) out.push_back(scale_(anchor(i)));
    const double spacing = marker_spacing(t_);
    for (const MarkerRun& r : marker_runs()) {
      std::vector<std::size_t> ks;
      std::vector<double> ys;
      for (std::size_t k = r.first; k < r.end; ++k)
        if (!ctx_.doc.events[order_[k]].is_span) ks.push_back(k), ys.push_back(out[k]);
      std::vector<double> placed = dodge(ys, std::vector<double>(ys.size() > 0 ? ys.size() - 1 : 0, spacing), r.lower);
      if (!placed.empty() && placed.back() > r.upper) {  // pushed past the next tick: stack up from it
        std::vector<double> mirrored;
        for (std::size_t m = ys.size(); m-- > 0;) mirrored.push_back(-ys[m]);
        placed = dodge(mirrored, std::vector<double>(mirrored.size() - 1, spacing), -r.upper);
        std::reverse(placed.begin(), placed.end());
        for (double& y : placed) y = -y;
      }
      for (std::size_t m = 0; m < ks.size(); ++m) out[ks[m]] = placed[m];
    }
    return out;
  }

  // The axis stretched (a few times at most: breaks keep their width) until every run of
  // markers fits between the tick labels around it, or the page's limit is reached; its length.
  double stretch_axis(double length, double top) {
    const double breaks = t_.axis_break * static_cast<double>(in_.breaks.size());
    for (int round = 0; round < 4; ++round) {
      scale_ = scale::TimeScale(in_.first, in_.last, top, top + length, in_.breaks, t_.axis_break);
      const double s = std::min(marker_stretch(), (model::max_page_px - breaks) / std::max(length - breaks, 1.0));
      if (s <= 1.0001) break;
      length = breaks + s * (length - breaks);
    }
    return length;
  }

  // Places the markers (marker_y_) on the axis from `top`; a run before the first tick that
  // stacks up past the top of the body (over the header) moves the whole axis down by as much.
  // Returns the axis's top.
  double place_markers_from(double top, double length) {
    marker_y_ = place_markers();
    const double above = marker_y_.empty() ? 0 : top - *std::min_element(marker_y_.begin(), marker_y_.end());
    if (above <= 0) return top;
    top += above;
    scale_ = scale::TimeScale(in_.first, in_.last, top, top + length, in_.breaks, t_.axis_break);
    marker_y_ = place_markers();
    return top;
  }

  // Room for every label at least once, so a spread-out history reads at its true pace.
  double axis_length() const {
    double total = 0;
    for (int i : order_) total += in_.blocks[i].height + t_.label_gap;
    return std::max(total, ctx_.width * min_length_share);
  }

  std::vector<double> label_tops() const {
    std::vector<double> targets, gaps;
    for (std::size_t k = 0; k < order_.size(); ++k) {
      targets.push_back(scale_(anchor(order_[k])) - anchor_depth(order_[k]));
      if (k + 1 < order_.size()) gaps.push_back(in_.blocks[order_[k]].height + t_.label_gap);
    }
    return dodge(targets, gaps, 0);  // nothing above the body's top
  }

  void add_events(Body& body, const std::vector<double>& tops) const;

  const Context& ctx_;
  const model::Theme& t_;
  const TimelineInput& in_;
  std::vector<int> order_;  // all events by anchor
  std::vector<int> lanes_;  // per span (in_.ranges order)
  std::vector<std::size_t> range_of_;  // per event: its index in in_.ranges (spans only)
  scale::TimeScale scale_{0, 1, 0, 1};
  std::vector<double> marker_y_;  // per order_: where each point's marker sits (place_markers)
  double outer_ = 0, gutter_ = 0, era_width_ = 0, axis_x_ = 0, column_x_ = 0, lane_pitch_ = 0;
};

void Vertical::add_events(Body& body, const std::vector<double>& tops) const {
  std::vector<scene::Item> leaders, marks, labels;
  for (std::size_t k = 0; k < order_.size(); ++k) {
    const int i = order_[k];
    const model::Event& e = ctx_.doc.events[i];
    const Color c = event_color(ctx_, i);
    const bool tent = tentative(ctx_, i);
    double start_x = axis_x_ + outer_, y = marker_y_[k];
    if (e.is_span) {
      const std::size_t r = range_of_[i];
      const double x = axis_x_ + outer_ + (lane_pitch_ - bar_width()) + lanes_[r] * lane_pitch_;
      const double y0 = scale_(static_cast<double>(in_.extents[i].first)), y1 = scale_(static_cast<double>(in_.extents[i].end));
      Color tint = c;
      tint.a = static_cast<std::uint8_t>(std::min(255, 2 * t_.span_alpha));  // narrow bars need more ink
      marks.push_back(status_span(ctx_, role::span, i, {x, y0, bar_width(), std::max(y1 - y0, 4 * marker_outer(t_))}, tint));
      start_x = x + bar_width();
      y = y0;
    } else {
      if (e.date.precision != calendar::Precision::Day) {
        Color strip = c;
        strip.a = t_.band.a;
        const double y0 = scale_(static_cast<double>(in_.extents[i].first)), y1 = scale_(static_cast<double>(in_.extents[i].end));
        body.items.push_back(span_item(role::precision, i, {axis_x_ - t_.band_height, y0, t_.band_height, y1 - y0}, strip));
      }
      const double exact = scale_(anchor(i));
      if (std::abs(y - exact) > 0.5)  // a moved marker: its true date, marked across the axis
        leaders.push_back(line_item(role::date_tick, i, {{axis_x_, exact}, {axis_x_ + outer_, exact}},
                                    scene::Stroke{c, t_.date_tick_width, {}}));
      const scene::Stroke ring{tent ? c : t_.background, t_.marker_stroke, {}};
      marks.push_back(marker_item(role::event_marker, i, {axis_x_, y}, t_.marker_radius, tent ? t_.background : c, ring));
      set_marker_shape(marks.back(), group_shape(ctx_, e.group));
    }
    const double anchor_y = tops[k] + anchor_depth(i);
    const scene::Stroke leader{t_.leader, t_.stem_width, tent ? t_.tentative_dash : std::vector<double>{}};
    leaders.push_back(line_item(role::leader, i,
                                {{start_x, y}, {column_x_ - t_.leader_channel * 0.75, y}, {column_x_, anchor_y},
                                 {column_x_ + t_.flag_pad / 2, anchor_y}},
                                leader));
    for (scene::Item& it : in_.blocks[i].placed_at({column_x_ + t_.flag_pad, tops[k]})) labels.push_back(std::move(it));
  }
  for (auto* layer : {&leaders, &marks, &labels})
    for (scene::Item& it : *layer) body.items.push_back(std::move(it));
}

}  // namespace

double vertical_label_width(const Context& ctx) {
  const model::Theme& t = ctx.theme();
  // Ticks are not known yet: reserve room for the widest label one can have, a full date in
  // the earliest year (the first tick of a short axis carries its year and month).
  calendar::Date earliest{ctx.doc.events.empty() ? 1 : ctx.doc.events[0].date.year, 12, 28, calendar::Precision::Day};
  for (const auto& e : ctx.doc.events) earliest.year = std::min(earliest.year, e.date.year);
  const double gutter = as_of_room(ctx) +
                        ctx.shape(calendar::format_date(earliest, ctx.doc.locale), t.tick_major, 0, text::Wrap::Greedy, {})
                            ->width() + t.tick_length + 2 * t.axis_band_pad;
  // The span lanes between the axis and the labels: as many as spans overlap at most.
  std::vector<Interval> spans;
  for (std::size_t i = 0; i < ctx.doc.events.size(); ++i)
    if (ctx.doc.events[i].is_span && !ctx.doc.events[i].era)
      spans.push_back({static_cast<double>(ctx.time.event(i).first), static_cast<double>(ctx.time.event(i).end)});
  const std::vector<int> lanes = pack_lanes(spans);
  const int n = lanes.empty() ? 0 : *std::max_element(lanes.begin(), lanes.end()) + 1;
  const double fixed = 2 * t.margin + era_column_width(ctx) + gutter + marker_outer(t) + t.leader_channel + t.flag_pad;
  // The labels take the rest of the page's width; never less than the theme's label width while
  // narrower span lanes make room for it, nor than what the narrowest lanes leave on a narrow
  // page (at least a few characters).
  const double column = ctx.width - fixed - n * (t.vertical_span_width + t.lane_gap);
  return std::max({column, std::min(t.label_width, ctx.width - fixed - n * min_lane_pitch), min_column_ems * t.event_title.size});
}

Body layout_vertical(const Context& ctx, const TimelineInput& in) { return Vertical(ctx, in).run(); }

double vertical_axis_estimate(const Context& ctx, const TimelineInput& in, double stacked) {
  return Vertical(ctx, in).axis_estimate(stacked);
}

}  // namespace factline::layout
