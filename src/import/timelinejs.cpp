#include "import/timelinejs.hpp"

#include <libxml/HTMLparser.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <variant>
#include <vector>

#include "calendar/date.hpp"
#include "core/utf8.hpp"
#include "load/csv.hpp"
#include "load/parse.hpp"
#include "load/source_text.hpp"

namespace factline::import {
namespace {

using json = nlohmann::json;

constexpr std::size_t kMaxText = 4096;  // a fact file's limit for one text field (docs/format.md)

// --- HTML → text -------------------------------------------------------------------------------

bool is_block(std::string_view name) {
  static constexpr std::string_view blocks[] = {"p",  "div", "li", "ul", "ol", "blockquote", "h1", "h2", "h3",
                                                "h4", "h5",  "h6", "tr", "table", "section", "article", "pre"};
  return std::find(std::begin(blocks), std::end(blocks), name) != std::end(blocks);
}

void collect_text(xmlNode* node, std::string& out, int& links) {
  for (xmlNode* n = node; n; n = n->next) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content) out += reinterpret_cast<const char*>(n->content);
      continue;
    }
    if (n->type != XML_ELEMENT_NODE) continue;  // comments, processing instructions
    const std::string_view name = reinterpret_cast<const char*>(n->name);
    if (name == "script" || name == "style" || name == "iframe" || name == "object") continue;
    if (name == "br") {
      out += '\n';
      continue;
    }
    if (name == "a" && xmlHasProp(n, reinterpret_cast<const xmlChar*>("href"))) ++links;
    if (is_block(name)) out += '\n';
    collect_text(n->children, out, links);
    if (is_block(name)) out += '\n';
  }
}

// Spaces collapsed within lines, blank lines dropped, control characters removed.
std::string tidy(std::string_view text, bool one_line) {
  std::string out;
  bool space = false, newline = false;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t at = i;
    const char32_t cp = utf8::next(text, i);
    if (cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029) {
      newline = !out.empty();
      continue;
    }
    if (cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x3000 || cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
        cp == 0xFEFF) {
      space = space || cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x3000;
      continue;
    }
    if (newline)
      out += one_line ? ' ' : '\n';
    else if (space && !out.empty())
      out += ' ';
    newline = space = false;
    out.append(text.substr(at, i - at));
  }
  return out;
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

// --- the timeline, read from JSON or CSV --------------------------------------------------------

struct Event {
  std::string date, start, end;  // date for a moment, start (and end) for a span
  bool era = false;
  std::string title, text, group, link;
};

struct Timeline {
  std::string title, subtitle;
  std::vector<Event> events;
  std::vector<std::string> groups;  // in order of first use
};

// Where something is: a CSV cell's position, or a JSON path.
struct Place {
  SourceLoc loc;
  std::string path;  // "events[3].media.caption"; empty for CSV
};

class Importer {
 public:
  Importer(const std::string& file, Diagnostics& out) : file_(file), out_(out) {}

  Timeline& timeline() { return t_; }

  void warn(const Place& at, const std::string& message, const std::string& hint = {}) {
    out_.warning(at.loc, at.path.empty() ? message : at.path + ": " + message, hint);
  }
  void error(const Place& at, const std::string& message, const std::string& hint = {}) {
    out_.error(at.loc, at.path.empty() ? message : at.path + ": " + message, hint);
  }

  // Something that has no place in a fact file, reported once per kind: where it first occurs
  // and how often.
  void drop(const std::string& what, const Place& at, const std::string& why) {
    auto [it, fresh] = dropped_.try_emplace(what, Dropped{at, why, 0});
    ++it->second.count;
  }
  void report_dropped() {
    for (const auto& [what, d] : dropped_)
      warn(d.first, what + " not carried over" + (d.count > 1 ? " (" + std::to_string(d.count) + " times; the first here)" : ""),
           d.why);
  }

  // Plain text from an HTML field; a title is one line.
  std::string text(std::string_view html, const Place& at, bool one_line, std::string_view field) {
    int links = 0;
    std::string plain = html_to_text(html, &links);
    if (one_line) plain = tidy(plain, true);
    if (links > 0) drop("links inside text", at, "their words are kept; an event's own link: comes from its media URL");
    if (plain.size() > kMaxText) {
      std::size_t cut = kMaxText - 3;
      while (cut > 0 && (static_cast<unsigned char>(plain[cut]) & 0xC0) == 0x80) --cut;
      plain = plain.substr(0, cut) + "…";
      warn(at, std::string(field) + " is longer than a fact file takes (4,096 bytes); shortened");
    }
    return plain;
  }

