// The load stage on well-formed YAML: the sample, and every kind of content mistake, each with
// its exact message and line:column.
#include "load/parse.hpp"

#include <doctest/doctest.h>

#include <string>

#include "load_fixture.hpp"

using namespace factline;
using namespace factline::load::test;
using calendar::Date;
using calendar::Precision;

TEST_CASE("the sample parses with no diagnostics into eight events in three groups") {
  const load::ParseResult r = parse(sample_text(), "samples/ai-chip-race.yaml");
  CHECK(listed(r) == "");
  REQUIRE(r.document);
  const model::Document& doc = *r.document;
  CHECK(doc.file == "samples/ai-chip-race.yaml");
  CHECK(doc.title == "미·중 AI 반도체 전쟁, 어디까지 왔나");
  CHECK(doc.title_loc == SourceLoc{"samples/ai-chip-race.yaml", 3, 8});
  CHECK(doc.source == "중앙일보");
  CHECK(doc.credit == "그래픽=factline");
  CHECK(doc.locale == Locale::Ko);

  REQUIRE(doc.groups.size() == 3);
  CHECK(doc.groups[0].id == "us");
  CHECK(doc.groups[0].label == "미국 정부");
  CHECK_FALSE(doc.groups[0].color.has_value());
  CHECK(doc.groups[1].id == "china");
  CHECK(doc.groups[2].id == "company");

  REQUIRE(doc.events.size() == 8);
  CHECK(doc.events[0].title == "미국, 중국에 AI용 GPU 수출 금지");
  CHECK(doc.events[0].group == 0);
  CHECK(doc.events[0].loc == SourceLoc{"samples/ai-chip-race.yaml", 19, 5});
  CHECK(doc.events[0].title_loc == SourceLoc{"samples/ai-chip-race.yaml", 21, 12});
  CHECK(doc.events[1].source == "SCMP");
  CHECK(doc.events[4].group == 2);
  CHECK(doc.events[7].title == "화웨이 어센드 910C 출시");
  CHECK(doc.events[7].group == 1);
  // Nothing sets a status: the two events after as_of (2024-06-30) are planned by default.
  CHECK(doc.as_of == Date{2024, 6, 30, Precision::Day});
  CHECK(doc.events[6].status == model::Status::Planned);
  CHECK(doc.events[7].status == model::Status::Planned);
  for (std::size_t i = 0; i < 6; ++i) CHECK(doc.events[i].status == model::Status::Confirmed);
}

TEST_CASE("the sample's dates keep the precision they were written with") {
  const load::ParseResult r = parse(sample_text());
  REQUIRE(r.document);
  const auto& ev = r.document->events;
  REQUIRE(ev.size() == 8);
  CHECK(ev[0].date == Date{2022, 1, 1, Precision::Year});   // "2022", quoted
  CHECK(ev[1].date == Date{2023, 1, 1, Precision::Year});
  CHECK(ev[2].date == Date{2023, 10, 1, Precision::Month});  // 2023-10
  CHECK(ev[3].date == Date{2024, 2, 1, Precision::Month});
  CHECK(ev[4].date == Date{2024, 6, 24, Precision::Day});    // 2024-06-24
  CHECK(ev[5].date == Date{2024, 6, 27, Precision::Day});
  CHECK(ev[6].date == Date{2024, 7, 1, Precision::Month});
  CHECK(ev[7].date == Date{2024, 9, 1, Precision::Month});
}

