#include "layout/timeline/timeline.hpp"

#include <algorithm>
#include <cmath>

#include "layout/furniture.hpp"
#include "layout/timeline/horizontal.hpp"
#include "layout/shapes.hpp"
#include "layout/timeline/vertical.hpp"
#include "layout/timeline/timeline_input.hpp"

namespace factline::layout {
namespace {

constexpr double lanes_height_tolerance = 1.2;

int groups_used(const model::Document& doc) {
  std::vector<bool> used(doc.groups.size());
  for (const auto& e : doc.events)
    if (e.group >= 0) used[e.group] = true;
  return static_cast<int>(std::count(used.begin(), used.end(), true));
}

// Swimlanes read better (each group's story on its own line) but cost height: take them for
// spans, which are Gantt-like, or when they cost little more than colour alone.
bool prefer_lanes(const Body& lanes, const Body& colour, bool has_spans) {
  if (lanes.widened && !colour.widened) return false;
  return has_spans || lanes.height <= lanes_height_tolerance * colour.height;
}

}  // namespace

// An explicit orientation wins (a shared time range is horizontal). Otherwise horizontal when it
// fits the page as given and takes no more than 1.25 times the vertical layout's area
// (LABEL_PLACEMENT §4); vertical always fits.
std::optional<Body> layout_timeline_body(const Context& ctx, const TimelineFrame& frame) {
  const model::Orientation o = frame.domain ? model::Orientation::Horizontal : ctx.doc.orientation;
  std::optional<Body> horizontal;
  if (o != model::Orientation::Vertical) {
    const TimelineInput in = prepare_timeline(ctx, ctx.theme().label_width, frame.domain);
    horizontal = layout_horizontal(ctx, in, false, frame.insets);
    if (groups_used(ctx.doc) >= 2) {
      std::optional<Body> lanes = layout_horizontal(ctx, in, true, frame.insets);
      if (lanes && (!horizontal || prefer_lanes(*lanes, *horizontal, !in.ranges.empty()))) horizontal = std::move(lanes);
    }
    if (o == model::Orientation::Horizontal) return horizontal;
  }
  const TimelineInput in = prepare_timeline(ctx, vertical_label_width(ctx));
  Body vertical = layout_vertical(ctx, in);
  if (horizontal && !horizontal->widened &&
      horizontal->width * horizontal->height <= 1.25 * vertical.width * vertical.height)
    return horizontal;
  return vertical;
}

void report_too_dense(const model::Document& doc, Diagnostics& out) {
  out.error({doc.file, 0, 0},
            "the events are too dense to lay out horizontally within " +
                std::to_string(static_cast<int>(max_page_width)) + " px without overlapping",
            "use orientation: vertical, or leave orientation out to let factline choose");
}

LayoutResult layout_timeline(const model::Document& doc, const text::TextShaper& shaper) {
  LayoutResult result{start_page(doc), {}};
  const model::Theme& t = doc.theme;
  Context ctx{doc, shaper, result.diagnostics, doc.width.value_or(t.width)};
  scene::Scene& s = result.scene;

  std::optional<Body> body = layout_timeline_body(ctx);
  if (!body) {
    report_too_dense(doc, result.diagnostics);
    return result;
  }
  ctx.width = s.width = body->width;
  double y = layout_header(ctx, s.items);
  if (!body->swimlanes) y = layout_legend(ctx, y, s.items);
  y += t.header_bottom;
  move_items(body->items, {0, y});
  for (scene::Item& it : body->items) s.items.push_back(std::move(it));
  y = layout_footer(ctx, y + body->height + t.footer_top, s.items);
  s.height = std::ceil(std::max(y + t.margin, doc.height.value_or(0)));
  return result;
}

}  // namespace factline::layout