  // A date from its parts (strings as written; empty: not given). Nothing, with a warning,
  // when it is not a date factline can read.
  std::optional<std::string> date(std::string year, std::string month, std::string day, const Place& at) {
    const auto trim = [](std::string s) { return tidy(s, true); };
    year = trim(year), month = trim(month), day = trim(day);
    if (year.empty()) return std::nullopt;
    const auto number = [](const std::string& s) -> std::optional<long> {
      if (s.empty() || s.size() > 12) return std::nullopt;
      std::size_t i = s[0] == '-' ? 1 : 0;
      if (i == s.size() || !std::all_of(s.begin() + static_cast<long>(i), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
      return std::stol(s);
    };
    const auto y = number(year), m = number(month), d = number(day);
    if (!y || (!month.empty() && !m) || (!day.empty() && !d) || (month.empty() && !day.empty())) {
      warn(at, "cannot read the date year " + quoted(year) + ", month " + quoted(month) + ", day " + quoted(day));
      return std::nullopt;
    }
    if (*y == 0) {
      warn(at, "year 0 is no year (1 BCE is followed by 1 CE)", "write -1 for 1 BCE or 1 for 1 CE");
      return std::nullopt;
    }
    std::string text = std::to_string(*y);
    const auto two = [](long v) { return (v < 10 ? "0" : "") + std::to_string(v); };
    if (m) text += "-" + two(*m);
    if (m && d) text += "-" + two(*d);
    const calendar::DateResult parsed = calendar::parse_date(text);
    if (const auto* e = std::get_if<calendar::DateError>(&parsed)) {
      warn(at, "the date " + text + " cannot be used: " + e->message);
      return std::nullopt;
    }
    return text;
  }

  void group(Event& e, std::string name) {
    name = tidy(html_to_text(name), true);
    if (name.empty()) return;
    if (std::find(t_.groups.begin(), t_.groups.end(), name) == t_.groups.end()) t_.groups.push_back(name);
    e.group = name;
  }

  void link(Event& e, std::string url, const Place& at) {
    url = tidy(url, true);
    if (url.empty()) return;
    std::string lower = url.substr(0, 8);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    if (lower.starts_with("http://") || lower.starts_with("https://"))
      e.link = url;
    else
      drop("media that is not an http(s) address (embedded HTML, blockquotes)", at,
           "an event's link: takes http:// or https:// addresses only");
  }

  // Adds the event when it has a date and a title.
  void add(Event e, const Place& at) {
    if (e.date.empty() && e.start.empty()) {
      warn(at, "an event without a usable date is left out");
      return;
    }
    if (e.title.empty()) {
      // TimelineJS allows a slide with text only; a fact file needs a title.
      e.title = tidy(e.text, true);
      if (e.title.size() > 80) {
        std::size_t cut = 80;
        while (cut > 0 && (static_cast<unsigned char>(e.title[cut]) & 0xC0) == 0x80) --cut;
        e.title = e.title.substr(0, cut) + "…";
      }
      if (e.title.empty()) {
        warn(at, "an event without a headline or text is left out");
        return;
      }
      warn(at, "the event has no headline; its text begins the title");
      if (e.title == tidy(e.text, true)) e.text.clear();  // all of it: not twice
    }
    t_.events.push_back(std::move(e));
  }

  static std::string quoted(const std::string& s) { return "\"" + utf8::escape_for_terminal(s) + "\""; }

 private:
  struct Dropped {
    Place first;
    std::string why;
    int count = 0;
  };
  std::string file_;
  Diagnostics& out_;
  Timeline t_;
  std::map<std::string, Dropped> dropped_;
};

// --- JSON -------------------------------------------------------------------------------------------

std::string json_string(const json& j, std::string_view key) {
  if (!j.is_object() || !j.contains(key)) return {};
  const json& v = j.at(key);
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  if (v.is_number()) return v.dump();
  return {};
}

void read_json_slide(Importer& im, const json& slide, const std::string& path, const SourceLoc& file_loc, bool era) {
  const Place at{file_loc, path};
  Event e;
  e.era = era;
  const json& start = slide.contains("start_date") ? slide["start_date"] : json();
  const json& end = slide.contains("end_date") ? slide["end_date"] : json();
  const auto start_date = im.date(json_string(start, "year"), json_string(start, "month"), json_string(start, "day"),
                                  {file_loc, path + ".start_date"});
  const auto end_date = end.is_object() ? im.date(json_string(end, "year"), json_string(end, "month"),
                                                  json_string(end, "day"), {file_loc, path + ".end_date"})
                                        : std::nullopt;
  for (const auto& [d, name] : {std::pair<const json*, std::string>{&start, "start_date"}, {&end, "end_date"}}) {
    for (const char* part : {"hour", "minute", "second", "millisecond"})
      if (!json_string(*d, part).empty()) im.drop("times of day", {file_loc, path + "." + name + "." + part}, "fact-file dates are days, months or years");
    if (!json_string(*d, "display_date").empty())
      im.drop("display dates", {file_loc, path + "." + name + ".display_date"}, "factline writes every date in the fact file's locale");
  }
  if (start_date && (end_date || era))
    e.start = *start_date, e.end = end_date.value_or("");
  else if (start_date)
    e.date = *start_date;
  const json& text = slide.contains("text") ? slide["text"] : json();
  e.title = im.text(json_string(text, "headline"), {file_loc, path + ".text.headline"}, true, "the headline");
  e.text = im.text(json_string(text, "text"), {file_loc, path + ".text.text"}, false, "the text");
  if (!json_string(slide, "display_date").empty())
    im.drop("display dates", {file_loc, path + ".display_date"}, "factline writes every date in the fact file's locale");
  im.group(e, json_string(slide, "group"));
  if (slide.contains("media") && slide["media"].is_object()) {
    const json& media = slide["media"];
    im.link(e, json_string(media, "url"), {file_loc, path + ".media.url"});
    for (const char* k : {"caption", "credit", "thumbnail", "alt", "title", "link"})
      if (!json_string(media, k).empty())
        im.drop(std::string("media ") + k + "s", {file_loc, path + ".media." + k}, "factline draws no media");
  }
  if (slide.contains("background"))
    im.drop("backgrounds", {file_loc, path + ".background"}, "factline's look comes from its template");
  if (!json_string(slide, "unique_id").empty())
    im.drop("unique_id", {file_loc, path + ".unique_id"}, "fact-file events have no ids");
  im.add(std::move(e), at);
}

void read_json(Importer& im, std::string_view bytes, const std::string& file, Diagnostics& out) {
  json j;
  try {
    j = json::parse(bytes);
  } catch (const json::parse_error& e) {
    out.error({file, 0, 0}, std::string("invalid JSON: ") + e.what());
    return;
  }
  const SourceLoc loc{file, 0, 0};
  if (!j.is_object() || !j.contains("events") || !j["events"].is_array()) {
    out.error(loc, "not a TimelineJS timeline: no \"events\" list", "TimelineJS JSON has {\"title\": …, \"events\": [ … ]}");
    return;
  }
  if (j.contains("title") && j["title"].is_object()) {
    const json& text = j["title"].contains("text") ? j["title"]["text"] : json();
    im.timeline().title = im.text(json_string(text, "headline"), {loc, "title.text.headline"}, true, "the title");
    im.timeline().subtitle = im.text(json_string(text, "text"), {loc, "title.text.text"}, true, "the title's text");
    if (j["title"].contains("media")) im.drop("the title's media", {loc, "title.media"}, "factline draws no media");
    if (j["title"].contains("background")) im.drop("backgrounds", {loc, "title.background"}, "factline's look comes from its template");
  }
  for (std::size_t i = 0; i < j["events"].size(); ++i)
    read_json_slide(im, j["events"][i], "events[" + std::to_string(i) + "]", loc, false);
  if (j.contains("eras") && j["eras"].is_array())
    for (std::size_t i = 0; i < j["eras"].size(); ++i)
      read_json_slide(im, j["eras"][i], "eras[" + std::to_string(i) + "]", loc, true);
  for (const char* k : {"scale"})
    if (j.contains(k) && json_string(j, k) == "cosmological")
      im.drop("the cosmological scale", {loc, k}, "factline's time axis is the calendar's");
}

// --- CSV (the Google Sheets layout) ---------------------------------------------------------------

void read_csv(Importer& im, std::string_view bytes, const std::string& file, Diagnostics& out) {
  const auto table = load::read_csv(bytes, file, out);
  if (!table) return;
  std::map<std::string, std::size_t> column;
  for (std::size_t c = 0; c < table->columns(); ++c) {
    std::string name = tidy(table->header[c].text, true);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char ch) { return std::tolower(ch); });
    column.emplace(name, c);
  }
  for (const char* required : {"year", "headline"})
    if (!column.contains(required)) {
      out.error({file, 1, 1}, std::string("not a TimelineJS sheet: no \"") + required + "\" column",
                "the header row names Year, Month, Day, …, Headline, Text, Media, …, Type, Group, Background");
      return;
    }
  for (std::size_t c = 0; c < table->columns(); ++c) {
    static constexpr std::string_view known[] = {"year", "month", "day", "time", "end year", "end month", "end day",
                                                 "end time", "display date", "headline", "text", "media",
                                                 "media credit", "media caption", "media thumbnail", "type", "group",
                                                 "background"};
    std::string name = tidy(table->header[c].text, true);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char ch) { return std::tolower(ch); });
    if (std::find(std::begin(known), std::end(known), name) == std::end(known) && !name.empty())
      im.warn({table->loc(table->header[c]), {}}, "the column " + Importer::quoted(table->header[c].text) + " is not TimelineJS's; ignored");
  }
  for (std::size_t row = 0; row < table->rows(); ++row) {
    const auto cell = [&](const char* name) -> const load::CsvCell* {
      const auto it = column.find(name);
      return it == column.end() ? nullptr : &table->cell(row, it->second);
    };
    const auto value = [&](const char* name) { return cell(name) ? cell(name)->text : std::string(); };
    const auto place = [&](const char* name) {
      const load::CsvCell* c = cell(name) ? cell(name) : &table->cell(row, 0);
      return Place{table->loc(*c), {}};
    };
    std::string type = tidy(value("type"), true);
    std::transform(type.begin(), type.end(), type.begin(), [](unsigned char ch) { return std::tolower(ch); });
    if (type == "title") {
      im.timeline().title = im.text(value("headline"), place("headline"), true, "the title");
      im.timeline().subtitle = im.text(value("text"), place("text"), true, "the title's text");
      if (!value("media").empty()) im.drop("the title's media", place("media"), "factline draws no media");
      if (!value("background").empty()) im.drop("backgrounds", place("background"), "factline's look comes from its template");
      continue;
    }
    const bool era = type == "era";
    if (!type.empty() && !era)
      im.warn(place("type"), "unknown type " + Importer::quoted(type) + "; read as an event", "TimelineJS's types are title and era");
    Event e;
    e.era = era;
    const auto start = im.date(value("year"), value("month"), value("day"), place("year"));
    const auto end = im.date(value("end year"), value("end month"), value("end day"), place("end year"));
    if (value("end year").empty() && (!value("end month").empty() || !value("end day").empty()))
      im.warn(place("end month"), "an end month or day without an end year is ignored");
    if (start && (end || era))
      e.start = *start, e.end = end.value_or("");
    else if (start)
      e.date = *start;
    for (const char* k : {"time", "end time"})
      if (!tidy(value(k), true).empty()) im.drop("times of day", place(k), "fact-file dates are days, months or years");
    if (!tidy(value("display date"), true).empty())
      im.drop("display dates", place("display date"), "factline writes every date in the fact file's locale");
    e.title = im.text(value("headline"), place("headline"), true, "the headline");
    e.text = im.text(value("text"), place("text"), false, "the text");
    im.group(e, value("group"));
    im.link(e, value("media"), place("media"));
    for (const char* k : {"media credit", "media caption", "media thumbnail"})
      if (!tidy(value(k), true).empty()) im.drop(std::string(k) + "s", place(k), "factline draws no media");
    if (!tidy(value("background"), true).empty())
      im.drop("backgrounds", place("background"), "factline's look comes from its template");
    im.add(std::move(e), place("headline"));
  }
}

