#include "load/parse.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "core/utf8.hpp"
#include "load/chart_parse.hpp"
#include "load/csv.hpp"
#include "load/errors.hpp"
#include "load/event_fields.hpp"
#include "load/events_csv.hpp"
#include "load/number.hpp"
#include "load/node_reader.hpp"
#include "load/source_text.hpp"
#include "load/template.hpp"
#include "load/template_path.hpp"
#include "load/trim.hpp"
#include "load/yaml_doc.hpp"
#include "model/time.hpp"

namespace factline::load {
namespace {

inline constexpr std::size_t max_events = 100000;

// The single source of truth for the keys (docs/factline.schema.json is tested against them).
constexpr std::array<std::string_view, 18> kTopLevelKeys = {
    "title",  "subtitle", "locale", "template", "width",  "height", "orientation", "axis_breaks", "as_of",
    "source", "credit",   "note",   "groups",   "events", "chart",  "panels",      "share_time",  "detail"};
constexpr std::array<std::string_view, 4> kGroupKeys = {"id", "label", "color", "importance"};
constexpr std::array<std::string_view, 12> kEventKeys = {"date",  "start",  "end",    "era",    "title", "short",
                                                         "text",  "group",  "status", "source", "link",  "importance"};
// A chart's type; a panel may also be the timeline (the first two for `chart:`).
constexpr std::array<std::string_view, 3> kPanelTypes = {"bar", "line", "timeline"};
inline constexpr std::size_t max_panels = 8;

using model::Document;

class DocumentParser {
 public:
  DocumentParser(const SourceText& src, Diagnostics& out, std::vector<std::string>& files)
      : read_(src, out), src_(src), out_(out), files_(files) {}

  Document parse(const YamlNode& root) {
    Document doc;
    doc.file = src_.file();
    if (root.is_null()) {  // "---" alone, or "~"
      read_.error(SourceLoc{src_.file(), 1, 1}, "the fact file is empty",
                  "start with a title: and an events: list");
      return doc;
    }
    if (!read_.mapping(root, "the fact file", kTopLevelKeys)) return doc;
    text(root, "title", "the fact file", doc.title, doc.title_loc, true, TextKind::Lines);
    text(root, "subtitle", "the fact file", doc.subtitle, doc.subtitle_loc, false, TextKind::Lines);
    text(root, "source", "the fact file", doc.source, doc.source_loc);
    text(root, "credit", "the fact file", doc.credit, doc.credit_loc);
    text(root, "note", "the fact file", doc.note, doc.note_loc, false, TextKind::Lines);
    parse_locale_key(root, doc);
    parse_template(root, doc);
    doc.width = page_px(root, "width");
    doc.height = page_px(root, "height");
    static constexpr std::array<std::string_view, 3> orientations = {"auto", "horizontal", "vertical"};
    if (const auto o = read_.one_of(root, "orientation", "orientation", orientations))
      doc.orientation = std::array{model::Orientation::Auto, model::Orientation::Horizontal,
                                   model::Orientation::Vertical}[*o];
    static constexpr std::array<std::string_view, 2> breaks = {"auto", "off"};
    if (const auto b = read_.one_of(root, "axis_breaks", "axis_breaks setting", breaks)) doc.axis_breaks = *b == 0;
    doc.as_of = date(root, "as_of", "the fact file");
    parse_detail(root, doc);
    parse_groups(NodeReader::value(root, "groups"), doc);
    const Page page = parse_page(root, doc);
    parse_events(root, doc, page.needs_events);
    apply_group_importance(doc);
    if (!page.shows_events && NodeReader::key_node(root, "events").defined()) {
      const bool chart = NodeReader::key_node(root, "chart").defined();
      read_.error(NodeReader::key_node(root, "events"),
                  chart ? "only a line chart with dates can show events" : "no panel shows the events",
                  chart ? "remove events:, or draw a line chart over dates"
                        : "add a panel with type: timeline, or remove events:");
    }
    apply_planned_default(doc);
    return doc;
  }

