#pragma once
// One engine (fonts loaded once) for every layout test in the binary.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <string>

#include "api/factline.hpp"

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
  RenderResult r = engine().layout(yaml, name);
  for (const auto& d : r.diagnostics.items()) INFO(d.loc.line, ":", d.loc.column, " ", d.message);
  REQUIRE(r.scene.has_value());
  CHECK(r.diagnostics.empty());
  return std::move(*r.scene);
}

}  // namespace factline::test
