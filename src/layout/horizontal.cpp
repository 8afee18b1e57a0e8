#include "layout/horizontal.hpp"

#include <algorithm>
#include <cmath>

#include "layout/axis.hpp"
#include "layout/dodge.hpp"
#include "layout/flag_placement.hpp"
#include "layout/furniture.hpp"
#include "layout/lanes.hpp"
#include "layout/shapes.hpp"
#include "layout/wording.hpp"
#include "scale/time_scale.hpp"

namespace factline::layout {
namespace {

constexpr double min_axis_share = 0.6;  // of the space between the margins

// A span's label: its title and date range on one line, inside the bar when they fit.
struct SpanLabel {
  scene::Item title, date;
  double width = 0, height = 0;
};

struct Placement {
  scale::TimeScale scale{0, 1, 0, 1};
  std::vector<double> markers;       // marker x per point event (time order), nudged apart
  std::vector<FlagPlacement> flags;  // per point event (time order)
  std::vector<int> lanes;            // per span (start order)
  double above = 0, below = 0;       // label zone depths
  double nudge = 0, bend = 0;        // largest marker nudge and leader bend, px
  bool fits = false;
};

class Horizontal {
 public:
  Horizontal(const Context& ctx, const TimelineInput& in) : ctx_(ctx), t_(ctx.theme()), in_(in) {
    outer_ = t_.marker_radius + t_.marker_stroke / 2;
    for (int i : in_.ranges) span_labels_.push_back(span_label(i));
    std::vector<double> widths, heights;
    for (int i : in_.points) widths.push_back(in_.blocks[i].width), heights.push_back(in_.blocks[i].height + t_.label_gap);
    max_bend_ = median(widths) * t_.max_nudge_factor;
    ref_height_ = median(heights);
    tallest_ = heights.empty() ? 0 : *std::max_element(heights.begin(), heights.end());
    max_nudge_ = same_day_nudge() + 2 * (2 * outer_ + 1);
  }

  std::optional<Body> run() {
    for (double w = ctx_.width; w <= max_page_width; w *= 1.25) {
      if (auto p = best_for_width(w)) return build(*p, w);
    }
    return std::nullopt;
  }

 private:
  static double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
    return v[v.size() / 2];
  }

  double same_day_nudge() const {
    int run = 1, longest = 1;
    for (std::size_t k = 1; k < in_.points.size(); ++k) {
      run = in_.extents[in_.points[k]].mid() == in_.extents[in_.points[k - 1]].mid() ? run + 1 : 1;
      longest = std::max(longest, run);
    }
    return (longest - 1) * (2 * outer_ + 1) / 2;
  }

  // The smallest height budget whose leaders bend no more than allowed (LABEL_PLACEMENT §4).
  std::optional<Placement> best_for_width(double width) const {
    for (double k : {1.0, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0, 16.0}) {
      const double budget = std::max(tallest_, k * ref_height_);
      Placement p = place(width, budget);
      if (p.fits && p.bend <= max_bend_) return p;
    }
    Placement p = place(width, 1e300);
    if (p.fits) return p;
    return std::nullopt;
  }

  // Fits everything between the margins: shrinks the axis until nothing sticks out.
  Placement place(double width, double budget) const {
    const double left = t_.margin, right = width - t_.margin;
    double a0 = left + outer_, a1 = right - outer_;
    for (int round = 0;; ++round) {
      Placement p = place_on(scale::TimeScale(in_.first, in_.last, a0, a1), budget);
      double over_left = 0, over_right = 0;
      extents(p, [&](double l, double r) {
        over_left = std::max(over_left, left - l);
        over_right = std::max(over_right, r - right);
      });
      // An axis squeezed to a stub is no time axis: below the minimum share, the page must grow.
      const bool long_enough = a1 - a0 >= min_axis_share * (right - left);
      p.fits = over_left <= 0.01 && over_right <= 0.01 && p.nudge <= max_nudge_ && long_enough;
      if (p.fits || round == 8 || !long_enough) return p;
      a0 += over_left, a1 -= over_right;
    }
  }

