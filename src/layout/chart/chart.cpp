// What every chart shares: the value range, the time extent, the insets.
#include "layout/chart/chart.hpp"

#include <algorithm>

#include "layout/chart/chart_parts.hpp"

namespace factline::layout {

ValueRange value_range(const model::Chart& chart, bool stacked) {
  ValueRange r;
  auto take = [&](double v) {
    if (r.lo > r.hi) r.lo = r.hi = v;
    r.lo = std::min(r.lo, v), r.hi = std::max(r.hi, v);
  };
  for (std::size_t c = 0; c < chart.x.size(); ++c) {
    double up = 0, down = 0;
    for (const auto& s : chart.series) {
      if (!s.values[c]) continue;
      if (!stacked) take(*s.values[c]);
      (*s.values[c] >= 0 ? up : down) += *s.values[c];
    }
    if (stacked) take(up), take(down);
  }
  return r;
}

AxisInsets chart_insets(const Context& ctx, const model::Chart& chart) {
  return chart.type == model::ChartType::Bar ? bar_insets(ctx, chart) : line_insets(ctx, chart);
}

ChartBody layout_chart_body(const Context& ctx, const model::Chart& chart, const ChartFrame& frame) {
  return chart.type == model::ChartType::Bar ? layout_bars(ctx, chart, frame) : layout_lines(ctx, chart, frame);
}

scene::ChartInfo chart_info(const Context& ctx, const model::Chart& chart, std::string_view name) {
  scene::ChartInfo info{std::string(name.empty() ? std::string_view(chart.y_title) : name), {}};
  for (const model::Series& s : chart.series) {
    scene::ChartInfo::Series out{s.label, {}, 0};
    std::vector<std::string> all;
    for (std::size_t c = 0; c < chart.x.size() && c < s.values.size(); ++c)
      if (s.values[c]) {
        const model::XValue& x = chart.x[c];  // a date as readers say it ("2021년 5월 2일")
        const std::string at = x.date ? calendar::format_date(*x.date, ctx.doc.locale) : x.label;
        all.push_back(at + ": " + value_text(ctx, chart, *s.values[c]));
      }
    out.count = all.size();
    if (all.size() > scene::ChartInfo::max_named_values) all = {all.front(), all.back()};
    out.values = std::move(all);
    info.series.push_back(std::move(out));
  }
  return info;
}

std::pair<calendar::Days, calendar::Days> chart_time_extent(const Context& ctx, const model::Chart& chart) {
  std::optional<std::pair<calendar::Days, calendar::Days>> r;
  auto take = [&](std::pair<calendar::Days, calendar::Days> x) {
    r = r ? std::pair{std::min(r->first, x.first), std::max(r->second, x.second)} : x;
  };
  for (const auto& x : chart.x)
    if (x.date) take({calendar::first_day(*x.date), calendar::end_day(*x.date)});
  if (shows_events(ctx.doc, chart))
    for (const model::EventDays& e : ctx.time.events()) take({e.first, e.end});  // a span's band runs to its end
  if (r && r->second <= r->first) r->second = r->first + 1;
  return r.value_or(std::pair<calendar::Days, calendar::Days>{0, 1});
}

}  // namespace factline::layout
