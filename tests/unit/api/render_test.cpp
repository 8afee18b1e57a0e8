// The api's render path: the files a fact file depends on, one engine used from several threads
// at once, format names.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "layout/fixture.hpp"
#include "unit/temp_dir.hpp"

namespace factline::test {
namespace {

namespace fs = std::filesystem;

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

using factline::test::TempDir;

}  // namespace

TEST_CASE("a render reports the data files and the template chain it read, also when it fails") {
  TempDir t;
  write(t.path / "data/sales.csv", "year,sales\n2023,1\n2024,2\n");
  write(t.path / "looks/mine.yaml", "extends: minimal\ndescription: mine\n");
  const std::string fact = (t.path / "chart.yaml").string();
  const std::string yaml =
      "title: t\ntemplate: looks/mine.yaml\nchart:\n  type: bar\n  data: data/sales.csv\n  x: year\n  series: [sales]\n";
  LayoutResult r = engine().layout(yaml, fact);
  REQUIRE(r.scene);
  REQUIRE(r.dependencies.size() == 4);  // the CSV; mine.yaml, minimal.yaml and the news.yaml it extends
  CHECK(fs::equivalent(r.dependencies[0], t.path / "data/sales.csv"));
  CHECK(fs::equivalent(r.dependencies[1], t.path / "looks/mine.yaml"));
  CHECK(fs::path(r.dependencies[2]).filename() == "minimal.yaml");
  CHECK(fs::path(r.dependencies[3]).filename() == "news.yaml");

  write(t.path / "data/sales.csv", "year,sales\n2023,1\n2024,n/a\n");
  r = engine().layout(yaml, fact);
  CHECK_FALSE(r.scene);
  REQUIRE_FALSE(r.dependencies.empty());
  CHECK(fs::equivalent(r.dependencies[0], t.path / "data/sales.csv"));

  // A data file that does not exist yet is still a dependency: creating it changes the result.
  r = engine().layout("title: t\nchart:\n  type: bar\n  data: data/later.csv\n  x: a\n  series: [b]\n", fact);
  CHECK_FALSE(r.scene);
  REQUIRE_FALSE(r.dependencies.empty());
  CHECK(fs::path(r.dependencies[0]).filename() == "later.csv");

  // A path out of the fact file's folder, or to a file that is no .csv, is refused and is never a
  // dependency: a build tool would hash and watch it.
  for (const char* data : {"../outside.csv", "/etc/passwd", ".env"}) {
    CAPTURE(data);
    r = engine().layout("title: t\nchart:\n  type: bar\n  data: \"" + std::string(data) + "\"\n  x: a\n  series: [b]\n", fact);
    CHECK_FALSE(r.scene);
    for (const std::string& d : r.dependencies) CHECK(fs::path(d).filename() == "news.yaml");
  }
}

TEST_CASE("one engine renders from two threads at once, byte for byte as from one") {
  std::vector<std::string> inputs;
  for (const auto& e : fs::directory_iterator(std::string(FACTLINE_SOURCE_DIR) + "/samples"))
    if (e.path().extension() == ".yaml") inputs.push_back(e.path().string());
  std::sort(inputs.begin(), inputs.end());
  const std::vector<OutputFile> outputs{{"x.svg", Format::Svg}, {"x.png", Format::Png}};
  const auto render_all = [&](std::size_t first, std::size_t step, std::vector<std::vector<std::string>>& out) {
    for (std::size_t i = first; i < inputs.size() * 2; i += step) {
      const std::string& in = inputs[i % inputs.size()];
      out[i] = engine().render(read_file(in), in, outputs, {}).encoded;
    }
  };
  std::vector<std::vector<std::string>> alone(inputs.size() * 2), together(inputs.size() * 2);
  render_all(0, 1, alone);
  std::thread other([&] { render_all(1, 2, together); });
  render_all(0, 2, together);
  other.join();
  for (std::size_t i = 0; i < alone.size(); ++i) {
    INFO(inputs[i % inputs.size()]);
    REQUIRE(alone[i].size() == 2);
    CHECK(alone[i] == together[i]);
    CHECK(alone[i] == alone[i % inputs.size()]);  // the second round as the first
  }
}

TEST_CASE("render fails without outputs on errors, and on warnings under strict") {
  const std::vector<OutputFile> svg{{"x.svg", Format::Svg}};
  CHECK(engine().render("title: t\nevents:\n  - date: 2024-02-30\n    title: x\n", "bad.yaml", svg, {}).failed());
  const std::string tofu = "title: \"\\U0010FFFD\"\nevents:\n  - date: 2024-01\n    title: x\n";
  const Rendered lenient = engine().render(tofu, "tofu.yaml", svg, {});
  CHECK_FALSE(lenient.failed());
  CHECK(lenient.diagnostics.has_warnings());
  RenderOptions strict;
  strict.strict = true;
  CHECK(engine().render(tofu, "tofu.yaml", svg, strict).failed());
}

TEST_CASE("format names are the extensions") {
  for (Format f : all_formats()) {
    CHECK(format_named(format_name(f)) == f);
    CHECK(format_for_path("chart." + std::string(format_name(f))) == f);
  }
  CHECK(format_named("SVG") == Format::Svg);
  CHECK_FALSE(format_named("gif"));
}

}  // namespace factline::test

namespace factline::test {

TEST_CASE("appearance: auto carries the dark template's colours as CSS, dark draws them, light stays") {
  const std::string yaml = "title: 제목\nevents:\n  - date: 2024-01\n    title: 하나\n";
  const OutputFile svg{"a.svg", Format::Svg};
  RenderOptions o;
  const Rendered light = engine().render(yaml, "a.yaml", {&svg, 1}, o);
  REQUIRE_FALSE(light.failed());
  CHECK(light.encoded[0].find("prefers-color-scheme") == std::string::npos);
  o.appearance = model::Appearance::Auto;
  const Rendered autos = engine().render(yaml, "a.yaml", {&svg, 1}, o);
  REQUIRE_FALSE(autos.failed());
  CHECK(autos.encoded[0].find("@media (prefers-color-scheme:dark)") != std::string::npos);
  CHECK(autos.encoded[0].find(":is(.dark,[data-theme=dark])") != std::string::npos);
  CHECK(autos.encoded[0].find("fill=\"#fff\"") != std::string::npos);  // the light background inline
  o.appearance = model::Appearance::Dark;
  const Rendered dark = engine().render(yaml, "a.yaml", {&svg, 1}, o);
  REQUIRE_FALSE(dark.failed());
  CHECK(dark.encoded[0].find("fill=\"#15181d\"") != std::string::npos);  // dark.yaml's background
}

TEST_CASE("appearance: a dark template that changes the layout is an error") {
  const std::string yaml = "title: 제목\ntemplate: minimal\nevents:\n  - date: 2024-01\n    title: 하나\n";
  const OutputFile svg{"a.svg", Format::Svg};
  RenderOptions o;
  o.appearance = model::Appearance::Auto;
  const Rendered r = engine().render(yaml, "a.yaml", {&svg, 1}, o);
  CHECK(r.failed());
  CHECK(r.diagnostics.has_errors());
}

}  // namespace factline::test
