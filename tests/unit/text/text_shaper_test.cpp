// TextShaper with the bundled Pretendard: Korean line breaking (docs/design.md, "Korean line
// breaking") on worked examples, with box widths derived from measured text instead of pixel
// numbers.
#include "text/text_shaper.hpp"

#include <cairo.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <numeric>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "unit/text/fixture.hpp"

using namespace factline;
using namespace factline::text;
using namespace factline::text::testing;

namespace {

std::vector<std::string> split_on_spaces(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::string join(const std::vector<std::string>& words, std::size_t from, std::size_t to) {
  std::string s;
  for (std::size_t i = from; i < to; ++i) s += (i > from ? " " : "") + words[i];
  return s;
}

// The smallest possible width of the widest line when the label's words are cut into exactly
// `lines` lines at spaces (brute force over all cuts).
double best_balanced_width(const std::string& label, std::size_t lines) {
  const auto words = split_on_spaces(label);
  std::map<std::pair<std::size_t, std::size_t>, double> memo;
  auto width = [&](std::size_t a, std::size_t b) {
    auto [it, fresh] = memo.try_emplace({a, b}, 0.0);
    if (fresh) it->second = width_of(join(words, a, b));
    return it->second;
  };
  std::function<double(std::size_t, std::size_t)> best = [&](std::size_t from, std::size_t k) {
    if (k == 1) return width(from, words.size());
    double result = 1e9;
    for (std::size_t cut = from + 1; cut + k - 1 <= words.size(); ++cut)
      result = std::min(result, std::max(width(from, cut), best(cut, k - 1)));
    return result;
  };
  return best(0, lines);
}

double max_of(const std::vector<double>& v) { return *std::max_element(v.begin(), v.end()); }
double min_of(const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); }

bool opens(char32_t c) { return c == U'(' || c == U'「' || c == U'‘' || c == U'“'; }
bool closes(char32_t c) {
  return c == U')' || c == U'」' || c == U'’' || c == U'”' || c == U',' || c == U'.' ||
         c == U'·';
}

}  // namespace

TEST_CASE("a Korean word moves to the next line whole where Pango alone would split 반도|체") {
  const std::string label = "미국, 저사양 AI 반도체 수출 금지 추가";
  const double box =
      box_between({"미국, 저사양 AI 반도", "반도체 수출 금지 추가"}, {"미국, 저사양 AI 반도체"});
  CHECK(wrap(label, box) == "미국, 저사양 AI | 반도체 수출 금지 추가");
  CHECK(wrap(label, box, Wrap::Balanced) == "미국, 저사양 AI | 반도체 수출 금지 추가");
  // Without the word attributes, UAX #14 breaks between any two syllables.
  CHECK(plain_pango_wrap(label, box) == "미국, 저사양 AI 반도 | 체 수출 금지 추가");
}

TEST_CASE("a word that mixes Hangul, brackets and Latin stays whole: 반도체(ASIC)") {
  const std::string label = "5㎚ AI 반도체(ASIC) 개발 착수";
  const double box = box_between({"5㎚ AI 반도체", "반도체(ASIC)", "개발 착수"},
                                 {"5㎚ AI 반도체(ASIC)", "반도체(ASIC) 개발"});
  CHECK(wrap(label, box) == "5㎚ AI | 반도체(ASIC) | 개발 착수");
  // Pango alone breaks between 반도체 and the bracket.
  CHECK(plain_pango_wrap(label, box).rfind("5㎚ AI 반도체 | ", 0) == 0);
}

TEST_CASE("a word that starts with a digit stays whole: 7나노") {
  const std::string label = "‘반도체 굴기’ 中, 7나노 칩 자체 생산";
  const double box =
      box_between({"‘반도체 굴기’ 中, 7나", "7나노 칩 자체 생산"}, {"‘반도체 굴기’ 中, 7나노"});
  CHECK(wrap(label, box) == "‘반도체 굴기’ 中, | 7나노 칩 자체 생산");
  CHECK(plain_pango_wrap(label, box).rfind("‘반도체 굴기’ 中, 7나 | ", 0) == 0);
}

