// The whole fact-file format of docs/format.md: every key's happy path and its mistakes, each
// with its exact message and line:column; spans and as_of; the schema and the samples.
#include "load/parse.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "load/template.hpp"
#include "load_fixture.hpp"

using namespace factline;
using namespace factline::load::test;
using calendar::Date;
using calendar::Precision;
namespace fs = std::filesystem;

namespace {

// A fact file of `keys` (whole top-level lines) and one event.
std::string with_keys(const std::string& keys) {
  return "title: 연표\n" + keys + "events: [{date: \"2024\", title: x}]\n";
}

// kHead and then `events` (lines of the events list, starting at line 3).
std::string with_events(const std::string& events) { return std::string(kHead) + events; }

std::set<std::string> as_set(std::span<const std::string_view> keys) { return {keys.begin(), keys.end()}; }

std::set<std::string> property_names(const nlohmann::json& object) {
  std::set<std::string> out;
  for (const auto& [key, value] : object.at("properties").items()) out.insert(key);
  return out;
}

}  // namespace

// --- the top level --------------------------------------------------------------------------

TEST_CASE("every top-level key is read into the document") {
  const std::string text =
      "title: AI chips\n"               // 1
      "subtitle: as of June\n"          // 2
      "locale: en\n"                    // 3
      "template: dark\n"                // 4
      "width: 1200\n"                   // 5
      "height: 800.5\n"                 // 6
      "orientation: vertical\n"         // 7
      "axis_breaks: off\n"              // 8
      "as_of: 2024-06-30\n"             // 9
      "source: Bloomberg\n"             // 10
      "credit: Graphic=factline\n"      // 11
      "note: \"Figures are rounded.\"\n"  // 12
      "groups: [{id: us}]\n"            // 13
      "events: [{date: 2024-06, title: x, group: us}]\n";
  const load::ParseResult r = parse(text);
  CHECK(listed(r) == "");
  REQUIRE(r.document);
  const model::Document& doc = *r.document;
  CHECK(doc.title == "AI chips");
  CHECK(doc.subtitle == "as of June");
  CHECK(doc.locale == Locale::En);
  CHECK(doc.template_name == "dark");
  CHECK(doc.width == 1200.0);
  CHECK(doc.height == 800.5);
  CHECK(doc.orientation == model::Orientation::Vertical);
  CHECK_FALSE(doc.axis_breaks);
  CHECK(doc.as_of == Date{2024, 6, 30, Precision::Day});
  CHECK(doc.source == "Bloomberg");
  CHECK(doc.credit == "Graphic=factline");
  CHECK(doc.note == "Figures are rounded.");
  CHECK(doc.note_loc == SourceLoc{"facts.yaml", 12, 8});
  REQUIRE(doc.events.size() == 1);
  CHECK(doc.events[0].group == 0);
}

TEST_CASE("absent optional keys leave the documented defaults") {
  const load::ParseResult r = parse(with_keys(""));
  REQUIRE(r.document);
  const model::Document& doc = *r.document;
  CHECK(doc.locale == Locale::Ko);
  CHECK(doc.template_name.empty());
  CHECK_FALSE(doc.width.has_value());
  CHECK_FALSE(doc.height.has_value());
  CHECK(doc.orientation == model::Orientation::Auto);
  CHECK(doc.axis_breaks);
  CHECK_FALSE(doc.as_of.has_value());
  CHECK(doc.note.empty());
  CHECK(doc.subtitle.empty());
}

TEST_CASE("every locale is read") {
  for (const auto& [tag, locale] : {std::pair{"ko", Locale::Ko}, std::pair{"en", Locale::En},
                                    std::pair{"ja", Locale::Ja}, std::pair{"zh", Locale::Zh}}) {
    CAPTURE(tag);
    const load::ParseResult r = parse(with_keys(std::string("locale: ") + tag + "\n"));
    REQUIRE(r.document);
    CHECK(r.document->locale == locale);
  }
}

TEST_CASE("a note that is not text is an error at the value") {
  CHECK(errors_of(with_keys("note: [a, b]\n")) == "2:7: \"note\" must be text, not a list\n");
}

// --- template --------------------------------------------------------------------------------

TEST_CASE("template: is kept as written; parse_document without options reads no template") {
  for (std::string_view name : {"news", "dark", "looks/mine.yaml", "../looks/missing.yaml", "nwes"}) {
    CAPTURE(name);
    const load::ParseResult r = parse(with_keys("template: " + std::string(name) + "\n"));
    REQUIRE(r.document);
    CHECK(r.document->template_name == name);
  }
}

