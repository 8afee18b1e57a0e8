#include "layout/timeline.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>

#include "layout/axis.hpp"
#include "layout/flag_placement.hpp"
#include "layout/furniture.hpp"
#include "layout/label_block.hpp"
#include "layout/shapes.hpp"

namespace factline::layout {
namespace {

using calendar::Days;

// PNG cannot be wider than 32767 px; leave room for --scale 2.
constexpr double max_page_width = 16000;

// An event's extent in days and where its marker goes: the middle of the period it covers, so
// "2023" is not drawn as if it were 1 January.
struct EventSpan {
  Days first = 0, end = 0;
  double mid() const { return (static_cast<double>(first) + static_cast<double>(end)) / 2; }
};

std::vector<EventSpan> event_spans(const model::Document& doc) {
  std::vector<EventSpan> spans;
  for (const auto& e : doc.events) spans.push_back({calendar::first_day(e.date), calendar::end_day(e.date)});
  return spans;
}

// Event indices in time order; ties keep the fact file's order.
std::vector<int> time_order(const std::vector<EventSpan>& spans) {
  std::vector<int> order(spans.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return spans[a].mid() < spans[b].mid(); });
  return order;
}

// The axis runs a little past the first and last dates, so markers never sit on its ends.
std::pair<Days, Days> domain(const std::vector<EventSpan>& spans) {
  Days lo = spans[0].first, hi = spans[0].end;
  for (const auto& s : spans) lo = std::min(lo, s.first), hi = std::max(hi, s.end);
  const Days pad = std::max<Days>(1, (hi - lo) / 40);
  return {lo - pad, hi + pad};
}

struct Placement {
  scale::TimeScale scale;
  std::vector<FlagPlacement> flags;  // in time order
  double zone_height = 0;
  bool fits = false;
};

// Fits the flags between the margins of a page `width` wide: shrinks the axis until no flag
// sticks out on either side, or gives up when the axis would get too short.
Placement place(const Context& ctx, const std::vector<EventSpan>& spans, const std::vector<int>& order,
                const std::vector<LabelBlock>& blocks, double width) {
  const model::Theme& t = ctx.theme();
  const auto [d0, d1] = domain(spans);
  const double left = t.margin, right = width - t.margin;
  double a0 = left + t.marker_radius, a1 = right;
  for (int round = 0;; ++round) {
    scale::TimeScale sc(d0, d1, a0, a1);
    std::vector<FlagInput> in;
    for (int i : order) in.push_back({sc(spans[i].mid()), t.flag_pad + blocks[i].width, blocks[i].height});
    std::vector<FlagPlacement> flags = place_flags(in, t.stem_spacing, t.label_gap);
    double over_right = 0, over_left = 0, zone = 0;
    for (std::size_t k = 0; k < in.size(); ++k) {
      over_right = std::max(over_right, flags[k].stem + in[k].width - right);
      over_left = std::max(over_left, left - flags[k].stem);
      zone = std::max(zone, flags[k].bottom + in[k].height);
    }
    const bool fits = over_right <= 0.01 && over_left <= 0.01;
    if (fits || round == 8 || a1 - a0 - over_left - over_right < (a1 - a0) / 4)
      return {sc, std::move(flags), zone, fits};
    a0 += over_left, a1 -= over_right;
  }
}

// Drawn in layers: bands under the axis, then leaders, markers and labels above it.
struct EventMarks {
  std::vector<scene::Item> bands, leaders, markers, labels;
};

EventMarks event_marks(const Context& ctx, const Placement& p, const std::vector<EventSpan>& spans,
                       const std::vector<int>& order, const std::vector<LabelBlock>& blocks, double axis_y) {
  const model::Theme& t = ctx.theme();
  const double zone_bottom = axis_y - t.marker_radius - t.leader_channel;
  EventMarks m;
  auto& [bands, leaders, markers, labels] = m;
  for (std::size_t k = 0; k < order.size(); ++k) {
    const int i = order[k];
    const model::Event& e = ctx.doc.events[i];
    const Color c = event_color(ctx, i);
    const double x = p.scale(spans[i].mid()), stem = p.flags[k].stem;
    const double top = zone_bottom - p.flags[k].bottom - blocks[i].height;
    if (e.date.precision != calendar::Precision::Day) {
      const double x0 = p.scale(static_cast<double>(spans[i].first)), x1 = p.scale(static_cast<double>(spans[i].end));
      Color band = c;
      band.a = t.band.a;
      bands.push_back(span_item("precision", i, {x0, axis_y - t.band_height / 2, x1 - x0, t.band_height}, band));
    }
    const bool tentative = e.status != model::Status::Confirmed;
    scene::Stroke leader{t.leader, t.stem_width, tentative ? std::vector<double>{3, 3} : std::vector<double>{}};
    const double marker_top = axis_y - t.marker_radius;
    std::vector<Point> pts{{x, marker_top}};
    if (std::abs(stem - x) > 0.01) pts.insert(pts.end(), {{x, marker_top - t.leader_channel / 4}, {stem, zone_bottom}});
    pts.push_back({stem, top});
    leaders.push_back(line_item("leader", i, std::move(pts), leader));
    const scene::Stroke ring{tentative ? c : t.background, t.marker_stroke, {}};
    markers.push_back(marker_item("event-marker", i, {x, axis_y}, t.marker_radius, tentative ? t.background : c, ring));
    for (scene::Item& it : blocks[i].placed_at({stem + t.flag_pad, top})) labels.push_back(std::move(it));
  }
  return m;
}

void append(std::vector<scene::Item>& to, std::vector<scene::Item>& from) {
  for (scene::Item& it : from) to.push_back(std::move(it));
}

std::string describe(const model::Document& doc) {
  return doc.subtitle.empty() ? doc.title : doc.subtitle;
}

// Events too dense for the page widen it (more px per day) rather than overlap or drop anything.
std::optional<Placement> place_growing(Context& ctx, const std::vector<EventSpan>& spans,
                                       const std::vector<int>& order, const std::vector<LabelBlock>& blocks) {
  for (double w = ctx.theme().width; w <= max_page_width; w *= 1.25) {
    Placement p = place(ctx, spans, order, blocks, w);
    if (p.fits) {
      ctx.width = w;
      return p;
    }
  }
  return std::nullopt;
}

}  // namespace

