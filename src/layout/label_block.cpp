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
  add(role::event_date, date, t.event_date, text::Wrap::Greedy, e.loc);
  add(role::event_title, e.title, t.event_title, text::Wrap::Balanced, e.title_loc);
  add(role::event_text, e.text, t.event_text, text::Wrap::Greedy, e.text_loc);
  block.height = y;
  return block;
}

std::vector<scene::Item> SpanLabel::placed_at(Point p) const {
  std::vector<scene::Item> out{title, date};
  move_items(out, p);
  return out;
}

SpanLabel make_span_label(const Context& ctx, int i, bool stacked, double max_width) {
  const model::Theme& t = ctx.theme();
  const model::Event& e = ctx.doc.events[i];
  SpanLabel l;
  const double wrap = stacked ? max_width : 0;
  l.title = ctx.text(role::event_title, i, e.title, t.span_label, wrap, stacked ? text::Wrap::Balanced : text::Wrap::Greedy,
                     e.title_loc, {0, 0});
  const Point date_at = stacked ? Point{0, l.title.box.h + t.label_inner_gap} : Point{l.title.box.w + t.span_pad, 0};
  l.date = ctx.text(role::event_date, i, span_date_line(e, ctx.doc.locale), t.event_date, wrap, text::Wrap::Greedy, e.loc,
                    date_at);
  if (!stacked) move_item(l.date, {0, (l.title.box.h - l.date.box.h) / 2});  // centre the smaller date on the title
  l.width = std::max(l.title.box.right(), l.date.box.right());
  l.height = std::max(l.title.box.bottom(), l.date.box.bottom());
  return l;
}

}  // namespace factline::layout
