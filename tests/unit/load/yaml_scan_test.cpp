// YAML-level problems: syntax errors and the YAML features a fact file does not allow.
#include "load/yaml_scan.hpp"

#include <doctest/doctest.h>

#include <string>

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