  Placement place_on(const scale::TimeScale& sc, double budget) const {
    Placement p;
    p.scale = sc;
    std::vector<double> exact;
    for (int i : in_.points) exact.push_back(sc(in_.extents[i].mid()));
    p.markers = dodge(exact, 2 * outer_ + 1);
    std::vector<FlagInput> flags;
    for (std::size_t k = 0; k < in_.points.size(); ++k) {
      const LabelBlock& b = in_.blocks[in_.points[k]];
      flags.push_back({p.markers[k], t_.flag_pad + b.width, b.height});
      p.nudge = std::max(p.nudge, std::abs(p.markers[k] - exact[k]));
    }
    p.flags = place_flags(flags, {t_.stem_spacing, t_.label_gap, budget, in_.ranges.empty()});
    for (std::size_t k = 0; k < flags.size(); ++k) {
      const double depth = p.flags[k].offset + flags[k].height;
      (p.flags[k].side == Side::Above ? p.above : p.below) = std::max(p.flags[k].side == Side::Above ? p.above : p.below, depth);
      p.bend = std::max(p.bend, p.markers[k] - p.flags[k].stem);
    }
    std::vector<Interval> spans;
    for (std::size_t r = 0; r < in_.ranges.size(); ++r) spans.push_back(span_interval(sc, r));
    p.lanes = pack_lanes(spans);
    return p;
  }

  // Left and right ends of everything drawn, for fitting between the margins.
  template <class F>
  void extents(const Placement& p, F&& f) const {
    for (std::size_t k = 0; k < in_.points.size(); ++k) {
      f(p.markers[k] - outer_, p.markers[k] + outer_);
      f(p.flags[k].stem, p.flags[k].stem + t_.flag_pad + in_.blocks[in_.points[k]].width);
    }
    for (std::size_t r = 0; r < in_.ranges.size(); ++r) {
      const Interval iv = span_interval(p.scale, r);
      f(iv.start, iv.end - t_.label_gap);
    }
  }

  SpanLabel span_label(int i) const {
    const model::Event& e = ctx_.doc.events[i];
    SpanLabel l;
    l.title = ctx_.text("event-title", i, e.title, t_.span_label, 0, text::Wrap::Greedy, e.title_loc, {0, 0});
    l.date = ctx_.text("event-date", i, span_date_line(e, ctx_.doc.locale), t_.event_date, 0, text::Wrap::Greedy,
                       e.loc, {l.title.box.w + t_.span_pad, 0});
    l.date.box.y = l.date.origin.y = 0;
    const double dy = (l.title.box.h - l.date.box.h) / 2;  // centre the smaller date on the title
    l.date.box.y += dy, l.date.origin.y += dy;
    l.width = l.date.box.right();
    l.height = std::max(l.title.box.h, l.date.box.h);
    return l;
  }

  double lane_height() const {
    double h = t_.span_height;
    for (const SpanLabel& l : span_labels_) h = std::max(h, l.height + 2 * t_.band_height);
    return h;
  }

  // A span claims its bar and its label, which sits inside the bar or right after it.
  Interval span_interval(const scale::TimeScale& sc, std::size_t r) const {
    const Extent& x = in_.extents[in_.ranges[r]];
    const double x0 = sc(static_cast<double>(x.first)), x1 = sc(static_cast<double>(x.end));
    const double inside = span_labels_[r].width + 2 * t_.span_pad;
    const double end = x1 - x0 >= inside ? x1 : x1 + t_.span_pad + span_labels_[r].width;
    return {x0, end + t_.label_gap};
  }

  Body build(const Placement& p, double width) const;
  void add_points(const Placement& p, double band_top, double band_bottom, Body& body,
                  std::vector<scene::Item>& leaders, std::vector<scene::Item>& markers,
                  std::vector<scene::Item>& labels) const;
  void add_spans(const Placement& p, double lanes_top, std::vector<scene::Item>& bars,
                 std::vector<scene::Item>& labels) const;
  std::optional<Rect> add_as_of(const Placement& p, double band_top, double band_h, double y0, double y1,
                                std::vector<scene::Item>& lines, std::vector<scene::Item>& labels) const;