TEST_CASE("a file with several mistakes gets one diagnostic per mistake, all in one run") {
  const std::string text =
      "title: 반도체 연표\n"                 // 1
      "events:\n"                            // 2
      "  - date: 2024-01-15\n"               // 3
      "    titel: 첫 사건\n"                  // 4  misspelt key
      "  - date: 2024-02-30\n"               // 5  impossible date
      "    title: 둘째 사건\n"                // 6
      "  - date: 2024-03\n"                  // 7
      "    title: [셋째, 사건]\n"             // 8  a list where text is expected
      "  - date: 2024-04\n"                  // 9
      "    title: 넷째 사건\n"                // 10
      "    text: 하나\n"                      // 11
      "    text: 둘\n";                       // 12 duplicate key
  const load::ParseResult r = parse(text);
  CHECK_FALSE(r.document);
  CHECK(listed(r) ==
        "4:5: unknown key \"titel\" in an event — did you mean \"title\"?\n"
        "5:19: February 2024 has 29 days, not 30\n"
        "8:12: \"title\" must be text, not a list\n"
        "12:5: duplicate key \"text\" in an event\n");
  for (const Diagnostic& d : r.diagnostics.items()) {
    CHECK(d.severity == Severity::Error);
    CHECK(d.loc.file == "facts.yaml");
  }
}

TEST_CASE("a duplicate key says how to fix it") {
  const load::ParseResult r = parse("title: a\ntitle: b\nevents: [{date: \"2024\", title: x}]\n");
  const Diagnostic d = only(r);
  CHECK(d.loc == SourceLoc{"facts.yaml", 2, 1});
  CHECK(d.message == "duplicate key \"title\" in the fact file");
  CHECK(d.hint == "each key may appear once; remove one of them");
}

TEST_CASE("an unknown top-level key is an error with a suggestion when it is a likely typo") {
  CHECK(errors_of("title: a\nsubtitel: b\nevents: [{date: \"2024\", title: x}]\n") ==
        "2:1: unknown key \"subtitel\" in the fact file — did you mean \"subtitle\"?\n");
  CHECK(errors_of("title: a\nlocael: ko\nevents: [{date: \"2024\", title: x}]\n") ==
        "2:1: unknown key \"locael\" in the fact file — did you mean \"locale\"?\n");
  CHECK(errors_of("title: a\nauthor: b\nevents: [{date: \"2024\", title: x}]\n") ==
        "2:1: unknown key \"author\" in the fact file\n");
}

TEST_CASE("a misspelt required key is reported once, not also as missing") {
  CHECK(errors_of("titel: a\nevents: [{date: \"2024\", title: x}]\n") ==
        "1:1: unknown key \"titel\" in the fact file — did you mean \"title\"?\n");
  CHECK(errors_of("title: a\nevents: [{dat: \"2024\", title: x}]\n") ==
        "2:11: unknown key \"dat\" in an event — did you mean \"date\"?\n");
}

TEST_CASE("a key is not suggested when the mapping already has it") {
  CHECK(errors_of("title: a\ntitel: b\nevents: [{date: \"2024\", title: x}]\n") ==
        "2:1: unknown key \"titel\" in the fact file\n");
}

TEST_CASE("a missing title is reported where the fact file starts") {
  const load::ParseResult r = parse("# 주석\nevents: [{date: \"2024\", title: x}]\n");
  const Diagnostic d = only(r);
  CHECK(d.loc == SourceLoc{"facts.yaml", 2, 1});
  CHECK(d.message == "the fact file needs a \"title\"");
  CHECK(d.hint == "add title: …");
  CHECK(errors_of(std::string(kHead) + "  - date: \"2024\"\n    text: 본문\n") ==
        "3:5: an event needs a \"title\"\n");
}

TEST_CASE("an empty title is an error at the value, or at the key when there is no value") {
  const load::ParseResult r = parse("title: \"\"\nevents: [{date: \"2024\", title: x}]\n");
  const Diagnostic d = only(r);
  CHECK(d.loc == SourceLoc{"facts.yaml", 1, 8});
  CHECK(d.message == "\"title\" is empty");
  CHECK(d.hint == "write the title");
  CHECK(errors_of("title: \"   \"\nevents: [{date: \"2024\", title: x}]\n") == "1:8: \"title\" is empty\n");
  CHECK(errors_of("title:\nevents: [{date: \"2024\", title: x}]\n") == "1:1: \"title\" is empty\n");
  CHECK(errors_of("title: a\nevents: [{date: \"2024\", title: ''}]\n") == "2:32: \"title\" is empty\n");
}

