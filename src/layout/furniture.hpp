#pragma once
// The page around the plot: title and subtitle, the legend, the source line and the credit.
#include <vector>

#include "layout/context.hpp"

namespace factline::layout {

// A page's scene before layout: background, title and description, language.
scene::Scene start_page(const model::Document& doc);

// Lays out the header at the top margin; returns the y below it.
double layout_header(const Context& ctx, std::vector<scene::Item>& items);
// A legend of the groups that events use, in declared order, flowed in rows from y; returns
// the y below it (y itself when there is nothing to show).
double layout_legend(const Context& ctx, double y, std::vector<scene::Item>& items);
// One legend entry: a swatch of the colour and shape, and the label.
struct LegendEntry {
  std::string label;
  Color color;
  scene::MarkerShape shape = scene::MarkerShape::Circle;
  SourceLoc loc;
};
// Entries flowed in rows from y, from the left margin; returns the y below them.
double layout_legend_entries(const Context& ctx, double y, const std::vector<LegendEntry>& entries,
                             std::vector<scene::Item>& items);
// The source line (fact file's source, then every event's, de-duplicated), the credit and the
// note, from y; returns the y below them.
double layout_footer(const Context& ctx, double y, std::vector<scene::Item>& items);

}  // namespace factline::layout
