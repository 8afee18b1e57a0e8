#include "scene/scene_json.hpp"

#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>

namespace factline::scene {
namespace {

using ordered_json = nlohmann::ordered_json;

// Rounded to 1/100 px; whole numbers print without ".0", and never as "-0".
ordered_json round2(double v) {
  const double r = std::round(v * 100) / 100;
  if (r == std::floor(r) && std::abs(r) < 1e15) return static_cast<std::int64_t>(r);
  return r;
}

std::string_view type_name(ItemType t) {
  switch (t) {
    case ItemType::Text: return "text";
    case ItemType::Marker: return "marker";
    case ItemType::Span: return "span";
    case ItemType::Line: return "line";
    case ItemType::Area: return "area";
  }
  return "text";
}

std::string_view shape_name(MarkerShape s) {
  switch (s) {
    case MarkerShape::Circle: return "circle";
    case MarkerShape::Square: return "square";
    case MarkerShape::Diamond: return "diamond";
  }
  return "circle";
}

ordered_json item_json(const Item& it, const std::vector<EventInfo>& events) {
  ordered_json j;
  j["type"] = type_name(it.type);
  j["role"] = it.role;
  if (it.event >= 0) j["event"] = it.event;
  if (it.type == ItemType::Text) {
    j["text"] = it.text;
    j["lines"] = it.shaped ? it.shaped->lines() : std::vector<std::string>{};
    // The event's link: its label is a link in the SVG, PDF and HTML.
    if (it.event >= 0 && static_cast<std::size_t>(it.event) < events.size() &&
        !events[static_cast<std::size_t>(it.event)].link.empty())
      j["link"] = events[static_cast<std::size_t>(it.event)].link;
  }
  j["box"] = {round2(it.box.x), round2(it.box.y), round2(it.box.w), round2(it.box.h)};
  if (it.type == ItemType::Marker) j["shape"] = shape_name(it.shape);
  if (it.type == ItemType::Marker || it.type == ItemType::Span)
    j["filled"] = it.fill.has_value() && it.fill->a > 0;
  if (it.type == ItemType::Line || it.type == ItemType::Area) {
    ordered_json pts = ordered_json::array();
    for (const Point& p : it.points) pts.push_back({round2(p.x), round2(p.y)});
    j["points"] = pts;
    if (it.stroke && !it.stroke->dash.empty()) j["dashed"] = true;
  }
  return j;
}

ordered_json detail_json(const DetailReport& d) {
  ordered_json j;
  j["mode"] = d.mode;
  j["orientation"] = d.vertical ? "vertical" : "horizontal";
  j["events"] = d.events;
  j["labelled"] = d.labelled;
  j["clustered"] = d.clustered;
  j["counted"] = d.counted;
  j["rows"] = {d.rows_above, d.rows_below};
  j["cell"] = round2(d.cell);
  j["objective"] = d.objective;
  j["bound"] = d.bound;
  ordered_json status = ordered_json::array();
  for (std::size_t i = 0; i < d.status.size(); ++i) {
    const EventPlacement& p = d.status[i];
    ordered_json s;
    s["event"] = i;
    switch (p.as) {
      case EventPlacement::As::Labelled:
        s["as"] = "labelled";
        s["variant"] = p.short_title ? "short" : "full";
        s["side"] = d.vertical ? "right" : p.below ? "below" : "above";
        s["row"] = p.row;
        break;
      case EventPlacement::As::Clustered:
        s["as"] = "clustered";
        s["cluster"] = p.cluster;
        break;
      case EventPlacement::As::Counted: s["as"] = "counted"; break;
      case EventPlacement::As::Era: s["as"] = "era"; break;
    }
    status.push_back(std::move(s));
  }
  j["status"] = std::move(status);
  ordered_json clusters = ordered_json::array();
  for (const ClusterMark& c : d.clusters)
    clusters.push_back({{"label", c.label}, {"count", c.count}, {"first", c.first}, {"last", c.last}});
  j["clusters"] = std::move(clusters);
  return j;
}

}  // namespace

// One item per line: readable, diff-friendly goldens.
std::string to_json(const Scene& scene) {
  // Invalid UTF-8 cannot reach here (load rejects it); replace rather than throw regardless.
  auto dump = [](const ordered_json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); };
  std::string out = "{\"width\": " + dump(round2(scene.width)) + ", \"height\": " + dump(round2(scene.height)) +
                    ",\n \"items\": [";
  for (std::size_t i = 0; i < scene.items.size(); ++i) out += (i ? ",\n  " : "\n  ") + dump(item_json(scene.items[i], scene.events));
  out += "\n ]";
  // The placement report: its summary on one line, then one line per event's status.
  if (scene.detail) {
    ordered_json d = detail_json(*scene.detail);
    ordered_json status = std::move(d["status"]);
    d.erase("status");
    std::string head = dump(d);
    head.pop_back();  // the closing brace: the status list follows
    out += ",\n \"detail\": " + head + ", \"status\": [";
    for (std::size_t i = 0; i < status.size(); ++i) out += (i ? ",\n  " : "\n  ") + dump(status[i]);
    out += "\n ]}";
  }
  return out + "}\n";
}

}  // namespace factline::scene
