#pragma once
// The resolved fact file: plain data, every default filled, every date parsed. Layout never
// asks whether a key was present.
#include <optional>
#include <string>
#include <vector>

#include "calendar/date.hpp"
#include "core/color.hpp"
#include "core/diagnostic.hpp"
#include "core/locale.hpp"
#include "model/chart.hpp"
#include "model/theme.hpp"

namespace factline::model {

// The widest and tallest page, px: a fact file's width and height, a template's width, and a
// page that widens to fit its events all stop here. PNG allows 32,767 px a side, so a page
// this size still renders at --scale 2.
inline constexpr double max_page_px = 16000;
// The narrowest and lowest: a fact file's width and height and a template's width. Below it no
// title fits and a width like 0.5 would round to no picture at all.
inline constexpr double min_page_px = 100;

enum class Status { Confirmed, Planned, Uncertain };
enum class Orientation { Auto, Horizontal, Vertical };
// `detail:`: how many events a timeline labels. Auto keeps the page (the width asked for, a
// height of at most 3× it) and labels what fits; All labels every event and grows the page;
// Count labels at most `detail_count` events on the Auto page.
enum class Detail { Auto, All, Count };

struct Group {
  std::string id;
  std::string label;
  std::optional<Color> color;  // from the fact file; else the theme's palette by group order
  int importance = 0;          // its events' default importance (1–5), 0 for none
  SourceLoc loc;
};

struct Event {
  calendar::Date date;  // a point event's date, or a span's start
  // A span (`start:` in the fact file) has an end: a date, or none when ongoing (drawn to
  // `as_of`, else to the end of the axis). A point event (`date:`) has is_span false.
  bool is_span = false;
  std::optional<calendar::Date> end;
  // An era (`era: true`, spans only): a period drawn as a background band across the plot with
  // its title, not as a bar in a lane.
  bool era = false;
  std::string title;
  std::string short_title;  // `short:`, drawn where the full title does not fit (level of detail)
  std::string text;
  // 1–5 (5: must be labelled), from the event or its group's default; 0: unrated (the
  // deterministic weight rule of docs/format.md decides).
  int importance = 0;
  int group = -1;  // index into Document::groups, -1 for none
  Status status = Status::Confirmed;
  std::string source;
  std::string link;     // http(s) URL or empty
  bool status_given = false;  // false: the status is the default (planned after as_of)
  SourceLoc loc;        // where the event starts in the fact file
  SourceLoc title_loc;  // for diagnostics about its text
  SourceLoc text_loc;
};

struct Document {
  std::string file;  // as named by the user
  std::string title;
  std::string subtitle;
  Locale locale = Locale::Ko;
  std::string source;
  std::string credit;
  std::string note;
  // template: as written, a template's name or a path from the fact file's folder; empty: the
  // default (the load stage reads the template into `theme`).
  std::string template_name;
  std::optional<double> width, height;  // px; height computed when absent
  Orientation orientation = Orientation::Auto;
  bool axis_breaks = true;  // compress long empty stretches of time (auto); false: never
  Detail detail = Detail::Auto;
  int detail_count = 0;     // Detail::Count's N (≥ 1)
  std::optional<calendar::Date> as_of;  // the reference date ("기준일")
  SourceLoc title_loc, subtitle_loc, source_loc, credit_loc, note_loc;
  std::vector<Group> groups;
  std::vector<Event> events;
  // What the page shows: a timeline of `events` (neither below), one chart (`chart:`; a line
  // chart with dates also draws the events on its time axis), or a composite page (`panels:`)
  // stacking a timeline and charts under one header and footer.
  std::optional<Chart> chart;
  std::vector<Panel> panels;
  bool share_time = true;  // panels: the timeline and date charts share one time range
  Theme theme;
};

}  // namespace factline::model
