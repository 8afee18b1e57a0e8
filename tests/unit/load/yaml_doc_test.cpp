// YAML-level problems: syntax errors and the YAML features a fact file does not allow; and the
// tree the one pass builds (marks, scalars, order, nulls).
#include "load/yaml_doc.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "load/node_reader.hpp"
#include "load/source_text.hpp"

#include "load_fixture.hpp"

using namespace factline;
using namespace factline::load::test;

namespace {
const std::string kEvents = "events: [{date: \"2024\", title: x}]\n";
}

TEST_CASE("an unclosed bracket is invalid YAML with a position") {
  const load::ParseResult r = parse("title: a\nevents: [{date: \"2024\", title: x}\n");
  const Diagnostic d = only(r);
  CHECK(d.loc == SourceLoc{"facts.yaml", 3, 1});  // where the input ends without the "]"
  CHECK(d.message ==
        "invalid YAML: did not find expected ',' or ']' but the file ends (reading a flow sequence that starts at "
        "line 2, column 9)");
}

TEST_CASE("bad indentation is invalid YAML at the misplaced line") {
  CHECK(errors_of("title: a\nevents:\n  - title: b\n   date: \"2024\"\n") ==
        "4:4: invalid YAML: did not find expected '-' indicator but found \"date:\" (reading a block collection "
        "that starts at line 3, column 3)\n");
  CHECK(errors_of("title: a\n  events: x\n") == "2:9: invalid YAML: mapping values are not allowed in this context\n");
  const load::ParseResult tab = parse("title: a\n\tevents: x\n");
  CHECK(listed(tab) ==
        "2:1: invalid YAML: found a tab character that violates indentation (reading a plain scalar that starts "
        "at line 1, column 8)\n");
  CHECK(only(tab).hint == "YAML indents with spaces; replace the tab");
}

TEST_CASE("a YAML error after Korean text has a character column") {
  const load::ParseResult r = parse("title: 가나다: 라\n" + kEvents);
  CHECK(listed(r) == "1:11: invalid YAML: mapping values are not allowed in this context\n");
  CHECK(only(r).hint == "put text that holds \": \" in quotes; keys of one mapping line up under each other");
}

TEST_CASE("a bad escape in a quoted scalar is invalid YAML") {
  // At the backslash, the escape as written.
  CHECK(errors_of("title: \"a\\qb\"\n" + kEvents) ==
        "1:10: invalid YAML: found unknown escape character \"\\q\" (reading a quoted scalar that starts at line "
        "1, column 8)\n");
  // Input text in a message is escaped for the terminal.
  CHECK(errors_of("title: \"a\\\x1b\"\n" + kEvents).find('\x1b') == std::string::npos);
}

TEST_CASE("an unclosed quote is invalid YAML at the quote") {
  const load::ParseResult r = parse("title: a\nevents:\n  - {date: \"2024, title: x}\n  - {date: 2025, title: y}\n");
  CHECK(listed(r) == "3:12: invalid YAML: this quoted text is never closed\n");
  CHECK(only(r).hint == "add the closing quote");
}

TEST_CASE("a second YAML document is an error at its start") {
  const load::ParseResult r = parse("title: a\n" + kEvents + "---\ntitle: b\n");
  const Diagnostic d = only(r);
  CHECK(d.loc == SourceLoc{"facts.yaml", 3, 1});
  CHECK(d.message == "more than one YAML document in the file");
  CHECK(d.hint == "a fact file is one document; remove the extra \"---\"");
}

TEST_CASE("a single document with explicit start and end markers is fine") {
  CHECK(listed(parse("---\ntitle: a\n" + kEvents + "...\n")) == "");
}

TEST_CASE("anchors and aliases are errors at each use") {
  const load::ParseResult r = parse("title: &t 연표\nevents: [{date: \"2024\", title: *t}]\n");
  CHECK(listed(r) ==
        "1:8: anchors (&name) are not supported\n"
        "2:32: aliases (*name) are not supported\n");
  CHECK(r.diagnostics.items().front().hint == "write the value out in full");
  CHECK(errors_of("title: a\nevents:\n  - &e {date: \"2024\", title: x}\n  - *e\n") ==
        "3:5: anchors (&name) are not supported\n"
        "4:5: aliases (*name) are not supported\n");
}

