// Hostile input: each ends quickly with a diagnostic (at a position inside the input), never a
// crash, an exception or a runaway loop. The timeouts are generous for sanitizer builds.
#include "load/parse.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>

#include "load/errors.hpp"
#include "load_fixture.hpp"

using namespace factline;
using namespace factline::load::test;

namespace {

// Line count and the length of each line in characters (as columns count them).
struct Shape {
  std::vector<int> line_chars;
  explicit Shape(std::string_view text) {
    line_chars.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
      const auto c = static_cast<unsigned char>(text[i]);
      if (c == '\n') line_chars.push_back(0);
      else if ((c & 0xC0) != 0x80) ++line_chars.back();
    }
  }
  // A position is inside when it names a line of the input and a column up to one past its end;
  // line 0 (no position) only for what concerns the whole input.
  bool inside(const SourceLoc& l) const {
    if (l.line < 1 || l.line > static_cast<int>(line_chars.size())) return false;
    return l.column >= 1 && l.column <= line_chars[static_cast<std::size_t>(l.line - 1)] + 1;
  }
};

void check_positions(const load::ParseResult& r, std::string_view text) {
  const Shape shape(text);
  for (const Diagnostic& d : r.diagnostics.items())
    CHECK_MESSAGE(shape.inside(d.loc), d.loc.line << ":" << d.loc.column << ": " << d.message);
}

}  // namespace

TEST_CASE("an alias bomb is rejected at its anchors and aliases without expanding" * doctest::timeout(20)) {
  std::string bomb = "title: a\nevents: [{date: \"2024\", title: x}]\n";
  bomb += "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  const std::string names = "abcdefghij";
  for (std::size_t i = 1; i < names.size(); ++i) {
    bomb += std::string(1, names[i]) + ": &" + names[i] + " [";
    for (int k = 0; k < 9; ++k) bomb += std::string(k ? "," : "") + "*" + names[i - 1];
    bomb += "]\n";
  }
  const load::ParseResult r = parse(bomb);
  CHECK_FALSE(r.document);
  // 10 anchors and 81 aliases.
  REQUIRE(r.diagnostics.items().size() == 91);
  CHECK(r.diagnostics.items()[0].loc == SourceLoc{"facts.yaml", 3, 4});
  CHECK(r.diagnostics.items()[0].message == "anchors (&name) are not supported");
  CHECK(r.diagnostics.items()[2].loc == SourceLoc{"facts.yaml", 4, 8});
  CHECK(r.diagnostics.items()[2].message == "aliases (*name) are not supported");
  check_positions(r, bomb);
}

TEST_CASE("a flood of mistakes stops after 100 errors" * doctest::timeout(60)) {
  std::string text = "title: a\nevents: [{date: \"2024\", title: x}]\nx: [";
  for (int i = 0; i < 5000; ++i) text += std::string(i ? "," : "") + "&a" + std::to_string(i) + " 1";
  text += "]\n";
  const load::ParseResult r = parse(text);
  REQUIRE(r.diagnostics.items().size() == load::max_errors + 1);
  CHECK(r.diagnostics.items()[0].loc == SourceLoc{"facts.yaml", 3, 5});
  const Diagnostic& last = r.diagnostics.items().back();
  CHECK(last.message == "too many errors; stopping after 100");
  CHECK(last.hint == "fix these and run again");
  CHECK(last.loc.line == 3);
  check_positions(r, text);
}

TEST_CASE("10,000 events on one long line parse in linear time" * doctest::timeout(60)) {
  // Every event has positions on the same line; each must not cost a scan from the line start.
  std::string text = "title: 연표\nevents: [";
  for (int i = 0; i < 10000; ++i) text += std::string(i ? ", " : "") + "{date: \"2024\", title: 가나다라}";
  text += "]\n";
  const load::ParseResult r = parse(text);
  CHECK(listed(r) == "");
  REQUIRE(r.document);
  REQUIRE(r.document->events.size() == 10000);
  // "events: [" then 9,999 events of 27 characters and a ", " each, then "{date: "2024", title: ".
  CHECK(r.document->events.back().title_loc == SourceLoc{"facts.yaml", 2, 9 + 9999 * 29 + 22 + 1});
}

