#pragma once
// Colours and marker shapes by role: groups, series and periods take the theme's palette (and
// marker shapes) in their declared order, cycling when there are more of them than colours.
#include <cstddef>

#include "layout/context.hpp"

namespace factline::layout {

// The k-th colour of the theme's palette, cycling; the accent when the palette is empty.
Color palette_color(const model::Theme& t, std::size_t k);

// The colour of a group (-1: none, the accent), and of an event by its group.
Color group_color(const Context& ctx, int group_index);
Color event_color(const Context& ctx, int event_index);
// The marker shape of a group (by the theme's list; -1 takes the first), so greyscale prints
// still tell groups apart.
scene::MarkerShape group_shape(const Context& ctx, int group_index);

// The fill of a period's band (an era's, or a span's on a chart): `era_fill`, every other one
// (k odd) at half its opacity so periods that meet stay apart; a grouped event's in its group
// colour at that opacity.
Color period_fill(const Context& ctx, int event, std::size_t k);

// Whether event i is drawn as tentative: planned (explicitly or after as_of) or uncertain.
bool tentative(const Context& ctx, int event);

// A span's bar over `box` filled with `fill`; a tentative event's gets half the fill's opacity
// and a dashed outline in its group colour inside the box, so that it reads as tentative in
// greyscale too (NEWS_STYLE: hollow, dashed, lighter).
scene::Item status_span(const Context& ctx, std::string role, int event, Rect box, Color fill);

}  // namespace factline::layout