 private:
  // A text field: titles, the note and an event's text may break lines (TextKind::Lines), the
  // rest are one line.
  void text(const YamlNode& map, std::string_view key, std::string_view what, std::string& into,
            SourceLoc& loc, bool required = false, TextKind kind = TextKind::Line) {
    if (auto v = read_.string(map, key, what, required, kind)) {
      into = *v;
      loc = read_.text_loc(NodeReader::value(map, key));
    }
  }

  void parse_locale_key(const YamlNode& root, Document& doc) {
    const auto tag = read_.string(root, "locale", "the fact file");
    if (!tag) return;
    if (auto l = parse_locale(*tag)) {
      doc.locale = *l;
      return;
    }
    read_.error(NodeReader::value(root, "locale"),
                "unknown locale " + quoted(*tag),
                "use ko, en, ja or zh");
  }

  // detail: auto, all, or how many events to label at most.
  void parse_detail(const YamlNode& root, Document& doc) {
    const YamlNode v = NodeReader::value(root, "detail");
    if (!v.defined()) return;
    const std::string_view t = v.is_scalar() ? trim(v.scalar()) : std::string_view{};
    if (t == "auto") return;
    if (t == "all") {
      doc.detail = model::Detail::All;
      return;
    }
    const auto n = read_number(t);
    if (n && *n >= 1 && *n <= static_cast<double>(max_events) && *n == static_cast<double>(static_cast<int>(*n))) {
      doc.detail = model::Detail::Count;
      doc.detail_count = static_cast<int>(*n);
      return;
    }
    read_.error(v, "detail must be auto, all or a number of labels from 1 to " + std::to_string(max_events),
                "auto (the default) labels what fits the page; all labels every event and lets the page grow");
  }

  // A field whose value one of event_fields' readers checks; reported at the value.
  template <typename T>
  std::optional<T> field(const YamlNode& map, std::string_view key, std::string_view what,
                         FieldValue<T> (*read)(std::string_view)) {
    const auto s = read_.string(map, key, what);
    if (!s) return std::nullopt;
    FieldValue<T> r = read(*s);
    if (!r.value) read_.error(NodeReader::value(map, key), std::move(r.message), std::move(r.hint));
    return r.value;
  }

  // A template's name or path, kept as written: apply_template finds it (parse_document without
  // options reads no template).
  void parse_template(const YamlNode& root, Document& doc) {
    const auto name = read_.string(root, "template", "the fact file");
    if (!name) return;
    if (trim(*name).empty()) {
      read_.error(NodeReader::value(root, "template"), "\"template\" is empty",
                  "leave it out for the default look, or write a template's name or path");
      return;
    }
    doc.template_name = *name;
  }

  // width: or height: in px, from 100 to 16000; nullopt when absent.
  std::optional<double> page_px(const YamlNode& map, std::string_view key) {
    const YamlNode v = NodeReader::value(map, key);
    if (!v.defined() || v.is_null()) return std::nullopt;
    const std::string k(key);
    const auto n = v.is_scalar() ? read_number(v.scalar()) : std::nullopt;
    if (!n) {
      // "1200px": say to drop the unit.
      const std::string_view text = v.is_scalar() ? trim(v.scalar()) : std::string_view{};
      const std::string_view bare = text.ends_with("px") ? trim(text.substr(0, text.size() - 2)) : std::string_view{};
      read_.error(v, k + " must be a number of px",
                  read_number(bare) ? "leave out the unit: " + k + ": " + std::string(bare)
                                    : "write a number, for example " + k + ": 1200");
      return std::nullopt;
    }
    if (*n < model::min_page_px) {
      read_.error(v, k + " must be at least " + std::to_string(static_cast<int>(model::min_page_px)) + " px",
                  *n > 0 && *n < 1 ? "width and height are in px, not a share of something" : "");
      return std::nullopt;
    }
    if (*n > model::max_page_px) {
      read_.error(v, k + " must be at most " + std::to_string(static_cast<int>(model::max_page_px)) + " px", "split the timeline into several files");
      return std::nullopt;
    }
    return n;
  }

