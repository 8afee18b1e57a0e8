#include "layout/page.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <vector>

#include "layout/chart/chart.hpp"
#include "layout/furniture.hpp"
#include "layout/shapes.hpp"
#include "layout/time_extent.hpp"
#include "layout/timeline/timeline.hpp"

namespace factline::layout {
namespace {

using calendar::Days;
using Kind = model::Panel::Kind;

// One panel of the page, whichever way the fact file gave it.
struct PanelRef {
  Kind kind = Kind::Timeline;
  std::string_view title;               // empty for none
  const model::Chart* chart = nullptr;  // Kind::Chart only
  SourceLoc loc;
};

// The fact file's `panels:`, else its chart or its timeline as one untitled panel.
std::vector<PanelRef> panels_of(const model::Document& doc) {
  std::vector<PanelRef> out;
  for (const model::Panel& p : doc.panels)
    out.push_back({p.kind, p.title, p.kind == Kind::Chart ? &p.chart : nullptr, p.loc});
  if (out.empty()) out.push_back(doc.chart ? PanelRef{Kind::Chart, {}, &*doc.chart, doc.chart->loc} : PanelRef{});
  return out;
}

bool dated(const PanelRef& p) { return p.kind == Kind::Chart && p.chart->x_dates; }

// The common time range of the panels with time axes (the timeline's events and every date
// chart's dates), padded like a timeline's; none when fewer than two panels have one.
std::optional<std::pair<Days, Days>> shared_domain(const Context& ctx, const std::vector<PanelRef>& panels) {
  const model::Document& doc = ctx.doc;
  if (!doc.share_time) return std::nullopt;
  std::optional<std::pair<Days, Days>> cover;
  int timed = 0;
  const auto take = [&](std::pair<Days, Days> x) {
    cover = cover ? std::pair{std::min(cover->first, x.first), std::max(cover->second, x.second)} : x;
    ++timed;
  };
  for (const PanelRef& p : panels) {
    if (p.kind == Kind::Timeline && doc.orientation != model::Orientation::Vertical) take(ctx.time.extent());
    if (dated(p)) take(chart_time_extent(ctx, *p.chart));
  }
  if (timed < 2) return std::nullopt;
  return padded_domain(cover->first, cover->second);
}

// The most a timeline's body may take under `detail: auto`: the page's height (the fact file's,
// else 3 times its width, at most the tallest page allowed) less the header, legend and footer, and a chart panel's plot and
// axes each (estimated at twice the plot height).
double timeline_height_budget(const Context& ctx, const std::vector<PanelRef>& panels) {
  const model::Theme& t = ctx.theme();
  const double page = ctx.doc.height.value_or(std::min(3 * ctx.width, model::max_page_px));
  std::vector<scene::Item> scratch;
  double used = layout_legend(ctx, layout_header(ctx, scratch), scratch) + t.header_bottom;
  used = layout_footer(ctx, used + t.footer_top, scratch) + t.margin;
  for (const PanelRef& p : panels)
    if (p.kind == Kind::Chart) used += 2 * t.plot_height + t.header_bottom;
  return page - used;
}

}  // namespace

LayoutResult layout_document(const model::Document& doc, const text::TextShaper& shaper, std::string_view source) {
  LayoutResult result{start_page(doc), {}};
  const model::Theme& t = doc.theme;
  const model::DocumentTime time(doc);
  Context ctx{doc, time, shaper, result.diagnostics, doc.width.value_or(t.width), source};
  scene::Scene& s = result.scene;
  const std::vector<PanelRef> panels = panels_of(doc);

  // Every plot area starts and ends where the widest chart's axis labels need it to.
  AxisInsets insets;
  for (const PanelRef& p : panels)
    if (p.kind == Kind::Chart) {
      const AxisInsets c = chart_insets(ctx, *p.chart);
      insets.left = std::max(insets.left, c.left), insets.right = std::max(insets.right, c.right);
    }
  const auto domain = shared_domain(ctx, panels);

  // The timeline first: dense events may widen the page, and the charts follow its axis.
  std::optional<Body> timeline;
  if (std::any_of(panels.begin(), panels.end(), [](const PanelRef& p) { return p.kind == Kind::Timeline; })) {
    timeline = layout_timeline_body(ctx, {insets, domain, timeline_height_budget(ctx, panels)});
    if (!timeline) {
      if (!result.diagnostics.has_errors()) report_too_dense(doc, result.diagnostics);
      return result;
    }
    s.detail = std::move(timeline->detail);
    ctx.width = timeline->width;
  }
  s.width = ctx.width;
  std::optional<scale::TimeScale> time_scale;
  if (domain)
    time_scale = timeline && timeline->scale
                     ? *timeline->scale
                     : scale::TimeScale(domain->first, domain->second, t.margin + insets.left,
                                        ctx.width - t.margin - insets.right);

  double y = layout_header(ctx, s.items);
  for (std::size_t k = 0; k < panels.size(); ++k) {
    const PanelRef& p = panels[k];
    // A timeline's legend of groups (swimlanes name their groups instead); an untitled first
    // panel's stands with the header.
    const bool legend = p.kind == Kind::Timeline && !timeline->swimlanes;
    const bool legend_in_header = legend && k == 0 && p.title.empty();
    if (legend_in_header) y = layout_legend(ctx, y, s.items);
    y += t.header_bottom;  // panels stand apart as the header does from the first
    if (!p.title.empty()) {
      s.items.push_back(ctx.text(role::panel_title, -1, p.title, t.panel_title, ctx.width - 2 * t.margin,
                                 text::Wrap::Balanced, p.loc, {t.margin, y}));
      y = s.items.back().box.bottom() + t.header_gap;
    }
    if (legend && !legend_in_header) y = layout_legend(ctx, y, s.items) + (doc.groups.empty() ? 0 : t.header_gap);
    std::vector<scene::Item> items;
    double height = 0;
    if (p.kind == Kind::Timeline) {
      items = std::move(timeline->items);
      height = timeline->height;
    } else {
      // With a shared time axis every plot spans it, dated or not, so the panels line up.
      ChartFrame frame{t.margin + insets.left, ctx.width - t.margin - insets.right, std::nullopt};
      if (time_scale) {
        frame.plot_left = time_scale->segments().front().r0;
        frame.plot_right = time_scale->segments().back().r1;
        if (p.chart->x_dates) frame.time_scale = time_scale;
      }
      ChartBody body = layout_chart_body(ctx, *p.chart, frame);
      s.charts.push_back(chart_info(ctx, *p.chart, p.title));
      items = std::move(body.items);
      height = body.height;
    }
    move_items(items, {0, y});
    for (scene::Item& it : items) s.items.push_back(std::move(it));
    y += height;
  }
  y = layout_footer(ctx, y + t.footer_top, s.items);
  s.height = std::ceil(std::max(y + t.margin, doc.height.value_or(0)));
  return result;
}

}  // namespace factline::layout