  const Context& ctx_;
  const model::Theme& t_;
  const TimelineInput& in_;
  std::vector<SpanLabel> span_labels_;
  double outer_ = 0, max_bend_ = 0, ref_height_ = 0, tallest_ = 0, max_nudge_ = 0;
};

void Horizontal::add_points(const Placement& p, double band_top, double band_bottom, Body& body,
                            std::vector<scene::Item>& leaders, std::vector<scene::Item>& markers,
                            std::vector<scene::Item>& labels) const {
  for (std::size_t k = 0; k < in_.points.size(); ++k) {
    const int i = in_.points[k];
    const model::Event& e = ctx_.doc.events[i];
    const Color c = event_color(ctx_, i);
    const bool above = p.flags[k].side == Side::Above;
    const double dir = above ? -1 : 1;                      // outward from the axis
    const double edge = above ? band_top : band_bottom;     // where markers sit
    const double centre = edge + dir * outer_;
    const double base = edge + dir * (2 * outer_ + t_.leader_channel);  // the label zone's base
    const double x = p.markers[k], stem = p.flags[k].stem;
    const LabelBlock& b = in_.blocks[i];
    const double near = base + dir * p.flags[k].offset, far = near + dir * b.height;
    const double top = std::min(near, far);

    if (e.date.precision != calendar::Precision::Day) {  // the whole period the date covers
      const double x0 = p.scale(static_cast<double>(in_.extents[i].first));
      const double x1 = p.scale(static_cast<double>(in_.extents[i].end));
      Color strip = c;
      strip.a = t_.band.a;
      const double y = above ? band_top : band_bottom - t_.band_height;
      body.items.push_back(span_item("precision", i, {x0, y, x1 - x0, t_.band_height}, strip));
    }
    const double exact = p.scale(in_.extents[i].mid());
    if (std::abs(x - exact) > 0.5) {  // a nudged marker: its true date, marked on the band
      const double y = above ? band_top : band_bottom;
      leaders.push_back(line_item("date-tick", i, {{exact, y}, {exact, y - dir * t_.tick_length}},
                                  scene::Stroke{c, t_.stem_width * 1.5, {}}));
    }
    const bool tentative = e.status != model::Status::Confirmed;
    const scene::Stroke leader{t_.leader, t_.stem_width, tentative ? std::vector<double>{3, 3} : std::vector<double>{}};
    const double marker_far = centre + dir * outer_;
    std::vector<Point> pts{{x, marker_far}};
    if (std::abs(stem - x) > 0.01) pts.insert(pts.end(), {{x, marker_far + dir * t_.leader_channel / 4}, {stem, base}});
    pts.push_back({stem, far});
    leaders.push_back(line_item("leader", i, std::move(pts), leader));
    const scene::Stroke ring{tentative ? c : t_.background, t_.marker_stroke, {}};
    markers.push_back(marker_item("event-marker", i, {x, centre}, t_.marker_radius, tentative ? t_.background : c, ring));
    for (scene::Item& it : b.placed_at({stem + t_.flag_pad, top})) labels.push_back(std::move(it));
  }
}

void Horizontal::add_spans(const Placement& p, double lanes_top, std::vector<scene::Item>& bars,
                           std::vector<scene::Item>& labels) const {
  const double lane_h = lane_height();
  for (std::size_t r = 0; r < in_.ranges.size(); ++r) {
    const int i = in_.ranges[r];
    const Extent& x = in_.extents[i];
    const double x0 = p.scale(static_cast<double>(x.first)), x1 = p.scale(static_cast<double>(x.end));
    const double y = lanes_top + p.lanes[r] * (lane_h + t_.lane_gap);
    Color tint = event_color(ctx_, i);
    tint.a = 0x40;
    bars.push_back(span_item("span", i, {x0, y, x1 - x0, lane_h}, tint));
    // A solid start and, unless ongoing, a solid end: the bar's true extent in the group colour.
    const scene::Stroke edge{event_color(ctx_, i), 2.5, {}};
    bars.push_back(line_item("span-edge", i, {{x0 + 1.25, y}, {x0 + 1.25, y + lane_h}}, edge));
    if (!x.open) bars.push_back(line_item("span-edge", i, {{x1 - 1.25, y}, {x1 - 1.25, y + lane_h}}, edge));
    const SpanLabel& l = span_labels_[r];
    const bool inside = x1 - x0 >= l.width + 2 * t_.span_pad;
    const Point at{inside ? x0 + t_.span_pad : x1 + t_.span_pad, y + (lane_h - l.height) / 2};
    for (const scene::Item* it : {&l.title, &l.date}) {
      scene::Item moved = *it;
      moved.box.x += at.x, moved.box.y += at.y, moved.origin.x += at.x, moved.origin.y += at.y;
      labels.push_back(std::move(moved));
    }
  }
}

std::optional<Rect> Horizontal::add_as_of(const Placement& p, double band_top, double band_h, double y0,
                                          double y1, std::vector<scene::Item>& lines,
                                          std::vector<scene::Item>& labels) const {
  if (!in_.as_of || !ctx_.doc.as_of) return std::nullopt;
  const double x = p.scale(static_cast<double>(*in_.as_of) + 0.5);
  lines.push_back(line_item("as-of", -1, {{x, y0}, {x, y1}}, scene::Stroke{t_.as_of, t_.stem_width * 1.5, {4, 3}}));
  const std::string label = as_of_label(*ctx_.doc.as_of, ctx_.doc.locale);
  auto shaped = ctx_.shape(label, t_.as_of_label, 0, text::Wrap::Greedy, {ctx_.doc.file, 0, 0});
  // Inside the band, right of the line, or left of it when it would run off the band.
  const double band_end = p.scale(static_cast<double>(in_.last));
  double lx = x + t_.axis_band_pad;
  if (lx + shaped->width() > band_end) lx = x - t_.axis_band_pad - shaped->width();
  labels.push_back(scene::text_item("as-of", -1, label, shaped, {lx, band_top + (band_h - shaped->height()) / 2},
                                    t_.as_of_label.color));
  return labels.back().box.inflated(t_.axis_band_pad);
}

Body Horizontal::build(const Placement& p, double width) const {
  Body body;
  body.width = width;
  body.widened = width > ctx_.width;
  const double band_h = axis_band_height(ctx_);
  const double zone = 2 * outer_ + t_.leader_channel;  // markers and leader channel, per side
  const double band_top = (p.above > 0 ? p.above + zone : 2 * outer_);
  const double band_bottom = band_top + band_h;
  const bool below = p.below > 0;
  double bottom = band_bottom + (below ? zone + p.below : 2 * outer_);

  std::vector<scene::Item> over, leaders, markers, labels, bars;
  const double x0 = p.scale(static_cast<double>(in_.first)), x1 = p.scale(static_cast<double>(in_.last));
  std::vector<scene::Item> as_of_lines, as_of_labels;
  const double lanes_top = bottom + t_.lane_gap;
  if (!in_.ranges.empty()) {
    const int lanes = *std::max_element(p.lanes.begin(), p.lanes.end()) + 1;
    bottom = lanes_top + lanes * (lane_height() + t_.lane_gap);
    add_spans(p, lanes_top, bars, labels);
  }
  const std::optional<Rect> clear = add_as_of(p, band_top, band_h, band_top - zone + t_.leader_channel / 2,
                                              in_.ranges.empty() ? band_bottom + zone - t_.leader_channel / 2 : bottom,
                                              as_of_lines, as_of_labels);
  layout_axis_band(ctx_, p.scale, {x0, x1, band_top, band_h}, clear, body.items, over);
  add_points(p, band_top, band_bottom, body, leaders, markers, labels);
  for (auto* layer : {&bars, &over, &as_of_lines, &leaders, &markers, &labels, &as_of_labels})
    for (scene::Item& it : *layer) body.items.push_back(std::move(it));
  body.height = bottom;
  return body;
}

}  // namespace

std::optional<Body> layout_horizontal(const Context& ctx, const TimelineInput& in) {
  return Horizontal(ctx, in).run();
}

}  // namespace factline::layout
