#include "layout/timeline/horizontal.hpp"

#include <algorithm>
#include <cmath>

#include "layout/as_of.hpp"
#include "layout/axis.hpp"
#include "layout/palette.hpp"
#include "layout/shapes.hpp"
#include "layout/timeline/eras.hpp"
#include "layout/timeline/track.hpp"
#include "layout/wording.hpp"

namespace factline::layout {
namespace {

constexpr double min_axis_share = 0.6;  // of the space between the margins
constexpr double page_growth = 1.25;     // a page too narrow for its events widens by this factor

struct Placement {
  scale::TimeScale scale{0, 1, 0, 1};
  std::vector<TrackPlacement> tracks;
  double nudge = 0, bend = 0;
  bool fits = false;
};

// Where one side of a track draws: marker centres, the label zone's base, outward direction.
struct SideFrame {
  double centre = 0, base = 0, dir = -1, strip = 0;
};

class Horizontal {
 public:
  Horizontal(const Context& ctx, const TimelineInput& in, bool swimlanes, AxisInsets insets)
      : ctx_(ctx), t_(ctx.theme()), in_(in), geo_(ctx, in), swimlanes_(swimlanes), insets_(insets) {
    make_tracks();
    outer_ = geo_.marker_outer();
    std::vector<double> widths, heights;
    for (int i : in_.points) widths.push_back(in_.blocks[i].width), heights.push_back(in_.blocks[i].height + t_.label_gap);
    max_bend_ = median(widths) * t_.max_nudge_factor;
    ref_height_ = median(heights);
    tallest_ = heights.empty() ? 0 : *std::max_element(heights.begin(), heights.end());
    max_nudge_ = same_day_nudge() + 2 * marker_spacing(t_);
    gutter_ = std::max(swimlanes_ ? t_.group_gutter : 0, insets_.left);
  }

  std::optional<Body> run() {
    // Stems keep stem_spacing apart, so a track of n points needs (n − 1)·spacing at least:
    // start there, and give up at once when even that is wider than any page may be.
    std::size_t most = 0;
    for (const Track& tr : tracks_) most = std::max(most, tr.points.size());
    const double least = static_cast<double>(most) * t_.stem_spacing + 2 * t_.margin + gutter_ + insets_.right;
    for (double w = ctx_.width; w <= model::max_page_px; w *= page_growth) {
      if (w < least) continue;
      if (auto p = best_for_width(w)) return build(*p, w);
    }
    return std::nullopt;
  }

 private:
  void make_tracks() {
    if (!swimlanes_) {
      tracks_.push_back({-1, in_.points, in_.ranges, in_.ranges.empty()});
    } else {  // ungrouped events first, then one lane per group in declared order
      for (int g = -1; g < static_cast<int>(ctx_.doc.groups.size()); ++g) {
        Track tr{g, {}, {}, false};
        for (int i : in_.points) if (ctx_.doc.events[i].group == g) tr.points.push_back(i);
        for (int i : in_.ranges) if (ctx_.doc.events[i].group == g) tr.ranges.push_back(i);
        if (!tr.points.empty() || !tr.ranges.empty()) tracks_.push_back(std::move(tr));
      }
    }
    for (const Track& tr : tracks_) {
      span_labels_.emplace_back();
      for (int i : tr.ranges) span_labels_.back().push_back(make_span_label(ctx_, i));
    }
  }

  double same_day_nudge() const {
    int run = 1, longest = 1;
    for (std::size_t k = 1; k < in_.points.size(); ++k) {
      run = in_.extents[in_.points[k]].mid() == in_.extents[in_.points[k - 1]].mid() ? run + 1 : 1;
      longest = std::max(longest, run);
    }
    return (longest - 1) * marker_spacing(t_) / 2;
  }

  // The smallest height budget whose leaders bend no more than allowed (budget_steps).
  std::optional<Placement> best_for_width(double width) const {
    for (double k : budget_steps) {
      Placement p = place(width, std::max(tallest_, k * ref_height_));
      if (p.fits && p.bend <= max_bend_) return p;
    }
    Placement p = place(width, no_budget);
    if (p.fits) return p;
    return std::nullopt;
  }

