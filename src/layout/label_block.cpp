#include "layout/label_block.hpp"

#include <algorithm>

#include "layout/shapes.hpp"
#include "layout/wording.hpp"

namespace factline::layout {

std::vector<scene::Item> LabelBlock::placed_at(Point p) const {
  std::vector<scene::Item> out = items;
  move_items(out, p);
  return out;
}

LabelBlock make_label_block(const Context& ctx, int index, double max_width) {
  const model::Event& e = ctx.doc.events[index];
  const model::Theme& t = ctx.theme();
  LabelBlock block;
  block.event = index;
  double y = 0;
  auto add = [&](const char* role, std::string_view s, const model::TextRole& style, text::Wrap wrap,
                 const SourceLoc& loc) {
    if (s.empty()) return;
    if (!block.items.empty()) y += t.label_inner_gap;
    block.items.push_back(ctx.text(role, index, s, style, max_width, wrap, loc, {0, y}));
    y += block.items.back().box.h;
    block.width = std::max(block.width, block.items.back().box.w);
  };
  const std::string date = e.is_span ? span_date_line(e, ctx.doc.locale) : event_date_line(e, ctx.doc.locale);
  add("event-date", date, t.event_date, text::Wrap::Greedy, e.loc);
  add("event-title", e.title, t.event_title, text::Wrap::Balanced, e.title_loc);
  add("event-text", e.text, t.event_text, text::Wrap::Greedy, e.text_loc);
  block.height = y;
  return block;
}

}  // namespace factline::layout
