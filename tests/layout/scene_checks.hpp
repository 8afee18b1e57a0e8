#pragma once
// An independent checker for laid-out scenes: the properties every timeline must have,
// written without reusing the layout code's own geometry.
#include <string>
#include <vector>

#include "scene/scene.hpp"

namespace factline::test {

struct SceneReport {
  std::vector<std::string> problems;  // empty: all properties hold
};

// No text box overlaps another text box or a marker; every box lies inside the canvas; no leader
// segment passes through a text box; each of the n events has exactly one title and one marker
// (point events), bar (spans) or band (eras).
SceneReport check_scene(const scene::Scene& s, int n_events);

// No line of any text item ends and the next begins between two Hangul characters.
std::vector<std::string> korean_word_splits(const scene::Scene& s);

// Event indices ordered by the left edge of their title boxes.
std::vector<int> title_order(const scene::Scene& s);

// Point events whose labels are out of time order: along x on a horizontal timeline (in each
// lane), along y on a vertical one. `times` gives each event's position in time (its marker day);
// spans (`is_span`) are exempt, being ordered by their lanes.
int reading_order_inversions(const scene::Scene& s, const std::vector<double>& times, const std::vector<bool>& is_span);

}  // namespace factline::test
