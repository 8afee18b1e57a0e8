// The bytes of a fact file: encoding checks before YAML sees them, and positions in characters.
#include "load/source_text.hpp"

#include <doctest/doctest.h>

#include <string>
#include <utility>

#include "core/utf8.hpp"

#include "load_fixture.hpp"

using namespace factline;
using namespace factline::load::test;

namespace {

const std::string kEvents = "events: [{date: \"2024\", title: x}]\n";

// True when no message or hint has a byte a terminal would act on.
bool printable(const load::ParseResult& r) {
  for (const Diagnostic& d : r.diagnostics.items())
    for (const std::string* s : {&d.message, &d.hint})
      for (unsigned char c : *s)
        if (c < 0x20 || c == 0x7F) return false;
  return true;
}

}  // namespace

TEST_CASE("columns count characters, not bytes, after Korean text on the same line") {
  // In bytes the misspelt key would be at column 24: each Hangul syllable is three bytes.
  CHECK(errors_of("title: 연표\nevents:\n  - {title: 가나다, stauts: planned, date: \"2024\"}\n") ==
        "3:18: unknown key \"stauts\" in an event — did you mean \"status\"?\n");
  CHECK(errors_of("title: 연표\nevents: [{title: 한국어 제목, date: 2024-02-30}]\n") ==
        "2:40: February 2024 has 29 days, not 30\n");
  CHECK(errors_of("title: 연표\nevents: [{title: \"😀 이모지\", date: \"2024\", group: 없음}]\n") ==
        "2:48: no group has the id \"없음\"\n");
}

TEST_CASE("positions stay right on a very long line full of Korean text") {
  std::string line = "events: [";
  for (int i = 0; i < 2000; ++i) line += "{title: 가나다라마바사, date: \"2024\"}, ";
  line += "{title: 끝, date: 2024-13}]\n";
  // 9 + 2000 × 32 characters, then "{title: 끝, date: " and the month, 5 into the value.
  const int value_col = 9 + 2000 * 32 + 17 + 1;
  CHECK(errors_of("title: a\n" + line) ==
        "2:" + std::to_string(value_col + 5) + ": month 13 is out of range (1–12)\n");
}

TEST_CASE("invalid UTF-8 is an error at the line and column of the bad byte") {
  const load::ParseResult r = parse("title: 가나\xFF다\n" + kEvents);
  const Diagnostic d = only(r);
  CHECK(d.loc == SourceLoc{"facts.yaml", 1, 10});
  CHECK(d.message == "invalid UTF-8 byte sequence");
  CHECK(d.hint == "save the file as UTF-8");
  // A sequence cut short, an overlong encoding and an encoded surrogate.
  CHECK(errors_of("title: a\nevents: [{title: 한\xE2\x82, date: \"2024\"}]\n") ==
        "2:19: invalid UTF-8 byte sequence\n");
  CHECK(errors_of("title: \xC0\xAF\n" + kEvents) == "1:8: invalid UTF-8 byte sequence\n");
  CHECK(errors_of("title: \xED\xA0\x80\n" + kEvents) == "1:8: invalid UTF-8 byte sequence\n");
}

TEST_CASE("a literal replacement character is valid text") {
  CHECK(parse("title: \xEF\xBF\xBD\n" + kEvents).document);
}

TEST_CASE("a NUL byte is an error at its position") {
  std::string text = "title: a\nsubtitle: b\nsource: c";
  text += '\0';
  text += "d\n" + kEvents;
  const load::ParseResult r = parse(text);
  const Diagnostic d = only(r);
  CHECK(d.loc == SourceLoc{"facts.yaml", 3, 10});
  CHECK(d.message == "NUL byte in the input");
  CHECK(d.hint == "remove it; fact files are plain text");
}

TEST_CASE("an escape character is an error and never reaches a message raw") {
  const load::ParseResult r = parse("title: a\nsubtitle: \x1B[31m빨강\n" + kEvents);
  const Diagnostic d = only(r);
  CHECK(d.loc == SourceLoc{"facts.yaml", 2, 11});
  CHECK(d.message == "control character U+001B in the input");
  CHECK(printable(r));
}

TEST_CASE("DEL and C1 control characters are errors too") {
  CHECK(errors_of("title: a\x7F\n" + kEvents) == "1:9: control character U+007F in the input\n");
  // U+009B is the one-character CSI: "[31m" after it colours some terminals.
  CHECK(errors_of("title: 가\xC2\x9B[31m\n" + kEvents) == "1:9: control character U+009B in the input\n");
  // U+0085 (NEL) is a line break to some YAML readers, which would shift line numbers.
  CHECK(errors_of("title: a\xC2\x85" "b\n" + kEvents) == "1:9: control character U+0085 in the input\n");
}

TEST_CASE("tabs and CRLF line endings are not control-character errors") {
  const load::ParseResult r = parse("title:\ta\r\nevents:\r\n  - {date: \"2024\", title: x}\r\n");
  CHECK(listed(r) == "");
  REQUIRE(r.document);
  CHECK(r.document->title == "a");
}

TEST_CASE("the sample with CRLF line endings parses the same, errors at the same places") {
  std::string crlf;
  for (char c : sample_text()) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  const load::ParseResult r = parse(crlf);
  CHECK(listed(r) == "");
  REQUIRE(r.document);
  CHECK(r.document->events.size() == 8);
  CHECK(errors_of("title: a\r\nevents:\r\n  - {date: 2023-02-29, title: x}\r\n") ==
        "3:20: February 2023 has 28 days, not 29\n");
}

