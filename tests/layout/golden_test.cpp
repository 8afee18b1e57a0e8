// Golden scene JSON for every sample and for the small cases in tests/golden/cases/: the same
// items (type, role, event, text, lines) with boxes within half a pixel. Regenerate after an
// intended change with scripts/bless-goldens.sh, then look at the PNGs before committing. A
// failing run writes the actual JSON to the build folder.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "layout/fixture.hpp"
#include "scene/scene_json.hpp"

namespace factline::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr double tolerance_px = 0.5;

std::string differences(const json& want, const json& got) {
  if (std::abs(want["width"].get<double>() - got["width"].get<double>()) > tolerance_px ||
      std::abs(want["height"].get<double>() - got["height"].get<double>()) > tolerance_px)
    return "page size " + got["width"].dump() + "×" + got["height"].dump() + ", expected " + want["width"].dump() +
           "×" + want["height"].dump();
  const auto& a = want["items"];
  const auto& b = got["items"];
  if (a.size() != b.size()) return std::to_string(b.size()) + " items, expected " + std::to_string(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    for (const char* key : {"type", "role", "event", "text", "lines"})
      if (a[i].value(key, json()) != b[i].value(key, json()))
        return "item " + std::to_string(i) + " " + key + ": " + b[i].value(key, json()).dump() + ", expected " +
               a[i].value(key, json()).dump();
    for (std::size_t k = 0; k < 4; ++k)
      if (std::abs(a[i]["box"][k].get<double>() - b[i]["box"][k].get<double>()) > tolerance_px)
        return "item " + std::to_string(i) + " (" + a[i]["role"].get<std::string>() + ") box " + b[i]["box"].dump() +
               ", expected " + a[i]["box"].dump();
  }
  return "";
}

// Lays out every fact file in `facts` and compares its scene with `<goldens>/<name>.json`
// (FACTLINE_BLESS=1 rewrites them instead). Returns how many fact files there were.
int check_goldens(const fs::path& facts, const fs::path& goldens) {
  const bool bless = std::getenv("FACTLINE_BLESS") != nullptr;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(facts))
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    const std::string name = file.stem().string();
    CAPTURE(name);
    // The real path: data files are found beside the fact file.
    LayoutResult r = engine().layout(read_file(file.string()), file.string());
    for (const auto& d : r.diagnostics.items()) INFO(d.loc.line, ":", d.loc.column, " ", d.message);
    CHECK(r.diagnostics.empty());
    REQUIRE(r.scene.has_value());
    const std::string actual = scene::to_json(*r.scene);
    const fs::path golden = goldens / (name + ".json");
    if (bless) {
      std::ofstream(golden, std::ios::binary) << actual;
      continue;
    }
    REQUIRE_MESSAGE(fs::exists(golden), "no golden for ", name, "; run scripts/bless-goldens.sh");
    const std::string diff = differences(json::parse(read_file(golden.string())), json::parse(actual));
    if (!diff.empty()) std::ofstream(fs::path("golden-actual-" + name + ".json"), std::ios::binary) << actual;
    INFO(diff, " (actual written to golden-actual-", name, ".json in the test's working folder)");
    CHECK(diff.empty());
  }
  return static_cast<int>(files.size());
}

}  // namespace

TEST_CASE("every sample's scene matches its golden JSON") {
  const fs::path root(FACTLINE_SOURCE_DIR);
  CHECK(check_goldens(root / "samples", root / "tests" / "golden") > 0);
}

// One idea per case, a few events each (resvg's and typst's style): a failure points at the
// feature that moved. Each case's fact file says in a comment what it shows.
TEST_CASE("every small golden case's scene matches its JSON") {
  const fs::path cases = fs::path(FACTLINE_SOURCE_DIR) / "tests" / "golden" / "cases";
  CHECK(check_goldens(cases, cases) >= 9);
}

}  // namespace factline::test
