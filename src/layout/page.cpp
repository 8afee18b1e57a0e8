#include "layout/page.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "layout/chart/chart.hpp"
#include "layout/furniture.hpp"
#include "layout/label_block.hpp"
#include "layout/shapes.hpp"
#include "layout/time_extent.hpp"
#include "layout/timeline/timeline.hpp"
#include "layout/timeline/timeline_input.hpp"
#include "layout/timeline/vertical.hpp"
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
  LayoutResult result{start_page(doc), {}, {}, {}};
  const model::Theme& t = doc.theme;
  const model::DocumentTime time(doc);
  Context ctx{doc, time, shaper, result.diagnostics, doc.width.value_or(t.width), source, result.scene.events};
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

bool pageable(const model::Document& doc) {
  return doc.detail == model::Detail::All && doc.panels.empty() && !doc.chart;
}

// A timeline under `detail: all` on pages of page_height: the events in time order in
// consecutive stretches, each laid out as its own timeline. How many events a page holds is
// decided before it is laid out, from an estimate of its body (`body`: its labels' estimated
// heights, or the axis its markers stretch) scaled by how the pages so far compared with theirs;
// a page that comes out too tall is laid out again with fewer events. A page of one event is kept
// whatever its height (the output limits judge it). Every page but the last is page_height
// tall, so their size is known before layout.
class Pager {
 public:
  Pager(const model::Document& doc, const text::TextShaper& shaper, std::string_view source)
      : doc_(doc), shaper_(shaper), source_(source), shell_(doc), limit_(page_height(doc)), time_(doc),
        ctx_{doc, time_, shaper, estimate_log_, doc.width.value_or(doc.theme.width), source}, estimate_(ctx_) {
    for (std::size_t i = 0; i < doc.events.size(); ++i)
      if (!doc.events[i].era) order_.push_back(static_cast<int>(i));
    std::stable_sort(order_.begin(), order_.end(), [&](int a, int b) {
      return calendar::first_day(doc.events[a].date) < calendar::first_day(doc.events[b].date);
    });
    rooms_.assign(order_.size(), -1);
    shell_.events.clear();
    shell_.height.reset();  // laid out at its own height (to see how full it is), then set to the page's
    // Pages of a timeline that is surely vertical are all vertical: one reading order through the
    // document, and no horizontal attempt per page that would be discarded.
    if (surely_vertical(ctx_)) shell_.orientation = model::Orientation::Vertical;
    // The label width of a page's vertical column: the page with its eras but no spans (a
    // stretch's spans seldom overlap).
    model::Document eras = shell_;
    for (const model::Event& e : doc.events)
      if (e.era) eras.events.push_back(e);
    const model::DocumentTime eras_time(eras);
    const Context eras_ctx{eras, eras_time, shaper, estimate_log_, ctx_.width, source};
    label_width_ = vertical_label_width(eras_ctx);
    // Header, page line, footer and margins: what a page holds besides its body.
    const model::DocumentTime shell_time(shell_);
    const Context shell_ctx{shell_, shell_time, shaper, estimate_log_, ctx_.width, source};
    const std::vector<PanelRef> timeline{PanelRef{}};
    chrome_ = limit_ - timeline_height_budget(shell_ctx, timeline) +
              shell_ctx.shape("0", doc.theme.event_date, 0, text::Wrap::Greedy, {})->height() + doc.theme.header_gap;
  }

  // Whether the timeline surely needs pages: every label makes it vertical (surely_vertical),
  // and its labels' estimated heights exceed a page by a good margin (else the whole is laid
  // out: it may fit). Estimates events in time order only until they do.
  bool surely_paged() {
    if (order_.size() < 2 || !surely_vertical(ctx_)) return false;
    double total = chrome_;
    for (std::size_t k = 0; k < order_.size() && total <= surely_over * limit_; ++k) total += room(k);
    return total > surely_over * limit_;
  }

