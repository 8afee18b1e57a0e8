#pragma once
// The horizontal timeline body: label flags above and below an axis band (or above only, with
// spans packed into lanes below), everything measured from y = 0.
#include <optional>
#include <vector>

#include "layout/context.hpp"
#include "layout/timeline/timeline_input.hpp"

namespace factline::layout {

struct Body {
  std::vector<scene::Item> items;  // positioned from y = 0; the caller moves them under the header
  double width = 0;                // the page width the body needs (≥ the theme's)
  double height = 0;
  bool widened = false;            // the page had to grow beyond the theme's width
  bool swimlanes = false;          // one lane per group, labelled: no legend needed
  std::optional<scale::TimeScale> scale;  // horizontal: the time axis as drawn (px from the page's left)
};

// Room kept beside the time axis inside the margins, so that it lines up with the plot areas of
// charts on the same page.
struct AxisInsets {
  double left = 0, right = 0;
};

// nullopt when the events cannot be placed within the widest page allowed. With `swimlanes`,
// each group (and the ungrouped events) gets its own labelled lane.
std::optional<Body> layout_horizontal(const Context& ctx, const TimelineInput& in, bool swimlanes,
                                      AxisInsets insets = {});

// PNG cannot be wider than 32767 px; leave room for --scale 2.
inline constexpr double max_page_width = 16000;

}  // namespace factline::layout
