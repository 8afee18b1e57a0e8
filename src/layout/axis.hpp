#pragma once
// The time axis: its line, tick marks and tick labels, with as many ticks as fit unoverlapped.
#include <vector>

#include "layout/context.hpp"
#include "scale/time_scale.hpp"

namespace factline::layout {

struct AxisGeometry {
  double x0 = 0, x1 = 0;  // the axis line's extent, px
  double y = 0;           // the axis line
  double labels_top = 0;  // where tick labels start
};

// Appends the axis items; returns the y below the tick labels.
double layout_axis(const Context& ctx, const scale::TimeScale& scale, const AxisGeometry& g,
                   std::vector<scene::Item>& items);

}  // namespace factline::layout