TEST_CASE("100,000 nested brackets stop at the depth limit" * doctest::timeout(60)) {
  const std::string open(100000, '[');
  // Each "[" opens one level, closed or not: the 33rd is too deep.
  const load::ParseResult r = parse(open);
  const Diagnostic d = only(r);
  CHECK(d.loc == SourceLoc{"facts.yaml", 1, 33});
  CHECK(d.message == "nesting deeper than 32 levels");
  const load::ParseResult closed = parse(open + std::string(100000, ']'));
  CHECK(only(closed).loc == SourceLoc{"facts.yaml", 1, 33});
  CHECK(only(closed).message == "nesting deeper than 32 levels");
  const load::ParseResult maps = parse(std::string(100000, '{'));
  CHECK(only(maps).message == "nesting deeper than 32 levels");
  check_positions(maps, std::string(100000, '{'));
}

TEST_CASE("1,000 nested block lists stop at the depth limit" * doctest::timeout(60)) {
  std::string text;
  for (std::size_t i = 0; i < 1000; ++i) text += std::string(i * 2, ' ') + "-\n";
  const load::ParseResult r = parse(text);
  CHECK(only(r).message == "nesting deeper than 32 levels");
  check_positions(r, text);
}

TEST_CASE("a 17 MiB input is rejected by size before parsing" * doctest::timeout(60)) {
  const std::string big = "title: a\n" + std::string(17u << 20, '#') + "\n";
  const load::ParseResult r = parse(big);
  const Diagnostic d = only(r);
  CHECK(d.loc == SourceLoc{"facts.yaml", 0, 0});  // about the whole input
  CHECK(d.message == "input is larger than 16 MiB");
  CHECK(d.hint == "fact files are small; put bulk data in a CSV file");
}

TEST_CASE("random binary buffers give diagnostics with positions, never a crash" * doctest::timeout(60)) {
  for (unsigned seed : {1u, 2u, 3u, 42u, 2024u, 65537u}) {
    CAPTURE(seed);
    std::mt19937 rng(seed);
    std::string bytes(4096, '\0');
    for (char& c : bytes) c = static_cast<char>(rng() & 0xFF);
    const load::ParseResult r = parse(bytes);
    CHECK_FALSE(r.document);
    CHECK_FALSE(r.diagnostics.empty());
    check_positions(r, bytes);
  }
}

TEST_CASE("random printable soups of YAML punctuation never crash" * doctest::timeout(120)) {
  const char* pieces[] = {"[", "]", "{", "}", ",", ": ", " ", "\n", "\n  ", "- ", "? ", "&a ", "*a", "!!str ",
                          "\"", "'", "\\", "#", "|", ">-", "---", "...", "%YAML 1.2\n", "title", "events",
                          "date", "2024-02-30", "가나", "\t", "\r\n", "x", "\\u12", "~", "<<"};
  constexpr std::size_t n = sizeof pieces / sizeof *pieces;
  for (unsigned seed = 0; seed < 300; ++seed) {
    CAPTURE(seed);
    std::mt19937 rng(seed);
    std::string text;
    const std::size_t len = rng() % 120;
    for (std::size_t i = 0; i < len; ++i) text += pieces[rng() % n];
    const load::ParseResult r = parse(text);  // checks that a document comes without errors
    check_positions(r, text);
  }
}

TEST_CASE("the sample cut at every 97th byte parses or gives diagnostics inside the file" * doctest::timeout(120)) {
  const std::string sample = sample_text();
  int parsed = 0, rejected = 0;
  for (std::size_t n = 0; n <= sample.size(); n += 97) {
    CAPTURE(n);
    const std::string cut = sample.substr(0, n);
    const load::ParseResult r = parse(cut);
    if (r.document) {
      ++parsed;
      CHECK_FALSE(r.diagnostics.has_errors());
    } else {
      ++rejected;
      CHECK_FALSE(r.diagnostics.empty());
      check_positions(r, cut);
    }
  }
  CHECK(parsed > 0);    // cuts inside the events list leave a shorter, valid file
  CHECK(rejected > 0);  // cuts before it, or inside a Hangul syllable, do not
}