// --- the fact file --------------------------------------------------------------------------------------

// The locale from the script most of the titles are written in.
std::string guess_locale(const Timeline& t) {
  long hangul = 0, kana = 0, han = 0, latin = 0;
  const auto count = [&](std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
      const char32_t cp = utf8::next(s, i);
      if (utf8::is_hangul(cp)) ++hangul;
      else if (cp >= 0x3040 && cp <= 0x30FF) ++kana;
      else if (cp >= 0x4E00 && cp <= 0x9FFF) ++han;
      else if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z')) ++latin;
    }
  };
  count(t.title);
  for (const Event& e : t.events) count(e.title), count(e.text);
  if (hangul * 3 >= latin && hangul >= kana && hangul > 0) return "ko";
  if (kana > 0 && (kana + han) * 3 >= latin) return "ja";
  if (han * 3 >= latin && han > 0) return "zh";
  return "en";
}

std::string to_yaml(const Timeline& t, const std::string& source_name) {
  YAML::Emitter y;
  y.SetOutputCharset(YAML::EmitNonAscii);
  y << YAML::Comment("Imported from " + source_name + " (TimelineJS) by factline import") << YAML::Newline;
  y << YAML::BeginMap;
  y << YAML::Key << "title" << YAML::Value << t.title;
  if (!t.subtitle.empty()) y << YAML::Key << "subtitle" << YAML::Value << t.subtitle;
  y << YAML::Key << "locale" << YAML::Value << guess_locale(t);
  if (!t.groups.empty()) {
    y << YAML::Key << "groups" << YAML::Value << YAML::BeginSeq;
    for (const std::string& g : t.groups) y << YAML::Flow << YAML::BeginMap << YAML::Key << "id" << YAML::Value << g << YAML::EndMap;
    y << YAML::EndSeq;
  }
  y << YAML::Key << "events" << YAML::Value << YAML::BeginSeq;
  for (const Event& e : t.events) {
    y << YAML::BeginMap;
    if (!e.date.empty()) y << YAML::Key << "date" << YAML::Value << e.date;
    if (!e.start.empty()) y << YAML::Key << "start" << YAML::Value << e.start;
    if (!e.end.empty()) y << YAML::Key << "end" << YAML::Value << e.end;
    if (e.era) y << YAML::Key << "era" << YAML::Value << true;
    y << YAML::Key << "title" << YAML::Value << e.title;
    if (!e.text.empty()) {
      y << YAML::Key << "text" << YAML::Value;
      // Quoted with \n escapes: a literal block would add a final line break to the text.
      if (e.text.find('\n') != std::string::npos) y << YAML::DoubleQuoted;
      y << e.text;
    }
    if (!e.group.empty()) y << YAML::Key << "group" << YAML::Value << e.group;
    if (!e.link.empty()) y << YAML::Key << "link" << YAML::Value << e.link;
    y << YAML::EndMap;
  }
  y << YAML::EndSeq << YAML::EndMap;
  return std::string(y.c_str()) + "\n";
}

