#pragma once
// TimelineJS (Knight Lab) timelines → a fact file. Both of its inputs: the JSON format
// (`title`, `events`, `eras`; dates as {year, month, day, …} objects) and the Google Sheets
// layout exported as CSV (Year, Month, Day, Time, End Year, …, Headline, Text, Media, …, Type,
// Group, Background). docs/import.md has the mapping. Text fields hold HTML there: it becomes
// plain text (tags dropped, entities decoded), never passed through. Whatever has no place in a
// fact file (images, display dates, times of day, backgrounds) is a warning at its place: a
// JSON path (events[3].media.caption) or a CSV cell's line and column.
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"

namespace factline::import {

struct ImportResult {
  std::string yaml;  // the fact file; empty when there were errors
  Diagnostics diagnostics;
};

// `file` names the input in diagnostics; its extension (.json, .csv) says the format, else the
// content does (JSON starts with '{'). The YAML is checked by the loader before it is returned:
// a result that would not load is an error, never written.
ImportResult import_timelinejs(std::string_view bytes, const std::string& file);

// HTML (a fragment) as plain text: tags dropped, entities decoded, block elements and <br> as
// line breaks, spaces collapsed, control characters removed. Also counts the links (<a href>)
// whose targets were dropped.
std::string html_to_text(std::string_view html, int* links = nullptr);

}  // namespace factline::import
