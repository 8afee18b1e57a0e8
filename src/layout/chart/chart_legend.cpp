// Series colours and the series legend.
#include "layout/chart/chart_parts.hpp"
#include "layout/palette.hpp"

namespace factline::layout {

Color series_color(const Context& ctx, const model::Chart& chart, std::size_t i) {
  if (chart.series[i].color) return *chart.series[i].color;
  return palette_color(ctx.theme(), i);
}

double add_series_legend(const Context& ctx, const model::Chart& chart, scene::MarkerShape shape, double y,
                         std::vector<scene::Item>& items) {
  std::vector<LegendEntry> entries;
  for (std::size_t i = 0; i < chart.series.size(); ++i)
    entries.push_back({chart.series[i].label, series_color(ctx, chart, i), shape, chart.series[i].loc});
  return layout_legend_entries(ctx, y, entries, items);
}

}  // namespace factline::layout
