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
#include "layout/wording.hpp"
#include "model/time.hpp"

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

// One page. `range_line`, when given, stands under the header: a paged timeline's dates and page number.
LayoutResult layout_page(const model::Document& doc, const text::TextShaper& shaper, std::string_view source,
                         std::string_view range_line) {
  LayoutResult result{start_page(doc), {}, {}};
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
  if (!range_line.empty()) {
    s.items.push_back(ctx.text(role::page_range, -1, range_line, t.event_date, 0, text::Wrap::Greedy, {},
                               {t.margin, y + t.header_gap}));
    y = s.items.back().box.bottom();
  }
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

// The tallest page of a paged timeline, px: the fact file's height, else 3 times its width.
double page_height(const model::Document& doc) {
  return doc.height.value_or(std::min(3 * doc.width.value_or(doc.theme.width), model::max_page_px));
}

// A page of `order[from, to)` (event indexes in time order), with the eras that overlap their
// dates (background bands, on every page they reach).
struct Stretch {
  std::size_t from = 0, to = 0;
};
model::Document stretch_document(const model::Document& shell, const model::Document& doc,
                                 const std::vector<int>& order, Stretch st) {
  model::Document sub = shell;
  calendar::Days begin = calendar::first_day(doc.events[order[st.from]].date), end = begin;
  for (std::size_t k = st.from; k < st.to; ++k) {
    const model::Event& e = doc.events[order[k]];
    end = std::max(end, calendar::end_day(e.is_span && e.end ? *e.end : e.date));
  }
  for (const model::Event& e : doc.events)
    if (e.era && calendar::first_day(e.date) < end && (!e.end || calendar::end_day(*e.end) > begin))
      sub.events.push_back(e);
  for (std::size_t k = st.from; k < st.to; ++k) sub.events.push_back(doc.events[order[k]]);
  return sub;
}

std::string stretch_line(const model::Document& doc, const std::vector<int>& order, Stretch st, int page, int pages) {
  const model::Event& first = doc.events[order[st.from]];
  calendar::Date last = doc.events[order[st.to - 1]].date;
  for (std::size_t k = st.from; k < st.to; ++k)
    if (const model::Event& e = doc.events[order[k]]; e.is_span && e.end && calendar::end_day(*e.end) > calendar::end_day(last))
      last = *e.end;
  return page_line(first.date, last, page, pages, doc.locale);
}

// `whole` (every event labelled) cut into pages of at most page_height: the events in time order
// in consecutive stretches, each laid out as its own timeline. The first stretch's size is the
// share of events one page held in `whole`; each next one's is the last one's scaled by how full
// its page came out, and shrinks while its page comes out too tall. A page of one event is kept
// whatever its height (the output limits judge it). The page line is laid out
// with a placeholder count, then replaced once the count is known: one line either way.
std::vector<scene::Scene> paginate(const model::Document& doc, const text::TextShaper& shaper, std::string_view source,
                                   const scene::Scene& whole, Diagnostics& diagnostics) {
  std::vector<int> order;
  for (std::size_t i = 0; i < doc.events.size(); ++i)
    if (!doc.events[i].era) order.push_back(static_cast<int>(i));
  if (order.size() < 2) return {};
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return calendar::first_day(doc.events[a].date) < calendar::first_day(doc.events[b].date);
  });
  model::Document shell = doc;
  shell.events.clear();
  const double limit = page_height(doc);
  const std::size_t n = order.size();
  std::size_t per = std::clamp<std::size_t>(static_cast<std::size_t>(0.9 * static_cast<double>(n) * limit / whole.height), 1, n);
  std::vector<Stretch> stretches;
  std::vector<scene::Scene> pages;
  const int placeholder = 99999;
  for (std::size_t at = 0; at < n;) {
    Stretch st{at, std::min(n, at + per)};
    for (;;) {
      const model::Document sub = stretch_document(shell, doc, order, st);
      LayoutResult page = layout_page(sub, shaper, source, stretch_line(doc, order, st, placeholder, placeholder));
      const bool fits = !page.diagnostics.has_errors() && page.scene.height <= limit;
      if (fits || st.to - st.from == 1) {
        for (const Diagnostic& d : page.diagnostics.items())
          if (d.severity == Severity::Error) diagnostics.add(d);
        stretches.push_back(st);
        // The next stretch starts at this one's size, scaled towards a full page.
        const double grow = std::min(1.5, 0.95 * limit / page.scene.height);
        per = std::max<std::size_t>(1, static_cast<std::size_t>(grow * static_cast<double>(st.to - st.from)));
        pages.push_back(std::move(page.scene));
        break;
      }
      const double shrink = page.diagnostics.has_errors() ? 0.5 : 0.9 * limit / page.scene.height;
      st.to = st.from + std::clamp<std::size_t>(static_cast<std::size_t>(shrink * static_cast<double>(st.to - st.from)), 1, st.to - st.from - 1);
    }
    at = st.to;
  }
  const model::DocumentTime time(shell);
  Diagnostics ignored;  // the line's characters were checked when it was first laid out
  const Context ctx{shell, time, shaper, ignored, whole.width, source};
  for (std::size_t k = 0; k < pages.size(); ++k)
    for (scene::Item& it : pages[k].items)
      if (it.role == role::page_range)
        it = ctx.text(role::page_range, -1,
                      stretch_line(doc, order, stretches[k], static_cast<int>(k + 1), static_cast<int>(pages.size())),
                      doc.theme.event_date, 0, text::Wrap::Greedy, {}, {it.box.x, it.box.y});
  return pages;
}

}  // namespace

LayoutResult layout_document(const model::Document& doc, const text::TextShaper& shaper, std::string_view source) {
  LayoutResult result = layout_page(doc, shaper, source, {});
  const bool timeline_only = doc.panels.empty() && !doc.chart;
  if (doc.detail == model::Detail::All && timeline_only && !result.diagnostics.has_errors() &&
      result.scene.height > page_height(doc))
    result.pages = paginate(doc, shaper, source, result.scene, result.diagnostics);
  return result;
}

}  // namespace factline::layout