bool looks_like_json(std::string_view bytes, const std::string& file) {
  const std::string ext = std::filesystem::path(file).extension().string();
  if (ext == ".json" || ext == ".JSON") return true;
  if (ext == ".csv" || ext == ".CSV") return false;
  const std::size_t first = bytes.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  return first != std::string_view::npos && bytes[first] == '{';
}

}  // namespace

std::string html_to_text(std::string_view html, int* links) {
  int found = 0;
  std::string text;
  if (html.find_first_of("<&") == std::string_view::npos) {
    text = std::string(html);
  } else {
    // A fragment in a <body> of its own, so the parser keeps leading text as text.
    const std::string doc = "<html><body>" + std::string(html) + "</body></html>";
    htmlDocPtr d = htmlReadMemory(doc.data(), static_cast<int>(doc.size()), nullptr, "UTF-8",
                                  HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    if (d) {
      collect_text(xmlDocGetRootElement(d), text, found);
      xmlFreeDoc(d);
    }
    text = replace_all(text, "&apos;", "'");  // XHTML's, which the HTML 4 parser leaves as is
  }
  if (links) *links = found;
  return tidy(text, false);
}

ImportResult import_timelinejs(std::string_view bytes, const std::string& file) {
  ImportResult result;
  if (bytes.size() > load::max_input_bytes) {
    result.diagnostics.error({file, 0, 0}, "the timeline is larger than 16 MiB", "split it into several timelines");
    return result;
  }
  Importer im(file, result.diagnostics);
  try {
    if (looks_like_json(bytes, file))
      read_json(im, bytes, file, result.diagnostics);
    else
      read_csv(im, bytes, file, result.diagnostics);
  } catch (const std::exception& e) {
    result.diagnostics.error({file, 0, 0}, std::string("cannot read the timeline: ") + e.what());
  }
  if (result.diagnostics.has_errors()) return result;
  im.report_dropped();
  Timeline& t = im.timeline();
  if (t.title.empty()) {
    t.title = std::filesystem::path(file).stem().string();
    result.diagnostics.warning({file, 0, 0}, "the timeline has no title; it is named after the file",
                               "give the fact file's title: a headline");
  }
  if (t.events.empty()) {
    result.diagnostics.error({file, 0, 0}, "the timeline has no event factline can use");
    return result;
  }
  std::string yaml = to_yaml(t, std::filesystem::path(file).filename().string());
  // What is written must load: anything else is this importer's mistake, never the user's file.
  const load::ParseResult check = load::parse_document(yaml, file + " (imported)");
  if (check.diagnostics.has_errors()) {
    for (const Diagnostic& d : check.diagnostics.items())
      if (d.severity == Severity::Error)
        result.diagnostics.error({file, 0, 0}, "the imported fact file would not load: " + d.message);
    return result;
  }
  result.yaml = std::move(yaml);
  return result;
}

}  // namespace factline::import
