// The level-of-detail keys (importance, short, detail) and events from a CSV file, each mistake
// at its file, line and column.
#include <doctest/doctest.h>

#include <string>

#include "load/parse.hpp"
#include "load_fixture.hpp"

using namespace factline;
using namespace factline::load::test;

TEST_CASE("importance, short and detail are read; a group's importance is its events' default") {
  const load::ParseResult r = parse(
      "title: t\ndetail: 40\ngroups:\n  - {id: a, importance: 4}\nevents:\n"
      "  - {date: 2024, title: 긴 제목, short: 짧게, importance: 5, group: a}\n"
      "  - {date: 2025, title: b, group: a}\n"
      "  - {date: 2026, title: c}\n");
  REQUIRE_MESSAGE(r.document, listed(r));
  CHECK(r.document->detail == model::Detail::Count);
  CHECK(r.document->detail_count == 40);
  CHECK(r.document->groups[0].importance == 4);
  CHECK(r.document->events[0].importance == 5);
  CHECK(r.document->events[0].short_title == "짧게");
  CHECK(r.document->events[1].importance == 4);
  CHECK(r.document->events[2].importance == 0);
  CHECK(parse("title: t\ndetail: all\nevents:\n  - {date: 2024, title: a}\n").document->detail == model::Detail::All);
  CHECK(parse("title: t\nevents:\n  - {date: 2024, title: a}\n").document->detail == model::Detail::Auto);
}

TEST_CASE("bad importance and detail values are errors at their value") {
  CHECK(errors_of("title: t\nevents:\n  - {date: 2024, title: a, importance: 6}\n") ==
        "3:40: importance must be a whole number from 1 to 5\n");
  CHECK(errors_of("title: t\nevents:\n  - {date: 2024, title: a, importance: 2.5}\n") ==
        "3:40: importance must be a whole number from 1 to 5\n");
  CHECK(errors_of("title: t\ngroups: [{id: a, importance: x}]\nevents:\n  - {date: 2024, title: a}\n") ==
        "2:30: importance must be a whole number from 1 to 5\n");
  CHECK(errors_of("title: t\ndetail: some\nevents:\n  - {date: 2024, title: a}\n") ==
        "2:9: detail must be auto, all or a number of labels from 1 to 100000\n");
  CHECK(errors_of("title: t\ndetail: 0\nevents:\n  - {date: 2024, title: a}\n") ==
        "2:9: detail must be auto, all or a number of labels from 1 to 100000\n");
}

TEST_CASE("events: may name a CSV file whose columns are event keys") {
  const TempDir dir;
  dir.write("data/ev.csv",
            "date,start,end,title,short,text,group,importance,status,link\n"
            "2024-06-27,,,\"칩, 수출 금지\",금지,본문,a,5,planned,https://example.com\n"
            ",2024-01,2024-03,기간,,,,,,\n"
            ",2024-05,,진행 중,,,,,,\n");
  const load::ParseResult r =
      parse("title: t\ngroups: [{id: a, importance: 2}]\nevents: data/ev.csv\n", dir.file("facts.yaml"));
  REQUIRE_MESSAGE(r.document, listed(r));
  const auto& ev = r.document->events;
  REQUIRE(ev.size() == 3);
  CHECK(ev[0].title == "칩, 수출 금지");
  CHECK(ev[0].short_title == "금지");
  CHECK(ev[0].text == "본문");
  CHECK(ev[0].group == 0);
  CHECK(ev[0].importance == 5);
  CHECK(ev[0].status == model::Status::Planned);
  CHECK(ev[0].link == "https://example.com");
  CHECK(ev[0].loc == SourceLoc{dir.file("data/ev.csv"), 2, 1});
  CHECK(ev[0].title_loc == SourceLoc{dir.file("data/ev.csv"), 2, 14});
  CHECK(ev[1].is_span);
  CHECK(ev[1].end.has_value());
  CHECK(ev[2].is_span);
  CHECK_FALSE(ev[2].end.has_value());
  CHECK(r.files == std::vector<std::string>{dir.file("data/ev.csv")});
}

TEST_CASE("every cell of an events file is checked at its line and column") {
  const TempDir dir;
  dir.write("ev.csv",
            "date,title,importance,group,status,link,start,end\n"
            "2024-13,a,,,,,,\n"
            "2024,,,,,,,\n"
            "2024,b,9,,,,,\n"
            "2024,c,,zz,maybe,ftp://x,,\n"
            "2024,d,,,,,2024,\n"
            ",e,,,,,2024-05,2024-01\n"
            ",f,,,,,,2024\n");
  const load::ParseResult r = parse("title: t\nevents: ev.csv\n", dir.file("facts.yaml"));
  const std::string f = dir.file("ev.csv");
  CHECK(located(r.diagnostics) ==
        f + ":2:6: month 13 is out of range (1–12)\n" +
        f + ":3:6: the \"title\" is empty\n" +
        f + ":4:8: importance must be a whole number from 1 to 5\n" +
        f + ":5:9: no group has the id \"zz\"\n" +
        f + ":5:12: unknown status \"maybe\"\n" +
        f + ":5:18: link must start with http:// or https://\n" +
        f + ":6:12: an event has either date or start, not both\n" +
        f + ":7:16: the span ends (\"2024-01\") before it starts (\"2024-05\")\n" +
        f + ":8:9: an event with an end needs a start\n");
}

TEST_CASE("an events file's text cells have the fact file's length limit") {
  const TempDir dir;
  dir.write("ev.csv", "date,title\n2024," + std::string(5000, 'a') + "\n");
  const load::ParseResult r = parse("title: t\nevents: ev.csv\n", dir.file("facts.yaml"));
  CHECK(located(r.diagnostics) == dir.file("ev.csv") + ":2:6: \"title\" is longer than 4096 bytes\n");
}

TEST_CASE("an events file's header must name known columns, with title and a date") {
  const TempDir dir;
  dir.write("ev.csv", "when,titel\n2024,a\n");
  const load::ParseResult r = parse("title: t\nevents: ev.csv\n", dir.file("facts.yaml"));
  const std::string f = dir.file("ev.csv");
  CHECK(located(r.diagnostics) == f + ":1:1: unknown column \"when\" in an events file\n" + f +
                                      ":1:6: unknown column \"titel\" in an events file\n" + f +
                                      ":1:1: an events file needs a \"title\" column\n" + f +
                                      ":1:1: an events file needs a \"date\" or \"start\" column\n");
  CHECK(r.diagnostics.items()[1].hint == "did you mean \"title\"?");
}

TEST_CASE("an events file is confined to the fact file's folder, as chart data is") {
  const TempDir dir;
  dir.write("outside.csv", "date,title\n2024,a\n");
  const load::ParseResult r = parse("title: t\nevents: ../outside.csv\n", dir.file("in/facts.yaml"));
  CHECK_FALSE(r.document);
  REQUIRE(r.diagnostics.items().size() == 1);
  CHECK(r.diagnostics.items()[0].loc.line == 2);
  CHECK(r.diagnostics.items()[0].loc.column == 9);
}
