#pragma once
// A chart's value axis: a nice domain (zero included for bars and areas), its ticks, their
// labels in the chart's number style, gridlines, and the axis title with the unit.
#include <string>
#include <vector>

#include "layout/context.hpp"
#include "model/chart.hpp"
#include "scale/linear_scale.hpp"

namespace factline::layout {

struct ValueAxis {
  double lo = 0, hi = 1;       // the nice domain; its ends are the first and last ticks
  std::vector<double> ticks;   // ascending
  double step = 0;             // between ticks; tick labels take their decimals from it
};

// The axis for values in [lo, hi], with at most max_ticks ticks.
ValueAxis make_value_axis(double lo, double hi, int max_ticks, bool include_zero);
// A tick's label: the chart's number style without its unit (the axis title carries it), with
// the step's decimals on every tick ("0.5", "1.0"; "5,000만", "1억").
std::string tick_text(const Context& ctx, const model::Chart& chart, const ValueAxis& axis, double v);
// A value on a bar, in the chart's style without its unit.
std::string value_text(const Context& ctx, const model::Chart& chart, double v);
// The widest tick label, px.
double tick_labels_width(const Context& ctx, const model::Chart& chart, const ValueAxis& axis);

// Gridlines across a vertical value axis's plot (left..right), tick labels right-aligned left
// of it; the zero line (or the bottom) in the axis colour.
void add_vertical_value_axis(const Context& ctx, const model::Chart& chart, const ValueAxis& axis,
                             const scale::LinearScale& y, double left, double right,
                             std::vector<scene::Item>& under, std::vector<scene::Item>& over);
// Gridlines down a horizontal value axis's plot (top..bottom), tick labels centred under it;
// the zero line in the axis colour. Returns the y below the labels.
double add_horizontal_value_axis(const Context& ctx, const model::Chart& chart, const ValueAxis& axis,
                                 const scale::LinearScale& x, double top, double bottom,
                                 std::vector<scene::Item>& under, std::vector<scene::Item>& over);

// The value axis's title ("매출(단위: 억 달러)") at (x, y); returns the y below it (y when none).
double add_value_axis_title(const Context& ctx, const model::Chart& chart, Point at, std::vector<scene::Item>& items);

}  // namespace factline::layout