TEST_CASE("a fact file without events, or with events that are not a list, is an error") {
  const load::ParseResult missing = parse("title: a\nsubtitle: b\n");
  const Diagnostic d = only(missing);
  CHECK(d.loc == SourceLoc{"facts.yaml", 1, 1});
  CHECK(d.message == "the fact file has no events");
  CHECK(d.hint == "add an events: list");
  CHECK(errors_of("title: a\nevents: 2024\n") == "2:9: events must be a list, or the name of a CSV file\n");
  CHECK(errors_of("title: a\nevents:\n  date: \"2024\"\n  title: x\n") == "3:3: events must be a list, or the name of a CSV file\n");
}

TEST_CASE("an empty events list is an error") {
  const load::ParseResult r = parse("title: a\nevents: []\n");
  const Diagnostic d = only(r);
  CHECK(d.loc == SourceLoc{"facts.yaml", 2, 9});
  CHECK(d.message == "the events list is empty");
  CHECK(d.hint == "add at least one event");
  CHECK(errors_of("title: a\nevents:\n") == "2:1: the events list is empty\n");
}

TEST_CASE("an event that is not a mapping is an error") {
  CHECK(errors_of(std::string(kHead) + "  - 2024년 사건\n") ==
        "3:5: an event must be a mapping of keys to values, not a scalar\n");
}

TEST_CASE("an event naming an undeclared group is an error at the group value") {
  const load::ParseResult declared =
      parse("title: a\ngroups:\n  - id: us\nevents:\n  - {date: \"2024\", title: x, group: uk}\n");
  const Diagnostic d = only(declared);
  CHECK(d.loc == SourceLoc{"facts.yaml", 5, 37});
  CHECK(d.message == "no group has the id \"uk\"");
  CHECK(d.hint == "use one of the ids under groups:");
  const load::ParseResult none = parse(std::string(kHead) + "  - {date: \"2024\", title: x, group: us}\n");
  CHECK(only(none).message == "no group has the id \"us\"");
  CHECK(only(none).hint == "define it under groups:");
}

TEST_CASE("an unknown status is an error that lists the allowed ones") {
  const load::ParseResult r = parse(std::string(kHead) + "  - date: \"2024\"\n    title: x\n    status: maybe\n");
  const Diagnostic d = only(r);
  CHECK(d.loc == SourceLoc{"facts.yaml", 5, 13});
  CHECK(d.message == "unknown status \"maybe\"");
  CHECK(d.hint == "use confirmed, planned or uncertain");
}

TEST_CASE("every status is read") {
  const load::ParseResult r = parse(std::string(kHead) +
                                    "  - {date: \"2020\", title: a}\n"
                                    "  - {date: \"2021\", title: b, status: confirmed}\n"
                                    "  - {date: \"2022\", title: c, status: planned}\n"
                                    "  - {date: \"2023\", title: d, status: uncertain}\n");
  REQUIRE(r.document);
  CHECK(r.document->events[0].status == model::Status::Confirmed);
  CHECK(r.document->events[1].status == model::Status::Confirmed);
  CHECK(r.document->events[2].status == model::Status::Planned);
  CHECK(r.document->events[3].status == model::Status::Uncertain);
}

TEST_CASE("an unknown locale is an error and a known one is read") {
  const load::ParseResult r = parse("title: a\nlocale: fr\nevents: [{date: \"2024\", title: x}]\n");
  const Diagnostic d = only(r);
  CHECK(d.loc == SourceLoc{"facts.yaml", 2, 9});
  CHECK(d.message == "unknown locale \"fr\"");
  CHECK(d.hint == "use ko, en, ja or zh");
  const load::ParseResult en = parse("title: a\nlocale: en\nevents: [{date: \"2024\", title: x}]\n");
  REQUIRE(en.document);
  CHECK(en.document->locale == Locale::En);
}