TEST_CASE("an empty or non-text template is an error") {
  const load::ParseResult r = parse(with_keys("template: \"\"\n"));
  CHECK(only(r).loc == SourceLoc{"facts.yaml", 2, 11});
  CHECK(only(r).message == "\"template\" is empty");
  CHECK(only(r).hint == "leave it out for the default look, or write a template's name or path");
  CHECK(errors_of(with_keys("template: {name: dark}\n")) == "2:11: \"template\" must be text, not a mapping\n");
}

// --- width and height ------------------------------------------------------------------------

TEST_CASE("width and height take numbers of px from 100 to 16000") {
  const load::ParseResult r = parse(with_keys("width: 16000\nheight: \"100.5\"\n"));
  CHECK(listed(r) == "");
  REQUIRE(r.document);
  CHECK(r.document->width == 16000.0);
  CHECK(r.document->height == 100.5);
  const load::ParseResult empty = parse(with_keys("height:\n"));
  REQUIRE(empty.document);
  CHECK_FALSE(empty.document->height.has_value());
}

TEST_CASE("a width or height that is not a number of px is an error at the value") {
  const load::ParseResult r = parse(with_keys("width: wide\n"));
  CHECK(only(r).loc == SourceLoc{"facts.yaml", 2, 8});
  CHECK(only(r).message == "width must be a number of px");
  CHECK(only(r).hint == "write a number, for example width: 1200");
  const load::ParseResult unit = parse(with_keys("height: 900px\n"));
  CHECK(only(unit).message == "height must be a number of px");
  CHECK(only(unit).hint == "leave out the unit: height: 900");
  CHECK(errors_of(with_keys("width: [1200]\n")) == "2:8: width must be a number of px\n");
  CHECK(errors_of(with_keys("width: .inf\n")) == "2:8: width must be a number of px\n");
  CHECK(errors_of(with_keys("width: nan\n")) == "2:8: width must be a number of px\n");
  CHECK(errors_of(with_keys("width: 1,200\n")) == "2:8: width must be a number of px\n");
}

TEST_CASE("a width or height under 100, or past 16000, is an error at the value") {
  CHECK(errors_of(with_keys("width: 0\n")) == "2:8: width must be at least 100 px\n");
  CHECK(errors_of(with_keys("height: -5\n")) == "2:9: height must be at least 100 px\n");
  CHECK(errors_of(with_keys("width: 0.5\n")) == "2:8: width must be at least 100 px\n");
  CHECK(errors_of(with_keys("width: 99.9\n")) == "2:8: width must be at least 100 px\n");
  CHECK(listed(parse(with_keys("width: 100\n"))).empty());
  const load::ParseResult big = parse(with_keys("width: 16000.5\n"));
  CHECK(only(big).loc == SourceLoc{"facts.yaml", 2, 8});
  CHECK(only(big).message == "width must be at most 16000 px");
  CHECK(only(big).hint == "split the timeline into several files");
}

// --- orientation and axis_breaks -------------------------------------------------------------

TEST_CASE("orientation reads auto, horizontal and vertical") {
  for (const auto& [word, value] : {std::pair{"auto", model::Orientation::Auto},
                                    std::pair{"horizontal", model::Orientation::Horizontal},
                                    std::pair{"vertical", model::Orientation::Vertical}}) {
    CAPTURE(word);
    const load::ParseResult r = parse(with_keys(std::string("orientation: ") + word + "\n"));
    REQUIRE(r.document);
    CHECK(r.document->orientation == value);
  }
}

TEST_CASE("an unknown orientation is an error that lists the allowed ones") {
  const load::ParseResult r = parse(with_keys("orientation: diagonal\n"));
  CHECK(only(r).loc == SourceLoc{"facts.yaml", 2, 14});
  CHECK(only(r).message == "unknown orientation \"diagonal\"");
  CHECK(only(r).hint == "use auto, horizontal or vertical");
}

TEST_CASE("axis_breaks reads auto and off, and nothing else") {
  const load::ParseResult on = parse(with_keys("axis_breaks: auto\n"));
  REQUIRE(on.document);
  CHECK(on.document->axis_breaks);
  const load::ParseResult off = parse(with_keys("axis_breaks: off\n"));
  REQUIRE(off.document);
  CHECK_FALSE(off.document->axis_breaks);
  const load::ParseResult no = parse(with_keys("axis_breaks: no\n"));
  CHECK(only(no).loc == SourceLoc{"facts.yaml", 2, 14});
  CHECK(only(no).message == "unknown axis_breaks setting \"no\"");
  CHECK(only(no).hint == "use auto or off");
}

