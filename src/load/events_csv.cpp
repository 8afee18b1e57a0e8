#include "load/events_csv.hpp"

#include <array>
#include <optional>
#include <string>

#include "load/errors.hpp"
#include "load/event_fields.hpp"
#include "load/node_reader.hpp"
#include "load/suggest.hpp"
#include "load/text_rules.hpp"
#include "load/trim.hpp"

namespace factline::load {
namespace {

enum Column { Date, Start, End, Title, Short, Text, Group, Importance, Status, Link, Source, Count };
constexpr std::array<std::string_view, Count> kColumns = {"date", "start",      "end",    "title", "short", "text",
                                                          "group", "importance", "status", "link",  "source"};

class EventsCsv {
 public:
  EventsCsv(CsvTable& csv, model::Document& doc, Diagnostics& out) : csv_(csv), doc_(doc), out_(out) {
    for (std::size_t c = 0; c < Count; ++c) what_[c] = "\"" + std::string(kColumns[c]) + "\"";
  }

  void read(std::size_t max_events) {
    if (!columns()) return;
    if (csv_.rows() == 0) {
      report_error(out_, csv_.loc(csv_.header[0]), quoted(csv_.file) + " has no data rows",
                   "add one row per event under the header row");
      return;
    }
    if (csv_.rows() > max_events) {
      report_error(out_, csv_.loc(csv_.cell(max_events, 0)), "more than " + std::to_string(max_events) + " events",
                   "split the events into several fact files");
      return;
    }
    doc_.events.reserve(doc_.events.size() + csv_.rows());
    for (std::size_t row = 0; row < csv_.rows(); ++row) doc_.events.push_back(event(row));
  }

 private:
  // Finds each header cell's key; false (with errors) for an unknown, repeated or missing one.
  bool columns() {
    at_.fill(-1);
    bool ok = true;
    for (std::size_t c = 0; c < csv_.columns(); ++c) {
      const CsvCell& h = csv_.header[c];
      std::size_t k = 0;
      while (k < kColumns.size() && kColumns[k] != h.text) ++k;
      if (k == kColumns.size()) {
        const std::string close = closest_match(h.text, kColumns);
        report_error(out_, csv_.loc(h), "unknown column " + quoted(h.text) + " in an events file",
                     close.empty() ? "the columns are date, start, end, title, short, text, group, importance, "
                                     "status, link and source"
                                   : "did you mean " + quoted(close) + "?");
        ok = false;
        continue;
      }
      if (at_[k] >= 0) {
        report_error(out_, csv_.loc(h), "the column " + quoted(h.text) + " appears twice");
        ok = false;
      }
      at_[k] = static_cast<int>(c);
    }
    const SourceLoc header = csv_.header.empty() ? SourceLoc{csv_.file, 1, 1} : csv_.loc(csv_.header[0]);
    if (at_[Title] < 0) {
      report_error(out_, header, "an events file needs a \"title\" column", "name the columns in the first row");
      ok = false;
    }
    if (at_[Date] < 0 && at_[Start] < 0) {
      report_error(out_, header, "an events file needs a \"date\" or \"start\" column",
                   "date: for points in time, start: (and end:) for spans");
      ok = false;
    }
    return ok;
  }

  CsvCell* cell(std::size_t row, Column c) {
    if (at_[c] < 0) return nullptr;
    CsvCell& cell = csv_.cell(row, static_cast<std::size_t>(at_[c]));
    return trim(cell.text).empty() ? nullptr : &cell;
  }

  void error(const CsvCell& c, std::string message, std::string hint = {}) {
    report_error(out_, csv_.loc(c), std::move(message), std::move(hint));
  }

  // A text cell, checked as the fact file's field of that name is, and moved out of the table.
  std::optional<std::string> text(std::size_t row, Column c, TextKind kind, bool required, SourceLoc& loc) {
    CsvCell* v = cell(row, c);
    const std::string& what = what_[c];
    if (!v || looks_empty(v->text)) {
      if (required)
        report_error(out_, csv_.loc(csv_.cell(row, static_cast<std::size_t>(at_[c]))), "the " + what + " is empty",
                     "every event needs a title");
      return std::nullopt;
    }
    if (v->text.size() > max_text_bytes) {
      error(*v, what + " is longer than " + std::to_string(max_text_bytes) + " bytes");
      return std::nullopt;
    }
    if (const auto p = check_text(v->text, kind, what)) {
      report_error(out_, {csv_.file, v->line, column_in_cell(*v, p->offset)}, p->message, p->hint);
      return std::nullopt;
    }
    loc = csv_.loc(*v);
    return std::move(v->text);
  }