TEST_CASE("a group colour that is not #rgb or #rrggbb is an error") {
  const std::string text =
      "title: a\n"
      "groups:\n"
      "  - {id: us, color: \"#12345g\"}\n"
      "  - {id: cn, color: red}\n"
      "  - {id: jp, color: \"#0072b2\"}\n"
      "events: [{date: \"2024\", title: x}]\n";
  const load::ParseResult r = parse(text);
  CHECK(listed(r) ==
        "3:21: \"#12345g\" is not a colour\n"
        "4:21: \"red\" is not a colour\n");
  CHECK(r.diagnostics.items().front().hint == "write #rrggbb, for example #1f5fbf");
}

TEST_CASE("group colours and labels are read, the label defaulting to the id") {
  const load::ParseResult r = parse("title: a\ngroups:\n  - {id: us, label: 미국, color: \"#0072b2\"}\n"
                                    "  - {id: cn}\nevents: [{date: \"2024\", title: x, group: cn}]\n");
  REQUIRE(r.document);
  REQUIRE(r.document->groups.size() == 2);
  CHECK(r.document->groups[0].label == "미국");
  REQUIRE(r.document->groups[0].color.has_value());
  CHECK(r.document->groups[0].color->hex() == "#0072b2");
  CHECK(r.document->groups[1].label == "cn");
  CHECK(r.document->events[0].group == 1);
}

TEST_CASE("a duplicate group id is an error at the second id") {
  const load::ParseResult r =
      parse("title: a\ngroups:\n  - id: us\n  - id: cn\n  - id: us\nevents: [{date: \"2024\", title: x}]\n");
  const Diagnostic d = only(r);
  CHECK(d.loc == SourceLoc{"facts.yaml", 5, 9});
  CHECK(d.message == "a group with id \"us\" is already defined");
}

TEST_CASE("a group without an id is an error") {
  CHECK(errors_of("title: a\ngroups:\n  - label: 미국\nevents: [{date: \"2024\", title: x}]\n") ==
        "3:5: a group needs an \"id\"\n");
  CHECK(errors_of("title: a\ngroups: us\nevents: [{date: \"2024\", title: x}]\n") ==
        "2:9: groups must be a list\n");
}

TEST_CASE("a bad date in a quoted scalar points inside the quotes at the offending part") {
  CHECK(errors_of(std::string(kHead) + "  - date: \"2024-02-30\"\n    title: x\n") ==
        "3:20: February 2024 has 29 days, not 30\n");
  CHECK(errors_of(std::string(kHead) + "  - date: '2023-13'\n    title: x\n") ==
        "3:17: month 13 is out of range (1–12)\n");
  CHECK(errors_of(std::string(kHead) + "  - date: \"2024년 2월 30일\"\n    title: x\n") ==
        "3:21: February 2024 has 29 days, not 30\n");
  CHECK(errors_of(std::string(kHead) + "  - date: \"  0\"\n    title: x\n") == "3:14: there is no year 0\n");
}

TEST_CASE("a bad date whose source differs from its text points at the start of the value") {
  // "\x32" is "2": the text is 2024-02-30 but the day is not 8 characters in.
  CHECK(errors_of(std::string(kHead) + "  - date: \"\\x32024-02-30\"\n    title: x\n") ==
        "3:12: February 2024 has 29 days, not 30\n");
  // A plain scalar folded over two lines.
  CHECK(errors_of(std::string(kHead) + "  - title: x\n    date: 2024-\n      02-30\n") ==
        "4:11: cannot read \"2024- 02-30\" as a date\n");
}

TEST_CASE("Korean date forms are accepted with their precision") {
  const load::ParseResult r = parse(std::string(kHead) +
                                    "  - {date: 2024년, title: a}\n"
                                    "  - {date: 2024년 9월, title: b}\n"
                                    "  - {date: \"2024년 9월 27일\", title: c}\n"
                                    "  - {date: 기원전 2333년, title: d}\n");
  CHECK(listed(r) == "");
  REQUIRE(r.document);
  REQUIRE(r.document->events.size() == 4);
  CHECK(r.document->events[0].date == Date{2024, 1, 1, Precision::Year});
  CHECK(r.document->events[1].date == Date{2024, 9, 1, Precision::Month});
  CHECK(r.document->events[2].date == Date{2024, 9, 27, Precision::Day});
  CHECK(r.document->events[3].date == Date{-2333, 1, 1, Precision::Year});
}

