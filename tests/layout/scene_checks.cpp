#include "layout/scene_checks.hpp"

#include <algorithm>
#include <sstream>
#include <tuple>

#include "core/utf8.hpp"

namespace factline::test {
namespace {

std::string describe(const scene::Item& it) {
  std::ostringstream o;
  o << it.role << "#" << it.event << " [" << it.box.x << "," << it.box.y << " " << it.box.w << "x" << it.box.h << "]";
  if (!it.text.empty()) o << " \"" << it.text << "\"";
  return o.str();
}

// Segment–rectangle intersection (Liang–Barsky clipping against the open rectangle).
bool segment_hits(Point a, Point b, const Rect& r) {
  double t0 = 0, t1 = 1;
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double p[4] = {-dx, dx, -dy, dy};
  const double q[4] = {a.x - r.x, r.right() - a.x, a.y - r.y, r.bottom() - a.y};
  for (int k = 0; k < 4; ++k) {
    if (p[k] == 0) {
      if (q[k] <= 0) return false;
      continue;
    }
    const double t = q[k] / p[k];
    if (p[k] < 0) t0 = std::max(t0, t);
    else t1 = std::min(t1, t);
    if (t0 >= t1) return false;
  }
  return true;
}

char32_t last_char(std::string_view s) {
  char32_t cp = 0;
  for (std::size_t i = 0; i < s.size();) cp = utf8::next(s, i);
  return cp;
}

char32_t first_char(std::string_view s) {
  std::size_t i = 0;
  return s.empty() ? 0 : utf8::next(s, i);
}

}  // namespace

SceneReport check_scene(const scene::Scene& s, int n_events) {
  SceneReport r;
  const Rect canvas{0, 0, s.width, s.height};
  std::vector<const scene::Item*> texts, markers;
  std::vector<int> titles(n_events), marks(n_events);
  for (const auto& it : s.items) {
    if (!canvas.contains(it.box)) r.problems.push_back("outside the canvas: " + describe(it));
    if (it.type == scene::ItemType::Text) texts.push_back(&it);
    if (it.type == scene::ItemType::Marker) markers.push_back(&it);
    if (it.event >= 0 && it.event < n_events) {
      if (it.role == "event-title") ++titles[it.event];
      if (it.role == "event-marker" || it.role == "span" || it.role == "era") ++marks[it.event];
    }
  }
  // At a level of detail: a labelled event has one title and one marker (a labelled span's bar
  // comes with it), an era its band, any other event neither; the report adds up.
  auto expected = [&](int e) {
    if (!s.detail) return std::pair{1, 1};
    using As = scene::EventPlacement::As;
    const As as = s.detail->status[e].as;
    if (as == As::Era) return std::pair{1, 1};
    if (as == As::Labelled) return std::pair{1, 1};
    return std::pair{0, 0};
  };
  if (s.detail) {
    const scene::DetailReport& d = *s.detail;
    if (static_cast<int>(d.status.size()) != n_events) r.problems.push_back("the report's status list is not one per event");
    if (d.labelled + d.clustered + d.counted != d.events) r.problems.push_back("labelled + clustered + counted != events");
    int tally[4] = {0, 0, 0, 0};
    for (const auto& st : d.status) ++tally[static_cast<int>(st.as)];
    if (tally[0] != d.labelled || tally[1] != d.clustered || tally[2] != d.counted)
      r.problems.push_back("the report's totals disagree with its statuses");
    for (int e = 0; e < n_events && e < static_cast<int>(d.status.size()); ++e)
      if (d.status[e].as == scene::EventPlacement::As::Labelled && (d.status[e].row < 1 || d.status[e].row > (d.status[e].below ? d.rows_below : d.rows_above)))
        r.problems.push_back("event " + std::to_string(e) + " is labelled outside the row budget");
    for (const auto& it : s.items)
      if (it.role == "span" && it.event >= 0 && it.event < n_events) --marks[it.event];  // drawn with its marker
  }
  for (int e = 0; e < n_events; ++e)
    if (std::pair{titles[e], marks[e]} != expected(e))
      r.problems.push_back("event " + std::to_string(e) + " has " + std::to_string(titles[e]) + " titles and " +
                           std::to_string(marks[e]) + " markers or bars");
  for (std::size_t i = 0; i < texts.size(); ++i) {
    for (std::size_t j = i + 1; j < texts.size(); ++j)
      if (texts[i]->box.overlaps(texts[j]->box))
        r.problems.push_back("text overlaps text: " + describe(*texts[i]) + " / " + describe(*texts[j]));
    for (const auto* m : markers)
      if (texts[i]->box.overlaps(m->box))
        r.problems.push_back("text covers a marker: " + describe(*texts[i]) + " / " + describe(*m));
  }
  for (const auto& it : s.items) {
    if (it.role != "leader") continue;
    for (std::size_t k = 1; k < it.points.size(); ++k)
      for (const auto* t : texts)
        if (segment_hits(it.points[k - 1], it.points[k], t->box))
          r.problems.push_back("leader crosses text: " + describe(it) + " / " + describe(*t));
  }
  return r;
}

std::vector<std::string> korean_word_splits(const scene::Scene& s) {
  std::vector<std::string> out;
  for (const auto& it : s.items) {
    if (!it.shaped) continue;
    // A break is inside a word when the source has no whitespace where the line starts.
    const auto& lines = it.shaped->lines();
    const std::string_view text = it.text;
    std::size_t pos = 0;
    for (std::size_t k = 0; k < lines.size(); ++k) {
      const std::size_t at = text.find(lines[k], pos);
      if (at == std::string_view::npos) break;  // displayed text differs from the source (prefixes)
      const bool at_space = at == 0 || text[at - 1] == ' ' || text[at - 1] == '\n';
      if (k > 0 && !at_space && utf8::is_hangul(last_char(text.substr(0, at))) &&
          utf8::is_hangul(first_char(lines[k])))
        out.push_back(lines[k - 1] + " | " + lines[k]);
      pos = at + lines[k].size();
    }
  }
  return out;
}

std::vector<int> title_order(const scene::Scene& s) {
  std::vector<std::pair<double, int>> xs;
  for (const auto& it : s.items)
    if (it.role == "event-title") xs.emplace_back(it.box.x, it.event);
  std::stable_sort(xs.begin(), xs.end());
  std::vector<int> order;
  for (const auto& [x, e] : xs) order.push_back(e);
  return order;
}

int reading_order_inversions(const scene::Scene& s, const std::vector<double>& times, const std::vector<bool>& is_span) {
  bool vertical = false;
  for (const auto& it : s.items)
    if (it.role == "axis" && it.type == scene::ItemType::Line) vertical = it.points[0].x == it.points[1].x;
  // Swimlanes order labels within each lane: group titles by the lane band they fall in.
  std::vector<Rect> lanes;
  for (const auto& it : s.items)
    if (it.role == "lane") lanes.push_back(it.box);
  auto lane_of = [&](const Rect& b) {
    for (std::size_t k = 0; k < lanes.size(); ++k)
      if (b.y >= lanes[k].y && b.y < lanes[k].bottom()) return static_cast<int>(k);
    return -1;
  };
  std::vector<std::tuple<int, double, int, double>> rows;  // lane, time, event, position
  for (const auto& it : s.items)
    if (it.role == "event-title" && it.event >= 0 && !is_span[it.event])
      rows.emplace_back(lane_of(it.box), times[it.event], it.event, vertical ? it.box.y : it.box.x);
  std::sort(rows.begin(), rows.end());
  int inversions = 0;
  for (std::size_t k = 1; k < rows.size(); ++k)
    if (std::get<0>(rows[k]) == std::get<0>(rows[k - 1]) && std::get<3>(rows[k]) <= std::get<3>(rows[k - 1])) ++inversions;
  return inversions;
}

}  // namespace factline::test
