#pragma once
// An event's label: its date line, title and text, shaped and stacked, placed as one block.
#include <array>
#include <vector>

#include "layout/context.hpp"
#include "layout/text_estimate.hpp"

namespace factline::layout {

struct LabelBlock {
  int event = -1;
  double width = 0, height = 0;
  std::vector<scene::Item> items;  // positioned from (0, 0); placed_at() moves copies into place

  std::vector<scene::Item> placed_at(Point top_left) const;
};

// The date line, title and text of an event, wrapped at max_width px.
LabelBlock make_label_block(const Context& ctx, int event_index, double max_width);

// make_label_block's height, estimated without shaping the label (TextEstimate), for deciding
// how many labels a page holds before laying any out. Keeps its word widths between calls.
class LabelHeightEstimate {
 public:
  explicit LabelHeightEstimate(const Context& ctx);
  double operator()(int event_index, double max_width);

 private:
  const Context& ctx_;
  std::array<TextEstimate, 3> parts_;  // date line, title, text
};

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