TEST_CASE("an alias to an anchor that was never defined is an alias too") {
  CHECK(errors_of("title: *nothing\n" + kEvents) == "1:8: aliases (*name) are not supported\n");
}

TEST_CASE("explicit tags are errors, including the standard !!str") {
  const load::ParseResult r = parse("title: !!str 연표\nevents: [{date: !!str 2024, title: x}]\n");
  CHECK(listed(r) ==
        "1:8: explicit YAML tags are not supported\n"
        "2:17: explicit YAML tags are not supported\n");
  CHECK(r.diagnostics.items().front().hint == "remove the \"!\" tag");
  CHECK(errors_of("title: a\nevents: !!seq [{date: \"2024\", title: x}]\n") ==
        "2:9: explicit YAML tags are not supported\n");
  CHECK(errors_of("title: !local a\n" + kEvents) == "1:8: explicit YAML tags are not supported\n");
}

TEST_CASE("a merge key is just an unknown key") {
  CHECK(errors_of("title: a\n<<: {subtitle: b}\n" + kEvents) == "2:1: unknown key \"<<\" in the fact file\n");
}

TEST_CASE("nesting deeper than 32 levels is an error at the level that is too deep") {
  // The fact file's mapping is level 1, so the 32nd bracket opens level 33.
  const std::string deep = "title: a\n" + kEvents + "x: " + std::string(32, '[') + std::string(32, ']') + "\n";
  const load::ParseResult r = parse(deep);
  const Diagnostic d = only(r);
  CHECK(d.loc == SourceLoc{"facts.yaml", 3, 35});
  CHECK(d.message == "nesting deeper than 32 levels");
  CHECK(d.hint == "a fact file needs only a few levels");
  // 32 levels are allowed: what remains is the unknown key.
  const std::string ok = "title: a\n" + kEvents + "x: " + std::string(31, '[') + std::string(31, ']') + "\n";
  CHECK(errors_of(ok) == "3:1: unknown key \"x\" in the fact file\n");
}

TEST_CASE("deep block nesting is an error too") {
  std::string text = "title: a\n" + kEvents;
  for (int i = 0; i < 40; ++i) text += std::string(static_cast<std::size_t>(i) * 2, ' ') + "k:\n";
  // The first k: is a key of the fact file (level 1) whose value, the mapping on the next line,
  // is level 2; so the mapping of the 33rd k: line (line 35, indented 64) is level 33.
  CHECK(errors_of(text) == "35:65: nesting deeper than 32 levels\n");
}

TEST_CASE("an empty file is an error at its start") {
  const load::ParseResult r = parse("");
  const Diagnostic d = only(r);
  CHECK(d.loc == SourceLoc{"facts.yaml", 1, 1});
  CHECK(d.message == "the fact file is empty");
  CHECK(d.hint == "start with a title: and an events: list");
  CHECK(errors_of("\n\n   \n") == "1:1: the fact file is empty\n");
  CHECK(errors_of("\xEF\xBB\xBF") == "1:1: the fact file is empty\n");
}

TEST_CASE("a file that is only comments is empty") {
  CHECK(errors_of("# 연표 초안\n# 아직 비어 있음\n") == "1:1: the fact file is empty\n");
  CHECK(errors_of("---\n# 연표\n") == "1:1: the fact file is empty\n");
}

TEST_CASE("a stray comma after the document is invalid YAML at the comma" * doctest::timeout(20)) {
  // A block list's items start with "-".
  const load::ParseResult r = parse("- a\n- b\n,\n");
  const Diagnostic d = only(r);
  CHECK(d.loc == SourceLoc{"facts.yaml", 3, 1});
  CHECK(d.message ==
        "invalid YAML: did not find expected '-' indicator but found \",\" (reading a block collection that starts "
        "at line 1, column 1)");
  // After a flow collection that is the whole document.
  const load::ParseResult flow = parse("{title: a, events: [{date: \"2024\", title: x}]},\n");
  CHECK(listed(flow) == "1:47: invalid YAML: unexpected \",\" after the end of the document\n");
  CHECK(only(flow).hint == "remove it");
  CHECK(errors_of("[a]]") == "1:4: invalid YAML: unexpected \"]\" after the end of the document\n");
  CHECK(errors_of(",") == "1:1: invalid YAML: did not find expected node content but found \",\" (reading a block node)\n");
}