  std::optional<calendar::Date> date(std::size_t row, Column c) {
    if (!cell(row, c)) return std::nullopt;
    return date_in_cell(csv_, row, static_cast<std::size_t>(at_[c]), errors_).value;
  }

  template <typename T>
  std::optional<T> field(const CsvCell* v, FieldValue<T> r) {
    if (!r.value) error(*v, std::move(r.message), std::move(r.hint));
    return r.value;
  }

  model::Event event(std::size_t row) {
    model::Event ev;
    const CsvCell& first = csv_.cell(row, 0);
    ev.loc = csv_.loc(first);
    if (auto t = text(row, Title, TextKind::Lines, true, ev.title_loc)) ev.title = std::move(*t);
    SourceLoc unused;
    if (auto t = text(row, Short, TextKind::Line, false, unused)) ev.short_title = std::move(*t);
    if (auto t = text(row, Text, TextKind::Lines, false, ev.text_loc)) ev.text = std::move(*t);
    if (auto t = text(row, Source, TextKind::Line, false, unused)) ev.source = std::move(*t);
    when(row, ev);
    if (const CsvCell* v = cell(row, Group)) ev.group = field(v, read_group(trim(v->text), doc_)).value_or(-1);
    if (const CsvCell* v = cell(row, Importance)) ev.importance = field(v, read_importance(v->text)).value_or(0);
    if (const CsvCell* v = cell(row, Status)) {
      ev.status_given = true;
      ev.status = field(v, read_status(trim(v->text))).value_or(model::Status::Confirmed);
    }
    if (const CsvCell* v = cell(row, Link)) ev.link = field(v, read_link(trim(v->text))).value_or("");
    for (const Diagnostic& d : errors_.items()) report_error(out_, d.loc, d.message, d.hint);
    errors_ = Diagnostics();
    return ev;
  }

  // date (a point), or start with an optional end (a span), as in a fact file.
  void when(std::size_t row, model::Event& ev) {
    const CsvCell *d = cell(row, Date), *s = cell(row, Start), *e = cell(row, End);
    if (d && s) return error(*s, "an event has either date or start, not both", "leave one of the two cells empty");
    if (e && !s)
      return error(*e, "an event with an end needs a start", d ? "a span runs from start to end; move the date to the start column" : "");
    if (!d && !s)
      return report_error(out_, csv_.loc(csv_.cell(row, static_cast<std::size_t>(at_[at_[Date] >= 0 ? Date : Start]))),
                          "an event needs a date", "fill in the date, or the start for a span");
    if (d) {
      if (const auto v = date(row, Date)) ev.date = *v;
      return;
    }
    ev.is_span = true;
    const auto start = date(row, Start);
    const auto end = e ? date(row, End) : std::nullopt;
    if (start) ev.date = *start;
    if (start && end && calendar::end_day(*end) <= calendar::first_day(*start))
      return error(*e, "the span ends (" + quoted(trim(e->text)) + ") before it starts (" + quoted(trim(s->text)) + ")",
                   "swap start and end, or correct one of them");
    ev.end = end;
  }

  CsvTable& csv_;
  model::Document& doc_;
  Diagnostics& out_;
  Diagnostics errors_;  // a cell's date errors, passed through report_error's cap
  std::array<int, Count> at_{};  // per Column: its index in the header, -1 when absent
  std::array<std::string, Count> what_;  // per Column: its name quoted, for messages
};

}  // namespace

std::span<const std::string_view> event_csv_columns() { return kColumns; }

void read_events_csv(CsvTable& csv, model::Document& doc, std::size_t max_events, Diagnostics& out) {
  EventsCsv(csv, doc, out).read(max_events);
}

}  // namespace factline::load
