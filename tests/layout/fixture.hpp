#pragma once
// One engine (fonts loaded once) for every layout test in the binary.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>

#include "api/factline.hpp"
#include "layout/scene_checks.hpp"
#include "load/parse.hpp"
#include "text/text_shaper.hpp"

namespace factline::test {

inline const Engine& engine() {
  static const Engine e(EngineOptions{{std::string(FACTLINE_SOURCE_DIR) + "/fonts"}});
  return e;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

inline scene::Scene layout_ok(const std::string& yaml, const std::string& name = "test.yaml") {
  LayoutResult r = engine().layout(yaml, name);
  for (const auto& d : r.diagnostics.items()) INFO(d.loc.line, ":", d.loc.column, " ", d.message);
  REQUIRE(r.scene.has_value());
  CHECK(r.diagnostics.empty());
  return std::move(*r.scene);
}

// For tests that lay out documents changed in code (the engine directly, without the API).
inline const text::TextShaper& shaper() {
  static const text::FontLibrary fonts({std::string(FACTLINE_SOURCE_DIR) + "/fonts"});
  static const text::TextShaper s(fonts);
  return s;
}

inline model::Document parse_doc(const std::string& yaml) {
  auto r = load::parse_document(yaml, "test.yaml", {{std::string(FACTLINE_SOURCE_DIR) + "/templates"}, {}});
  REQUIRE(r.document.has_value());
  return *r.document;
}

inline model::Document sample_doc() {
  return parse_doc(read_file(std::string(FACTLINE_SOURCE_DIR) + "/samples/ai-chip-race.yaml"));
}

// Every property the independent checker knows, with the first problems in the failure message.
inline void expect_clean(const scene::Scene& s, int n_events) {
  const SceneReport r = check_scene(s, n_events);
  std::string problems;
  for (std::size_t i = 0; i < std::min<std::size_t>(r.problems.size(), 8); ++i) problems += "\n  " + r.problems[i];
  INFO(r.problems.size(), " problems:", problems);
  CHECK(r.problems.empty());
  std::string splits;
  for (const auto& sp : korean_word_splits(s)) splits += "\n  " + sp;
  INFO("Korean words split:", splits);
  CHECK(splits.empty());
}

// Point events' labels read in time order (spans and eras are ordered by their lanes).
inline void expect_time_order(const scene::Scene& s, const model::Document& doc) {
  std::vector<double> times;
  std::vector<bool> spans;
  for (const auto& e : doc.events) {
    times.push_back(static_cast<double>(calendar::first_day(e.date) + calendar::end_day(e.date)) / 2);
    spans.push_back(e.is_span);
  }
  CHECK(reading_order_inversions(s, times, spans) == 0);
}

// A fact file laid out through the API, with every property checked: the checker's, no split
// Korean word, labels in time order.
inline scene::Scene layout_checked(const std::string& yaml) {
  scene::Scene s = layout_ok(yaml);
  const model::Document doc = parse_doc(yaml);
  expect_clean(s, static_cast<int>(doc.events.size()));
  expect_time_order(s, doc);
  return s;
}

}  // namespace factline::test
