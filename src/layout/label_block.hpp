#pragma once
// An event's label: its date line, title and text, shaped and stacked, placed as one block.
#include <vector>

#include "layout/context.hpp"

namespace factline::layout {

struct LabelBlock {
  int event = -1;
  double width = 0, height = 0;
  std::vector<scene::Item> items;  // positioned at (0, 0); moved into place by place()

  std::vector<scene::Item> placed_at(Point top_left) const;
};

// The date line, title and text of an event, wrapped at max_width px.
LabelBlock make_label_block(const Context& ctx, int event_index, double max_width);

}  // namespace factline::layout
