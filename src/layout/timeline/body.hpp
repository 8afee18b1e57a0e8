#pragma once
// A timeline's body as a layout made it, before the page puts it under the header.
#include <optional>
#include <vector>

#include "scale/time_scale.hpp"
#include "scene/scene.hpp"

namespace factline::layout {

struct Body {
  std::vector<scene::Item> items;  // positioned from y = 0; the caller moves them under the header
  double width = 0;                // the page width the body needs (≥ the theme's)
  double height = 0;
  bool widened = false;            // the page had to grow beyond the theme's width
  bool swimlanes = false;          // one lane per group, labelled: no legend needed
  std::optional<scale::TimeScale> scale;
  std::optional<scene::DetailReport> detail;  // drawn at a level of detail: what each event became  // horizontal: the time axis as drawn (px from the page's left)
};

}  // namespace factline::layout
