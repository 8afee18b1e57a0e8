#pragma once
// A chart as plain data: its type, the x values (dates or categories), one or more series of
// numbers with gaps, and how to write the numbers. The load stage fills it from a fact file's
// `chart:` (inline rows or a CSV file); layout reads it. docs/charts.md describes the format.
#include <optional>
#include <string>
#include <vector>

#include "calendar/date.hpp"
#include "core/color.hpp"
#include "core/diagnostic.hpp"
#include "core/number_format.hpp"

namespace factline::model {

// The largest magnitude of a chart value. Past it axis arithmetic (a domain's span, a stack's
// total, nice tick steps) loses the digits tick labels need, and near 1e308 it overflows; 1e15
// keeps every whole number exact in a double, and 50 stacked series still sum to a finite total.
inline constexpr double max_chart_value = 1e15;

enum class ChartType { Bar, Line };
// Bars: vertical columns or horizontal bars; auto takes horizontal bars when a category label
// would not fit under its column (long Korean labels usually do not).
enum class BarDirection { Auto, Vertical, Horizontal };

// One x position: a category's label, or a date (with its precision) on a time axis.
struct XValue {
  std::string label;                   // the text as written (the category, or the date's text)
  std::optional<calendar::Date> date;  // set for every x when Chart::x_dates
  SourceLoc loc;                       // the cell or row it came from
};

struct Series {
  std::string label;            // the legend / direct-label text (the column's name by default)
  std::optional<Color> color;   // from the fact file; else the theme's palette by series order
  std::vector<std::optional<double>> values;  // one per x; nullopt is a gap (missing value)
  SourceLoc loc;                // where the series is declared
};

struct Chart {
  ChartType type = ChartType::Line;
  BarDirection direction = BarDirection::Auto;  // bars only
  bool stacked = false;       // bars: stacked instead of grouped side by side
  bool value_labels = false;  // bars: the value at the end of each bar
  bool area = false;          // lines: fill between the line and zero (or the axis bottom)
  bool events = true;         // lines with dates: draw the fact file's events on the time axis
  bool x_dates = false;       // x is a time axis (every x value has a date); else categories
  std::vector<XValue> x;      // in the order given (dates ascending when x_dates)
  std::vector<Series> series; // in the order given; each has x.size() values
  std::string x_title;        // under the x axis; empty for none
  std::string y_title;        // the value axis's title, e.g. "매출"; the unit is added to it
  // How values are written on ticks and labels (unit "억 달러", "%", Korean units, decimals).
  NumberStyle numbers;
  SourceLoc loc;  // the chart's mapping (under `chart:` or in `panels:`)
};

// One part of a composite page (`panels:`): the timeline of the fact file's events, or a chart.
struct Panel {
  enum class Kind { Timeline, Chart } kind = Kind::Timeline;
  std::string title;  // the panel's heading; empty for none
  Chart chart;        // Kind::Chart only
  SourceLoc loc;
};

}  // namespace factline::model