  // A date value; nullopt (with an error, unless absent) when it is not one. An error inside
  // the text points at the offending part. An event's date may end in EDTF's '?', '~' or '%'
  // (`qualified` then set): it is read without it.
  std::optional<calendar::Date> date(const YamlNode& map, std::string_view key, std::string_view what,
                                     bool* qualified = nullptr) {
    const YamlNode v = NodeReader::value(map, key);
    if (!v.defined()) return std::nullopt;
    if (v.is_null()) {
      read_.error(NodeReader::key_node(map, key), quoted(key) + " is empty",
                  key == "end" ? "leave end: out for a span that is still going on"
                               : "write a date, for example 2024-06-27");
      return std::nullopt;
    }
    const auto s = read_.string(map, key, what, true);
    if (!s) return std::nullopt;
    if (qualified) {
      const auto [bare, marked] = calendar::strip_qualifier(*s);
      *qualified = *qualified || marked;
      return read_.date(v, bare);
    }
    return read_.date(v, *s);
  }

  // Unless an event's status is given, one that begins after the reference date is planned
  // (model/time.hpp says what "after" means for a coarse as_of).
  static void apply_planned_default(Document& doc) {
    const model::DocumentTime time(doc);
    for (model::Event& ev : doc.events)
      if (!ev.status_given && time.after_as_of(ev.date)) ev.status = model::Status::Planned;
  }

  // What the page makes of the events: list.
  struct Page {
    bool needs_events = true;  // a timeline, or a timeline panel
    bool shows_events = true;  // also a line chart with dates (unknown after an error: true)
  };

  // chart: (one chart), panels: (a composite page) or neither (a timeline), and share_time:.
  Page parse_page(const YamlNode& root, Document& doc) {
    const YamlNode chart_key = NodeReader::key_node(root, "chart"), panels_key = NodeReader::key_node(root, "panels"),
                     share_key = NodeReader::key_node(root, "share_time");
    if (share_key.defined() && !panels_key.defined())
      read_.error(share_key, "share_time applies only to panels:",
                  "remove it; a page without panels has one time axis at most");
    else
      doc.share_time = read_.flag(root, "share_time").value_or(true);
    if (chart_key.defined() && panels_key.defined()) {
      read_.error(NodeReader::later(panels_key, chart_key), "a fact file has either chart: or panels:, not both",
                  "for a chart beside the timeline, make it a panel: panels: [{type: timeline}, {type: line, …}]");
      return {false, true};
    }
    if (chart_key.defined()) return parse_chart_key(root, doc);
    if (panels_key.defined()) return parse_panels(root, doc);
    return {};
  }

  Page parse_chart_key(const YamlNode& root, Document& doc) {
    const YamlNode map = NodeReader::value(root, "chart");
    if (map.is_null()) {
      read_.error(NodeReader::key_node(root, "chart"), "the chart is empty",
                  "give its type:, x:, series: and data: or rows:");
      return {false, true};
    }
    if (!read_.mapping(map, "the chart", chart_keys())) return {false, true};
    const auto type = read_.one_of(map, "type", "chart type", std::span(kPanelTypes).first(2), "the chart");
    if (!type) return {false, true};
    const auto chart_type = *type == 0 ? model::ChartType::Bar : model::ChartType::Line;
    doc.chart = parse_chart(map, "the chart", chart_type, true, src_.file(), read_, out_, files_);
    return {false, chart_type == model::ChartType::Line && (!doc.chart || doc.chart->x_dates)};
  }

