// The built-in templates compiled into the program (issue 16) agree with templates/*.yaml: for
// each one, and for templates that extend one, the loader gives the same theme, description and
// files with the compiled table as by parsing every file; a matching file really gets the compiled
// theme; and a file that differs from the compiled bytes, or whose extends: leads elsewhere, is parsed.
#include "api/compiled_templates.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "load/template.hpp"
#include "load/template_keys.hpp"
#include "unit/temp_dir.hpp"

namespace factline::test {
namespace {

namespace fs = std::filesystem;
using load::TemplatePlaces;
using load::TemplateResult;

const std::string templates_dir = std::string(FACTLINE_SOURCE_DIR) + "/templates";

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The names of the fields where two themes differ: every key of the table, and the two fields
// a template sets besides them.
std::vector<std::string> differences(const model::Theme& a, const model::Theme& b) {
  std::vector<std::string> out;
  for (const load::template_keys::Key& k : load::template_keys::keys())
    if (!std::visit([&](auto field) { return a.*field == b.*field; }, k.field)) out.emplace_back(k.name);
  if (a.appearance != b.appearance) out.emplace_back("appearance");
  if (a.dark_template != b.dark_template) out.emplace_back("dark_template");
  return out;
}

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& x : v) s += x + " ";
  return s;
}

// The same template loaded by parsing every file and with the compiled table agree in all.
void check_agree(const std::string& name, const std::string& base_dir, TemplatePlaces places) {
  places.compiled = {};
  const TemplateResult parsed = load::load_template(name, base_dir, places);
  places.compiled = compiled_templates();
  const TemplateResult compiled = load::load_template(name, base_dir, places);
  REQUIRE(parsed.theme);
  REQUIRE(compiled.theme);
  CHECK_MESSAGE(differences(*parsed.theme, *compiled.theme).empty(), name, ": ", joined(differences(*parsed.theme, *compiled.theme)));
  CHECK(parsed.description == compiled.description);
  CHECK(parsed.files == compiled.files);
  CHECK(parsed.diagnostics.items().size() == compiled.diagnostics.items().size());
}

using factline::test::TempDir;

TEST_CASE("every built-in template is compiled, from its file's bytes") {
  std::vector<std::string> files, compiled;
  for (const auto& e : fs::directory_iterator(templates_dir))
    if (e.path().extension() == ".yaml") files.push_back(e.path().stem().string());
  for (const load::CompiledTemplate& t : compiled_templates()) {
    compiled.emplace_back(t.name);
    CHECK_MESSAGE(t.bytes == slurp(fs::path(templates_dir) / (std::string(t.name) + ".yaml")), t.name);
  }
  std::sort(files.begin(), files.end());
  std::sort(compiled.begin(), compiled.end());
  CHECK(files == compiled);
  CHECK(std::find(files.begin(), files.end(), "news") != files.end());
}

TEST_CASE("a compiled theme is the theme its YAML gives, field by field") {
  const TemplatePlaces places{{templates_dir}, {}};
  for (const load::CompiledTemplate& t : compiled_templates()) {
    const TemplateResult parsed = load::load_template(t.name, "", places);
    REQUIRE(parsed.theme);
    model::Theme theme = t.theme();
    theme.dark_template = parsed.theme->dark_template;  // a path, found when loaded
    CHECK_MESSAGE(differences(*parsed.theme, theme).empty(), t.name, ": ", joined(differences(*parsed.theme, theme)));
    CHECK(parsed.description == t.description);
    check_agree(std::string(t.name), "", places);
  }
}

TEST_CASE("a template that extends a built-in one gets the same theme from the compiled base") {
  TempDir dir;
  dir.write("mine.yaml", "description: mine\nextends: dark\nwidth: 900\ntitle: {size: 40}\n");
  dir.write("light.yaml", "extends: news\ndark: ./mine.yaml\n");
  const TemplatePlaces places{{templates_dir}, {dir.str()}};
  check_agree(dir.str() + "/mine.yaml", "", places);
  check_agree("light.yaml", dir.str(), places);
  // A copy of a built-in under another name is that template.
  dir.write("copy.yaml", slurp(fs::path(templates_dir) / "print.yaml"));
  check_agree("copy.yaml", dir.str(), places);
}

TEST_CASE("an edited built-in, or one whose extends: leads to an edited file, is parsed") {
  TempDir dir;
  std::string news = slurp(fs::path(templates_dir) / "news.yaml");
  REQUIRE(news.find("\nwidth: 1200 ") != std::string::npos);
  news.replace(news.find("\nwidth: 1200 "), 13, "\nwidth: 777  ");
  dir.write("news.yaml", news);
  // A template folder of its own, searched first: news is the edited file, and dark.yaml (the
  // built-in's bytes) extends it.
  dir.write("dark.yaml", slurp(fs::path(templates_dir) / "dark.yaml"));
  TemplatePlaces places{{dir.str(), templates_dir}, {}};
  places.compiled = compiled_templates();
  for (const char* name : {"news", "dark"}) {
    const TemplateResult r = load::load_template(name, "", places);
    REQUIRE(r.theme);
    CHECK_MESSAGE(r.theme->width == 777, name);
    check_agree(name, "", places);
  }
}

// The loader really takes the compiled theme: a table whose theme differs from its bytes' (made
// here so it can be told apart) is what a matching file gets, base and extending template alike.
model::Theme marked() {
  model::Theme t;
  t.width = 555;
  return t;
}
model::Theme marked_child() {
  model::Theme t = marked();
  t.margin = 7;
  return t;
}

TEST_CASE("a file that is byte for byte a compiled template gets the compiled theme, parsing nothing") {
  TempDir dir;
  const std::string base = "description: base\nwidth: 1200\n", child = "extends: base\n";
  dir.write("base.yaml", base);
  dir.write("child.yaml", child);
  static constexpr std::size_t none[] = {0}, first[] = {0};
  const load::CompiledTemplate table[] = {{"base", base, "base", "", "", std::span(none, 0), marked},
                                          {"child", child, "", "base", "", std::span(first, 1), marked_child}};
  TemplatePlaces places{{dir.str()}, {}};
  places.compiled = table;
  const TemplateResult b = load::load_template("base", "", places);
  REQUIRE(b.theme);
  CHECK(b.theme->width == 555);
  CHECK(b.description == "base");
  const TemplateResult c = load::load_template("child", "", places);
  REQUIRE(c.theme);
  CHECK(c.theme->width == 555);
  CHECK(c.theme->margin == 7);
  CHECK(c.files.size() == 2);
  // Its base edited: the chain no longer leads to the compiled bytes, so both are parsed.
  dir.write("base.yaml", "description: base\nwidth: 1000\n");
  const TemplateResult edited = load::load_template("child", "", places);
  CHECK(!edited.theme);  // parsed: base.yaml sets only width, which a root template may not
  CHECK(edited.diagnostics.has_errors());
}

}  // namespace
}  // namespace factline::test