// --- as_of -----------------------------------------------------------------------------------

TEST_CASE("as_of is read with its precision, also in Korean") {
  const load::ParseResult r = parse(with_keys("as_of: 2024년 6월\n"));
  REQUIRE(r.document);
  CHECK(r.document->as_of == Date{2024, 6, 1, Precision::Month});
}

TEST_CASE("a bad as_of is an error inside the value, and an empty one at the key") {
  CHECK(errors_of(with_keys("as_of: 2024-02-30\n")) == "2:16: February 2024 has 29 days, not 30\n");
  CHECK(errors_of(with_keys("as_of: \"2023-13\"\n")) == "2:14: month 13 is out of range (1–12)\n");
  CHECK(errors_of(with_keys("as_of: 곧\n")) == "2:8: cannot read \"곧\" as a date\n");
  const load::ParseResult empty = parse(with_keys("as_of:\n"));
  CHECK(only(empty).loc == SourceLoc{"facts.yaml", 2, 1});
  CHECK(only(empty).message == "\"as_of\" is empty");
  CHECK(only(empty).hint == "write a date, for example 2024-06-27");
}

TEST_CASE("as_of makes later events planned unless their status is given") {
  const load::ParseResult r = parse(
      "title: 연표\n"
      "as_of: 2024-06-30\n"
      "events:\n"
      "  - {date: 2024-06-30, title: same day}\n"                   // 0 confirmed
      "  - {date: 2024-07-01, title: next day}\n"                   // 1 planned
      "  - {date: 2024-07, title: next month}\n"                    // 2 planned
      "  - {date: \"2024\", title: this year}\n"                     // 3 confirmed: began before
      "  - {date: \"2025\", title: next year}\n"                     // 4 planned
      "  - {date: 2024-09, title: given, status: confirmed}\n"      // 5 confirmed, as given
      "  - {date: 2024-09, title: doubtful, status: uncertain}\n"   // 6 uncertain, as given
      "  - {date: 2023-01, title: past, status: planned}\n"         // 7 planned, as given
      "  - {start: 2024-05, title: ongoing}\n"                      // 8 confirmed: started before
      "  - {start: 2024-08, end: 2024-10, title: later span}\n");   // 9 planned
  CHECK(listed(r) == "");
  REQUIRE(r.document);
  const auto& ev = r.document->events;
  REQUIRE(ev.size() == 10);
  using model::Status;
  const std::vector<Status> want = {Status::Confirmed, Status::Planned,   Status::Planned, Status::Confirmed,
                                    Status::Planned,   Status::Confirmed, Status::Uncertain, Status::Planned,
                                    Status::Confirmed, Status::Planned};
  for (std::size_t i = 0; i < ev.size(); ++i) {
    CAPTURE(i);
    CHECK(ev[i].status == want[i]);
  }
}

TEST_CASE("an event within the period a coarse as_of covers is not planned") {
  const load::ParseResult r = parse(
      "title: 연표\nas_of: 2024-06\nevents:\n"
      "  - {date: 2024-06-30, title: in June}\n"
      "  - {date: 2024-07-01, title: in July}\n");
  REQUIRE(r.document);
  CHECK(r.document->events[0].status == model::Status::Confirmed);
  CHECK(r.document->events[1].status == model::Status::Planned);
}

TEST_CASE("without as_of an event's status is confirmed unless given") {
  const load::ParseResult r = parse(with_events("  - {date: \"2999\", title: far}\n"));
  REQUIRE(r.document);
  CHECK(r.document->events[0].status == model::Status::Confirmed);
  CHECK_FALSE(r.document->events[0].status_given);
}

TEST_CASE("status_given records whether an event names its status") {
  const load::ParseResult r = parse(with_events("  - {date: \"2020\", title: a}\n"
                                                "  - {date: \"2021\", title: b, status: confirmed}\n"));
  REQUIRE(r.document);
  CHECK_FALSE(r.document->events[0].status_given);
  CHECK(r.document->events[1].status_given);
}

// --- spans -----------------------------------------------------------------------------------

