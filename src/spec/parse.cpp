#include "spec/parse.hpp"

#include <yaml-cpp/yaml.h>

#include "core/utf8.hpp"
#include "spec/errors.hpp"
#include "spec/reader.hpp"
#include "spec/source_text.hpp"
#include "spec/yaml_scan.hpp"

namespace factline::spec {
namespace {

inline constexpr std::size_t max_events = 100000;

using model::Document;

class DocumentParser {
 public:
  DocumentParser(const SourceText& src, Diagnostics& out) : read_(src, out), src_(src) {}

  Document parse(const YAML::Node& root) {
    Document doc;
    doc.file = src_.file();
    doc.theme = default_theme();
    if (root.IsNull()) {  // "---" alone, or "~"
      read_.error(root, "the fact file is empty", "start with a title: and an events: list");
      return doc;
    }
    if (!read_.mapping(root, "the fact file",
                       {"title", "subtitle", "locale", "source", "credit", "groups", "events"}))
      return doc;
    text(root, "title", "the fact file", doc.title, doc.title_loc, true);
    text(root, "subtitle", "the fact file", doc.subtitle, doc.subtitle_loc);
    text(root, "source", "the fact file", doc.source, doc.source_loc);
    text(root, "credit", "the fact file", doc.credit, doc.credit_loc);
    parse_locale_key(root, doc);
    parse_groups(Reader::value(root, "groups"), doc);
    parse_events(root, doc);
    return doc;
  }

 private:
  void text(const YAML::Node& map, std::string_view key, std::string_view what, std::string& into,
            SourceLoc& loc, bool required = false) {
    if (auto v = read_.string(map, key, what, required)) {
      into = *v;
      loc = read_.text_loc(Reader::value(map, key));
    }
  }

  void parse_locale_key(const YAML::Node& root, Document& doc) {
    const auto tag = read_.string(root, "locale", "the fact file");
    if (!tag) return;
    if (auto l = parse_locale(*tag)) {
      doc.locale = *l;
      return;
    }
    read_.error(Reader::value(root, "locale"),
                "unknown locale " + quoted(*tag),
                "use ko, en, ja or zh");
  }

  void parse_groups(const YAML::Node& groups, Document& doc) {
    if (!groups.IsDefined() || groups.IsNull()) return;
    if (!groups.IsSequence()) {
      read_.error(groups, "groups must be a list");
      return;
    }
    for (const YAML::Node& g : groups) {
      if (!read_.mapping(g, "a group", {"id", "label", "color"})) continue;
      model::Group group;
      group.loc = read_.loc(g);
      const auto id = read_.string(g, "id", "a group", true);
      if (!id) continue;
      group.id = *id;
      group.label = read_.string(g, "label", "a group").value_or(*id);
      if (const auto c = read_.string(g, "color", "a group")) {
        group.color = Color::parse(*c);
        if (!group.color)
          read_.error(Reader::value(g, "color"), quoted(*c) + " is not a colour",
                      "write #rrggbb, for example #1f5fbf");
      }
      for (const auto& other : doc.groups)
        if (other.id == group.id)
          read_.error(Reader::value(g, "id"), "a group with id " + quoted(*id) + " is already defined");
      doc.groups.push_back(std::move(group));
    }
  }

  void parse_events(const YAML::Node& root, Document& doc) {
    const YAML::Node events = Reader::value(root, "events");
    if (!events.IsDefined()) {
      read_.error(root, "the fact file has no events", "add an events: list");
      return;
    }
    if (events.IsNull()) {  // "events:" with nothing under it
      read_.error(Reader::key_node(root, "events"), "the events list is empty", "add at least one event");
      return;
    }
    if (!events.IsSequence()) {
      read_.error(events, "events must be a list");
      return;
    }
    if (events.size() > max_events) {
      read_.error(events, "more than " + std::to_string(max_events) + " events");
      return;
    }
    if (events.size() == 0) read_.error(events, "the events list is empty", "add at least one event");
    for (const YAML::Node& e : events) parse_event(e, doc);
  }

