// Property tests of Korean line breaking over generated labels: whatever the words, its rules
// (docs/design.md, "Korean line breaking") hold at every box width, greedy and balanced.
#include <doctest/doctest.h>

#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "text/line_breaking.hpp"
#include "unit/text/fixture.hpp"

using namespace factline;
using namespace factline::text;
using namespace factline::text::testing;

namespace {

// Deterministic everywhere: std::mt19937's output is fixed by the standard; the arithmetic on it
// is ours (std::uniform_int_distribution differs between standard libraries).
class Dice {
 public:
  explicit Dice(std::uint32_t seed) : rng_(seed) {}
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(rng_() % n); }
  bool chance(unsigned percent) { return below(100) < percent; }
  template <typename T>
  const T& pick(const std::vector<T>& v) { return v[below(v.size())]; }

 private:
  std::mt19937 rng_;
};

const std::vector<std::string> korean = {
    "반도체", "수출", "금지", "추가", "미국", "저사양", "화웨이", "어센드", "양산", "본격화",
    "개발", "착수", "국회", "본회의", "통과", "특별법", "굴기", "자체", "생산", "칩", "중국",
    "엔비디아", "바이트댄스", "브로드컴", "삼성전자", "하이닉스", "오픈", "차단", "통보",
    "지역", "미지원", "가속기", "공정", "첨단", "초고대역폭메모리", "패키징기술", "나노",
    "대만", "발표", "규제", "강화", "협력", "부스", "상용화", "경쟁"};
const std::vector<std::string> particles = {"은", "는", "이", "가", "을", "를", "에서", "의", "와", "로"};
const std::vector<std::string> latin = {"AI", "GPU", "ASIC", "HBM3E", "TSMC", "NVIDIA", "Huawei",
                                        "Ascend", "Blackwell", "MWC", "API", "SK", "Semiconductor"};
const std::vector<std::string> numbers = {"5", "7", "12", "910B", "2024", "3.5", "100"};
const std::vector<std::string> units = {"㎚", "나노", "단", "년", "월", "%"};

std::string atom(Dice& d) {
  switch (d.below(6)) {
    case 0: case 1: case 2: {
      std::string w = d.pick(korean);
      if (d.chance(30)) w += d.pick(particles);
      return w;
    }
    case 3: case 4: return d.pick(latin);
    default: return d.pick(numbers) + (d.chance(60) ? d.pick(units) : "");
  }
}

// One whitespace-delimited token: one or two atoms, joined directly or with a middle dot,
// sometimes with a bracketed part glued on (반도체(ASIC)에서).
std::string word(Dice& d) {
  std::string w = atom(d);
  if (d.chance(25)) w += (d.chance(50) ? "·" : "") + atom(d);
  if (d.chance(12)) {
    w += "(" + atom(d) + ")";
    if (d.chance(50)) w += d.pick(particles);
  }
  return w;
}

// A label of 1..9 words; brackets and quotes span one to three words; commas and full stops
// follow words. Punctuation never stands alone between spaces.
std::string label(Dice& d) {
  const std::size_t n = 1 + d.below(9);
  std::vector<std::string> words;
  for (std::size_t i = 0; i < n; ++i) words.push_back(word(d));
  static const std::vector<std::pair<std::string, std::string>> pairs = {
      {"(", ")"}, {"「", "」"}, {"‘", "’"}, {"“", "”"}};
  for (std::size_t i = 0; i < n; ++i) {
    if (!d.chance(15)) continue;
    const auto& [open, close] = d.pick(pairs);
    const std::size_t last = std::min(n - 1, i + d.below(3));
    words[i] = open + words[i];
    words[last] += close;
    i = last;
  }
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out += words[i];
    if (i + 1 < n && d.chance(15)) out += d.chance(70) ? "," : ".";
    if (i + 1 < n) out += " ";
  }
  return out;
}

bool closes(char32_t c) {
  return c == U')' || c == U'」' || c == U'’' || c == U'”' || c == U',' || c == U'.' ||
         c == U'·';
}
bool opens(char32_t c) { return c == U'(' || c == U'「' || c == U'‘' || c == U'“'; }

// The character that ends at byte offset `at` of s.
char32_t char_before(std::string_view s, std::size_t at) {
  std::size_t i = at - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return utf8::next(s, i);
}

char32_t char_at(std::string_view s, std::size_t at) { return utf8::next(s, at); }

struct Stats {
  int labels = 0, lines = 0, forced_splits = 0, balanced_narrower = 0;
};

