#pragma once
// The horizontal time axis: a light band carrying the tick labels, ruler style ("|2024년"),
// with as many ticks as fit without crowding.
#include <optional>
#include <vector>

#include "layout/context.hpp"
#include "scale/time_scale.hpp"

namespace factline::layout {

// Room kept beside a plot's axis inside the margins: a chart's tick labels on the left and
// end-of-line labels on the right, and the same room beside a timeline's axis on a composite
// page, so that every plot area there starts and ends at one x.
struct AxisInsets {
  double left = 0, right = 0;
};

struct AxisBand {
  double x0 = 0, x1 = 0;  // the axis's extent, px
  double top = 0;
  double height = 0;
};

// A time tick's label style: year ticks stand out (tick_major), finer ones do not.
const model::TextRole& tick_style(const model::Theme& t, const scale::Tick& tick);

// Height of the band's tick row for this theme: one line of tick labels and its padding. (The
// band holds a second row for the as-of label when needed: as_of.hpp.)
double axis_band_height(const Context& ctx);

// The areas of the tick row the ticks take: each drawn label with its mark, and every mark.
std::vector<Rect> tick_areas(const Context& ctx, const scale::TimeScale& scale, const AxisBand& band);

// Appends the band (to `under`) and its ticks and labels (to `over`), the labels in the band's
// first row; tick marks that would cross `keep_clear` (the as-of label in its own row) stop at
// the first row. Returns the x of every tick mark, for gridlines.
std::vector<double> layout_axis_band(const Context& ctx, const scale::TimeScale& scale, const AxisBand& band,
                      std::optional<Rect> keep_clear, std::vector<scene::Item>& under,
                      std::vector<scene::Item>& over);

// An axis break over `area` (a band's height across a horizontal axis, or a vertical axis's
// width along it): the axis is cleared there and crossed by two slanted strokes.
void add_axis_break(const Context& ctx, Rect area, bool horizontal, std::vector<scene::Item>& items);

}  // namespace factline::layout