  Page parse_panels(const YamlNode& root, Document& doc) {
    const YamlNode panels = NodeReader::value(root, "panels");
    if (panels.is_null() || (panels.is_sequence() && panels.size() == 0)) {
      read_.error(panels.is_null() ? NodeReader::key_node(root, "panels") : panels, "the panels list is empty",
                  "add panels, for example [{type: timeline}, {type: line, …}]");
      return {false, true};
    }
    if (!panels.is_sequence()) {
      read_.error(panels, "panels must be a list");
      return {false, true};
    }
    if (panels.size() > max_panels) {
      read_.error(panels, "more than " + std::to_string(max_panels) + " panels",
                  "a page reads best with a few; split it into several fact files");
      return {false, true};
    }
    // A chart draws the events itself only when no timeline panel shows them already.
    const bool timeline = std::ranges::any_of(panels.items(), [](const YamlNode& p) {
      return p.is_map() && NodeReader::value(p, "type").is_scalar() && NodeReader::value(p, "type").scalar() == "timeline";
    });
    Page page{timeline, timeline};
    bool seen_timeline = false;
    for (const YamlNode p : panels.items()) {
      if (!read_.mapping(p, "a panel", panel_keys())) {
        page.shows_events = true;
        continue;
      }
      model::Panel panel;
      panel.loc = read_.loc(p);
      panel.title = read_.string(p, "title", "a panel").value_or("");
      const auto type = read_.one_of(p, "type", "panel type", kPanelTypes, "a panel");
      if (!type) {
        page.shows_events = true;
        continue;
      }
      if (*type == 2) {
        if (seen_timeline)
          read_.error(NodeReader::value(p, "type"), "a page has at most one timeline panel",
                      "the timeline panel shows every event; remove this one");
        // Unknown keys are reported already; a chart's keys are not for a timeline.
        for (std::string_view key : chart_keys())
          if (const YamlNode k = NodeReader::key_node(p, key); key != "type" && k.defined())
            read_.error(k, "a timeline panel takes only type: and title:",
                        "it shows the fact file's events: list");
        seen_timeline = true;
        doc.panels.push_back(std::move(panel));
        continue;
      }
      panel.kind = model::Panel::Kind::Chart;
      const auto chart_type = *type == 0 ? model::ChartType::Bar : model::ChartType::Line;
      const auto chart = parse_chart(p, "a panel", chart_type, !timeline, src_.file(), read_, out_, files_);
      if (chart) panel.chart = *chart;
      page.shows_events = page.shows_events || !chart || chart->events;
      doc.panels.push_back(std::move(panel));
    }
    return page;
  }

  void parse_groups(const YamlNode& groups, Document& doc) {
    if (!groups.defined() || groups.is_null()) return;
    if (!groups.is_sequence()) {
      read_.error(groups, "groups must be a list");
      return;
    }
    for (const YamlNode g : groups.items()) {
      if (!read_.mapping(g, "a group", kGroupKeys)) continue;
      model::Group group;
      group.loc = read_.loc(g);
      const auto id = read_.string(g, "id", "a group", true);
      if (!id) continue;
      group.id = *id;
      group.label = read_.string(g, "label", "a group").value_or(*id);
      group.color = read_.color(g, "color", "a group");
      group.importance = field(g, "importance", "a group", read_importance).value_or(0);
      for (const auto& other : doc.groups)
        if (other.id == group.id)
          read_.error(NodeReader::value(g, "id"), "a group with id " + quoted(*id) + " is already defined");
      doc.groups.push_back(std::move(group));
    }
  }

  // `required` for a timeline; a chart page may go without events.
  void parse_events(const YamlNode& root, Document& doc, bool required) {
    const YamlNode events = NodeReader::value(root, "events");
    if (!events.defined()) {
      if (required) read_.error(root, "the fact file has no events", "add an events: list");
      return;
    }
    if (events.is_null()) {  // "events:" with nothing under it
      read_.error(NodeReader::key_node(root, "events"), "the events list is empty", "add at least one event");
      return;
    }
    if (events.is_scalar() && ends_with_csv(events.scalar())) return parse_events_file(events, doc);
    if (!events.is_sequence()) {
      read_.error(events, "events must be a list, or the name of a CSV file");
      return;
    }
    if (events.size() > max_events) {
      read_.error(events, "more than " + std::to_string(max_events) + " events");
      return;
    }
    if (events.size() == 0) read_.error(events, "the events list is empty", "add at least one event");
    for (const YamlNode e : events.items()) parse_event(e, doc);
  }

