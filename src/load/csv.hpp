#pragma once
// Chart data from CSV files: RFC 4180 parsing (libcsv, strict mode), cell positions for
// diagnostics, columns chosen by name, and numbers and dates read from cells.
//
// - UTF-8 only; a byte order mark is skipped. A header row is required and names the columns.
// - Fields may be quoted, with commas, doubled quotes and line breaks inside. Spaces and tabs
//   around an unquoted field are dropped (libcsv's rule); blank lines are skipped.
// - Every row must have as many cells as the header: a missing value is an empty cell ("a,,c").
// - Each cell keeps the 1-based line and character column where it starts in the file (a quoted
//   cell spanning lines reports the line of its opening quote). Lines end at LF, CR LF or CR.
// - Limits: 16 MiB and 1,000,000 data rows, each refused with its own message.
//
// Numbers in cells are read by load::read_number's Data spelling (number.hpp): a sign (+, - or
// U+2212), digits, a decimal point, an exponent and exact thousands separators ("1,234,567");
// percent signs, currency signs, units, "n/a", "-", "NaN" and "inf" are not numbers.
// An empty cell (or one of spaces only) is a missing value: a gap, not an error.
//
// Kept apart from the YAML code like template_path: <filesystem> stays in csv.cpp.
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/date.hpp"
#include "core/diagnostic.hpp"

namespace factline::load {

inline constexpr std::size_t max_csv_bytes = 16u << 20;   // 16 MiB
inline constexpr std::size_t max_csv_rows = 1'000'000;    // data rows, header excluded
// Bad cells reported per column before one closing summary.
inline constexpr std::size_t max_csv_cell_errors = 20;

struct CsvCell {
  std::string text;  // unquoted and unescaped
  int line = 0;      // 1-based line where the cell starts
  int column = 0;    // 1-based character column where it starts (its opening quote, if quoted)
  bool quoted = false;
};

struct CsvTable {
  std::string file;              // as the user named it, for diagnostics
  std::vector<CsvCell> header;   // the column names (spaces around them dropped)
  std::vector<CsvCell> cells;    // data rows, row by row, header.size() cells each
  std::string text;              // the file's text (after any byte order mark), to quote its lines
  // Rows with too few or too many cells (reported). A file with any may be no table at all:
  // its lines are then never quoted.
  std::size_t bad_rows = 0;

  std::size_t columns() const { return header.size(); }
  std::size_t rows() const { return header.empty() ? 0 : cells.size() / header.size(); }
  const CsvCell& cell(std::size_t row, std::size_t column) const {
    return cells[row * header.size() + column];
  }
  CsvCell& cell(std::size_t row, std::size_t column) { return cells[row * header.size() + column]; }
  SourceLoc loc(const CsvCell& c) const { return {file, c.line, c.column}; }
};

// The character column of byte `offset` in a cell's text, when it can be told: the cell is on
// one line and has no doubled quotes; else the cell's own column.
int column_in_cell(const CsvCell& cell, std::size_t offset);

// Parses CSV text. `file` names it in diagnostics. Nothing when it cannot be read as a table
// (all problems of the same kind are reported, up to load::max_errors). A row with too few or too
// many cells is an error that still gives the table (its missing cells empty, at the row's
// end; a row with too many left out), so the mistakes in its cells are reported in the same run.
std::optional<CsvTable> read_csv(std::string_view text, const std::string& file, Diagnostics& out);
namespace detail {
// read_csv with every line through libcsv, none split by hand: the reference that the lines
// read_csv splits itself (those without quotes) are tested against.
std::optional<CsvTable> read_csv_through_libcsv(std::string_view text, const std::string& file, Diagnostics& out);
}  // namespace detail

// Reads and parses the file at `path` (as resolve_data_path returns it); `file` names it in
// diagnostics (as the user wrote it). A file over max_csv_bytes is refused before it is read.
std::optional<CsvTable> read_csv_file(const std::string& path, const std::string& file,
                                      Diagnostics& out);

// A column the fact file asks for, and where it does (for the diagnostic when it is missing).
struct ColumnRequest {
  std::string name;
  SourceLoc at;
};

// The header index of each requested column, in request order. A name the header lacks is an
// error at the request, with a did-you-mean (load::closest_match) or the list of columns; a
// name the header has twice is an error too. Nothing when any is missing.
std::optional<std::vector<std::size_t>> select_columns(const CsvTable& table,
                                                       std::span<const ColumnRequest> requests,
                                                       Diagnostics& out);

// A cell read as a number or a date: a value, a gap (empty cell), or an error (reported).
struct CellNumber {
  std::optional<double> value;
  bool error = false;
  bool gap() const { return !value && !error; }
};
struct CellDate {
  std::optional<calendar::Date> value;
  bool error = false;
  bool gap() const { return !value && !error; }
};

// The number in a cell. A bad cell is the error `"n/a" is not a number` at the cell's file,
// line and column, with a hint that names the column and says how to write a number or a gap.
CellNumber number_in_cell(const CsvTable& table, std::size_t row, std::size_t column,
                          Diagnostics& out);
// The date in a cell, by calendar::parse_date (the forms fact files accept): its error at the
// cell's position (at the offending character when the cell is on one line).
CellDate date_in_cell(const CsvTable& table, std::size_t row, std::size_t column, Diagnostics& out);

// A whole column: nullopt for gaps. Nothing when a cell is bad; the first max_csv_cell_errors
// bad cells are reported, then one error that says how many more there are.
std::optional<std::vector<std::optional<double>>> numbers_in_column(const CsvTable& table,
                                                                    std::size_t column,
                                                                    Diagnostics& out);
std::optional<std::vector<std::optional<calendar::Date>>> dates_in_column(const CsvTable& table,
                                                                          std::size_t column,
                                                                          Diagnostics& out);

// A number's text (a cell's, or an inline row value's) for column `column`: the value; nothing
// for blank text (a gap); or, when it is not a number, the error's message and a hint naming
// the column. number_in_cell reports these.
struct NumberText {
  std::optional<double> value;
  std::string error, hint;  // empty unless the text is not a number
};
NumberText read_number_text(std::string_view text, std::string_view column);

// The data file a fact file names (`written`, at `at`), resolved (resolve_data_path, against
// the folder of `fact_file`, the current folder for "-") and read (read_csv_file). Its
// diagnostics name it as the fact file's folder joined with `written` ("stories/data/x.csv"),
// so that the name opens from where the fact file was named.
// `confined` as resolve_data_path sets it.
std::optional<CsvTable> read_data_file(const std::string& fact_file, std::string_view written,
                                       const SourceLoc& at, Diagnostics& out, bool* confined = nullptr);
// The name read_data_file gives that file: the fact file's folder joined with `written`.
std::string data_file_name(const std::string& fact_file, std::string_view written);

}  // namespace factline::load