TEST_CASE("a span keeps the precision of its start and its end") {
  const load::ParseResult r = parse(with_events("  - start: 1910-08-29\n"
                                                "    end: \"1945\"\n"
                                                "    title: 일제강점기\n"
                                                "  - {date: 2024-06, title: point}\n"));
  CHECK(listed(r) == "");
  REQUIRE(r.document);
  const model::Event& span = r.document->events[0];
  CHECK(span.is_span);
  CHECK(span.date == Date{1910, 8, 29, Precision::Day});
  CHECK(span.end == Date{1945, 1, 1, Precision::Year});
  const model::Event& point = r.document->events[1];
  CHECK_FALSE(point.is_span);
  CHECK_FALSE(point.end.has_value());
  CHECK(point.date == Date{2024, 6, 1, Precision::Month});
}

TEST_CASE("a span without an end is ongoing") {
  const load::ParseResult r = parse(with_events("  - {start: 2022-02-24, title: 전쟁}\n"));
  REQUIRE(r.document);
  CHECK(r.document->events[0].is_span);
  CHECK(r.document->events[0].date == Date{2022, 2, 24, Precision::Day});
  CHECK_FALSE(r.document->events[0].end.has_value());
}

TEST_CASE("Korean date forms are accepted in start and end") {
  const load::ParseResult r = parse(with_events("  - {start: 기원전 57년, end: 935년, title: 신라}\n"
                                                "  - {start: 2024년 9월, end: \"2024년 9월 27일\", title: b}\n"));
  CHECK(listed(r) == "");
  REQUIRE(r.document);
  CHECK(r.document->events[0].date == Date{-57, 1, 1, Precision::Year});
  CHECK(r.document->events[0].end == Date{935, 1, 1, Precision::Year});
  CHECK(r.document->events[1].date == Date{2024, 9, 1, Precision::Month});
  CHECK(r.document->events[1].end == Date{2024, 9, 27, Precision::Day});
}

TEST_CASE("a span may end in the period it starts in") {
  const load::ParseResult r = parse(with_events("  - {start: 2024-01-15, end: 2024-01, title: a}\n"
                                                "  - {start: 2024-06-27, end: 2024-06-27, title: b}\n"
                                                "  - {start: \"2024\", end: \"2024\", title: c}\n"));
  CHECK(listed(r) == "");
}

TEST_CASE("a span that ends before it starts is an error at the end") {
  const load::ParseResult r = parse(with_events("  - start: 2024-01\n"
                                                "    end: 2023-05\n"
                                                "    title: x\n"));
  CHECK(only(r).loc == SourceLoc{"facts.yaml", 4, 10});
  CHECK(only(r).message == "the span ends (2023-05) before it starts (2024-01)");
  CHECK(only(r).hint == "swap start: and end:, or correct one of them");
  CHECK(errors_of(with_events("  - {start: 2024년 3월, end: \"2024년 2월\", title: x}\n")) ==
        "3:29: the span ends (2024년 2월) before it starts (2024년 3월)\n");
  // A day before a month that starts the next day.
  CHECK(errors_of(with_events("  - {start: 2024-07, end: 2024-06-30, title: x}\n")) ==
        "3:27: the span ends (2024-06-30) before it starts (2024-07)\n");
}

TEST_CASE("impossible start and end dates point at the offending part inside the value") {
  CHECK(errors_of(with_events("  - start: 2024-02-30\n    title: x\n")) ==
        "3:20: February 2024 has 29 days, not 30\n");
  CHECK(errors_of(with_events("  - start: 2023-01\n    end: \"2023-02-29\"\n    title: x\n")) ==
        "4:19: February 2023 has 28 days, not 29\n");
  CHECK(errors_of(with_events("  - {start: 2024년 13월, title: x}\n")) == "3:19: month 13 is out of range (1–12)\n");
}

TEST_CASE("an empty end is an error that says how to write an ongoing span") {
  const load::ParseResult r = parse(with_events("  - start: 2024-01\n    end:\n    title: x\n"));
  CHECK(only(r).loc == SourceLoc{"facts.yaml", 4, 5});
  CHECK(only(r).message == "\"end\" is empty");
  CHECK(only(r).hint == "leave end: out for a span that is still going on");
}

TEST_CASE("an event with both date and start is an error at the later key") {
  const load::ParseResult r = parse(with_events("  - date: 2024-01\n"
                                                "    start: 2024-02\n"
                                                "    title: x\n"));
  CHECK(only(r).loc == SourceLoc{"facts.yaml", 4, 5});
  CHECK(only(r).message == "an event has either date: or start:, not both");
  CHECK(only(r).hint == "use date: for a point in time, or start: (and end:) for a span");
  CHECK(errors_of(with_events("  - {start: 2024-02, title: x, date: 2024-01}\n")) ==
        "3:32: an event has either date: or start:, not both\n");
}