  // The pages; errors and warnings of the pages kept go to `diagnostics` (each once), and
  // `cost` counts the events of every page laid out.
  std::vector<scene::Scene> run(Diagnostics& diagnostics, LayoutResult::Cost& cost) {
    if (order_.size() < 2) return {};  // one event is one page, whatever its height
    std::set<std::string> known;
    for (const Diagnostic& d : diagnostics.items()) known.insert(key_of(d));
    std::vector<Stretch> stretches;
    std::vector<scene::Scene> pages;
    std::vector<double> scales;  // of the pages kept, in order
    const int placeholder = 99999;
    const std::size_t n = order_.size();
    for (std::size_t at = 0; at < n;) {
      // A page starts from the median scale of the pages so far: one page's burst (markers
      // crowding a short axis) says little about the next.
      if (!scales.empty()) scale_ = scales[scales.size() / 2];
      Stretch st{at, stretch_end(at)};
      for (;;) {
        const model::Document sub = stretch_document(shell_, doc_, order_, st);
        LayoutResult page = layout_page(sub, shaper_, source_, stretch_line(doc_, order_, st, placeholder, placeholder));
        cost.add(st.to - st.from);
        const double estimated = body(st);
        if (estimated > 0) scale_ = std::max(min_scale, (page.scene.height - chrome_) / estimated);
        const bool fits = !page.diagnostics.has_errors() && page.scene.height <= limit_;
        if (fits || st.to - st.from == 1) {
          for (const Diagnostic& d : page.diagnostics.items())
            if (known.insert(key_of(d)).second) diagnostics.add(d);
          stretches.push_back(st);
          scales.insert(std::upper_bound(scales.begin(), scales.end(), scale_), scale_);
          pages.push_back(std::move(page.scene));
          break;
        }
        // Fewer events: as many as the page's own measure says fit, at least one fewer.
        st.to = page.diagnostics.has_errors() ? st.from + std::max<std::size_t>(1, (st.to - st.from) / 2)
                                              : std::min(st.to - 1, stretch_end(st.from));
      }
      at = st.to;
    }
    // Every page but the last is a page tall, so their size is known before layout; the last
    // keeps its own height (often a short remainder).
    for (std::size_t k = 0; k + 1 < pages.size(); ++k) pages[k].height = std::max(pages[k].height, limit_);
    Diagnostics ignored;  // the line's characters were checked when it was first laid out
    const model::DocumentTime time(shell_);
    const Context ctx{shell_, time, shaper_, ignored, ctx_.width, source_};
    for (std::size_t k = 0; k < pages.size(); ++k)
      for (scene::Item& it : pages[k].items)
        if (it.role == role::page_range)
          it = ctx.text(role::page_range, -1,
                        stretch_line(doc_, order_, stretches[k], static_cast<int>(k + 1), static_cast<int>(pages.size())),
                        doc_.theme.event_date, 0, text::Wrap::Greedy, {}, {it.box.x, it.box.y});
    return pages;
  }

  std::size_t events() const { return order_.size(); }
  double width() const { return ctx_.width; }
  double height() const { return limit_; }

  // The page the tallest label makes alone, estimated (a vertical page: its chrome and that
  // label), and the label's event. The estimate counts a text's lines as if its words filled
  // them, so it is short of what is laid out, not over. Nothing when pages are not vertical.
  std::optional<std::pair<double, int>> tallest_single() {
    if (shell_.orientation != model::Orientation::Vertical || order_.empty()) return std::nullopt;
    std::size_t most = 0;
    for (std::size_t k = 1; k < order_.size(); ++k)
      if (room(k) > room(most)) most = k;
    return std::pair{chrome_ + room(most) - doc_.theme.label_gap, order_[most]};
  }

 private:
  static constexpr double surely_over = 1.25;  // an estimate this far over a page is surely more than one
  static constexpr double fill = 0.95;         // a page is filled to this share of its height
  static constexpr double min_scale = 0.1;