TEST_CASE("corner brackets stay with their words: 「반도체 특별법」") {
  const std::string label = "「반도체 특별법」 국회 본회의 통과";
  const double box =
      box_between({"「반도체 특별법」 국", "국회 본회의 통과"}, {"「반도체 특별법」 국회"});
  CHECK(wrap(label, box) == "「반도체 특별법」 | 국회 본회의 통과");
  CHECK(plain_pango_wrap(label, box).rfind("「반도체 특별법」 국 | ", 0) == 0);
}

TEST_CASE("a word wider than the box starts a fresh line and then splits between syllables") {
  const std::string label = "AI 초고대역폭메모리반도체패키징기술";
  const double box =
      box_between({"AI 초", "초고대역폭메모리", "반도체패키징기술"}, {"초고대역폭메모리반"});
  CHECK(wrap(label, box) == "AI | 초고대역폭메모리 | 반도체패키징기술");
  for (double w : line_widths(*shape(label, box))) CHECK(w <= box);
  // Balancing does not apply to a forced split; the result is the greedy one.
  CHECK(wrap(label, box, Wrap::Balanced) == "AI | 초고대역폭메모리 | 반도체패키징기술");
}

TEST_CASE("a forced split keeps brackets with their words: 반도체(ASIC)에서") {
  const std::string label = "반도체(ASIC)에서";
  const double box = box_between({"반도체(", "(ASIC)에"}, {"(ASIC)에서", "반도체(ASIC)"});
  CHECK(wrap(label, box) == "반도체 | (ASIC)에 | 서");

  // However narrow the box (down to about one syllable), no line starts with ")" or ends with "(".
  for (double w = 18; w <= 70; w += 2) {
    CAPTURE(w);
    for (const Wrap mode : {Wrap::Greedy, Wrap::Balanced}) {
      const Lines lines = lines_of(label, w, mode);
      CAPTURE(joined(lines));
      CHECK(without_whitespace(std::accumulate(lines.begin(), lines.end(), std::string())) ==
            label);
      for (const std::string& line : lines) {
        const std::u32string cps = decode(line);
        REQUIRE(!cps.empty());
        CHECK(!closes(cps.front()));
        CHECK(!opens(cps.back()));
      }
    }
  }
}

TEST_CASE("a middle dot never starts a line, even after an ideograph: 美·中") {
  const std::string label = "칩 美·中 갈등";
  const double box = box_between({"칩 美", "美·中", "갈등"}, {"칩 美·", "美·中 갈등"});
  CHECK(wrap(label, box) == "칩 | 美·中 | 갈등");
  // UAX #14 alone allows a break between an ideograph and the dot.
  CHECK(plain_pango_wrap(label, box).rfind("칩 美 | ·中", 0) == 0);
}

TEST_CASE("a word wider than the box also starts a fresh line after an ideographic space or tab") {
  const double box =
      box_between({"AI 초", "초고대역폭메모리", "반도체패키징기술"}, {"초고대역폭메모리반"});
  for (const std::string sep : {"\u3000", "\t", "  "}) {
    const std::string label = "AI" + sep + "초고대역폭메모리반도체패키징기술";
    const ShapedTextPtr t = shape(label, box);
    CHECK(joined(t->lines()) == "AI | 초고대역폭메모리 | 반도체패키징기술");
    CHECK(t->missing().empty());
    CHECK(t->lines().size() == 3);
  }
  // A label that starts with the long word gets no empty first line.
  for (const std::string label : {"초고대역폭메모리반도체패키징기술", "  초고대역폭메모리반도체패키징기술",
                                  "AI\n초고대역폭메모리반도체패키징기술", "AI \n 초고대역폭메모리반도체패키징기술"}) {
    CAPTURE(label);
    for (const std::string& line : lines_of(label, box)) CHECK(without_whitespace(line) != "");
  }
}

TEST_CASE("a word that joins Hangul and Latin letters is not split at the script change") {
  const std::string label = "미국 오픈AI, 중국 API 차단";
  const double box = box_between({"미국 오픈"}, {"미국 오픈AI,"});
  const Lines lines = lines_of(label, box);
  CAPTURE(joined(lines));
  REQUIRE(lines.size() >= 2);
  CHECK(lines[0] == "미국");
  CHECK(lines[1].rfind("오픈AI,", 0) == 0);
  CHECK(plain_pango_wrap(label, box).rfind("미국 오픈 | ", 0) == 0);
}