TEST_CASE("an event with neither date nor start is an error at the event") {
  const load::ParseResult r = parse(with_events("  - title: x\n"));
  CHECK(only(r).loc == SourceLoc{"facts.yaml", 3, 5});
  CHECK(only(r).message == "an event needs a \"date\"");
  CHECK(only(r).hint == "add date: …, or start: … for a span");
  // A misspelt start is reported once, as the unknown key.
  CHECK(errors_of(with_events("  - {strat: 2024-01, title: x}\n")) ==
        "3:6: unknown key \"strat\" in an event — did you mean \"start\"?\n");
}

TEST_CASE("an end without a start is an error at the end key") {
  const load::ParseResult alone = parse(with_events("  - title: x\n    end: 2024-01\n"));
  CHECK(only(alone).loc == SourceLoc{"facts.yaml", 4, 5});
  CHECK(only(alone).message == "an event with an end: needs a start:");
  CHECK(only(alone).hint == "add start: …");
  const load::ParseResult with_date = parse(with_events("  - {date: 2023-01, end: 2024-01, title: x}\n"));
  CHECK(only(with_date).loc == SourceLoc{"facts.yaml", 3, 21});
  CHECK(only(with_date).message == "an event with an end: needs a start:");
  CHECK(only(with_date).hint == "a span runs from start: to end:; write start: instead of date:");
}

// --- links -----------------------------------------------------------------------------------

TEST_CASE("an event's link is read when it is http or https") {
  const load::ParseResult r = parse(with_events("  - {date: \"2024\", title: a, link: \"https://example.com/a?b=1\"}\n"
                                                "  - {date: \"2024\", title: b, link: http://example.com}\n"
                                                "  - {date: \"2024\", title: c}\n"));
  CHECK(listed(r) == "");
  REQUIRE(r.document);
  CHECK(r.document->events[0].link == "https://example.com/a?b=1");
  CHECK(r.document->events[1].link == "http://example.com");
  CHECK(r.document->events[2].link.empty());
}

TEST_CASE("a link that is not http or https is an error at the value") {
  const load::ParseResult r = parse(with_events("  - date: \"2024\"\n    title: x\n    link: javascript:alert(1)\n"));
  CHECK(only(r).loc == SourceLoc{"facts.yaml", 5, 11});
  CHECK(only(r).message == "link must start with http:// or https://");
  CHECK(only(r).hint == "write the full address, for example https://example.com/story");
  CHECK(errors_of(with_events("  - {date: \"2024\", title: x, link: example.com}\n")) ==
        "3:36: link must start with http:// or https://\n");
  CHECK(errors_of(with_events("  - {date: \"2024\", title: x, link: \"HTTP://example.com\"}\n")) ==
        "3:36: link must start with http:// or https://\n");
}

// --- keys ------------------------------------------------------------------------------------

TEST_CASE("misspellings of the new keys get suggestions") {
  CHECK(errors_of(with_keys("as-of: 2024-06-30\n")) ==
        "2:1: unknown key \"as-of\" in the fact file — did you mean \"as_of\"?\n");
  CHECK(errors_of(with_keys("orientaton: vertical\n")) ==
        "2:1: unknown key \"orientaton\" in the fact file — did you mean \"orientation\"?\n");
  CHECK(errors_of(with_events("  - {date: \"2024\", title: x, lnk: \"https://a.b\"}\n")) ==
        "3:30: unknown key \"lnk\" in an event — did you mean \"link\"?\n");
}

TEST_CASE("a file with several format mistakes gets one diagnostic per mistake") {
  const load::ParseResult r = parse(
      "title: 연표\n"                       // 1
      "width: 1200px\n"                     // 2
      "orientation: diagonal\n"             // 3
      "as_of: 2024-02-30\n"                 // 4
      "events:\n"                           // 5
      "  - date: 2024-01\n"                 // 6
      "    start: 2024-02\n"                // 7
      "    title: a\n"                      // 8
      "  - start: 2024-01\n"                // 9
      "    end: 2023-05\n"                  // 10
      "    title: b\n"                      // 11
      "    link: ftp://x\n"                 // 12
      "  - end: 2024\n"                     // 13
      "    title: c\n");                    // 14
  CHECK(listed(r) ==
        "2:8: width must be a number of px\n"
        "3:14: unknown orientation \"diagonal\"\n"
        "4:16: February 2024 has 29 days, not 30\n"
        "7:5: an event has either date: or start:, not both\n"
        "10:10: the span ends (2023-05) before it starts (2024-01)\n"
        "12:11: link must start with http:// or https://\n"
        "13:5: an event with an end: needs a start:\n");
}

