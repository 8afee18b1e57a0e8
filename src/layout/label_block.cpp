#include "layout/label_block.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "layout/shapes.hpp"
#include "layout/wording.hpp"

namespace factline::layout {

std::vector<scene::Item> LabelBlock::placed_at(Point p) const {
  std::vector<scene::Item> out = items;
  move_items(out, p);
  return out;
}

namespace {

// A label's parts, top to bottom: its date line, title and text (an empty one is left out).
struct LabelPart {
  const char* role;
  std::string text;
  const model::TextRole& style;
  text::Wrap wrap;
  const SourceLoc& loc;
};
std::array<LabelPart, 3> label_parts(const Context& ctx, const model::Event& e) {
  const model::Theme& t = ctx.theme();
  return {{{role::event_date, date_line(e, ctx.doc.locale),
            t.event_date, text::Wrap::Greedy, e.loc},
           {role::event_title, e.title, t.event_title, text::Wrap::Balanced, e.title_loc},
           {role::event_text, e.text, t.event_text, text::Wrap::Greedy, e.text_loc}}};
}

}  // namespace

LabelBlock make_label_block(const Context& ctx, int index, double max_width) {
  LabelBlock block;
  block.event = index;
  double y = 0;
  for (const LabelPart& p : label_parts(ctx, ctx.doc.events[index])) {
    if (p.text.empty()) continue;
    if (!block.items.empty()) y += ctx.theme().label_inner_gap;
    block.items.push_back(ctx.text(p.role, index, p.text, p.style, max_width, p.wrap, p.loc, {0, y}));
    y += block.items.back().box.h;
    block.width = std::max(block.width, block.items.back().box.w);
  }
  block.height = y;
  return block;
}

LabelHeightEstimate::LabelHeightEstimate(const Context& ctx)
    : ctx_(ctx), parts_{TextEstimate(ctx, ctx.theme().event_date), TextEstimate(ctx, ctx.theme().event_title),
                        TextEstimate(ctx, ctx.theme().event_text)} {}

double LabelHeightEstimate::operator()(int index, double max_width) {
  double y = 0;
  bool first = true;
  std::size_t k = 0;
  for (const LabelPart& p : label_parts(ctx_, ctx_.doc.events[index])) {
    TextEstimate& estimate = parts_[k++];
    if (p.text.empty()) continue;
    if (!first) y += ctx_.theme().label_inner_gap;
    first = false;
    y += estimate.wrapped_height(p.text, max_width, p.loc);
  }
  return y;
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