TEST_CASE("Latin words break at spaces and are not split when they fit a line") {
  const std::string label = "NVIDIA Blackwell B200 출시";
  const double box = box_between({"NVIDIA Black", "Blackwell B200"}, {"NVIDIA Blackwell"});
  CHECK(wrap(label, box) == "NVIDIA | Blackwell B200 | 출시");
}

TEST_CASE("Chinese and Japanese text keeps Pango's per-character breaking") {
  for (const std::string label :
       {"华为发布新一代人工智能芯片昇腾910C", "日本の半導体メーカーが新工場を建設"}) {
    CAPTURE(label);
    const double full = width_of(label);
    for (const double box : {full * 0.55, full * 0.4, full * 0.3}) {
      CAPTURE(box);
      CHECK(lines_of(label, box).size() >= 2);
      CHECK(wrap(label, box) == plain_pango_wrap(label, box));
      for (double w : line_widths(*shape(label, box))) CHECK(w <= box);
    }
  }
}

TEST_CASE("an explicit newline always breaks the line") {
  const std::string label = "미국, 저사양 AI\n반도체 수출 금지";
  CHECK(wrap(label, 0) == "미국, 저사양 AI | 반도체 수출 금지");
  CHECK(wrap(label, 1000) == "미국, 저사양 AI | 반도체 수출 금지");
  CHECK(wrap(label, 1000, Wrap::Balanced) == "미국, 저사양 AI | 반도체 수출 금지");
  const double box = box_between({"미국, 저사양 AI", "반도체 수출"}, {"반도체 수출 금지"});
  for (const Wrap mode : {Wrap::Greedy, Wrap::Balanced})
    CHECK(wrap(label, box, mode) == "미국, 저사양 AI | 반도체 수출 | 금지");
  CHECK(shape(label, 0)->height() > shape("미국, 저사양 AI", 0)->height());
}

TEST_CASE("without a box, or in a box wide enough, a label stays on one line") {
  const std::string label = "미국, 저사양 AI 반도체 수출 금지 추가";
  CHECK(wrap(label, 0) == label);
  CHECK(wrap(label, -1) == label);
  CHECK(wrap(label, width_of(label) + 1) == label);
  CHECK(wrap(label, width_of(label) + 1, Wrap::Balanced) == label);
  CHECK(wrap("", 100) == "");
}

TEST_CASE("balanced wrapping keeps greedy's line count and makes the lines as even as possible") {
  struct Case {
    std::string label;
    double box;
  };
  const std::vector<Case> cases = {
      {"미국, 저사양 AI 반도체 수출 금지 추가",
       box_between({"미국, 저사양 AI", "반도체 수출 금지"},
                   {"미국, 저사양 AI 반도체", "반도체 수출 금지 추가"})},
      {"화웨이 어센드 910B 양산 본격화",
       box_between({"화웨이 어센드 910B", "양산 본격화"}, {"화웨이 어센드 910B 양산"})},
      {"바이트댄스·브로드컴, 5㎚ AI 반도체(ASIC) 공동 개발", 150},
      {"오픈AI, 중국 등 미지원 지역 API 차단 통보", 120},
  };
  for (const Case& c : cases) {
    CAPTURE(c.label);
    CAPTURE(c.box);
    const ShapedTextPtr greedy = shape(c.label, c.box);
    const ShapedTextPtr balanced = shape(c.label, c.box, Wrap::Balanced);
    CAPTURE(joined(greedy->lines()));
    CAPTURE(joined(balanced->lines()));
    REQUIRE(greedy->lines().size() >= 2);
    CHECK(balanced->lines().size() == greedy->lines().size());
    const auto g = line_widths(*greedy), b = line_widths(*balanced);
    CHECK(max_of(b) <= c.box);
    CHECK(max_of(b) <= max_of(g) + 0.01);
    CHECK(max_of(b) - min_of(b) <= max_of(g) - min_of(g) + 0.01);
    // The widest balanced line is as narrow as any cut into that many lines allows (the
    // width search stops at a quarter pixel).
    const double best = best_balanced_width(c.label, greedy->lines().size());
    CHECK(max_of(b) >= best - 0.01);
    CHECK(max_of(b) <= best + 0.3);
    CHECK(balanced->width() == doctest::Approx(max_of(b)));
  }
}