// Checks one label at one box, greedy and balanced.
void check_label(const std::string& text, double box, Stats& stats) {
  const std::vector<detail::Token> tokens = detail::split_tokens(text);
  std::vector<double> token_width;
  static std::map<std::string, double> measured;  // words repeat a lot: measure each once
  for (const auto& t : tokens) {
    const std::string token = text.substr(t.begin, t.end - t.begin);
    auto [it, fresh] = measured.try_emplace(token, 0.0);
    if (fresh) it->second = width_of(token);
    token_width.push_back(it->second);
  }
  auto token_at = [&](std::size_t byte) -> int {  // the token holding byte, or -1
    for (std::size_t k = 0; k < tokens.size(); ++k)
      if (tokens[k].begin <= byte && byte < tokens[k].end) return static_cast<int>(k);
    return -1;
  };

  const ShapedTextPtr greedy = shape(text, box, Wrap::Greedy);
  const ShapedTextPtr balanced = shape(text, box, Wrap::Balanced);
  // (4) Balancing never changes the line count.
  CHECK(balanced->lines().size() == greedy->lines().size());
  if (balanced->width() < greedy->width() - 0.01) ++stats.balanced_narrower;
  stats.lines += static_cast<int>(greedy->lines().size());

  for (const ShapedTextPtr& t : {greedy, balanced}) {
    const std::string_view drawn = pango_layout_get_text(t->layout());
    const std::vector<int> starts = line_starts(*t);
    const std::vector<double> widths = line_widths(*t);
    CAPTURE(joined(t->lines()));

    // (5) Nothing lost or duplicated.
    std::string all;
    for (const auto& l : t->lines()) all += l;
    CHECK(without_whitespace(all) == without_whitespace(text));

    for (std::size_t i = 0; i < starts.size(); ++i) {
      const auto start = static_cast<std::size_t>(starts[i]);
      const std::size_t end =
          i + 1 < starts.size() ? static_cast<std::size_t>(starts[i + 1]) : drawn.size();
      // The line's tokens: is any wider than the box on its own?
      bool has_overlong = false;
      for (std::size_t k = 0; k < tokens.size(); ++k)
        if (tokens[k].begin < end && start < tokens[k].end && token_width[k] > box)
          has_overlong = true;
      // (3) Lines fit the box, unless a single token is wider than the box.
      if (!has_overlong) CHECK(widths[i] <= box + 0.01);
      if (i == 0) continue;

      const char32_t before = char_before(drawn, start), after = char_at(drawn, start);
      // (1) Korean words break between words: a break between two Hangul characters only
      // inside a token that alone is wider than the box.
      if (utf8::is_hangul(before) && utf8::is_hangul(after)) {
        const int k = token_at(start);
        REQUIRE(k >= 0);
        CHECK(token_width[static_cast<std::size_t>(k)] > box);
        ++stats.forced_splits;
      }
      // The unit is the whole token: no break inside a token with Hangul (at a bracket, a
      // digit or a Latin letter either) unless the token alone is wider than the box.
      if (const int k = token_at(start); k >= 0) {
        const auto& token = tokens[static_cast<std::size_t>(k)];
        if (token.has_hangul && token.begin < start)
          CHECK(token_width[static_cast<std::size_t>(k)] > box);
      }
      // (2) Geumchik: closing punctuation never starts a line, opening never ends one.
      CHECK_FALSE(closes(after));
      std::size_t last = start;  // the previous line's last character that is not a space
      while (last > 0 && is_space(char_before(drawn, last))) {
        --last;
        while (last > 0 && (static_cast<unsigned char>(drawn[last]) & 0xC0) == 0x80) --last;
      }
      CHECK_FALSE(opens(char_before(drawn, last)));
    }
  }
  ++stats.labels;
}

}  // namespace

TEST_CASE("generated labels wrap between words, keep punctuation rules, fit and lose nothing") {
  Dice dice(20240630);
  const std::vector<double> boxes = {48, 64, 90, 120, 160, 220};
  Stats stats;
  for (int n = 0; n < 2000; ++n) {
    const std::string text = label(dice);
    const double box = boxes[static_cast<std::size_t>(n) % boxes.size()];
    CAPTURE(text);
    CAPTURE(box);
    check_label(text, box, stats);
  }
  INFO(stats.labels, " labels, ", stats.lines, " greedy lines, ", stats.forced_splits,
       " splits inside overlong words, ", stats.balanced_narrower, " narrower when balanced");
  // The generator exercises what it should: forced splits and balancing both happen.
  CHECK(stats.forced_splits > 0);
  CHECK(stats.balanced_narrower > 100);
}
