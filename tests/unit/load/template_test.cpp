// Templates: the built-in ones load clean, are legible (WCAG contrast) and colour-blind safe
// (simulated CVD, CIEDE2000); mistakes are diagnostics with file:line:column; extends: chains
// and their cycles; a template that changes only colours keeps every box of the scene; and no
// style literals in layout code. Method and thresholds: docs/templates.md.
#include "load/template.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "api/factline.hpp"
#include "layout/fixture.hpp"
#include "load/parse.hpp"
#include "load/template_contrast.hpp"
#include "load/template_keys.hpp"
#include "unit/temp_dir.hpp"

namespace factline::load::test {
namespace {

namespace fs = std::filesystem;

const std::string templates_dir = std::string(FACTLINE_SOURCE_DIR) + "/templates";
const std::vector<std::string> search{templates_dir};
const TemplatePlaces builtin_places{search, {}};
const std::vector<std::string> builtins = {"dark", "minimal", "news", "print"};

// A fresh folder under the system's temporary folder, removed at the end of the test.
using factline::test::TempDir;

// The built-in templates, and `dir` as the fact file's folder.
TemplatePlaces places(const TempDir& dir) { return {search, {dir.str()}}; }

// "file:line:col: message" for each diagnostic, one per line.
std::string listed(const Diagnostics& ds) {
  std::string out;
  for (const Diagnostic& d : ds.items())
    out += fs::path(d.loc.file).filename().string() + ":" + std::to_string(d.loc.line) + ":" +
           std::to_string(d.loc.column) + ": " + d.message + "\n";
  return out;
}

model::Theme builtin(const std::string& name) {
  const TemplateResult r = load_template(name, "", builtin_places);
  INFO(name, "\n", listed(r.diagnostics));
  REQUIRE(r.theme.has_value());
  return *r.theme;
}

// ---- Colour science (test support) --------------------------------------------------------

struct Rgb {
  double r, g, b;  // linear, 0–1
};

double linear(std::uint8_t c) { return srgb_to_linear(c); }
double encoded(double l) {  // back to sRGB 0–1
  l = std::clamp(l, 0.0, 1.0);
  return l <= 0.0031308 ? 12.92 * l : 1.055 * std::pow(l, 1 / 2.4) - 0.055;
}
Rgb linear(const Color& c) { return {linear(c.r), linear(c.g), linear(c.b)}; }



// Machado, Oliveira and Fernandes (2009), severity 1.0, applied to linear RGB.
using Matrix = std::array<std::array<double, 3>, 3>;
struct Vision {
  const char* name;
  Matrix m;
};
const Vision visions[] = {
    {"normal vision", {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}}},
    {"protanopia", {{{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}}},
    {"deuteranopia", {{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}}},
    {"tritanopia", {{{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}}}},
};

Rgb simulate(const Rgb& c, const Matrix& m) {
  // Out-of-gamut results are clipped, then quantised to 8 bits like a screen would.
  auto ch = [&](int i) {
    const double v = std::clamp(m[i][0] * c.r + m[i][1] * c.g + m[i][2] * c.b, 0.0, 1.0);
    return linear(static_cast<std::uint8_t>(std::lround(encoded(v) * 255)));
  };
  return {ch(0), ch(1), ch(2)};
}

struct Lab {
  double l, a, b;
};
Lab lab(const Rgb& c) {  // sRGB (D65) → CIE L*a*b*
  const double x = (0.4124564 * c.r + 0.3575761 * c.g + 0.1804375 * c.b) / 0.95047;
  const double y = 0.2126729 * c.r + 0.7151522 * c.g + 0.0721750 * c.b;
  const double z = (0.0193339 * c.r + 0.1191920 * c.g + 0.9503041 * c.b) / 1.08883;
  auto f = [](double t) { return t > 216.0 / 24389 ? std::cbrt(t) : (24389.0 / 27 * t + 16) / 116; };
  return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

double deg(double r) { return r * 180 / M_PI; }
double rad(double d) { return d * M_PI / 180; }

// CIEDE2000 (Sharma, Wu and Dalal 2005).
double delta_e2000(const Lab& p, const Lab& q) {
  const double c1 = std::hypot(p.a, p.b), c2 = std::hypot(q.a, q.b), cb = (c1 + c2) / 2;
  const double g = 0.5 * (1 - std::sqrt(std::pow(cb, 7) / (std::pow(cb, 7) + std::pow(25.0, 7))));
  const double a1 = (1 + g) * p.a, a2 = (1 + g) * q.a;
  const double c1p = std::hypot(a1, p.b), c2p = std::hypot(a2, q.b);
  auto hue = [](double b, double a) {
    if (a == 0 && b == 0) return 0.0;
    const double h = deg(std::atan2(b, a));
    return h < 0 ? h + 360 : h;
  };
  const double h1 = hue(p.b, a1), h2 = hue(q.b, a2);
  const double dl = q.l - p.l, dc = c2p - c1p;
  double dh = 0;
  if (c1p * c2p != 0) {
    dh = h2 - h1;
    if (dh > 180) dh -= 360;
    if (dh < -180) dh += 360;
  }
  const double dH = 2 * std::sqrt(c1p * c2p) * std::sin(rad(dh / 2));
  const double lbp = (p.l + q.l) / 2, cbp = (c1p + c2p) / 2;
  double hbp = h1 + h2;
  if (c1p * c2p != 0) {
    if (std::abs(h1 - h2) <= 180) hbp = (h1 + h2) / 2;
    else hbp = (h1 + h2 < 360 ? h1 + h2 + 360 : h1 + h2 - 360) / 2;
  }
  const double t = 1 - 0.17 * std::cos(rad(hbp - 30)) + 0.24 * std::cos(rad(2 * hbp)) +
                   0.32 * std::cos(rad(3 * hbp + 6)) - 0.20 * std::cos(rad(4 * hbp - 63));
  const double dtheta = 30 * std::exp(-std::pow((hbp - 275) / 25, 2));
  const double rc = 2 * std::sqrt(std::pow(cbp, 7) / (std::pow(cbp, 7) + std::pow(25.0, 7)));
  const double sl = 1 + 0.015 * std::pow(lbp - 50, 2) / std::sqrt(20 + std::pow(lbp - 50, 2));
  const double sc = 1 + 0.045 * cbp, sh = 1 + 0.015 * cbp * t;
  const double rt = -std::sin(rad(2 * dtheta)) * rc;
  return std::sqrt(std::pow(dl / sl, 2) + std::pow(dc / sc, 2) + std::pow(dH / sh, 2) + rt * (dc / sc) * (dH / sh));
}

constexpr double min_palette_delta_e = 10;  // CIEDE2000 between any two group colours

}  // namespace

TEST_CASE("every built-in template loads with no diagnostics and has a one-line description") {
  const auto listed_templates = list_templates(search);
  std::vector<std::string> names;
  for (const auto& t : listed_templates) names.push_back(t.name);
  CHECK(names == builtins);
  for (const auto& t : listed_templates) {
    INFO(t.name);
    const TemplateResult r = load_template(t.name, "", builtin_places);
    CHECK(listed(r.diagnostics) == "");
    CHECK(r.theme.has_value());
    CHECK_FALSE(r.description.empty());
    CHECK(r.description == t.description);
    CHECK(r.files.front() == t.path);
  }
}

TEST_CASE("news sets every key, and the key table covers every field of model::Theme") {
  // news extends nothing, so the loader has checked that it sets every key.
  CHECK(load_template("news", "", builtin_places).files.size() == 1);
  // The fields declared in theme.hpp, read from the source: a field added there but not to the
  // loader's table would keep a value no template can change.
  const std::string src = factline::test::read_file(std::string(FACTLINE_SOURCE_DIR) + "/src/model/theme.hpp");
  const std::size_t start = src.find("struct Theme {");
  REQUIRE(start != std::string::npos);
  std::string body = src.substr(start, src.find("\n};", start) - start);
  body = std::regex_replace(body, std::regex("//[^\n]*"), "");
  body = std::regex_replace(body, std::regex("=[^;]*;"), ";");  // initialisers, with their commas
  std::set<std::string> fields;
  const std::regex decl(R"((?:Color|double|int|TextRole|std::vector<\w+>)\s+([^;]+);)");
  for (std::sregex_iterator it(body.begin(), body.end(), decl), end; it != end; ++it) {
    const std::string names = (*it)[1];
    const std::regex name(R"(\w+)");
    for (std::sregex_iterator n(names.begin(), names.end(), name); n != std::sregex_iterator(); ++n) fields.insert(n->str());
  }
  const auto keys = theme_keys();
  CHECK(fields == std::set<std::string>(keys.begin(), keys.end()));
  CHECK(fields.size() > 50);
}

TEST_CASE("a template's mistakes are diagnostics with file, line and column") {
  TempDir dir;
  const std::string path = dir.write("mine.yaml",
                                     "extends: news\n"
                                     "backgrund: \"#ffffff\"\n"
                                     "axis: \"#ggg\"\n"
                                     "margin: -4\n"
                                     "marker_radius: 0\n"
                                     "width: wide\n"
                                     "title: {weight: heavyish, size: 12px, colour: \"#111\"}\n"
                                     "palette: [\"#0072b2\", \"#12345\"]\n"
                                     "grid: [\"#eee\"]\n"
                                     "leader: #999\n"
                                     "tentative_dash: [3, 0]\n"
                                     "max_ticks: 4.5\n"
                                     "marker_shapes: [circle, sqare]\n");
  const TemplateResult r = load_template(path, "", places(dir));
  CHECK_FALSE(r.theme.has_value());
  // Top to bottom.
  CHECK(listed(r.diagnostics) ==
        "mine.yaml:2:1: unknown key \"backgrund\" in a template — did you mean \"background\"?\n"
        "mine.yaml:3:7: \"#ggg\" is not a colour\n"
        "mine.yaml:4:9: \"margin\" must be between 0 and 10000, not -4\n"
        "mine.yaml:5:16: \"marker_radius\" must be more than 0 and at most 10000, not 0\n"
        "mine.yaml:6:8: \"width\" must be a number, not \"wide\"\n"
        "mine.yaml:7:17: unknown weight \"heavyish\"\n"
        "mine.yaml:7:33: \"size\" must be a number, not \"12px\"\n"
        "mine.yaml:7:39: unknown key \"colour\" in the text role \"title\" — did you mean \"color\"?\n"
        "mine.yaml:8:22: \"#12345\" is not a colour\n"
        "mine.yaml:9:7: \"grid\" must be a colour, not a list\n"
        "mine.yaml:10:1: \"leader\" is empty\n"
        "mine.yaml:11:21: each length of \"tentative_dash\" must be more than 0 and at most 10000, not 0\n"
        "mine.yaml:12:12: \"max_ticks\" must be a whole number, not 4.5\n"
        "mine.yaml:13:25: unknown marker shape \"sqare\" — did you mean \"square\"?\n");
  // Every diagnostic names the file as it was opened.
  for (const Diagnostic& d : r.diagnostics.items()) CHECK(d.loc.file == path);
  // An unquoted colour is a YAML comment; the hint says to quote it.
  for (const Diagnostic& d : r.diagnostics.items())
    if (d.message == "\"leader\" is empty")
      CHECK(d.hint == "quote the colour, or YAML reads it as a comment: leader: \"#999\"");
}

TEST_CASE("a template that extends nothing must set every key") {
  TempDir dir;
  const std::string path = dir.write("bare.yaml", "description: only a background\nbackground: \"#fff\"\n");
  const TemplateResult r = load_template(path, "", places(dir));
  CHECK_FALSE(r.theme.has_value());
  REQUIRE(r.diagnostics.items().size() == 1);
  const Diagnostic& d = r.diagnostics.items()[0];
  CHECK(d.loc == SourceLoc{path, 1, 1});
  CHECK(d.message.starts_with("the template extends no other and leaves out"));
  CHECK(d.message.find("axis, grid") != std::string::npos);
  CHECK(d.hint == "add extends: news to start from the built-in look");
}

TEST_CASE("extends: a child changes what it names and keeps the rest of its base") {
  TempDir dir;
  dir.write("base.yaml", "extends: news\naxis: \"#ff0000\"\ntext: {family: Noto Sans CJK KR}\n");
  const std::string child =
      dir.write("child.yaml", "description: test\nextends: ./base.yaml\nbackground: \"#000\"\ntitle: {size: 40}\n");
  const TemplateResult r = load_template(child, "", places(dir));
  INFO(listed(r.diagnostics));
  REQUIRE(r.theme.has_value());
  const model::Theme news = builtin("news");
  model::Theme want = news;
  want.axis = {255, 0, 0, 255};
  want.background = {0, 0, 0, 255};
  for (const auto& role : template_keys::text_roles()) (want.*role.role).family = "Noto Sans CJK KR";
  want.title.size = 40;
  CHECK(r.theme->axis == want.axis);
  CHECK(r.theme->background == want.background);
  CHECK(r.theme->title.size == 40);
  CHECK(r.theme->title.weight == news.title.weight);
  CHECK(r.theme->event_text.family == "Noto Sans CJK KR");
  CHECK(r.theme->palette == news.palette);
  CHECK(r.theme->margin == news.margin);
  CHECK(r.description == "test");
  CHECK(r.files.size() == 3);
}

TEST_CASE("extends: cycles, missing bases and misspelt names are caught where they are written") {
  TempDir dir;
  const std::string a = dir.write("a.yaml", "extends: b.yaml\n");
  dir.write("b.yaml", "extends: \"a.yaml\"\n");
  TemplateResult r = load_template(a, "", places(dir));
  CHECK_FALSE(r.theme.has_value());
  CHECK(listed(r.diagnostics) == "b.yaml:1:11: templates extend each other in a circle: a.yaml → b.yaml → a.yaml\n");

  const std::string self = dir.write("self.yaml", "extends: ./self.yaml\n");
  r = load_template(self, "", places(dir));
  CHECK(listed(r.diagnostics) == "self.yaml:1:10: templates extend each other in a circle: self.yaml → self.yaml\n");

  const std::string typo = dir.write("typo.yaml", "extends: nwes\n");
  r = load_template(typo, "", places(dir));
  CHECK(listed(r.diagnostics) == "typo.yaml:1:10: unknown template \"nwes\" — did you mean \"news\"?\n");
  REQUIRE_FALSE(r.diagnostics.empty());
  CHECK(r.diagnostics.items()[0].hint == "templates by name: dark, minimal, news, print; or give the path of a template file");

  const std::string missing = dir.write("missing.yaml", "extends: nowhere/base.yaml\n");
  r = load_template(missing, "", places(dir));
  REQUIRE(r.diagnostics.items().size() == 1);
  CHECK(r.diagnostics.items()[0].message.starts_with("there is no template file"));
  CHECK(r.diagnostics.items()[0].loc == SourceLoc{missing, 1, 10});

  r = load_template("nosuch", "", builtin_places, {"facts.yaml", 3, 11});
  CHECK(listed(r.diagnostics) == "facts.yaml:3:11: unknown template \"nosuch\"\n");
}

TEST_CASE("a template's bytes and YAML get the same checks as a fact file's") {
  TempDir dir;
  TemplateResult r = load_template(dir.write("nul.yaml", std::string("extends: news\nmargin: 4\0\n", 25)), "", places(dir));
  CHECK_FALSE(r.theme.has_value());
  CHECK(listed(r.diagnostics).find("nul.yaml:2:10:") != std::string::npos);
  r = load_template(dir.write("alias.yaml", "extends: news\naxis: &a \"#000\"\ngrid: *a\n"), "", places(dir));
  CHECK_FALSE(r.theme.has_value());
  r = load_template(dir.write("bad.yaml", "extends: news\naxis: [\n"), "", places(dir));
  CHECK_FALSE(r.theme.has_value());
  CHECK(listed(r.diagnostics).find("invalid YAML") != std::string::npos);
  r = load_template(dir.write("empty.yaml", ""), "", places(dir));
  CHECK(listed(r.diagnostics) == "empty.yaml:1:1: the template is empty\n");
}

TEST_CASE("a fact file's template: and the override choose the theme; template mistakes stay in the template's file") {
  TempDir dir;
  const std::string facts = "title: 연표\ntemplate: dark\nevents:\n  - date: 2024\n    title: 사건\n";
  ParseResult r = parse_document(facts, "facts.yaml", {search, {}});
  REQUIRE(r.document.has_value());
  CHECK(r.document->theme.background == builtin("dark").background);
  r = parse_document(facts, "facts.yaml", {search, "print"});
  REQUIRE(r.document.has_value());
  CHECK(r.document->theme.palette == builtin("print").palette);
  r = parse_document("title: 연표\nevents:\n  - date: 2024\n    title: 사건\n", "facts.yaml", {search, {}});
  REQUIRE(r.document.has_value());
  CHECK(r.document->theme.palette == builtin("news").palette);

  const std::string broken = dir.write("broken.yaml", "extends: news\nmargin: -1\n");
  dir.write("facts.yaml", "");
  const std::string fact_file = dir.str() + "/facts.yaml";
  r = parse_document("title: 연표\ntemplate: broken.yaml\nevents:\n  - date: 2024\n    title: 사건\n", fact_file, {search, {}});
  CHECK_FALSE(r.document.has_value());
  REQUIRE(r.diagnostics.items().size() == 1);
  CHECK(fs::equivalent(r.diagnostics.items()[0].loc.file, broken));
  CHECK(r.diagnostics.items()[0].loc.line == 2);
}

TEST_CASE("the colour science matches published reference values") {
  // Sharma, Wu and Dalal (2005), table 1: four of its test pairs.
  CHECK(delta_e2000({50, 2.6772, -79.7751}, {50, 0, -82.7485}) == doctest::Approx(2.0425).epsilon(1e-4));
  CHECK(delta_e2000({50, 2.5, 0}, {50, 0, -2.5}) == doctest::Approx(4.3065).epsilon(1e-4));
  CHECK(delta_e2000({50, 0, 0}, {50, -1, 2}) == doctest::Approx(2.3669).epsilon(1e-4));
  CHECK(delta_e2000({50, 2.5, 0}, {73, 25, -18}) == doctest::Approx(27.1492).epsilon(1e-4));
  // WCAG: black on white is 21:1, #777 on white just under 4.5:1.
  CHECK(contrast_ratio({0, 0, 0, 255}, {255, 255, 255, 255}) == doctest::Approx(21));
  CHECK(contrast_ratio({0x77, 0x77, 0x77, 255}, {255, 255, 255, 255}) == doctest::Approx(4.48).epsilon(0.01));
}

TEST_CASE("every text role of every built-in template meets WCAG AA contrast on what it is drawn on") {
  for (const std::string& name : builtins) {
    for (const ContrastProblem& p : contrast_problems(builtin(name)))
      FAIL_CHECK(name, ": ", p.role, " ", p.ink.hex(), " on ", p.ground_words, " ", p.under.hex(), ": ", p.ratio, ":1");
  }
}

TEST_CASE("the contrast check finds text that is hard to read on what it is drawn on") {
  model::Theme t = builtin("news");
  t.tick.color = {0xff, 0xff, 0xff, 0xff};  // white tick labels on the light axis band
  const auto problems = contrast_problems(t);
  std::set<std::string> found;
  for (const ContrastProblem& p : problems) found.insert(p.role + " on " + p.ground);
  CHECK(found == std::set<std::string>{"tick on background", "tick on axis_band"});
  t = builtin("news");
  t.axis_band = {0x22, 0x22, 0x22, 0xff};  // a dark band under dark tick labels
  found.clear();
  for (const ContrastProblem& p : contrast_problems(t)) found.insert(p.role + " on " + p.ground);
  CHECK(found == std::set<std::string>{"tick on axis_band", "tick_major on axis_band", "as_of_label on axis_band"});
}

TEST_CASE("a user's template gets the contrast check: a warning at the key that sets the colour") {
  const TempDir dir;
  const std::string path = dir.write("dark-ticks.yaml",
            "extends: news\n"
            "background: \"#101010\"\n"
            "tick:\n"
            "  family: Pretendard\n  weight: 400\n  size: 12\n  line_spacing: 1\n"
            "  color: \"#ffffff\"\n");
  const TemplateResult r = load_template(path, "", places(dir));
  REQUIRE(r.theme);  // warnings: the template still loads
  CHECK_FALSE(r.diagnostics.has_errors());
  bool tick_on_band = false;
  for (const Diagnostic& d : r.diagnostics.items()) {
    CHECK(d.severity == Severity::Warning);
    CHECK(d.loc.file == path);
    if (d.message.starts_with("the \"tick\" text (#ffffff) has a contrast of ") &&
        d.message.find("on the axis band (#f0f0f0)") != std::string::npos) {
      tick_on_band = true;
      CHECK(d.loc.line == 8);  // its color: line
      CHECK(d.loc.column == 10);
      CHECK(d.source_line == "  color: \"#ffffff\"");
    }
  }
  CHECK(tick_on_band);
}

TEST_CASE("every built-in palette stays distinguishable under protanopia, deuteranopia and tritanopia") {
  for (const std::string& name : builtins) {
    const model::Theme t = builtin(name);
    REQUIRE(t.palette.size() >= 2);
    for (const Vision& v : visions)
      for (std::size_t i = 0; i < t.palette.size(); ++i)
        for (std::size_t j = i + 1; j < t.palette.size(); ++j) {
          const double d = delta_e2000(lab(simulate(linear(t.palette[i]), v.m)), lab(simulate(linear(t.palette[j]), v.m)));
          INFO(name, ", ", v.name, ": ", t.palette[i].hex(), " and ", t.palette[j].hex(), " ΔE00 = ", d);
          CHECK(d >= min_palette_delta_e);
        }
  }
}

TEST_CASE("a template that changes only colours changes the picture but not one box of the scene") {
  TempDir dir;
  const std::string recoloured = dir.write("recoloured.yaml",
                                           "extends: news\n"
                                           "background: \"#fdf6e3\"\naxis: \"#073642\"\nleader: \"#93a1a1\"\n"
                                           "palette: [\"#268bd2\", \"#dc322f\", \"#859900\"]\naccent: \"#6c71c4\"\n"
                                           "text: {color: \"#002b36\"}\n");
  const std::string sample =
      factline::test::read_file(std::string(FACTLINE_SOURCE_DIR) + "/samples/ai-chip-race.yaml");
  auto scene_with = [&](const std::string& name) {
    LayoutResult r = factline::test::engine().layout(sample, "samples/ai-chip-race.yaml", LayoutOptions{name});
    INFO(name, "\n", listed(r.diagnostics));
    REQUIRE(r.scene.has_value());
    return std::move(*r.scene);
  };
  const scene::Scene news = scene_with("news");
  for (const std::string& other : {recoloured, std::string("dark")}) {
    INFO(other);
    const scene::Scene s = scene_with(other);
    CHECK(s.width == news.width);
    CHECK(s.height == news.height);
    CHECK_FALSE(s.background == news.background);
    REQUIRE(s.items.size() == news.items.size());
    int recoloured_items = 0;
    for (std::size_t i = 0; i < s.items.size(); ++i) {
      const scene::Item &a = news.items[i], &b = s.items[i];
      INFO(i, " ", a.role, " ", a.text);
      CHECK(b.role == a.role);
      CHECK(b.box.x == a.box.x);
      CHECK(b.box.y == a.box.y);
      CHECK(b.box.w == a.box.w);
      CHECK(b.box.h == a.box.h);
      if (a.fill != b.fill || (a.stroke && b.stroke && !(a.stroke->color == b.stroke->color))) ++recoloured_items;
    }
    CHECK(recoloured_items > static_cast<int>(s.items.size()) / 4);
  }
}

TEST_CASE("layout code holds no colour literals: colours come from the theme") {
  // Colour constructors with numbers, hex strings and opacities set to a number other than 0
  // (0 hides a fill, which is structure, not style).
  const std::regex literal(R"(Color\s*\{\s*(0x)?[0-9]|Color\s*\(\s*(0x)?[0-9]|"#[0-9a-fA-F]{3,8}"|\brgba?\s*\(|\.a\s*=\s*(0x[0-9a-fA-F]*[1-9a-fA-F]|[1-9]))");
  std::string found;
  for (const auto& entry : fs::directory_iterator(std::string(FACTLINE_SOURCE_DIR) + "/src/layout")) {
    if (entry.path().extension() != ".cpp" && entry.path().extension() != ".hpp") continue;
    std::ifstream in(entry.path());
    std::string line;
    for (int n = 1; std::getline(in, line); ++n)
      if (std::regex_search(line, literal)) found += entry.path().filename().string() + ":" + std::to_string(n) + ": " + line + "\n";
  }
  CHECK_MESSAGE(found.empty(), found);
}

}  // namespace factline::load::test