TEST_CASE("balanced wrapping of 화웨이 어센드 910B moves the model number to the second line") {
  const std::string label = "화웨이 어센드 910B 양산 본격화";
  const double box =
      box_between({"화웨이 어센드 910B", "양산 본격화"}, {"화웨이 어센드 910B 양산"});
  CHECK(wrap(label, box) == "화웨이 어센드 910B | 양산 본격화");
  REQUIRE(width_of("910B 양산 본격화") < width_of("화웨이 어센드 910B"));
  CHECK(wrap(label, box, Wrap::Balanced) == "화웨이 어센드 | 910B 양산 본격화");
}

TEST_CASE("a character that no font has is reported once as missing") {
  // U+E800 and U+10FFFD (Private Use Areas): neither Pretendard (whose PUA glyphs end at
  // U+F057, with none in U+E165..U+EE00) nor the system fonts have them (`fc-list
  // ':charset=e800'` lists nothing).
  const ShapedTextPtr t = shape("반도체 \uE800 칩 \uE800 AI \uE800", 0);
  CHECK(names(t->missing()) == "U+E800");
  const ShapedTextPtr two = shape("\U0010FFFD 반도체 \uE800 \U0010FFFD", 80);
  CHECK(names(two->missing()) == "U+10FFFD U+E800");
  CHECK(names(shape("반도체 AI 中 の", 0)->missing()).empty());
}

TEST_CASE("the sample's Korean text reports no missing characters") {
  std::ifstream in(std::string(FACTLINE_SOURCE_DIR) + "/samples/ai-chip-race.yaml");
  REQUIRE(in);
  std::ostringstream all;
  all << in.rdbuf();
  const ShapedTextPtr t = shape(all.str(), 0);
  CHECK(t->missing().empty());
  CHECK(shape("미국, 저사양 AI 반도체 수출 금지 추가\n‘반도체 굴기’ 中, 5㎚", 100)->missing().empty());
}

TEST_CASE("the measured box is Pango's logical rectangle and contains the ink") {
  for (const std::string label :
       {"미국, 저사양 AI 반도체 수출 금지 추가", "「반도체 특별법」 국회 본회의 통과",
        "화웨이 어센드 910B 양산 본격화", "AI 초고대역폭메모리반도체패키징기술"}) {
    for (const double box : {0.0, 150.0, 90.0}) {
      for (const Wrap mode : {Wrap::Greedy, Wrap::Balanced}) {
        CAPTURE(label);
        CAPTURE(box);
        const ShapedTextPtr t = shape(label, box, mode);
        PangoRectangle ink, logical;
        pango_layout_get_extents(t->layout(), &ink, &logical);
        CHECK(t->logical().x == doctest::Approx(logical.x / double(PANGO_SCALE)));
        CHECK(t->logical().y == doctest::Approx(logical.y / double(PANGO_SCALE)));
        CHECK(t->logical().w == doctest::Approx(logical.width / double(PANGO_SCALE)));
        CHECK(t->logical().h == doctest::Approx(logical.height / double(PANGO_SCALE)));
        CHECK(t->ink().w == doctest::Approx(ink.width / double(PANGO_SCALE)));
        CHECK(t->width() == t->logical().w);
        CHECK(t->height() == t->logical().h);
        CHECK(t->logical().contains(t->ink()));
        if (box > 0) CHECK(t->width() <= box);
        CHECK(t->width() == doctest::Approx(max_of(line_widths(*t))));
      }
    }
  }
}

