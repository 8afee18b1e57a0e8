#pragma once
// events: "file.csv" — a fact file's events from a CSV file (docs/format.md, "Events from a CSV
// file"): the header names event keys, each row is one event, every cell is checked where it is.
#include <span>
#include <string_view>

#include "core/diagnostic.hpp"
#include "load/csv.hpp"
#include "model/document.hpp"

namespace factline::load {

// The columns an events file may have.
std::span<const std::string_view> event_csv_columns();

// Appends the table's events to doc.events (its groups must be read already). Errors at the
// header cell or data cell concerned; `max_events` rows at most. The text cells' strings are
// moved into the events (a copy each was a tenth of reading 100,000 events): the table's cells
// are spent, its file name and text stay.
void read_events_csv(CsvTable& csv, model::Document& doc, std::size_t max_events, Diagnostics& out);

}  // namespace factline::load
