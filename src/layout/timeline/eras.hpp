#pragma once
// Eras (`era: true` spans): periods drawn as faint bands behind the whole plot, each labelled
// with its title and dates in rows (horizontal) or a column (vertical) of their own, so an era's
// label never meets an event's label and eras take no span lane.
#include "layout/context.hpp"
#include "layout/timeline/body.hpp"
#include "layout/timeline/timeline_input.hpp"
#include "scale/time_scale.hpp"

namespace factline::layout {

// Horizontal: rows of era labels go above the body (its items move down to make room) and the
// bands run behind everything across the body's full height. Nothing without eras.
void add_eras_horizontal(const Context& ctx, const TimelineInput& in, const scale::TimeScale& sc, Body& body);

// Vertical: the width of the era label column left of the tick labels; 0 without eras.
double era_column_width(const Context& ctx);
// Bands across [x0, x1] at their dates, labels in the column at column_x, each at its era's
// start and pushed down only as far as needed to keep them apart.
void add_eras_vertical(const Context& ctx, const TimelineInput& in, const scale::TimeScale& sc, double x0, double x1,
                       double column_x, Body& body);

}  // namespace factline::layout
