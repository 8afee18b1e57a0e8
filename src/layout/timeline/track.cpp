#include "layout/timeline/track.hpp"

#include <algorithm>
#include <cmath>

#include "layout/placement/dodge.hpp"
#include "layout/shapes.hpp"
#include "layout/wording.hpp"

namespace factline::layout {

TrackGeometry::TrackGeometry(const Context& ctx, const TimelineInput& in)
    : ctx_(ctx), t_(ctx.theme()), in_(in), outer_(layout::marker_outer(t_)) {}

double TrackGeometry::lane_height(const std::vector<SpanLabel>& labels) const {
  double h = t_.span_height;
  for (const SpanLabel& l : labels) h = std::max(h, l.height + 2 * t_.band_height);
  return h;
}

double TrackGeometry::bar_end(const scale::TimeScale& sc, int i) const {
  const model::EventDays& x = in_.extents[i];
  const double x0 = sc(static_cast<double>(x.first)), x1 = sc(static_cast<double>(x.end));
  return x.open ? std::max(x1, x0 + 4 * layout::marker_outer(t_)) : x1;
}

Interval TrackGeometry::span_interval(const scale::TimeScale& sc, int i, const SpanLabel& label) const {
  const double x0 = sc(static_cast<double>(in_.extents[i].first)), x1 = bar_end(sc, i);
  // A label inside its bar claims nothing more: bars may then meet end to end in one lane.
  if (x1 - x0 >= label.width + 2 * t_.span_pad) return {x0, x1};
  return {x0, x1 + t_.span_pad + label.width + t_.label_gap};
}

TrackPlacement TrackGeometry::place(const Track& track, const std::vector<SpanLabel>& labels,
                                    const scale::TimeScale& sc, double budget) const {
  TrackPlacement p;
  p.left = unbounded_px, p.right = -unbounded_px;
  auto extend = [&](double l, double r) { p.left = std::min(p.left, l), p.right = std::max(p.right, r); };
  for (int i : track.points) p.exact.push_back(sc(in_.extents[i].mid()));
  p.markers = dodge(p.exact, marker_spacing(t_));
  std::vector<FlagInput> flags;
  for (std::size_t k = 0; k < track.points.size(); ++k) {
    const LabelBlock& b = in_.blocks[track.points[k]];
    flags.push_back({p.markers[k], t_.flag_pad + b.width, b.height});
    p.nudge = std::max(p.nudge, std::abs(p.markers[k] - p.exact[k]));
  }
  p.flags = place_flags(flags, {t_.stem_spacing, t_.label_gap, budget, track.two_sided});
  for (std::size_t k = 0; k < flags.size(); ++k) {
    double& depth = p.flags[k].side == Side::Above ? p.above : p.below;
    depth = std::max(depth, p.flags[k].offset + flags[k].height);
    p.bend = std::max(p.bend, p.markers[k] - p.flags[k].stem);
    extend(p.markers[k] - outer_, p.markers[k] + outer_);
    extend(p.flags[k].stem, p.flags[k].stem + flags[k].width);
  }
  std::vector<Interval> spans;
  for (std::size_t r = 0; r < track.ranges.size(); ++r) {
    spans.push_back(span_interval(sc, track.ranges[r], labels[r]));
    extend(spans.back().start, spans.back().end);
  }
  p.lanes = pack_lanes(spans);
  p.lane_count = p.lanes.empty() ? 0 : *std::max_element(p.lanes.begin(), p.lanes.end()) + 1;
  return p;
}

}  // namespace factline::layout
