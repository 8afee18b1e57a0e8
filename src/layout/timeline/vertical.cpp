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

  Body run() {
    Body body;
    body.width = ctx_.width;
    layout_lanes();
    const double length = axis_length();
    double depth = 0;
    for (int i : order_) depth = std::max(depth, anchor_depth(i));
    const double top = std::max(outer_, depth);
    scale_ = scale::TimeScale(in_.first, in_.last, top, top + length, in_.breaks, t_.axis_break);
    gutter_ = tick_gutter();
    era_width_ = era_column_width(ctx_);
    axis_x_ = t_.margin + era_width_ + gutter_;
    column_x_ = axis_x_ + outer_ + lanes_width() + t_.leader_channel;
    const std::vector<double> tops = label_tops();
    double bottom = top + length + outer_;
    for (std::size_t k = 0; k < order_.size(); ++k)
      bottom = std::max(bottom, tops[k] + in_.blocks[order_[k]].height);
    add_axis(body, top, top + length);
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
  double lanes_width() const {
    const int n = lanes_.empty() ? 0 : *std::max_element(lanes_.begin(), lanes_.end()) + 1;
    return n * (lane_width() + t_.lane_gap);
  }

  // As wide as the widest tick label add_axis will draw.
  double tick_gutter() const {
    double w = 0;
    for (const auto& tick : scale::scale_ticks(scale_, t_.max_ticks * 2, ctx_.doc.locale))
      w = std::max(w, ctx_.shape(tick.label, t_.tick_major, 0, text::Wrap::Greedy, {})->width());
    return w + t_.tick_length + 2 * t_.axis_band_pad;
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

  void add_axis(Body& body, double y0, double y1) const;
  void add_events(Body& body, const std::vector<double>& tops) const;

  const Context& ctx_;
  const model::Theme& t_;
  const TimelineInput& in_;
  std::vector<int> order_;  // all events by anchor
  std::vector<int> lanes_;  // per span (in_.ranges order)
  std::vector<std::size_t> range_of_;  // per event: its index in in_.ranges (spans only)
  scale::TimeScale scale_{0, 1, 0, 1};
  double outer_ = 0, gutter_ = 0, era_width_ = 0, axis_x_ = 0, column_x_ = 0;
};

void Vertical::add_axis(Body& body, double y0, double y1) const {
  const scene::Stroke stroke{t_.axis, t_.axis_width, {}};
  body.items.push_back(line_item(role::axis, -1, {{axis_x_, y0}, {axis_x_, y1}}, stroke));
  for (std::size_t k = 1; k < scale_.segments().size(); ++k) {
    const double a = scale_.segments()[k - 1].r1, b = scale_.segments()[k].r0;
    add_axis_break(ctx_, {axis_x_ - t_.band_height, a, 2 * t_.band_height, b - a}, false, body.items);
  }
  // The as-of line crosses the axis and the span lanes; its label sits in the tick gutter.
  const double lanes_end = axis_x_ + outer_ + lanes_width();
  const std::optional<Rect> clear = add_vertical_as_of_mark(ctx_, scale_, t_.margin, lanes_end, t_.margin + era_width_,
                                                            gutter_ - t_.tick_length, body.items);
  double last_bottom = -unbounded_px;
  for (const auto& tick : scale::scale_ticks(scale_, t_.max_ticks * 2, ctx_.doc.locale)) {
    const double y = scale_(static_cast<double>(tick.day));
    const model::TextRole& style = tick_style(t_, tick);
    auto shaped = ctx_.shape(tick.label, style, 0, text::Wrap::Greedy, {});
    const Point at{axis_x_ - t_.tick_length - t_.axis_band_pad - shaped->width(), y - shaped->height() / 2};
    scene::Item label = scene::text_item(role::tick, -1, tick.label, shaped, at, style.color);
    if (label.box.y < last_bottom + 2 || (clear && clear->overlaps(label.box))) continue;  // too crowded
    last_bottom = label.box.bottom();
    body.items.push_back(line_item(role::tick_mark, -1, {{axis_x_ - t_.tick_length, y}, {axis_x_, y}}, stroke));
    body.items.push_back(std::move(label));
  }
}

void Vertical::add_events(Body& body, const std::vector<double>& tops) const {
  std::vector<scene::Item> leaders, marks, labels;
  std::vector<double> ys;
  for (int i : order_) ys.push_back(scale_(anchor(i)));
  const std::vector<double> marker_y = dodge(ys, marker_spacing(t_));
  for (std::size_t k = 0; k < order_.size(); ++k) {
    const int i = order_[k];
    const model::Event& e = ctx_.doc.events[i];
    const Color c = event_color(ctx_, i);
    const bool tent = tentative(ctx_, i);
    double start_x = axis_x_ + outer_, y = marker_y[k];
    if (e.is_span) {
      const std::size_t r = range_of_[i];
      const double x = axis_x_ + outer_ + t_.lane_gap + lanes_[r] * (lane_width() + t_.lane_gap);
      const double y0 = scale_(static_cast<double>(in_.extents[i].first)), y1 = scale_(static_cast<double>(in_.extents[i].end));
      Color tint = c;
      tint.a = static_cast<std::uint8_t>(std::min(255, 2 * t_.span_alpha));  // narrow bars need more ink
      marks.push_back(status_span(ctx_, role::span, i, {x, y0, lane_width(), std::max(y1 - y0, 4 * marker_outer(t_))}, tint));
      start_x = x + lane_width();
      y = y0;
    } else {
      if (e.date.precision != calendar::Precision::Day) {
        Color strip = c;
        strip.a = t_.band.a;
        const double y0 = scale_(static_cast<double>(in_.extents[i].first)), y1 = scale_(static_cast<double>(in_.extents[i].end));
        body.items.push_back(span_item(role::precision, i, {axis_x_ - t_.band_height, y0, t_.band_height, y1 - y0}, strip));
      }
      const scene::Stroke ring{tent ? c : t_.background, t_.marker_stroke, {}};
      marks.push_back(marker_item(role::event_marker, i, {axis_x_, y}, t_.marker_radius, tent ? t_.background : c, ring));
    marks.back().shape = group_shape(ctx_, e.group);
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
  const double gutter = ctx.shape(calendar::format_date(earliest, ctx.doc.locale), t.tick_major, 0, text::Wrap::Greedy, {})
                            ->width() + t.tick_length + 2 * t.axis_band_pad;
  const double column = ctx.width - 2 * t.margin - era_column_width(ctx) - gutter - t.leader_channel - t.flag_pad;
  return std::clamp(column, t.label_width, 2 * t.label_width);
}

Body layout_vertical(const Context& ctx, const TimelineInput& in) { return Vertical(ctx, in).run(); }

}  // namespace factline::layout
