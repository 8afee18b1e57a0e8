#pragma once
// Every visual decision in one place. The values live in templates/*.yaml (load/template.cpp
// reads them; news.yaml is the default); layout and render hold no style literals of their own.
#include <string>
#include <vector>

#include "core/color.hpp"

namespace factline::model {

// Mirrors scene::MarkerShape (model may not use the scene stage).
enum class MarkerShape { Circle, Square, Diamond };

// Which colours a picture takes: its template's (light), those of its dark template, or both,
// the dark ones for readers whose system or page asks for dark (SVG and HTML; docs/embedding.md).
enum class Appearance { Light, Dark, Auto };

struct TextRole {
  std::string family = "Pretendard";
  int weight = 400;
  double size = 14;          // px
  double line_spacing = 1.0; // factor of the font's line height
  Color color;
  friend bool operator==(const TextRole&, const TextRole&) = default;
};

struct Theme {
  Appearance appearance = Appearance::Light;
  // The template whose colours the dark appearance takes: a file path (found when the template
  // was read), or a built-in template's name. Its layout must be this one's: colours only.
  std::string dark_template = "dark";
  double width = 1200;  // canvas width, px
  double margin = 48;   // around everything
  Color background;
  Color axis;
  Color grid;
  Color band;           // the faint band that shows a year- or month-precision date
  Color leader;
  Color axis_band;  // the band that carries the tick labels
  Color as_of;      // the reference-date line and its label
  Color lane_fill;             // every other swimlane's background
  Color era_fill;              // an era's background band (every other era at half its opacity)
  std::vector<Color> palette;  // group colours, in group order
  Color accent;                // markers of events without a group
  // Group markers' (and legend swatches') shapes, in group order and cycled like the palette;
  // events without a group take the first. Greyscale prints tell groups apart by them.
  std::vector<MarkerShape> marker_shapes = {MarkerShape::Circle};

  TextRole title, subtitle, event_date, event_title, event_text, tick, tick_major, legend, source,
      credit, note, as_of_label, span_label, group;
  // Charts: the value axis's title ("단위: 억 달러"), category labels beside bars or under
  // columns, numbers on bars, end-of-line series labels (drawn in the series colour) and a
  // composite page's panel headings.
  TextRole axis_title, category, value_label, series_label, panel_title;

  double header_gap = 8;        // between title and subtitle
  double header_bottom = 36;    // below the header, before the plot
  double footer_top = 28;       // above the footer
  double label_width = 200;     // max width of an event's label block
  double label_gap = 12;        // between label blocks
  double label_inner_gap = 3;   // between date, title and text of one label
  double flag_pad = 8;          // from a flag's stem to its text
  double stem_spacing = 10;     // minimum distance between neighbouring stems
  double leader_channel = 28;   // height of the band where leaders may bend
  double marker_radius = 5.5;
  double marker_stroke = 2;
  double stem_width = 1;
  double date_tick_width = 1.5;   // the true-date tick under a nudged marker
  double as_of_width = 1.5;
  std::vector<double> as_of_dash = {4, 3};
  std::vector<double> tentative_dash = {3, 3};  // leaders of planned and uncertain events
  double span_edge_width = 2.5;   // the solid ends of a span bar
  int span_alpha = 0x40;          // a span bar's fill: its group colour at this alpha (0–255)
  double vertical_span_width = 8; // span bars beside a vertical axis
  double axis_width = 1.5;
  double tick_length = 5;
  double tick_label_gap = 3;
  double band_height = 4;       // thickness of a precision strip along the axis band
  double axis_band_pad = 5;     // above and below the tick labels inside the axis band
  double span_height = 24;      // a span bar, at least
  double span_pad = 7;          // text inset in a span bar
  double lane_gap = 6;          // between span lanes
  double axis_break = 28;       // width of an axis break, px
  double break_share = 0.25;    // empty stretches longer than this share of the time range break
  double group_gutter = 110;    // width of the swimlane labels' column
  double max_nudge_factor = 0.5;  // leaders may bend up to this share of the median label width
  int max_ticks = 12;
  double legend_swatch = 10;
  double legend_gap = 18;       // between legend entries

  // Charts
  double plot_height = 360;     // a chart's plot area (vertical value axis), px
  double bar_width = 22;        // a horizontal bar's thickness (one series), px
  double column_width = 72;     // a vertical column's widest (one series), px
  double bar_gap = 0.3;         // share of a category's band left empty between categories
  double category_share = 0.35; // horizontal bars: widest the category labels' column may be
  double line_width = 2.5;      // a series' line
  double point_radius = 3.5;    // a line's last value and values with no neighbour
  double grid_width = 1;        // value gridlines
  int area_alpha = 0x30;        // an area's fill: the series colour at this alpha (0–255)
  int value_ticks = 6;          // at most this many value-axis ticks
};

}  // namespace factline::model