TEST_CASE("the drawn pixels lie inside the measured ink rectangle") {
  const ShapedTextPtr t = shape("‘반도체 굴기’ 中, 7나노 칩 자체 생산", 120);
  const int margin = 8;
  const int w = static_cast<int>(t->logical().w) + 2 * margin;
  const int h = static_cast<int>(t->logical().h) + 2 * margin;
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
  cairo_t* cr = cairo_create(surface);
  cairo_move_to(cr, margin, margin);
  pango_cairo_show_layout(cr, t->layout());
  cairo_destroy(cr);
  cairo_surface_flush(surface);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  int left = w, top = h, right = -1, bottom = -1;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      std::uint32_t px;
      std::memcpy(&px, data + y * stride + x * 4, 4);
      if ((px >> 24) == 0) continue;
      left = std::min(left, x), right = std::max(right, x + 1);
      top = std::min(top, y), bottom = std::max(bottom, y + 1);
    }
  cairo_surface_destroy(surface);
  REQUIRE(right > left);
  const Rect ink = t->ink();
  // Pixels touched by the ink outlines: the ink rectangle rounded outwards, give or take a
  // pixel whose coverage rounds to nothing.
  CHECK(left >= std::floor(margin + ink.x));
  CHECK(top >= std::floor(margin + ink.y));
  CHECK(right <= std::ceil(margin + ink.right()));
  CHECK(bottom <= std::ceil(margin + ink.bottom()));
  CHECK(left <= std::floor(margin + ink.x) + 1);
  CHECK(top <= std::floor(margin + ink.y) + 1);
  CHECK(right >= std::ceil(margin + ink.right()) - 1);
  CHECK(bottom >= std::ceil(margin + ink.bottom()) - 1);
}

TEST_CASE("the font library registers the bundled Pretendard and the shaper uses it") {
  const auto& families = fonts().app_families();
  CHECK(std::find(families.begin(), families.end(), "Pretendard") != families.end());
  const ShapedTextPtr t = shape("반도체 AI", 0);
  PangoLayoutIter* it = pango_layout_get_iter(t->layout());
  const PangoGlyphItem* run = pango_layout_iter_get_run_readonly(it);
  REQUIRE(run);
  PangoFontDescription* desc = pango_font_describe(run->item->analysis.font);
  CHECK(std::string(pango_font_description_get_family(desc)) == "Pretendard");
  pango_font_description_free(desc);
  pango_layout_iter_free(it);
  CHECK_THROWS_AS(FontLibrary({std::string(FACTLINE_SOURCE_DIR) + "/no-such-fonts-folder"}),
                  std::runtime_error);
}

namespace {

// Family and weight of the font each run of the text is drawn with: "Pretendard 700 | …".
std::string run_fonts(const ShapedText& t) {
  std::string out;
  PangoLayoutIter* it = pango_layout_get_iter(t.layout());
  do {
    const PangoGlyphItem* run = pango_layout_iter_get_run_readonly(it);
    if (!run) continue;
    PangoFontDescription* desc = pango_font_describe(run->item->analysis.font);
    out += (out.empty() ? "" : " | ") + std::string(pango_font_description_get_family(desc)) + " " +
           std::to_string(pango_font_description_get_weight(desc));
    pango_font_description_free(desc);
  } while (pango_layout_iter_next_run(it));
  pango_layout_iter_free(it);
  return out;
}

}  // namespace

TEST_CASE("the fallback chain is pinned: Pretendard, Noto Sans CJK KR at the same weight, Noto Color Emoji") {
  TextStyle bold = style();
  bold.weight = 700;
  CHECK(run_fonts(*shaper().shape("美·中 반도체", bold, 0)) ==
        "Noto Sans CJK KR 700 | Pretendard 700 | Noto Sans CJK KR 700 | Pretendard 700");
  CHECK(run_fonts(*shaper().shape("美", style(), 0)) == "Noto Sans CJK KR 400");
  CHECK(run_fonts(*shaper().shape("🚀", style(), 0)) == "Noto Color Emoji 400");
  // Only the pinned fonts are in the library's own set: no other system font can take a
  // character from them, whatever the machine has installed.
  CHECK(fonts().is_pinned("Pretendard"));
  CHECK(fonts().is_pinned("Noto Sans CJK KR"));
  CHECK(fonts().is_pinned("Noto Color Emoji"));
  CHECK_FALSE(fonts().is_pinned("Noto Sans CJK JP"));
  CHECK_FALSE(fonts().is_pinned("DejaVu Sans"));
}

namespace {

// Baseline of each line, px from the layout's top.
std::vector<double> baselines(const ShapedText& t) {
  std::vector<double> out;
  PangoLayoutIter* it = pango_layout_get_iter(t.layout());
  do out.push_back(static_cast<double>(pango_layout_iter_get_baseline(it)) / PANGO_SCALE);
  while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
  return out;
}

}  // namespace

