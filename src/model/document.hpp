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
#include "model/theme.hpp"

namespace factline::model {

enum class Status { Confirmed, Planned, Uncertain };

struct Group {
  std::string id;
  std::string label;
  std::optional<Color> color;  // from the fact file; else the theme's palette by group order
  SourceLoc loc;
};

struct Event {
  calendar::Date date;  // a point event
  std::string title;
  std::string text;
  int group = -1;  // index into Document::groups, -1 for none
  Status status = Status::Confirmed;
  std::string source;
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
  SourceLoc title_loc, subtitle_loc, source_loc, credit_loc;
  std::vector<Group> groups;
  std::vector<Event> events;
  Theme theme;
};

}  // namespace factline::model