  static std::string key_of(const Diagnostic& d) {
    return std::to_string(static_cast<int>(d.severity)) + d.loc.file + ":" + std::to_string(d.loc.line) + ":" +
           std::to_string(d.loc.column) + " " + d.message;
  }
  // The estimated height of order_[k]'s label in a vertical column and the gap after it.
  double room(std::size_t k) {
    if (rooms_[k] < 0) rooms_[k] = estimate_(order_[k], label_width_) + doc_.theme.label_gap;
    return rooms_[k];
  }
  double rooms(Stretch st) {
    double sum = 0;
    for (std::size_t k = st.from; k < st.to; ++k) sum += room(k);
    return sum;
  }
  // A page's body, estimated: its labels stacked, or on vertical pages the axis they stretch
  // (a burst of markers on a short axis stretches it well past its labels), if longer.
  double body(Stretch st) {
    const double stacked = rooms(st);
    if (shell_.orientation != model::Orientation::Vertical) return stacked;
    const model::Document sub = stretch_document(shell_, doc_, order_, st);
    const model::DocumentTime time(sub);
    const Context ctx{sub, time, shaper_, estimate_log_, ctx_.width, source_};
    return std::max(stacked, vertical_axis_estimate(ctx, prepare_timeline(ctx, label_width_, std::nullopt, false), stacked));
  }
  // One past the last event of a page from `from` that the estimates say fills it (at least
  // one): as many labels as fill it, fewer (by bisection) while their axis would not fit.
  std::size_t stretch_end(std::size_t from) {
    double h = chrome_ + scale_ * room(from);
    std::size_t to = from + 1;
    while (to < order_.size() && h + scale_ * room(to) <= fill * limit_) h += scale_ * room(to++);
    const auto fits = [&](std::size_t end) { return chrome_ + scale_ * body({from, end}) <= fill * limit_; };
    if (to - from < 2 || fits(to)) return to;
    std::size_t lo = from + 1, hi = to;  // lo fits (or is one event), hi does not
    while (hi - lo > 1) {
      const std::size_t mid = lo + (hi - lo) / 2;
      (fits(mid) ? lo : hi) = mid;
    }
    return lo;
  }

  const model::Document& doc_;
  const text::TextShaper& shaper_;
  std::string_view source_;
  model::Document shell_;  // the fact file without its events
  double limit_;
  std::vector<int> order_;  // events but eras, in time order
  const model::DocumentTime time_;
  Diagnostics estimate_log_;  // measuring words reports nothing: the pages laid out do
  const Context ctx_;
  LabelHeightEstimate estimate_;
  std::vector<double> rooms_;  // per order_: room(k), once measured
  double label_width_ = 0, chrome_ = 0;
  double scale_ = 1;  // a page's body height over its estimated body (`body`), as last laid out
};

}  // namespace

std::optional<PageSize> paged_page_size(const model::Document& doc, const text::TextShaper& shaper) {
  if (!pageable(doc)) return std::nullopt;
  Pager pager(doc, shaper, {});
  PageSize size{pager.width(), pager.surely_paged() ? pager.height() : 0};
  if (const auto tallest = pager.tallest_single(); tallest && tallest->first > pager.height())
    size.tallest = tallest->first, size.tallest_event = tallest->second;
  if (size.height == 0 && size.tallest == 0) return std::nullopt;
  return size;
}

LayoutResult layout_document(const model::Document& doc, const text::TextShaper& shaper, std::string_view source,
                             bool whole) {
  if (pageable(doc)) {
    Pager pager(doc, shaper, source);
    if (pager.surely_paged()) {
      // Only the pages are laid out, unless the whole timeline is asked for too.
      LayoutResult result;
      if (whole) {
        result = layout_page(doc, shaper, source, {});
        result.cost.add(pager.events());
        if (result.diagnostics.has_errors()) return result;
      }
      result.pages = pager.run(result.diagnostics, result.cost);
      if (result.pages.size() >= 2 || result.diagnostics.has_errors()) {
        if (!whole) result.scene = result.pages.front();
        return result;
      }
      // All on one page after all (the estimate was long): drawn as one page, without a page line.
    }
  }
  // One page, unless it comes out taller than a page (the estimate was short): then pages too.
  LayoutResult result = layout_page(doc, shaper, source, {});
  result.cost.add(static_cast<std::size_t>(
      std::count_if(doc.events.begin(), doc.events.end(), [](const model::Event& e) { return !e.era; })));
  if (pageable(doc) && !result.diagnostics.has_errors() && result.scene.height > page_height(doc))
    result.pages = Pager(doc, shaper, source).run(result.diagnostics, result.cost);
  return result;
}

}  // namespace factline::layout