  // Fits everything between the margins: shrinks the axis until nothing sticks out.
  Placement place(double width, double budget) const {
    const double left = t_.margin + gutter_, right = width - t_.margin - insets_.right;
    double a0 = left + outer_, a1 = right - outer_;
    for (int round = 0;; ++round) {
      Placement p;
      p.scale = scale::TimeScale(in_.first, in_.last, a0, a1, in_.breaks, t_.axis_break);
      double over_left = 0, over_right = 0;
      for (std::size_t k = 0; k < tracks_.size(); ++k) {
        p.tracks.push_back(geo_.place(tracks_[k], span_labels_[k], p.scale, budget));
        const TrackPlacement& tp = p.tracks.back();
        p.nudge = std::max(p.nudge, tp.nudge), p.bend = std::max(p.bend, tp.bend);
        if (tp.left <= tp.right) over_left = std::max(over_left, left - tp.left), over_right = std::max(over_right, tp.right - right);
      }
      // An axis squeezed to a stub is no time axis: below the minimum share, the page must grow.
      const bool long_enough = a1 - a0 >= min_axis_share * (right - left);
      p.fits = over_left <= 0.01 && over_right <= 0.01 && p.nudge <= max_nudge_ && long_enough;
      if (p.fits || round == 8 || !long_enough) return p;
      a0 += over_left, a1 -= over_right;
    }
  }

  Body build(const Placement& p, double width) const;
  double build_swimlanes(const Placement& p, Body& body) const;
  void add_points(const Track& tr, const TrackPlacement& tp, const scale::TimeScale& sc, const SideFrame& above,
                  const SideFrame& below, std::vector<scene::Item>& strips, std::vector<scene::Item>& leaders,
                  std::vector<scene::Item>& markers, std::vector<scene::Item>& labels) const;
  double add_spans(std::size_t track, const TrackPlacement& tp, const scale::TimeScale& sc, double top,
                   std::vector<scene::Item>& bars, std::vector<scene::Item>& labels) const;

