#include "layout/timeline/eras.hpp"

#include <algorithm>

#include "layout/label_block.hpp"
#include "layout/palette.hpp"
#include "layout/placement/dodge.hpp"
#include "layout/placement/lanes.hpp"
#include "layout/shapes.hpp"

namespace factline::layout {
namespace {

// The band, with thin edges at its true ends (an ongoing era has no end edge).
void add_band(const Context& ctx, const TimelineInput& in, int i, std::size_t k, Rect band, bool horizontal,
              std::vector<scene::Item>& out) {
  const model::Theme& t = ctx.theme();
  out.push_back(span_item(role::era, i, band, period_fill(ctx, i, k)));
  const scene::Stroke edge{t.grid, t.stem_width, {}};
  const auto line = [&](double at) {
    return horizontal ? line_item(role::era_edge, i, {{at, band.y}, {at, band.bottom()}}, edge)
                      : line_item(role::era_edge, i, {{band.x, at}, {band.right(), at}}, edge);
  };
  out.push_back(line(horizontal ? band.x : band.y));
  if (!in.extents[i].open) out.push_back(line(horizontal ? band.right() : band.bottom()));
}

}  // namespace

void add_eras_horizontal(const Context& ctx, const TimelineInput& in, const scale::TimeScale& sc, Body& body) {
  if (in.eras.empty()) return;
  const model::Theme& t = ctx.theme();
  std::vector<SpanLabel> labels;
  std::vector<Interval> claims;
  std::vector<double> xs;
  double row_h = 0;
  for (int i : in.eras) {
    labels.push_back(make_span_label(ctx, i));
    const SpanLabel& l = labels.back();
    // At the era's start, kept on the page.
    const double x0 = sc(static_cast<double>(in.extents[i].first));
    const double x = std::clamp(x0 + t.span_pad, t.margin, body.width - t.margin - l.width);
    xs.push_back(x);
    claims.push_back({x, x + l.width + t.label_gap});
    row_h = std::max(row_h, l.height + 2 * t.band_height);
  }
  const std::vector<int> rows = pack_lanes(claims);
  const int row_count = *std::max_element(rows.begin(), rows.end()) + 1;
  const double top = row_count * row_h + t.lane_gap;
  move_items(body.items, {0, top});
  body.height += top;
  std::vector<scene::Item> bands, texts;
  for (std::size_t k = 0; k < in.eras.size(); ++k) {
    const int i = in.eras[k];
    const double x0 = sc(static_cast<double>(in.extents[i].first)), x1 = sc(static_cast<double>(in.extents[i].end));
    add_band(ctx, in, i, k, {x0, 0, x1 - x0, body.height}, true, bands);
    for (scene::Item& it : labels[k].placed_at({xs[k], rows[k] * row_h + (row_h - labels[k].height) / 2}))
      texts.push_back(std::move(it));
  }
  body.items.insert(body.items.begin(), std::make_move_iterator(bands.begin()), std::make_move_iterator(bands.end()));
  for (scene::Item& it : texts) body.items.push_back(std::move(it));
}

double era_column_width(const Context& ctx) {
  double w = 0;
  for (std::size_t i = 0; i < ctx.doc.events.size(); ++i)
    if (ctx.doc.events[i].era)
      w = std::max(w, make_span_label(ctx, static_cast<int>(i), true, ctx.theme().group_gutter).width);
  return w > 0 ? w + ctx.theme().label_gap : 0;
}

void add_eras_vertical(const Context& ctx, const TimelineInput& in, const scale::TimeScale& sc, double x0, double x1,
                       double column_x, Body& body) {
  if (in.eras.empty()) return;
  const model::Theme& t = ctx.theme();
  std::vector<SpanLabel> labels;
  std::vector<double> tops, gaps;
  for (int i : in.eras) {  // start order, so the dodged labels keep it
    labels.push_back(make_span_label(ctx, i, true, t.group_gutter));
    tops.push_back(sc(static_cast<double>(in.extents[i].first)) + t.band_height);
    gaps.push_back(labels.back().height + t.label_gap);
  }
  gaps.pop_back();
  tops = dodge(tops, gaps, 0);  // nothing above the body's top
  std::vector<scene::Item> bands, texts;
  for (std::size_t k = 0; k < in.eras.size(); ++k) {
    const int i = in.eras[k];
    const double y0 = sc(static_cast<double>(in.extents[i].first)), y1 = sc(static_cast<double>(in.extents[i].end));
    add_band(ctx, in, i, k, {x0, y0, x1 - x0, y1 - y0}, false, bands);
    for (scene::Item& it : labels[k].placed_at({column_x, tops[k]})) texts.push_back(std::move(it));
    body.height = std::max(body.height, texts.back().box.bottom());
  }
  body.items.insert(body.items.begin(), std::make_move_iterator(bands.begin()), std::make_move_iterator(bands.end()));
  for (scene::Item& it : texts) body.items.push_back(std::move(it));
}

}  // namespace factline::layout