TEST_CASE("text after an explicit document end is a second document") {
  CHECK(errors_of("title: a\n" + kEvents + "...\ntitle: b\n") == "4:1: more than one YAML document in the file\n");
}

namespace {

// The keys of a mapping, in the order written.
std::vector<std::string> keys_of(const load::YamlNode& map) {
  std::vector<std::string> out;
  for (const auto& [k, v] : map.entries()) out.emplace_back(k.scalar());
  return out;
}

}  // namespace

TEST_CASE("the tree holds mappings, lists and scalars in the order written, with their marks") {
  const load::SourceText src("title: 연표\nevents:\n  - {date: \"2024\", title: 'a''b'}\n  - [x, y]\n", "t.yaml");
  Diagnostics out;
  load::YamlDoc doc;
  REQUIRE(load::read_yaml(src, out, doc));
  CHECK(out.items().empty());
  const load::YamlNode root = doc.root();
  REQUIRE(root.is_map());
  CHECK(root.size() == 2);
  CHECK(keys_of(root) == std::vector<std::string>{"title", "events"});
  const load::YamlNode title = load::NodeReader::value(root, "title");
  CHECK(title.is_scalar());
  CHECK(title.scalar() == "연표");
  CHECK(title.mark().line == 0);
  CHECK(title.mark().column == 7);  // a byte column, though libyaml counts characters
  const load::YamlNode events = load::NodeReader::value(root, "events");
  REQUIRE(events.is_sequence());
  REQUIRE(events.size() == 2);
  std::vector<load::YamlNode> items(events.items().begin(), events.items().end());
  REQUIRE(items.size() == 2);
  CHECK(items[0].is_map());
  CHECK(items[0].mark().line == 2);
  CHECK(items[0].mark().column == 4);
  // Quotes removed and escapes decoded.
  CHECK(load::NodeReader::value(items[0], "title").scalar() == "a'b");
  CHECK(items[1].is_sequence());
  CHECK(items[1].size() == 2);
  CHECK((*items[1].items().begin()).scalar() == "x");
  // A scalar node is no container, and a container has no text.
  CHECK(title.size() == 0);
  CHECK(title.items().begin() == title.items().end());
  CHECK(events.scalar().empty());
}

TEST_CASE("the tree keeps a repeated key each time and tells nulls from text") {
  const load::SourceText src("a: 1\nb:\na: ~\nc: null\nd: \"null\"\ne: ''\n", "t.yaml");
  Diagnostics out;
  load::YamlDoc doc;
  REQUIRE(load::read_yaml(src, out, doc));
  const load::YamlNode root = doc.root();
  CHECK(keys_of(root) == std::vector<std::string>{"a", "b", "a", "c", "d", "e"});
  std::vector<load::YamlNode> values;
  for (const auto& [k, v] : root.entries()) values.push_back(v);
  CHECK(values[0].scalar() == "1");
  CHECK(values[1].is_null());
  CHECK(values[2].is_null());
  CHECK(values[3].is_null());
  CHECK(values[4].is_scalar());  // quoted: text, not null
  CHECK(values[4].scalar() == "null");
  CHECK(values[5].is_scalar());
  CHECK(values[5].scalar().empty());
  // Lookups find the first of a repeated key; an absent key gives no node.
  CHECK(load::NodeReader::value(root, "a") == values[0]);
  CHECK(!load::NodeReader::value(root, "z").defined());
  CHECK(!load::NodeReader::value(root, "z").is_null());
  CHECK(load::NodeReader::value(root, "z").mark().line == -1);
}

TEST_CASE("a quoted scalar's text starts past its quote, a plain one's at its mark") {
  const load::SourceText src("a: \"x\"\nb: 'y'\nc: z\n", "t.yaml");
  Diagnostics out;
  load::YamlDoc doc;
  REQUIRE(load::read_yaml(src, out, doc));
  const load::NodeReader read(src, out);
  CHECK(read.loc(load::NodeReader::value(doc.root(), "a")) == SourceLoc{"t.yaml", 1, 4});
  CHECK(read.text_loc(load::NodeReader::value(doc.root(), "a")) == SourceLoc{"t.yaml", 1, 5});
  CHECK(read.text_loc(load::NodeReader::value(doc.root(), "b")) == SourceLoc{"t.yaml", 2, 5});
  CHECK(read.text_loc(load::NodeReader::value(doc.root(), "c")) == SourceLoc{"t.yaml", 3, 4});
}