TEST_CASE("control characters that YAML escapes put into values are errors at the value; keys quoted escaped") {
  // YAML escapes put control characters into values without putting them in the bytes.
  const std::string text =
      "title: \"\\e[2J\"\n"
      "locale: \"\\e[31m\"\n"
      "groups:\n"
      "  - {id: \"\\e\", color: \"\\e[0m\"}\n"
      "  - {id: \"\\e\"}\n"
      "events:\n"
      "  - {date: \"\\e2024\", title: x, status: \"\\e[1m\", group: \"\\u009b\", \"\\u202e\": 1}\n";
  const load::ParseResult r = parse(text);
  CHECK(listed(r) ==
        "1:9: control character U+001B in \"title\"\n"
        "2:10: control character U+001B in \"locale\"\n"
        "4:11: control character U+001B in \"id\"\n"
        "5:11: control character U+001B in \"id\"\n"
        "7:13: control character U+001B in \"date\"\n"
        "7:41: control character U+001B in \"status\"\n"
        "7:57: control character U+009B in \"group\"\n"
        "7:66: unknown key \"\\u{202E}\" in an event\n");
  CHECK(printable(r));
}

TEST_CASE("long user text in a message is cut short") {
  const std::string key(300, 'k');
  CHECK(errors_of("title: a\n" + key + ": 1\n" + kEvents) ==
        "2:1: unknown key \"" + std::string(80, 'k') + "…\" in the fact file\n");
}

TEST_CASE("a UTF-8 byte order mark is accepted and is not a column") {
  const load::ParseResult r = parse("\xEF\xBB\xBF" + sample_text());
  CHECK(listed(r) == "");
  REQUIRE(r.document);
  CHECK(r.document->events.size() == 8);
  CHECK(errors_of("\xEF\xBB\xBFtitel: a\n" + kEvents) ==
        "1:1: unknown key \"titel\" in the fact file — did you mean \"title\"?\n");
}

TEST_CASE("a carriage return alone is an error at it; CRLF is a line end") {
  CHECK(errors_of("title: a\rb\nevents: [{date: \"2024\", title: x}]\n") ==
        "1:9: carriage return without a line feed\n");
  CHECK(errors_of("# old Mac\rtitle: a\r") == "1:10: carriage return without a line feed\n");
  CHECK(listed(parse("title: a\r\nevents: [{date: \"2024\", title: x}]\r\n")) == "");
}

TEST_CASE("byte columns map to character columns") {
  const load::SourceText src("가나다 abc\n\n한\n", "f.yaml");
  CHECK(src.loc(0, 0) == SourceLoc{"f.yaml", 1, 1});
  CHECK(src.loc(0, 9) == SourceLoc{"f.yaml", 1, 4});   // the space after three syllables
  CHECK(src.loc(0, 11) == SourceLoc{"f.yaml", 1, 6});
  CHECK(src.loc(1, 0) == SourceLoc{"f.yaml", 2, 1});
  CHECK(src.loc(2, 3) == SourceLoc{"f.yaml", 3, 2});
  CHECK(src.loc_at_offset(13) == SourceLoc{"f.yaml", 1, 8});  // the line break
  CHECK(src.loc_at_offset(18) == SourceLoc{"f.yaml", 3, 2});
  // Past the end of a line (a mark at the end of input can be): clamped to the text.
  CHECK(src.loc(2, 50) == SourceLoc{"f.yaml", 3, 3});
  CHECK(src.loc(-1, -1) == SourceLoc{"f.yaml", 0, 0});
}

namespace {

// 300 characters over lines of one to four bytes each; ill-formed, with stray, truncated and
// impossible bytes among them (positions still count characters as utf8::next steps them).
std::string mixed_text(bool ill_formed) {
  std::string text;
  for (int i = 0; i < 300; ++i) {
    text += i % 7 == 0 ? "\n" : i % 3 == 0 ? "가" : i % 5 == 0 ? "😀" : "a";
    if (ill_formed && i % 11 == 0) text += i % 2 ? "\x80" : i % 3 ? "\xE3\x81" : "\xFF";
  }
  return text;
}

}  // namespace

TEST_CASE("libyaml's character indexes map to byte offsets, and offsets to lines and byte columns") {
  for (const bool ill_formed : {false, true}) {
    CAPTURE(ill_formed);
    const std::string text = mixed_text(ill_formed);
    const load::SourceText src(text, "f");
    std::size_t chars = 0;
    int line = 0, column = 0;
    for (std::size_t i = 0; i < text.size(); ++chars) {
      CHECK(src.offset_of_char(chars) == i);
      CHECK(src.line_and_column(i) == std::pair(line, column));
      const std::size_t at = i;
      utf8::next(text, i);
      if (text[at] == '\n') ++line, column = 0;
      else column += static_cast<int>(i - at);
    }
    CHECK(src.offset_of_char(chars) == text.size());
    CHECK(src.offset_of_char(chars + 10) == text.size());
  }
  CHECK(load::SourceText("", "f").offset_of_char(3) == 0);
}

TEST_CASE("character columns agree with counting from the line start at every character of a long text") {
  for (const bool ill_formed : {false, true}) {
    CAPTURE(ill_formed);
    const std::string text = mixed_text(ill_formed);
    const load::SourceText src(text, "f");
    int line = 1, col = 1;
    for (std::size_t i = 0; i < text.size();) {
      CHECK(src.loc_at_offset(i) == SourceLoc{"f", line, col});
      const bool line_end = text[i] == '\n';
      utf8::next(text, i);
      if (line_end) ++line, col = 1;
      else ++col;
    }
  }
}