  static bool ends_with_csv(std::string_view s) {
    s = trim(s);
    return s.size() > 4 && s[s.size() - 4] == '.' && (s[s.size() - 3] | 0x20) == 'c' && (s[s.size() - 2] | 0x20) == 's' &&
           (s[s.size() - 1] | 0x20) == 'v';
  }

  // events: "file.csv", relative to the fact file and confined as chart data: is.
  void parse_events_file(const YamlNode& v, Document& doc) {
    const auto written = read_.text(v, "\"events\"");
    if (!written) return;
    Diagnostics found;
    bool confined = false;
    const auto csv = read_data_file(src_.file(), *written, read_.text_loc(v), found, &confined);
    if (confined) files_.push_back(data_file_name(src_.file(), *written));
    for (const Diagnostic& d : found.items()) read_.error(d.loc, d.message, d.hint);
    if (!csv) return;
    const std::size_t first = out_.items().size();
    read_events_csv(*csv, doc, max_events, out_);
    out_.keep_source_lines(first, csv->file, csv->text);
  }

  void parse_event(const YamlNode& e, Document& doc) {
    if (!read_.mapping(e, "an event", kEventKeys)) return;
    model::Event ev;
    ev.loc = read_.loc(e);
    text(e, "title", "an event", ev.title, ev.title_loc, true, TextKind::Lines);
    text(e, "text", "an event", ev.text, ev.text_loc, false, TextKind::Lines);
    SourceLoc unused;
    text(e, "short", "an event", ev.short_title, unused);
    ev.importance = field(e, "importance", "an event", read_importance).value_or(0);
    text(e, "source", "an event", ev.source, unused);
    const bool qualified = parse_when(e, ev);
    parse_era(e, ev);
    parse_group(e, doc, ev);
    parse_status(e, ev);
    // An approximate or uncertain date (EDTF "2024~", "2024?") makes the event uncertain, drawn
    // as such, unless it gives its status.
    if (qualified && !ev.status_given) ev.status = model::Status::Uncertain;
    parse_link(e, ev);
    doc.events.push_back(std::move(ev));
  }

  // date: (a point), or start: with an optional end: (a span; no end: means ongoing). Returns
  // whether a date was marked approximate or uncertain.
  bool parse_when(const YamlNode& e, model::Event& ev) {
    bool qualified = false;
    const YamlNode date_key = NodeReader::key_node(e, "date"), start_key = NodeReader::key_node(e, "start"),
                     end_key = NodeReader::key_node(e, "end");
    if (date_key.defined() && start_key.defined()) {
      read_.error(NodeReader::later(start_key, date_key), "an event has either date: or start:, not both",
                  "use date: for a point in time, or start: (and end:) for a span");
      return qualified;
    }
    if (end_key.defined() && !start_key.defined()) {
      read_.error(end_key, "an event with an end: needs a start:",
                  date_key.defined() ? "a span runs from start: to end:; write start: instead of date:"
                                       : "add start: …");
      return qualified;
    }
    if (date_key.defined()) {
      if (const auto d = date(e, "date", "an event", &qualified)) ev.date = *d;
      return qualified;
    }
    if (!start_key.defined()) {
      if (!read_.suggested(e, "date") && !read_.suggested(e, "start"))
        read_.error(e, "an event needs a \"date\"", "add date: …, or start: … for a span");
      return qualified;
    }
    ev.is_span = true;
    const auto start = date(e, "start", "an event", &qualified);
    const auto end = date(e, "end", "an event", &qualified);
    if (start) ev.date = *start;
    if (!end) return qualified;
    if (start && calendar::end_day(*end) <= calendar::first_day(*start)) {
      read_.error(read_.text_loc(NodeReader::value(e, "end")),
                  "the span ends (" + written(NodeReader::value(e, "end")) + ") before it starts (" +
                      written(NodeReader::value(e, "start")) + ")",
                  "swap start: and end:, or correct one of them");
      return qualified;
    }
    ev.end = end;
    return qualified;
  }

