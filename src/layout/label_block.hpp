#pragma once
// An event's label: its date line, title and text, shaped and stacked, placed as one block.
#include <vector>

#include "layout/context.hpp"

namespace factline::layout {

struct LabelBlock {
  int event = -1;
  double width = 0, height = 0;
  std::vector<scene::Item> items;  // positioned from (0, 0); placed_at() moves copies into place

  std::vector<scene::Item> placed_at(Point top_left) const;
};

// The date line, title and text of an event, wrapped at max_width px.
LabelBlock make_label_block(const Context& ctx, int event_index, double max_width);

// A span's or an era's label: its title and date range, on one line with the date centred on
// the title (bars, era rows), or stacked with the date under the title, both wrapped at
// max_width (the vertical era column).
struct SpanLabel {
  scene::Item title, date;  // positioned relative to the label's top-left
  double width = 0, height = 0;

  std::vector<scene::Item> placed_at(Point top_left) const;
};
SpanLabel make_span_label(const Context& ctx, int event_index, bool stacked = false, double max_width = 0);

}  // namespace factline::layout
