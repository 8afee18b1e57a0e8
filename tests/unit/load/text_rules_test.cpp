// What text may hold, after YAML's escapes are decoded: every kind of character refused, where
// the error points, titles that show nothing, and the fields of every kind of input.
#include "load/text_rules.hpp"

#include <doctest/doctest.h>

#include <string>

#include "load/parse.hpp"
#include "load/template.hpp"
#include "load_fixture.hpp"

using namespace factline;
using namespace factline::load::test;
using load::TextKind;

namespace {

// The message of check_text's problem, or "" when there is none.
std::string problem(std::string_view text, TextKind kind = TextKind::Line) {
  const auto p = load::check_text(text, kind, "\"title\"");
  return p ? p->message : std::string();
}

}  // namespace

TEST_CASE("text holds no control characters, noncharacters or bidi controls; line breaks only where allowed") {
  CHECK(problem("plain 한국어 text, emoji 🙂, a no-break\u00A0space, a zero\u200Bwidth space") == "");
  CHECK(problem(std::string("a\0b", 3)) == "control character U+0000 in \"title\"");
  CHECK(problem("a\x04") == "control character U+0004 in \"title\"");
  CHECK(problem("\x1b[31m") == "control character U+001B in \"title\"");
  CHECK(problem("\x7f") == "control character U+007F in \"title\"");
  CHECK(problem("\u0085") == "control character U+0085 in \"title\"");
  CHECK(problem("\u009b") == "control character U+009B in \"title\"");
  CHECK(problem("a\r") == "control character U+000D in \"title\"");
  for (const char* nonchar : {"\uFFFE", "\uFFFF", "\U0001FFFE", "\U0010FFFF", "\uFDD0", "\uFDEF"})
    CHECK(problem(nonchar).starts_with("noncharacter U+"));
  CHECK(problem("\uFDCF\uFDF0") == "");  // just outside U+FDD0–U+FDEF
  for (const char* bidi : {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"})
    CHECK(problem(bidi).starts_with("bidirectional control U+"));
  CHECK(problem("\u200E\u200F\u061C") == "");  // marks are kept: they order, they do not override
  CHECK(problem("a\xff") == "invalid UTF-8 in \"title\"");
  CHECK(problem("\xed\xa0\x80") == "invalid UTF-8 in \"title\"");  // a lone surrogate, encoded
  CHECK(problem("a\nb") == "line break in \"title\"");
  CHECK(problem("a\u2028b") == "line break in \"title\"");
  CHECK(problem("a\tb") == "tab in \"title\"");
  CHECK(problem("a\nb\u2029c\td", TextKind::Lines) == "");
  CHECK(problem("a\n\x1b", TextKind::Lines) == "control character U+001B in \"title\"");
  CHECK(load::check_text("ab\x04", TextKind::Line, "x")->offset == 2);
}

TEST_CASE("a grapheme cluster holds at most 32 code points: a base and 31 marks") {
  std::string marks;
  for (int i = 0; i < 31; ++i) marks += "\u0301";
  CHECK(problem("e" + marks) == "");
  CHECK(problem("e" + marks + "\u0301") == "a character with more than 31 combining marks in \"title\"");
  CHECK(load::check_text("ab" + marks + "\u0301", TextKind::Line, "x")->offset == 1);  // at the base
  std::string many;
  for (int i = 0; i < 100; ++i) many += "e\u0301\u0302";  // many short clusters are fine
  CHECK(problem(many) == "");
  // What real text stacks: Vietnamese, Hangul jamo, Devanagari, an emoji ZWJ family with a skin tone.
  CHECK(problem("Việt 한국어 \u1100\u1161\u11A8 क्षि \U0001F468\U0001F3FD\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466") == "");
  // Joiners, Hangul vowels and variation selectors count too.
  std::string jamo = "\u1100";
  for (int i = 0; i < 40; ++i) jamo += "\u1161";
  CHECK(problem(jamo).starts_with("a character with more than"));
  std::string zwj = "\U0001F468";
  for (int i = 0; i < 20; ++i) zwj += "\u200D\U0001F468";
  CHECK(problem(zwj).starts_with("a character with more than"));
  // Hangul syllables joined by zero-width joiners are one cluster too (they skip the mark search
  // only when nothing joins them), counted from the first syllable.
  std::string joined = "가";
  for (int i = 0; i < 15; ++i) joined += "\u200D각";
  CHECK(problem(joined) == "");  // 31 code points
  CHECK(load::check_text("한 " + joined + "\u200D각", TextKind::Line, "x")->offset == 4);
  std::string syllables;
  for (int i = 0; i < 100; ++i) syllables += "한\u200C";  // a non-joiner ends each cluster's run
  CHECK(problem(syllables) == "");
}

TEST_CASE("text that shows nothing: spaces, no-break and zero-width spaces, fillers") {
  for (const char* empty : {"", " \t\n", "\u00A0", "\u200B\u200C\u200D", "\u2060\uFEFF", "\u3000", "\u3164", "\u115F\u1160",
                            "\uFE0F", "\u2800", "\u00AD", "\U000E0020"})
    CHECK_MESSAGE(load::looks_empty(empty), empty);
  for (const char* shown : {"a", " .", "\u200Bx", "가", "\u1680"}) CHECK_MESSAGE(!load::looks_empty(shown), shown);
  CHECK(load::first_invisible(" \u200B") == 0x200B);
}

TEST_CASE("a fact file's strings are checked after decoding, the error at the character when the source spells it") {
  CHECK(errors_of("title: \"\\uFFFF\"\nevents: [{date: 2024, title: x}]\n") ==
        "1:9: noncharacter U+FFFF in \"title\"\n");
  // Written out (not escaped), the character itself is pointed at.
  CHECK(errors_of("title: 연표 \uFFFE 끝\nevents: [{date: 2024, title: x}]\n") ==
        "1:11: noncharacter U+FFFE in \"title\"\n");
  // After an escape the columns of the source and the text differ: the string's start.
  CHECK(errors_of("title: \"\\u00e9\\uFFFE\"\nevents: [{date: 2024, title: x}]\n") ==
        "1:9: noncharacter U+FFFE in \"title\"\n");
  CHECK(errors_of(std::string(kHead) + "  - {date: 2024, title: \"\\N\"}\n") ==
        "3:26: control character U+0085 in \"title\"\n");
  CHECK(errors_of(std::string(kHead) + "  - {date: 2024, title: \"\\u200B\\u00A0\"}\n") ==
        "3:25: \"title\" shows nothing: it holds only invisible characters, such as U+200B\n");
  CHECK(errors_of("title: \"\\_\"\nevents: [{date: 2024, title: x}]\n") ==
        "1:8: \"title\" shows nothing: it holds only invisible characters, such as U+00A0\n");
  // One-line fields take no line break; titles, the note and an event's text may.
  CHECK(errors_of("title: t\nsource: \"a\\nb\"\nevents: [{date: 2024, title: x}]\n") ==
        "2:11: line break in \"source\"\n");
  CHECK(errors_of("title: t\ngroups: [{id: \"a\\tb\"}]\nevents: [{date: 2024, title: x}]\n") ==
        "2:17: tab in \"id\"\n");
  const load::ParseResult ok = parse("title: \"two\\nlines\"\nnote: \"a\\nb\"\nevents: [{date: 2024, title: \"x\\_y\", text: \"p\\tq\\nr\"}]\n");
  REQUIRE(ok.document);
  CHECK(ok.document->events[0].title == "x\u00A0y");
}

TEST_CASE("chart strings and the CSV cells that become labels follow the same rules") {
  CHECK(errors_of("title: t\nchart: {type: bar, x: k, series: [\"v\\e\"], rows: [{k: a, v: 1}]}\n") ==
        "2:37: control character U+001B in a series\n");
  CHECK(errors_of("title: t\nchart: {type: bar, x: k, series: [v], y_title: \"\\u202Ex\", rows: [{k: a, v: 1}]}\n") ==
        "2:49: bidirectional control U+202E in \"y_title\"\n");
  const TempDir dir;
  dir.write("data/d.csv", "k,v\nok,1\nbad\x04one,2\n\"\u200B\",3\n");
  const load::ParseResult r = parse("title: t\nchart: {type: bar, data: data/d.csv, x: k, series: [v]}\n", dir.file("facts.yaml"));
  CHECK(listed(r) == "3:4: control character U+0004 in the x value\n4:1: the x value is empty\n");
}

TEST_CASE("a template's text follows the rules; a listed description that breaks them is left out") {
  const TempDir dir;
  dir.write("looks/odd.yaml", "description: \"odd\\e[2J\"\nextends: news\ntext: {family: \"Pretendard\\u202E\"}\n");
  const load::ParseResult r =
      load::parse_document("title: t\ntemplate: looks/odd.yaml\nevents: [{date: 2024, title: x}]\n",
                           dir.file("facts.yaml"), {{FACTLINE_SOURCE_DIR "/templates"}, {}});
  CHECK(listed(r) == "1:18: control character U+001B in \"description\"\n3:27: bidirectional control U+202E in \"family\"\n");
  const auto listed_templates = load::list_templates({dir.file("looks")});
  REQUIRE(listed_templates.size() == 1);
  CHECK(listed_templates[0].description.empty());
}