  void parse_event(const YAML::Node& e, Document& doc) {
    if (!read_.mapping(e, "an event", {"date", "title", "text", "group", "status", "source"})) return;
    model::Event ev;
    ev.loc = read_.loc(e);
    text(e, "title", "an event", ev.title, ev.title_loc, true);
    text(e, "text", "an event", ev.text, ev.text_loc);
    SourceLoc unused;
    text(e, "source", "an event", ev.source, unused);
    parse_date(e, ev);
    parse_group(e, doc, ev);
    parse_status(e, ev);
    doc.events.push_back(std::move(ev));
  }

  void parse_date(const YAML::Node& e, model::Event& ev) {
    const auto s = read_.string(e, "date", "an event", true);
    if (!s) return;
    const calendar::DateResult r = calendar::parse_date(*s);
    if (const auto* d = std::get_if<calendar::Date>(&r)) {
      ev.date = *d;
      return;
    }
    const auto& err = std::get<calendar::DateError>(r);
    const YAML::Node v = Reader::value(e, "date");
    SourceLoc at = read_.text_loc(v);
    // Point at the offending part when the source spells the text out as read; an escape or a
    // folded line before it would shift the column, so then point at the start of the value.
    const std::string_view before = std::string_view(*s).substr(0, err.offset);
    if (read_.source_from(v).starts_with(before)) at.column += static_cast<int>(utf8::count(before));
    read_.error(at, err.message, err.hint);
  }

  void parse_group(const YAML::Node& e, const Document& doc, model::Event& ev) {
    const auto id = read_.string(e, "group", "an event");
    if (!id) return;
    for (std::size_t i = 0; i < doc.groups.size(); ++i)
      if (doc.groups[i].id == *id) ev.group = static_cast<int>(i);
    if (ev.group < 0)
      read_.error(Reader::value(e, "group"), "no group has the id " + quoted(*id),
                  doc.groups.empty() ? "define it under groups:" : "use one of the ids under groups:");
  }

  void parse_status(const YAML::Node& e, model::Event& ev) {
    const auto s = read_.string(e, "status", "an event");
    if (!s) return;
    if (*s == "confirmed") ev.status = model::Status::Confirmed;
    else if (*s == "planned") ev.status = model::Status::Planned;
    else if (*s == "uncertain") ev.status = model::Status::Uncertain;
    else
      read_.error(Reader::value(e, "status"), "unknown status " + quoted(*s),
                  "use confirmed, planned or uncertain");
  }

  Reader read_;
  const SourceText& src_;
};

}  // namespace

ParseResult parse_document(std::string_view bytes, const std::string& file) {
  ParseResult result;
  try {
    const SourceText src(bytes, file);
    src.check_bytes(result.diagnostics);
    // The event scan runs first: it stops at what could make building the node tree blow up
    // (aliases, deep nesting), so YAML::Load only ever sees input that passed it.
    if (result.diagnostics.has_errors() || !scan_yaml(src, result.diagnostics)) return result;
    try {
      const YAML::Node root = YAML::Load(std::string(src.text()));
      model::Document doc = DocumentParser(src, result.diagnostics).parse(root);
      if (!result.diagnostics.has_errors()) result.document = std::move(doc);
    } catch (const YAML::Exception& e) {
      report_error(result.diagnostics, src.loc(e.mark.line, e.mark.column),
                   "invalid YAML: " + utf8::escape_for_terminal(e.msg));
    }
  } catch (const TooManyErrors&) {
    // The closing diagnostic is already there.
  } catch (const std::exception& e) {
    result.diagnostics.error({file, 0, 0}, std::string("cannot read the fact file: ") + e.what());
  }
  if (result.diagnostics.has_errors()) result.document.reset();
  return result;
}

}  // namespace factline::spec