LayoutResult layout_timeline(const model::Document& doc, const text::TextShaper& shaper) {
  LayoutResult result;
  const model::Theme& t = doc.theme;
  Context ctx{doc, shaper, result.diagnostics, t.width};
  scene::Scene& s = result.scene;
  s.background = t.background;
  s.title = doc.title;
  s.description = describe(doc);
  s.language = std::string(language_tag(doc.locale));

  const std::vector<EventSpan> spans = event_spans(doc);
  const std::vector<int> order = time_order(spans);
  std::vector<LabelBlock> blocks;
  for (std::size_t i = 0; i < doc.events.size(); ++i) blocks.push_back(make_label_block(ctx, static_cast<int>(i)));
  const std::optional<Placement> p = spans.empty() ? std::nullopt : place_growing(ctx, spans, order, blocks);
  if (!spans.empty() && !p) {
    result.diagnostics.error({doc.file, 0, 0},
                             "the events are too dense to place within " + std::to_string(int(max_page_width)) +
                                 " px without overlapping",
                             "split the timeline, or shorten the labels");
    return result;
  }
  s.width = ctx.width;
  double y = layout_header(ctx, s.items);
  y = layout_legend(ctx, y, s.items) + t.header_bottom;
  if (p) {
    const double axis_y = y + p->zone_height + t.leader_channel + t.marker_radius;
    EventMarks marks = event_marks(ctx, *p, spans, order, blocks, axis_y);
    append(s.items, marks.bands);
    const AxisGeometry g{p->scale(static_cast<double>(p->scale.domain_first())),
                         p->scale(static_cast<double>(p->scale.domain_last())), axis_y,
                         axis_y + std::max(t.marker_radius, t.tick_length) + t.tick_label_gap};
    y = layout_axis(ctx, p->scale, g, s.items);
    for (auto* layer : {&marks.leaders, &marks.markers, &marks.labels}) append(s.items, *layer);
  }
  y = layout_footer(ctx, y + t.footer_top, s.items);
  s.height = std::ceil(y + t.margin);
  return result;
}

}  // namespace factline::layout
