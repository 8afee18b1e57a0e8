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

struct Scene {
  double width = 0, height = 0;
  Color background;
  std::string title;        // for <title> and PDF metadata
  std::string description;  // for <desc> and PDF metadata
  std::string language;     // BCP 47 tag of the text
  std::vector<Item> items;
  std::optional<DetailReport> detail;  // a timeline drawn at a level of detail
};

Item text_item(std::string role, int event, std::string source, text::ShapedTextPtr shaped,
               Point top_left, Color color);

}  // namespace factline::scene