TEST_CASE("a missing or unreadable date is an error at the event or the value") {
  CHECK(errors_of(std::string(kHead) + "  - title: x\n") == "3:5: an event needs a \"date\"\n");
  CHECK(errors_of(std::string(kHead) + "  - {title: x, date: 지난해}\n") ==
        "3:22: cannot read \"지난해\" as a date\n");
  CHECK(errors_of(std::string(kHead) + "  - {title: x, date: [2024]}\n") ==
        "3:22: \"date\" must be text, not a list\n");
}

TEST_CASE("a text field longer than 4096 bytes is an error") {
  const std::string text = "title: " + std::string(4097, 'x') + "\nevents: [{date: \"2024\", title: x}]\n";
  CHECK(errors_of(text) == "1:8: \"title\" is longer than 4096 bytes\n");
  CHECK(parse("title: " + std::string(4096, 'x') + "\nevents: [{date: \"2024\", title: x}]\n").document);
}

TEST_CASE("a fact file that is not a mapping is an error") {
  CHECK(errors_of("- a\n- b\n") == "1:1: the fact file must be a mapping of keys to values, not a list\n");
  CHECK(errors_of("just words\n") == "1:1: the fact file must be a mapping of keys to values, not a scalar\n");
}

TEST_CASE("a key that is not a word is an error") {
  CHECK(errors_of("title: a\n[x]: 1\nevents: [{date: \"2024\", title: x}]\n") == "2:1: keys must be plain words\n");
}

TEST_CASE("EDTF's approximate and uncertain marks make an event uncertain, unless it gives its status") {
  const load::ParseResult r = parse(
      "title: t\nevents:\n"
      "  - date: 2024~\n    title: a\n"
      "  - date: 2024-06?\n    title: b\n"
      "  - start: 1950%\n    end: \"1953\"\n    title: c\n"
      "  - date: 2024?\n    title: d\n    status: confirmed\n"
      "  - date: 2023. 10. 5.\n    title: e\n"
      "  - date: BC 2333\n    title: f\n");
  CHECK(listed(r) == "");
  REQUIRE(r.document);
  const auto& ev = r.document->events;
  REQUIRE(ev.size() == 6);
  CHECK(ev[0].status == model::Status::Uncertain);
  CHECK(ev[0].date == calendar::Date{2024, 1, 1, calendar::Precision::Year});
  CHECK(ev[1].status == model::Status::Uncertain);
  CHECK(ev[1].date == calendar::Date{2024, 6, 1, calendar::Precision::Month});
  CHECK(ev[2].status == model::Status::Uncertain);
  CHECK(ev[3].status == model::Status::Confirmed);
  CHECK(ev[4].status == model::Status::Confirmed);
  CHECK(ev[4].date == calendar::Date{2023, 10, 5, calendar::Precision::Day});
  CHECK(ev[5].date == calendar::Date{-2333, 1, 1, calendar::Precision::Year});
}

TEST_CASE("the marks belong to event dates only; an ambiguous date is an error with a hint") {
  CHECK(errors_of("title: t\nas_of: 2024?\nevents:\n  - {date: \"2024\", title: a}\n") ==
        "2:8: cannot read \"2024?\" as a date\n");
  const load::ParseResult r = parse("title: t\nevents:\n  - {date: 10/05/2023, title: a}\n");
  CHECK(listed(r) == "3:12: \"10/05/2023\" could be day/month/year or month/day/year\n");
  CHECK(only(r).hint == "write the year first, as 2023-10-05 (5 October) or 2023-05-10 (10 May)");
}