TEST_CASE("the one pass refuses what the scan refused and then gives no tree") {
  for (const char* text : {"a: &x 1\n", "a: !!str 1\n", "a: 1\n---\nb: 2\n", "a: [1\n", "# only a comment\n"}) {
    CAPTURE(text);
    const load::SourceText src(text, "t.yaml");
    Diagnostics out;
    load::YamlDoc doc;
    CHECK(!load::read_yaml(src, out, doc));
    CHECK(out.has_errors());
    CHECK(!doc.root().defined());
  }
  const std::string deep = std::string(33, '[') + std::string(33, ']');
  const load::SourceText src(deep, "t.yaml");
  Diagnostics out;
  load::YamlDoc doc;
  CHECK(!load::read_yaml(src, out, doc));
  CHECK(located(out) == "t.yaml:1:33: nesting deeper than 32 levels\n");
}

TEST_CASE("U+2028 and U+2029 are text, not line breaks, and U+FFFE reaches the text checks") {
  const load::SourceText src("a: x\u2028y \u2029 z\nb: \"p\u2028q\"\nc: 1\n", "t.yaml");
  Diagnostics out;
  load::YamlDoc doc;
  REQUIRE(load::read_yaml(src, out, doc));
  CHECK(load::NodeReader::value(doc.root(), "a").scalar() == "x\u2028y \u2029 z");
  CHECK(load::NodeReader::value(doc.root(), "b").scalar() == "p\u2028q");
  CHECK(load::NodeReader::value(doc.root(), "c").mark().line == 2);
  CHECK(load::NodeReader::value(doc.root(), "c").mark().column == 3);
  // A file that holds the stand-ins itself is read as libyaml reads it.
  const load::SourceText both("a: \uFDD0x\u2028y\n", "t.yaml");
  load::YamlDoc other;
  Diagnostics none;
  CHECK(!load::read_yaml(both, none, other));
  CHECK(none.has_errors());
}

TEST_CASE("marks are byte columns of the source's lines, after a BOM, CRLF and tabs") {
  const load::SourceText src("\xEF\xBB\xBFtitle:\t\"연표\"\r\nevents:\r\n  - \"가\":\t나\r\n", "t.yaml");
  Diagnostics out;
  load::YamlDoc doc;
  REQUIRE(load::read_yaml(src, out, doc));
  const load::YamlNode title = load::NodeReader::value(doc.root(), "title");
  CHECK(title.scalar() == "연표");
  CHECK(title.mark().line == 0);
  CHECK(title.mark().column == 7);
  const load::YamlNode item = *load::NodeReader::value(doc.root(), "events").items().begin();
  const auto [key, value] = *item.entries().begin();
  CHECK(key.mark().line == 2);
  CHECK(key.mark().column == 4);
  CHECK(value.scalar() == "나");
  CHECK(value.mark().column == 4 + 5 + 2);  // "가" is 3 bytes, then quote, colon, tab
}

TEST_CASE("scalars are text: nothing is typed, and the non-specific tag is allowed") {
  const load::SourceText src("a: yes\nb: 0x10\nc: ! null\nd: 'null'\ne: NULL\nf: |\n  x\n  y\ng: >\n  x\n  y\n", "t.yaml");
  Diagnostics out;
  load::YamlDoc doc;
  REQUIRE(load::read_yaml(src, out, doc));
  CHECK(load::NodeReader::value(doc.root(), "a").scalar() == "yes");
  CHECK(load::NodeReader::value(doc.root(), "b").scalar() == "0x10");
  CHECK(load::NodeReader::value(doc.root(), "c").scalar() == "null");
  CHECK(load::NodeReader::value(doc.root(), "d").scalar() == "null");
  CHECK(load::NodeReader::value(doc.root(), "e").is_null());
  CHECK(load::NodeReader::value(doc.root(), "f").scalar() == "x\ny\n");
  CHECK(load::NodeReader::value(doc.root(), "g").scalar() == "x y\n");
}