TEST_CASE("the key lists name every key once") {
  for (const auto keys : {load::top_level_keys(), load::group_keys(), load::event_keys(), load::chart_keys(),
                          load::panel_keys(), load::series_keys()})
    CHECK(as_set(keys).size() == keys.size());
  CHECK(load::top_level_keys().size() == 18);
  CHECK(load::group_keys().size() == 4);
  CHECK(load::event_keys().size() == 12);
  CHECK(load::chart_keys().size() == 16);
  CHECK(load::series_keys().size() == 3);
  // A panel takes a chart's keys and its title.
  std::set<std::string> panel = as_set(load::chart_keys());
  panel.insert("title");
  CHECK(as_set(load::panel_keys()) == panel);
}

TEST_CASE("the schema lists exactly the parser's keys at the top level, in groups, events, charts, panels and series") {
  const nlohmann::json schema = nlohmann::json::parse(read_file(FACTLINE_SOURCE_DIR "/docs/factline.schema.json"));
  CHECK(property_names(schema) == as_set(load::top_level_keys()));
  CHECK(property_names(schema.at("properties").at("groups").at("items")) == as_set(load::group_keys()));
  CHECK(property_names(schema.at("properties").at("events").at("items")) == as_set(load::event_keys()));
  const nlohmann::json& defs = schema.at("$defs");
  CHECK(property_names(defs.at("chart")) == as_set(load::chart_keys()));
  CHECK(property_names(defs.at("panel")) == as_set(load::panel_keys()));
  CHECK(property_names(defs.at("series")) == as_set(load::series_keys()));
  CHECK(schema.at("properties").at("chart").at("$ref") == "#/$defs/chart");
  CHECK(schema.at("properties").at("panels").at("items").at("$ref") == "#/$defs/panel");
  // Unknown keys are errors in all of them.
  for (const char* def : {"chart", "panel", "series"}) CHECK(defs.at(def).at("additionalProperties") == false);
  CHECK(schema.at("additionalProperties") == false);
  CHECK(schema.at("properties").at("groups").at("items").at("additionalProperties") == false);
  CHECK(schema.at("properties").at("events").at("items").at("additionalProperties") == false);
  // The built-in template names are the ones the schema's description gives.
  const std::string about = schema.at("properties").at("template").at("description");
  for (const load::TemplateInfo& t : load::list_templates({FACTLINE_SOURCE_DIR "/templates"}))
    CHECK(about.find(t.name) != std::string::npos);
}

TEST_CASE("every sample parses with no diagnostics") {
  std::vector<fs::path> samples;
  for (const auto& entry : fs::directory_iterator(FACTLINE_SOURCE_DIR "/samples"))
    if (entry.path().extension() == ".yaml") samples.push_back(entry.path());
  std::sort(samples.begin(), samples.end());
  REQUIRE_FALSE(samples.empty());
  for (const fs::path& sample : samples) {
    CAPTURE(sample.string());
    const load::ParseResult r = parse(read_file(sample.string()), sample.string());
    CHECK(listed(r) == "");
    CHECK(r.document.has_value());
  }
}

TEST_CASE("era: true makes a span an era; a point event cannot be one") {
  const load::ParseResult r = parse(with_events(
      "  - {start: 1392, end: 1897, title: 조선, era: true}\n"
      "  - {start: 1897, end: 1910, title: 대한제국, era: false}\n"
      "  - {start: 1443, title: 훈민정음}\n"));
  CHECK(listed(r) == "");
  REQUIRE(r.document);
  CHECK(r.document->events[0].era);
  CHECK_FALSE(r.document->events[1].era);
  CHECK_FALSE(r.document->events[2].era);
  CHECK(errors_of(with_events("  - {date: 1443, title: 훈민정음, era: true}\n")) ==
        "3:31: an era needs start: (and end:), not date:\n");
  CHECK(errors_of(with_events("  - {start: 1443, title: 훈민정음, era: yes}\n")) ==
        "3:37: unknown era setting \"yes\"\n");
}