TEST_CASE("a line holding fallback glyphs sits at the same pitch as the others") {
  // Noto Sans CJK reaches further above and below the baseline than Pretendard; Pango would
  // make its line taller (and push the next line ~3 px down at 13 px, 1.15 spacing).
  TextStyle s = style();
  s.size = 13;
  s.line_spacing = 1.15;
  const auto plain = shaper().shape("가나다\n라마바\n사아자", s, 0);
  for (const std::string text : {"가나다\n라美바\n사아자", "美나다\n라마바\n사아자", "가나다\n라🚀바\n사아자"}) {
    CAPTURE(text);
    const auto mixed = shaper().shape(text, s, 0);
    const auto a = baselines(*plain), b = baselines(*mixed);
    REQUIRE(a.size() == b.size());
    // Pango lowers a line that starts with a fallback glyph by a fraction of a pixel (0.6 px
    // here; 3.8 px and every later line before); the boxes stay put.
    for (std::size_t i = 0; i < a.size(); ++i) CHECK(std::abs(b[i] - a[i]) < 0.05 * s.size);
    CHECK(mixed->height() == doctest::Approx(plain->height()).epsilon(1e-4));
  }
  // The pitch is line_spacing times the primary font's height, the first line unchanged.
  const auto one = shaper().shape("가나다", s, 0);
  const auto pitch = baselines(*plain);
  CHECK(pitch[1] - pitch[0] == doctest::Approx(1.15 * one->height()).epsilon(1e-3));
  CHECK(pitch[0] == doctest::Approx(baselines(*one)[0]));
}

TEST_CASE("a word's cheap width is Pango's, from the primary font alone") {
  // Hangul, Latin with kerning pairs, digits, punctuation; a script change inside one word
  // (Pango starts a run there, so no kerning across it) within 1 %.
  for (const std::string word : {"반도체", "수출통제", "AVAV", "Ascend", "910B", "2024.09", "「특별법」", "(ASIC)에서"}) {
    CAPTURE(word);
    for (const int weight : {400, 700}) {
      TextStyle s = style();
      s.weight = weight;
      const std::optional<double> w = shaper().word_width(word, s);
      REQUIRE(w);
      CHECK(*w == doctest::Approx(shaper().shape(word, s, 0)->width()).epsilon(1e-9));
    }
  }
  const double mixed = shaper().shape("AI칩", style(), 0)->width();
  CHECK(shaper().word_width("AI칩", style()).value() == doctest::Approx(mixed).epsilon(0.01));
  CHECK(shaper().word_width("", style()) == 0);
  // Characters the primary font lacks (Hanja, an emoji, a Private Use character): no answer.
  for (const std::string word : {"美中", "🚀칩", "칩\uE800"}) CHECK_FALSE(shaper().word_width(word, style()));
  TextStyle system = style();
  system.family = "DejaVu Sans";
  CHECK_FALSE(shaper().word_width("chip", system));
}

TEST_CASE("every word of the sample measures within 1 % of Pango, and exactly when it is one script") {
  std::ifstream in(std::string(FACTLINE_SOURCE_DIR) + "/samples/ai-chip-race.yaml");
  REQUIRE(in);
  std::ostringstream all;
  all << in.rdbuf();
  int measured = 0;
  for (const std::string& word : split_on_spaces(all.str())) {
    const std::optional<double> w = shaper().word_width(word, style());
    if (!w) continue;
    ++measured;
    CAPTURE(word);
    const double pango = shaper().shape(word, style(), 0)->width();
    bool hangul = false, latin = false;
    for (std::size_t i = 0; i < word.size();) {
      const char32_t c = utf8::next(word, i);
      hangul = hangul || utf8::is_hangul(c);
      latin = latin || (c < 0x80 && std::isalpha(static_cast<int>(c)));
    }
    if (hangul && latin)
      CHECK(*w == doctest::Approx(pango).epsilon(0.01));
    else
      CHECK(*w == doctest::Approx(pango).epsilon(1e-9));
  }
  CHECK(measured > 200);
}
