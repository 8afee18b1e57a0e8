#pragma once
// The laid-out picture as plain data: what layout produced and what render draws. Positions are
// CSS px, origin top-left. Items are drawn in order.
#include <optional>
#include <string>
#include <vector>

#include "core/color.hpp"
#include "core/geometry.hpp"
#include "scene/detail_report.hpp"
#include "text/shaped_text.hpp"

namespace factline::scene {

enum class ItemType {
  Text,    // shaped text; box = its logical extent
  Marker,  // an event's marker on the axis
  Span,    // a filled rectangle: span bars, era bands, precision strips, chart bars
  Line,    // a polyline (axis, ticks, leaders)
  Area,    // a filled closed polygon (a line chart's area): points and fill
};

enum class MarkerShape { Circle, Square, Diamond };

struct Stroke {
  Color color;
  double width = 1;
  std::vector<double> dash;  // empty: solid
};

struct Item {
  ItemType type = ItemType::Text;
  std::string role;  // "title", "event-title", "tick", "axis", "leader", …
  int event = -1;    // 0-based index in the fact file's events, -1 for none
  Rect box;          // drawn extent

  // Text
  std::string text;  // the source string exactly as given
  text::ShapedTextPtr shaped;
  Point origin;      // where the layout's origin is drawn

  // Marker and Span: fill and outline
  std::optional<Color> fill;
  std::optional<Stroke> stroke;
  MarkerShape shape = MarkerShape::Circle;

  // Line and Area
  std::vector<Point> points;
};

// An event as readers name it, whether or not the picture has room for its label: for the SVG's
// accessible names and links, the HTML page's table of events and the PDF's links.
struct EventInfo {
  std::string date;  // as the label writes it ("2023년 10월")
  std::string title, text, source;
  std::string link;  // http(s) URL or empty
};

// A chart as readers hear it: its name and, per series, each value with its x ("2023년: 1,234억
// 달러"), for the SVG's accessible groups. At most max_named_values values are named.
struct ChartInfo {
  static constexpr std::size_t max_named_values = 60;
  struct Series {
    std::string name;
    std::vector<std::string> values;  // "x: value"; the first and last only when there are more
    std::size_t count = 0;            // the series' values (gaps left out)
  };
  std::string name;
  std::vector<Series> series;
};

struct Scene {
  double width = 0, height = 0;
  Color background;
  std::string title;        // for <title> and PDF metadata
  std::string description;  // the subtitle, for <desc> and PDF metadata; empty when none
  std::string language;     // BCP 47 tag of the text
  std::string source, credit;  // the footer's, as the fact file gives them
  std::vector<EventInfo> events;  // the fact file's events, by index (Item::event)
  std::vector<ChartInfo> charts;  // the page's charts, top to bottom
  std::vector<Item> items;
  std::optional<DetailReport> detail;  // a timeline drawn at a level of detail
};

// The same items at the same places with the same text and shapes; colours may differ (a
// template and its dark template).
bool same_layout(const Scene& a, const Scene& b);

Item text_item(std::string role, int event, std::string source, text::ShapedTextPtr shaped,
               Point top_left, Color color);

}  // namespace factline::scene