  // era: true makes a span a background band behind the whole plot (a period, not an event).
  void parse_era(const YamlNode& e, model::Event& ev) {
    const auto era = read_.flag(e, "era");
    if (!era || !*era) return;
    if (!ev.is_span && NodeReader::key_node(e, "date").defined()) {
      read_.error(NodeReader::key_node(e, "era"), "an era needs start: (and end:), not date:",
                  "an era is a period drawn as a band; write start: … end: …");
      return;
    }
    ev.era = true;
  }

  // A valid date's text as written, for messages.
  static std::string written(const YamlNode& v) { return utf8::escape_for_terminal(trim(v.scalar())); }

  void parse_link(const YamlNode& e, model::Event& ev) {
    ev.link = field(e, "link", "an event", read_link).value_or("");
  }

  void parse_group(const YamlNode& e, const Document& doc, model::Event& ev) {
    const auto id = read_.string(e, "group", "an event");
    if (!id) return;
    FieldValue<int> g = read_group(*id, doc);
    if (!g.value) read_.error(NodeReader::value(e, "group"), std::move(g.message), std::move(g.hint));
    ev.group = g.value.value_or(-1);
  }

  void parse_status(const YamlNode& e, model::Event& ev) {
    const auto status = field(e, "status", "an event", read_status);
    ev.status_given = status.has_value();
    ev.status = status.value_or(model::Status::Confirmed);
  }

  NodeReader read_;
  const SourceText& src_;
  Diagnostics& out_;
  std::vector<std::string>& files_;
};

}  // namespace

std::span<const std::string_view> top_level_keys() { return kTopLevelKeys; }
std::span<const std::string_view> group_keys() { return kGroupKeys; }
std::span<const std::string_view> event_keys() { return kEventKeys; }

namespace {

// Gives the document the theme of its template; `root` is the fact file's YAML.
void apply_template(model::Document& doc, const NodeReader& read, const YamlNode& root, const ParseOptions& options,
                    Diagnostics& out, std::vector<std::string>& files) {
  std::string name = options.template_name;
  SourceLoc named_at{doc.file, 0, 0};
  std::string base_dir;  // the command line's --template is from the working folder
  if (name.empty() && !doc.template_name.empty()) {
    name = doc.template_name;
    named_at = read.text_loc(NodeReader::value(root, "template"));
    if (doc.file != "-") base_dir = folder_of(doc.file);
  }
  if (name.empty()) name = default_template;
  TemplatePlaces places = template_places(doc.file, options.template_dirs, options.template_name);
  places.compiled = options.compiled_templates;
  TemplateResult t = load_template(trim(name), base_dir, places, named_at);
  out.append(t.diagnostics);
  files.insert(files.end(), t.files.begin(), t.files.end());
  if (t.theme) doc.theme = std::move(*t.theme);
}

ParseResult parse(std::string_view bytes, const std::string& file, const ParseOptions* options) {
  ParseResult result;
  try {
    const SourceText src(bytes, file);
    src.check_bytes(result.diagnostics);
    YamlDoc yaml;
    if (result.diagnostics.has_errors() || !read_yaml(src, result.diagnostics, yaml)) return result;
    model::Document doc = DocumentParser(src, result.diagnostics, result.files).parse(yaml.root());
    if (options)
      apply_template(doc, NodeReader(src, result.diagnostics), yaml.root(), *options, result.diagnostics, result.files);
    if (!result.diagnostics.has_errors()) result.document = std::move(doc);
  } catch (const TooManyErrors&) {
    // The closing diagnostic is already there.
  } catch (const std::exception& e) {
    result.diagnostics.error({file, 0, 0}, std::string("cannot read the fact file: ") + e.what());
  }
  if (result.diagnostics.has_errors()) result.document.reset();
  return result;
}

}  // namespace

ParseResult parse_document(std::string_view bytes, const std::string& file) { return parse(bytes, file, nullptr); }

ParseResult parse_document(std::string_view bytes, const std::string& file, const ParseOptions& options) {
  return parse(bytes, file, &options);
}

}  // namespace factline::load
