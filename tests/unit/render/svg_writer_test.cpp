#include <doctest/doctest.h>

#include <regex>
#include <string>

#include "render/render.hpp"
#include "scene/scene.hpp"
#include "unit/text/fixture.hpp"

namespace {

using namespace factline;

scene::Scene page_with(std::initializer_list<std::pair<std::string, double>> labels) {
  scene::Scene sc;
  sc.width = 400;
  sc.height = 300;
  sc.background = Color{255, 255, 255, 255};
  sc.title = "제목 <b>&\"'";
  sc.language = "ko";
  double y = 10;
  for (const auto& [text, size] : labels) {
    text::TextStyle st = text::testing::style();
    st.size = size;
    sc.items.push_back(scene::text_item("title", -1, text, text::testing::shaper().shape(text, st, 0), {10, y},
                                        Color{0x11, 0x22, 0x33, 255}));
    y += 60;
  }
  return sc;
}

int count(const std::string& s, const std::string& what) {
  int n = 0;
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("a glyph is defined once however many sizes draw it") {
  const std::string svg = render::to_svg(page_with({{"가", 12}, {"가", 20}, {"가", 31.5}}));
  CHECK(count(svg, "<path id=") == 1);
  CHECK(count(svg, "<use href=") == 3);
  CHECK(svg.find("fill=\"#123\"") != std::string::npos);  // colours as hex, shortened
}

TEST_CASE("numbers have at most two decimals and are never -0") {
  scene::Scene sc = page_with({});
  scene::Item line;
  line.type = scene::ItemType::Line;
  line.stroke = scene::Stroke{Color{0, 0, 0, 255}, 1.5, {}};
  line.points = {{0.123456, -0.001}, {10.005, 20}, {-3.333333, 7.25}};
  sc.items.push_back(line);
  const std::string svg = render::to_svg(sc, {render::SvgText::Outline, "p"});
  CHECK(svg.find("d=\"M.12 0L10.01 20-3.33 7.25\"") != std::string::npos);
  CHECK(svg.find("-0") == std::string::npos);
  CHECK(std::regex_search(svg, std::regex("\\.[0-9]{3}")) == false);
}

TEST_CASE("text and attributes are escaped, nothing else of them is changed") {
  scene::Scene sc = page_with({{"A&B <C> \"D\" 'E' 미·중", 16}});
  sc.description = "부제 & <x>";
  const std::string svg = render::to_svg(sc);
  CHECK(svg.find("<title id=\"") != std::string::npos);
  CHECK(svg.find(">제목 &lt;b&gt;&amp;&quot;&apos;</title>") != std::string::npos);
  CHECK(svg.find(">부제 &amp; &lt;x&gt;</desc>") != std::string::npos);
  CHECK(svg.find(">A&amp;B &lt;C&gt; &quot;D&quot; &apos;E&apos; 미·중</text>") != std::string::npos);
}

TEST_CASE("the id prefix: derived from the content, or the one given") {
  const std::string a = render::to_svg(page_with({{"가", 16}}));
  const std::string b = render::to_svg(page_with({{"나", 16}}));
  const auto prefix = [](const std::string& s) {
    std::smatch m;
    std::regex_search(s, m, std::regex("id=\"(fl[0-9a-f]{8})-title\""));
    return m.size() > 1 ? m[1].str() : std::string();
  };
  CHECK(!prefix(a).empty());
  CHECK(prefix(a) != prefix(b));
  CHECK(a == render::to_svg(page_with({{"가", 16}})));  // byte-identical
  const std::string c = render::to_svg(page_with({{"가", 16}}), {render::SvgText::OutlineAndText, "chart-2"});
  CHECK(c.find("id=\"chart-2-title\"") != std::string::npos);
  CHECK(c.find("href=\"#chart-2_0\"") != std::string::npos);
  CHECK(render::valid_id_prefix("a-b_c9"));
  CHECK_FALSE(render::valid_id_prefix("9a"));
  CHECK_FALSE(render::valid_id_prefix("a b"));
  CHECK_FALSE(render::valid_id_prefix("a\"b"));
  CHECK_FALSE(render::valid_id_prefix(""));
}

TEST_CASE("svg-text modes: outlines only, real text only") {
  const scene::Scene sc = page_with({{"가나", 16}});
  const std::string outline = render::to_svg(sc, {render::SvgText::Outline, {}});
  CHECK(outline.find("<text") == std::string::npos);
  CHECK(outline.find("<use") != std::string::npos);
  const std::string text = render::to_svg(sc, {render::SvgText::Text, {}});
  CHECK(text.find("<use") == std::string::npos);
  CHECK(text.find("<defs>") == std::string::npos);
  CHECK(text.find(">가나</text>") != std::string::npos);
  CHECK(text.find("fill-opacity=\"0\"") == std::string::npos);
}

TEST_CASE("a wrapped label is one <text> with a space between its lines") {
  scene::Scene sc = page_with({});
  const std::string label = "미국, 저사양 AI 반도체 수출 금지 추가";
  text::TextStyle st = text::testing::style();
  auto shaped = text::testing::shaper().shape(label, st, 200);
  REQUIRE(shaped->lines().size() == 2);
  sc.items.push_back(scene::text_item("event-title", 0, label, shaped, {10, 10}, Color{}));
  sc.events.push_back({"2023년 10월", label, "", "", "https://example.com/?a=1&b=2"});
  const std::string svg = render::to_svg(sc);
  const std::string l1 = shaped->lines()[0], l2 = shaped->lines()[1];
  CHECK(svg.find(">" + l1 + "</tspan> <tspan") != std::string::npos);
  CHECK(svg.find(">" + l2 + "</tspan></text>") != std::string::npos);
  CHECK(svg.find("aria-label=\"2023년 10월 — " + label + "\"") != std::string::npos);
  CHECK(svg.find("<a href=\"https://example.com/?a=1&amp;b=2\"") != std::string::npos);
}

TEST_CASE("a colour emoji is kept: its bitmap embedded once, placed like any glyph") {
  const std::string svg = render::to_svg(page_with({{"🚀 가", 16}, {"🚀", 30}}));
  CHECK(count(svg, "<image id=") == 1);
  CHECK(svg.find("href=\"data:image/png;base64,iVBOR") != std::string::npos);
  CHECK(count(svg, "<use href=") == 3);
}
