#pragma once
// One horizontal track of a timeline: the whole plot, or one group's swimlane. Given the time
// scale it places its point events' markers and label flags and packs its spans into lanes.
#include <vector>

#include "layout/context.hpp"
#include "layout/label_block.hpp"
#include "layout/placement/flag_placement.hpp"
#include "layout/placement/lanes.hpp"
#include "layout/timeline/timeline_input.hpp"
#include "scale/time_scale.hpp"

namespace factline::layout {

struct Track {
  int group = -1;           // the swimlane's group, -1 for the ungrouped track or the whole plot
  std::vector<int> points;  // point events in time order
  std::vector<int> ranges;  // spans in start order
  bool two_sided = false;   // labels on both sides of the axis
};

struct TrackPlacement {
  std::vector<double> markers;       // per point: marker x, nudged apart
  std::vector<double> exact;         // per point: the date's true x
  std::vector<FlagPlacement> flags;  // per point
  std::vector<int> lanes;            // per span
  int lane_count = 0;
  double above = 0, below = 0;       // label zone depths
  double nudge = 0, bend = 0;        // largest marker nudge and leader bend, px
  double left = 0, right = 0;        // extent of everything drawn, px
};

class TrackGeometry {
 public:
  TrackGeometry(const Context& ctx, const TimelineInput& in);
  double marker_outer() const { return outer_; }
  double lane_height(const std::vector<SpanLabel>& labels) const;
  // Where span i's bar ends: its end, and for an ongoing span at least a few markers' width past
  // its start (one starting on the last day shows as a bar, not a hairline).
  double bar_end(const scale::TimeScale& sc, int event) const;
  // The x-range a span claims: its bar, and its label inside the bar or right after it.
  Interval span_interval(const scale::TimeScale& sc, int event, const SpanLabel& label) const;
  TrackPlacement place(const Track& track, const std::vector<SpanLabel>& labels, const scale::TimeScale& sc,
                       double budget) const;

 private:
  const Context& ctx_;
  const model::Theme& t_;
  const TimelineInput& in_;
  double outer_;
};

}  // namespace factline::layout
