// The fact file's events on a date chart: a thin rule across the plot at each event's date,
// rising to a short label (date and title) above the plot. Labels are one-sided flags
// (flag_placement.hpp): they never overlap, no rule runs through a label, rules never cross.
#include <algorithm>

#include "layout/chart/chart_parts.hpp"
#include "layout/palette.hpp"
#include "layout/placement/flag_placement.hpp"
#include "layout/shapes.hpp"
#include "layout/wording.hpp"

namespace factline::layout {
namespace {

struct EventLabel {
  int event = -1;
  double x = 0;
  std::string date_line;
  text::ShapedTextPtr date, title;
  double width = 0, height = 0;  // the flag: its label and the pad from the stem
};

}  // namespace

bool shows_events(const model::Document& doc, const model::Chart& chart) {
  return chart.type == model::ChartType::Line && chart.x_dates && chart.events && !doc.events.empty();
}

ChartEvents place_chart_events(const Context& ctx, const scale::TimeScale& scale, double right_edge) {
  const model::Theme& t = ctx.theme();
  const Locale l = ctx.doc.locale;
  std::vector<EventLabel> labels;
  for (std::size_t i = 0; i < ctx.doc.events.size(); ++i) {
    const model::Event& e = ctx.doc.events[i];
    EventLabel lab;
    lab.event = static_cast<int>(i);
    // At the middle of the period its date covers (a span: its start's), as on the timeline.
    lab.x = scale((static_cast<double>(calendar::first_day(e.date)) + static_cast<double>(calendar::end_day(e.date))) / 2);
    lab.date_line = date_line(e, l);
    lab.date = ctx.shape(lab.date_line, t.event_date, t.label_width, text::Wrap::Greedy, e.loc);
    lab.title = ctx.shape(e.title, t.event_text, t.label_width, text::Wrap::Balanced, e.title_loc);
    lab.width = std::max(lab.date->width(), lab.title->width()) + t.flag_pad;
    lab.height = lab.date->height() + t.label_inner_gap + lab.title->height();
    labels.push_back(std::move(lab));
  }
  std::stable_sort(labels.begin(), labels.end(), [](const EventLabel& a, const EventLabel& b) { return a.x < b.x; });

  // Stems start at their rules, in time order so that rules never cross, except at the page's
  // edges: a crowd at the left starts spread out (place_flags moves stems only leftwards, to keep
  // them apart), and near the right a stem starts left of its rule so its label ends in the page.
  std::vector<FlagInput> flags(labels.size());
  for (std::size_t k = 0; k < labels.size(); ++k) {
    const double least = k > 0 ? flags[k - 1].x + t.stem_spacing : t.margin;
    flags[k] = {std::max(labels[k].x, least), labels[k].width, labels[k].height};
  }
  for (std::size_t k = labels.size(); k-- > 0;) {
    flags[k].x = std::min(flags[k].x, right_edge - labels[k].width);
    if (k + 1 < labels.size()) flags[k].x = std::min(flags[k].x, flags[k + 1].x);
  }
  // The lowest stack of labels whose stems bend no more than the timeline allows
  // (budget_steps) and stay in the page, else as tall as it takes (then no stem moves
  // but to keep its spacing, which the spread above already gives).
  std::vector<double> widths, heights;
  for (const EventLabel& lab : labels) widths.push_back(lab.width), heights.push_back(lab.height + t.label_gap);
  const double max_bend = median(widths) * t.max_nudge_factor;
  const double tallest = heights.empty() ? 0 : *std::max_element(heights.begin(), heights.end());
  std::vector<FlagPlacement> placed;
  auto fits = [&] {
    double bend = 0;
    for (std::size_t j = 0; j < flags.size(); ++j) bend = std::max(bend, flags[j].x - placed[j].stem);
    return bend <= max_bend && (placed.empty() || placed.front().stem >= t.margin);
  };
  bool ok = false;
  for (double k : budget_steps) {
    placed = place_flags(flags, {t.stem_spacing, t.label_gap, std::max(tallest, k * median(heights)), false});
    if ((ok = fits())) break;
  }
  if (!ok) placed = place_flags(flags, {t.stem_spacing, t.label_gap, no_budget, false});

  ChartEvents ev;
  for (std::size_t k = 0; k < labels.size(); ++k) {
    const EventLabel& lab = labels[k];
    const model::Event& e = ctx.doc.events[static_cast<std::size_t>(lab.event)];
    const double top = -t.leader_channel - placed[k].offset - lab.height, left = placed[k].stem + t.flag_pad;
    ev.labels.push_back(scene::text_item(role::event_date, lab.event, lab.date_line, lab.date, {left, top}, t.event_date.color));
    ev.labels.push_back(scene::text_item(role::event_label, lab.event, e.title, lab.title,
                                         {left, top + lab.date->height() + t.label_inner_gap}, t.event_text.color));
    ev.xs.push_back(lab.x);
    ev.stems.push_back(placed[k].stem);
    ev.label_tops.push_back(top);
    ev.events.push_back(lab.event);
    ev.periods.push_back(std::nullopt);
    if (e.is_span) {  // to its end, or (ongoing) as far as the document's time draws it
      const model::EventDays& days = ctx.time.event(static_cast<std::size_t>(lab.event));
      ev.periods.back() = std::pair{scale(static_cast<double>(days.first)), scale(static_cast<double>(days.end))};
    }
    ev.height = std::max(ev.height, -top);
  }
  return ev;
}

void add_event_rules(const Context& ctx, const ChartEvents& ev, double zone_bottom, double plot_top,
                     double plot_bottom, std::vector<scene::Item>& bands, std::vector<scene::Item>& items) {
  const model::Theme& t = ctx.theme();
  std::size_t periods = 0;
  for (std::size_t k = 0; k < ev.events.size(); ++k) {
    if (const auto& p = ev.periods[k]) {
      const Rect band{p->first, plot_top, std::max(0.0, p->second - p->first), plot_bottom - plot_top};
      bands.push_back(status_span(ctx, role::event_span, ev.events[k], band, period_fill(ctx, ev.events[k], periods++)));
    }
    const double x = ev.xs[k], stem = ev.stems[k];
    std::vector<Point> pts{{x, plot_bottom}, {x, zone_bottom}};
    // A stem moved left bends across the channel above the plot, as a timeline's leader does.
    if (std::abs(stem - x) > 0.01)
      pts.insert(pts.end(), {{x, zone_bottom - t.leader_channel / 4}, {stem, zone_bottom - t.leader_channel}});
    pts.push_back({stem, zone_bottom + ev.label_tops[k]});
    items.push_back(line_item(role::event_rule, ev.events[k], std::move(pts),
                              {t.leader, t.stem_width, tentative(ctx, ev.events[k]) ? t.tentative_dash : std::vector<double>{}}));
  }
}

}  // namespace factline::layout
