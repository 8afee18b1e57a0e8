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
  CHECK(d.message == "invalid YAML: end of sequence flow not found");
}

TEST_CASE("bad indentation is invalid YAML at the misplaced line") {
  CHECK(errors_of("title: a\nevents:\n  - title: b\n   date: \"2024\"\n") ==
        "4:4: invalid YAML: end of sequence not found\n");
  CHECK(errors_of("title: a\n  events: x\n") == "2:9: invalid YAML: illegal map value\n");
  CHECK(errors_of("title: a\n\tevents: x\n") == "2:1: invalid YAML: illegal tab when looking for indentation\n");
}

TEST_CASE("a YAML error after Korean text has a character column") {
  CHECK(errors_of("title: 가나다: 라\n" + kEvents) == "1:11: invalid YAML: illegal map value\n");
}

TEST_CASE("a bad escape in a quoted scalar is invalid YAML") {
  // yaml-cpp marks the character after the escape.
  CHECK(errors_of("title: \"a\\qb\"\n" + kEvents) == "1:12: invalid YAML: unknown escape character: q\n");
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

TEST_CASE("an alias to an anchor that was never defined is invalid YAML") {
  CHECK(errors_of("title: *nothing\n" + kEvents) == "1:8: invalid YAML: the referenced anchor is not defined\n");
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
  // yaml-cpp alone would start one empty document after another here, forever.
  const load::ParseResult r = parse("- a\n- b\n,\n");
  const Diagnostic d = only(r);
  CHECK(d.loc == SourceLoc{"facts.yaml", 3, 1});
  CHECK(d.message == "invalid YAML: unexpected \",\" after the end of the document");
  CHECK(d.hint == "remove it");
  CHECK(errors_of("{title: a, events: [{date: \"2024\", title: x}]},\n") ==
        "1:47: invalid YAML: unexpected \",\" after the end of the document\n");
  CHECK(errors_of(",") == "1:1: invalid YAML: unexpected \",\" after the end of the document\n");
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
  CHECK(title.mark().column == 7);  // a byte column, as yaml-cpp gives it
  const load::YamlNode events = load::NodeReader::value(root, "events");
  REQUIRE(events.is_sequence());
  REQUIRE(events.size() == 2);
  std::vector<load::YamlNode> items(events.items().begin(), events.items().end());
  REQUIRE(items.size() == 2);
  CHECK(items[0].is_map());
  CHECK(items[0].mark().line == 2);
  CHECK(items[0].mark().column == 4);
  // Quotes removed and escapes decoded, as yaml-cpp reads them.
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