  const Context& ctx_;
  const model::Theme& t_;
  const TimelineInput& in_;
  TrackGeometry geo_;
  bool swimlanes_;
  AxisInsets insets_;
  std::vector<Track> tracks_;
  std::vector<std::vector<SpanLabel>> span_labels_;  // per track, per span
  double outer_ = 0, max_bend_ = 0, ref_height_ = 0, tallest_ = 0, max_nudge_ = 0, gutter_ = 0;
};

void Horizontal::add_points(const Track& tr, const TrackPlacement& tp, const scale::TimeScale& sc,
                            const SideFrame& above, const SideFrame& below, std::vector<scene::Item>& strips,
                            std::vector<scene::Item>& leaders, std::vector<scene::Item>& markers,
                            std::vector<scene::Item>& labels) const {
  for (std::size_t k = 0; k < tr.points.size(); ++k) {
    const int i = tr.points[k];
    const model::Event& e = ctx_.doc.events[i];
    const Color c = event_color(ctx_, i);
    const SideFrame& f = tp.flags[k].side == Side::Above ? above : below;
    const double x = tp.markers[k], stem = tp.flags[k].stem;
    const LabelBlock& b = in_.blocks[i];
    const double near = f.base + f.dir * tp.flags[k].offset, far = near + f.dir * b.height;

    if (e.date.precision != calendar::Precision::Day) {  // the whole period the date covers
      const double x0 = sc(static_cast<double>(in_.extents[i].first)), x1 = sc(static_cast<double>(in_.extents[i].end));
      Color strip = c;
      strip.a = t_.band.a;
      strips.push_back(span_item(role::precision, i, {x0, f.strip, x1 - x0, t_.band_height}, strip));
    }
    if (std::abs(x - tp.exact[k]) > 0.5) {  // a nudged marker: its true date, marked toward the axis
      const double y0 = f.centre - f.dir * outer_;
      leaders.push_back(line_item(role::date_tick, i, {{tp.exact[k], y0}, {tp.exact[k], y0 - f.dir * t_.tick_length}},
                                  scene::Stroke{c, t_.date_tick_width, {}}));
    }
    const bool tent = tentative(ctx_, i);
    const scene::Stroke leader{t_.leader, t_.stem_width, tent ? t_.tentative_dash : std::vector<double>{}};
    const double marker_far = f.centre + f.dir * outer_;
    std::vector<Point> pts{{x, marker_far}};
    if (std::abs(stem - x) > 0.01) pts.insert(pts.end(), {{x, marker_far + f.dir * t_.leader_channel / 4}, {stem, f.base}});
    pts.push_back({stem, far});
    leaders.push_back(line_item(role::leader, i, std::move(pts), leader));
    const scene::Stroke ring{tent ? c : t_.background, t_.marker_stroke, {}};
    markers.push_back(marker_item(role::event_marker, i, {x, f.centre}, t_.marker_radius, tent ? t_.background : c, ring));
    set_marker_shape(markers.back(), group_shape(ctx_, e.group));
    for (scene::Item& it : b.placed_at({stem + t_.flag_pad, std::min(near, far)})) labels.push_back(std::move(it));
  }
}

// Returns the y below the lanes.
double Horizontal::add_spans(std::size_t track, const TrackPlacement& tp, const scale::TimeScale& sc, double top,
                             std::vector<scene::Item>& bars, std::vector<scene::Item>& labels) const {
  const double lane_h = geo_.lane_height(span_labels_[track]);
  for (std::size_t r = 0; r < tracks_[track].ranges.size(); ++r) {
    const int i = tracks_[track].ranges[r];
    const model::EventDays& x = in_.extents[i];
    const double x0 = sc(static_cast<double>(x.first)), x1 = geo_.bar_end(sc, i);
    const double y = top + tp.lanes[r] * (lane_h + t_.lane_gap);
    const Color c = event_color(ctx_, i);
    Color tint = c;
    tint.a = static_cast<std::uint8_t>(t_.span_alpha);
    bars.push_back(status_span(ctx_, role::span, i, {x0, y, x1 - x0, lane_h}, tint));
    // Solid ends in the group colour mark a confirmed span's true extent (a tentative one's
    // dashed outline does); an ongoing span has no end.
    const scene::Stroke edge{c, t_.span_edge_width, {}};
    const double inset = t_.span_edge_width / 2;
    if (!tentative(ctx_, i)) {
      bars.push_back(line_item(role::span_edge, i, {{x0 + inset, y}, {x0 + inset, y + lane_h}}, edge));
      if (!x.open) bars.push_back(line_item(role::span_edge, i, {{x1 - inset, y}, {x1 - inset, y + lane_h}}, edge));
    }
    const SpanLabel& l = span_labels_[track][r];
    const bool inside = x1 - x0 >= l.width + 2 * t_.span_pad;
    const Point at{inside ? x0 + t_.span_pad : x1 + t_.span_pad, y + (lane_h - l.height) / 2};
    for (scene::Item& it : l.placed_at(at)) labels.push_back(std::move(it));
  }
  return top + tp.lane_count * (lane_h + t_.lane_gap);
}

// Swimlanes: one band per track, markers on its baseline, flags above it, spans below it; the
// shared axis at the bottom. Returns the axis band's top.
double Horizontal::build_swimlanes(const Placement& p, Body& body) const {
  std::vector<scene::Item> lanes, strips, bars, leaders, markers, labels;
  const double zone = outer_ + t_.leader_channel;
  const double x_left = t_.margin, x_right = body.width - t_.margin;  // the page as widened
  const double axis_left = p.scale(static_cast<double>(in_.first)), axis_right = p.scale(static_cast<double>(in_.last));
  double y = 0;
  for (std::size_t k = 0; k < tracks_.size(); ++k) {
    const TrackPlacement& tp = p.tracks[k];
    const double top = y;
    double bottom = top + t_.lane_gap;
    if (!tracks_[k].points.empty()) {  // a baseline with its markers, flags above it
      const double baseline = top + t_.lane_gap + tp.above + zone + (tp.above > 0 ? 0 : outer_);
      const SideFrame above{baseline, baseline - zone, -1, baseline - t_.band_height / 2};
      add_points(tracks_[k], tp, p.scale, above, above, strips, leaders, markers, labels);
      lanes.push_back(line_item(role::lane_line, -1, {{axis_left, baseline}, {axis_right, baseline}},
                                scene::Stroke{t_.grid, t_.axis_width, {}}));
      bottom = baseline + outer_ + t_.tick_length + t_.lane_gap;
    }
    if (!tracks_[k].ranges.empty()) bottom = add_spans(k, tp, p.scale, bottom, bars, labels);
    bottom += t_.lane_gap;
    Color fill = t_.lane_fill;
    if (k % 2) fill.a = 0;  // every other lane shows the background
    lanes.insert(lanes.begin(), span_item(role::lane, -1, {x_left, top, x_right - x_left, bottom - top}, fill));
    const int g = tracks_[k].group;
    const std::string name = g >= 0 ? ctx_.doc.groups[g].label : ungrouped_word(ctx_.doc.locale);
    const SourceLoc loc = g >= 0 ? ctx_.doc.groups[g].loc : SourceLoc{ctx_.doc.file, 0, 0};
    labels.push_back(ctx_.text(role::group, -1, name, t_.group, gutter_ - t_.flag_pad, text::Wrap::Balanced, loc,
                               {x_left + t_.band_height + t_.flag_pad / 2, top + t_.lane_gap}));
    lanes.push_back(span_item(role::lane_swatch, -1, {x_left, top, t_.band_height, bottom - top}, group_color(ctx_, g)));
    y = bottom;
  }
  for (auto* layer : {&lanes, &strips, &bars, &leaders, &markers, &labels})
    for (scene::Item& it : *layer) body.items.push_back(std::move(it));
  return y;
}

Body Horizontal::build(const Placement& p, double width) const {
  Body body;
  body.width = width;
  body.widened = width > ctx_.width;
  body.swimlanes = swimlanes_;
  const double x0 = p.scale(static_cast<double>(in_.first)), x1 = p.scale(static_cast<double>(in_.last));
  const double band_h = time_axis_band_height(ctx_, p.scale, x0, x1);
  std::vector<scene::Item> under, over, strips, as_of_lines, leaders, markers, labels, bars, as_of_labels;
  double band_top = 0, bottom = 0;
  if (swimlanes_) {
    band_top = build_swimlanes(p, body);
    bottom = band_top + band_h;
  } else {
    const TrackPlacement& tp = p.tracks[0];
    const double zone = 2 * outer_ + t_.leader_channel;  // markers and leader channel, per side
    band_top = tp.above > 0 ? tp.above + zone : 2 * outer_;
    const double band_bottom = band_top + band_h;
    bottom = band_bottom + (tp.below > 0 ? zone + tp.below : 2 * outer_);
    const SideFrame above{band_top - outer_, band_top - zone, -1, band_top};
    const SideFrame below{band_bottom + outer_, band_bottom + zone, 1, band_bottom - t_.band_height};
    if (!tracks_[0].ranges.empty()) bottom = add_spans(0, tp, p.scale, bottom + t_.lane_gap, bars, labels);
    add_points(tracks_[0], tp, p.scale, above, below, strips, leaders, markers, labels);
  }
  // The as-of line marks the axis and the marker rows beside it, never running through labels.
  const double reach = 2 * outer_ + t_.leader_channel / 2;
  const bool below = !swimlanes_ && p.tracks[0].below > 0;
  const std::optional<Rect> clear = add_as_of_mark(ctx_, p.scale, {x0, x1, band_top, band_h},
                                                   band_top - (swimlanes_ ? outer_ : reach),
                                                   band_top + band_h + (below ? reach : 0), as_of_lines, as_of_labels);
  const std::vector<double> ticks = layout_axis_band(ctx_, p.scale, {x0, x1, band_top, band_h}, clear, under, over);
  if (swimlanes_) {  // gridlines from the ticks up through the lanes
    for (double x : ticks)
      if (x > x0 + 0.5)
        under.push_back(line_item(role::grid, -1, {{x, 0}, {x, band_top}}, scene::Stroke{t_.grid, t_.stem_width, {}}));
  }
  std::vector<scene::Item> lanes_first = std::move(body.items);
  body.items.clear();
  for (auto* layer : {&under, &lanes_first, &strips, &bars, &over, &as_of_lines, &leaders, &markers, &labels, &as_of_labels})
    for (scene::Item& it : *layer) body.items.push_back(std::move(it));
  body.height = bottom;
  body.scale = p.scale;
  add_eras_horizontal(ctx_, in_, p.scale, body);
  return body;
}

}  // namespace

std::optional<Body> layout_horizontal(const Context& ctx, const TimelineInput& in, bool swimlanes,
                                      AxisInsets insets) {
  return Horizontal(ctx, in, swimlanes, insets).run();
}

}  // namespace factline::layout
