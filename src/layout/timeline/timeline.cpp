#include "layout/timeline/timeline.hpp"

#include <algorithm>

#include "layout/timeline/detail.hpp"
#include "layout/timeline/horizontal.hpp"
#include "layout/timeline/timeline_input.hpp"
#include "layout/timeline/vertical.hpp"

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

bool surely_vertical(const Context& ctx, const TimelineFrame& frame) {
  const model::Document& doc = ctx.doc;
  if (frame.domain || doc.orientation == model::Orientation::Horizontal) return false;
  if (doc.orientation == model::Orientation::Vertical) return true;
  const model::Theme& t = ctx.theme();
  // Per lane (ungrouped first, then each group), its point events: horizontal.cpp's tracks.
  std::vector<double> lane(doc.groups.size() + 1);
  double all = 0;
  for (const model::Event& e : doc.events)
    if (!e.era && !e.is_span) ++lane[static_cast<std::size_t>(e.group + 1)], ++all;
  const auto too_wide = [&](double points, double gutter) {
    return points * t.stem_spacing + 2 * t.margin + gutter + frame.insets.right > ctx.width;
  };
  if (!too_wide(all, frame.insets.left)) return false;
  return groups_used(doc) < 2 ||
         too_wide(*std::max_element(lane.begin(), lane.end()), std::max(t.group_gutter, frame.insets.left));
}

namespace {

// Every event labelled. An explicit orientation wins (a shared time range is horizontal).
// Otherwise horizontal whenever it fits the page as given (it reads in time order at a glance,
// on a true time axis); vertical, which always fits, only when horizontal would widen the page.
std::optional<Body> layout_every_label(const Context& ctx, const TimelineFrame& frame) {
  const model::Orientation o = frame.domain ? model::Orientation::Horizontal : ctx.doc.orientation;
  std::optional<Body> horizontal;
  if (o != model::Orientation::Vertical && !surely_vertical(ctx, frame)) {
    const TimelineInput in = prepare_timeline(ctx, ctx.theme().label_width, frame.domain);
    horizontal = layout_horizontal(ctx, in, false, frame.insets);
    if (groups_used(ctx.doc) >= 2) {
      std::optional<Body> lanes = layout_horizontal(ctx, in, true, frame.insets);
      if (lanes && (!horizontal || prefer_lanes(*lanes, *horizontal, !in.ranges.empty()))) horizontal = std::move(lanes);
    }
    if (o == model::Orientation::Horizontal || (horizontal && !horizontal->widened)) return horizontal;
  }
  const TimelineInput in = prepare_timeline(ctx, vertical_label_width(ctx));
  return layout_vertical(ctx, in);
}

// Events that surely cannot all be labelled on the page: their stems alone are wider than it, or
// a column of their date lines alone (vertical: of a date and a title line each, as the vertical
// layout stacks every label once) is taller than the height budget.
bool surely_too_many(const Context& ctx, const TimelineFrame& frame) {
  const model::Theme& t = ctx.theme();
  const auto n = static_cast<double>(std::count_if(ctx.doc.events.begin(), ctx.doc.events.end(),
                                                   [](const model::Event& e) { return !e.era; }));
  if (ctx.doc.orientation == model::Orientation::Vertical)
    return n * (t.event_date.size + t.event_title.size + t.label_gap) > frame.max_height;
  return n * t.stem_spacing > ctx.width - 2 * t.margin || n * t.event_date.size > frame.max_height;
}

}  // namespace

// Every event labelled (layout_every_label), unless, under `detail: auto`, that layout is wider
// than the page or taller than its budget: then a level of detail, vertical when the fact file
// asks for vertical, else horizontal. `detail: N` always draws one; `detail: all` never does.
std::optional<Body> layout_timeline_body(const Context& ctx, const TimelineFrame& frame) {
  const model::Document& doc = ctx.doc;
  const bool may_detail = doc.detail != model::Detail::All;
  auto detail = [&] {
    const bool vertical = !frame.domain && doc.orientation == model::Orientation::Vertical;
    const TimelineInput in = prepare_timeline(ctx, ctx.theme().label_width, frame.domain, false);
    return layout_detail(ctx, in, frame.insets, frame.max_height, vertical);
  };
  if (may_detail && (doc.detail == model::Detail::Count || surely_too_many(ctx, frame))) return detail();
  std::optional<Body> all = layout_every_label(ctx, frame);
  if (may_detail && (!all || all->widened || all->height > frame.max_height)) return detail();
  return all;
}

void report_too_dense(const model::Document& doc, Diagnostics& out) {
  out.error({doc.file, 0, 0},
            "the events are too dense to lay out horizontally within " +
                std::to_string(static_cast<int>(model::max_page_px)) + " px without overlapping",
            "use orientation: vertical, or leave orientation out to let factline choose");
}

}  // namespace factline::layout
