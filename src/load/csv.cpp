#include "load/csv.hpp"

#include <csv.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <variant>

#include "core/utf8.hpp"
#include "load/data_path.hpp"
#include "model/chart.hpp"
#include "load/errors.hpp"
#include "load/file_read.hpp"
#include "load/number.hpp"
#include "load/suggest.hpp"
#include "load/trim.hpp"

// Every call of quoted() below is spelt load::quoted: <filesystem> brings std::quoted, which
// argument-dependent lookup would otherwise find too.

namespace factline::load {
namespace {

constexpr std::string_view kUtf8Hint =
    "save it as UTF-8 (\"CSV UTF-8\" in Excel); spreadsheets in Korean often save CSV as CP949";

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// The bytes libcsv ends a field at (outside quotes).
bool is_field_end(char c) { return c == ',' || c == '\n' || c == '\r'; }

// Spaces and tabs: what libcsv drops around an unquoted field, and what a blank cell holds.
constexpr std::string_view kBlanks = " \t";

std::string with_commas(std::size_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// Byte offsets to 1-based lines and character columns, for offsets asked in increasing order
// (cells come in file order), so the whole file is walked once. Lines end at LF, CR LF or CR,
// as libcsv ends rows. The text before every offset asked is valid UTF-8 (read_csv checks the
// file first and asks at most for its first malformed byte), so characters are stepped over by
// their lead bytes, not decoded.
class Positions {
 public:
  explicit Positions(std::string_view text) : text_(text) {}
  std::pair<int, int> at(std::size_t offset) {
    if (offset < offset_) offset_ = 0, line_ = 1, column_ = 1;  // not expected; stay correct
    offset = std::min(offset, text_.size());
    while (offset_ < offset) {
      const char c = text_[offset_];
      if (c == '\n' || (c == '\r' && (offset_ + 1 >= text_.size() || text_[offset_ + 1] != '\n'))) {
        ++offset_, ++line_, column_ = 1;
      } else if (c == '\r') {
        ++offset_;  // the CR of a CR LF; its LF ends the line
      } else {
        const auto b = static_cast<unsigned char>(c);
        offset_ += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;  // the length its lead byte says
        ++column_;
      }
    }
    return {line_, column_};
  }

 private:
  std::string_view text_;
  std::size_t offset_ = 0;
  int line_ = 1, column_ = 1;
};

// Feeds libcsv and turns its callbacks into positioned cells. libcsv reports a field only while
// it consumes a comma, CR or LF (or in csv_fini), so the text is fed in pieces that end at
// such a byte: whatever fires, fires at the piece's last byte, and a field starts at the first
// byte after the previous field's end that libcsv does not skip (spaces and tabs; also CR and
// LF at the start of a row, where libcsv skips blank lines).
class CsvTextReader {
 public:
  CsvTextReader(std::string_view text, const std::string& file, Diagnostics& out, bool plain_lines_by_hand)
      : text_(text), positions_(text), out_(out), by_hand_(plain_lines_by_hand) {
    table_.file = file;
  }

  bool out_of_memory() const { return out_of_memory_; }

  std::optional<CsvTable> run() {
    // Every cell ends at a comma or a line break (or the end): an upper bound that spares the
    // vector's doubling on big files.
    std::size_t bound = 1;
    for (char c : text_) bound += (c == ',') + (c == '\n') + (c == '\r');  // no branches: vectorised
    table_.cells.reserve(bound);
    csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
      out_.error({table_.file, 0, 0}, "cannot start the CSV parser");
      return std::nullopt;
    }
    const bool ok = parse(parser);
    csv_free(&parser);
    if (!ok || stopped_) return std::nullopt;
    if (!header_done_) {
      out_.error({table_.file, 1, 1}, "the CSV file is empty",
                 "its first row must name the columns, such as: date,value");
      return std::nullopt;
    }
    // Rows of the wrong length were reported (the table is thus not to be drawn) and are read
    // on, so that the mistakes in its cells come out in the same run.
    table_.text = std::string(text_);
    return std::move(table_);
  }

 private:
  bool parse(csv_parser& parser) {
    std::size_t from = 0;
    bool row_start = true;  // libcsv is between rows (it has ended one, or not begun)
    while (from < text_.size()) {
      if (row_start && by_hand_) {
        // A line without quotes is split here as libcsv would split it, at a tenth of its
        // cost per byte; a quote sends the line to libcsv.
        const std::size_t eol = line_end(from);
        if (std::memchr(text_.data() + from, '"', eol - from) == nullptr) {
          try {
            split_plain_line(from, eol);
          } catch (...) {
            stopped_ = out_of_memory_ = true;
          }
          if (stopped_) return false;
          from = std::min(eol + 1, text_.size());
          continue;
        }
      }
      // A plain loop: find_first_of calls memchr on the three bytes for every byte of the text.
      std::size_t end = from;
      while (end < text_.size() && !is_field_end(text_[end])) ++end;
      end = std::min(end + 1, text_.size());
      boundary_ = end - 1;
      const std::size_t rows_before = row_events_;
      const std::size_t done = csv_parse(&parser, text_.data() + from, end - from, on_field, on_row, this);
      // A piece ends at its first field end: a row ended there, or libcsv is inside one.
      row_start = row_events_ != rows_before;
      if (done < end - from) {
        if (csv_error(&parser) == CSV_EPARSE) return parse_error(from + done);
        return no_memory();
      }
      if (stopped_) return false;
      from = end;
    }
    boundary_ = text_.size();
    if (csv_fini(&parser, on_field, on_row, this) != 0) {
      if (csv_error(&parser) == CSV_EPARSE) {
        add_error(loc(field_start()), "a quoted cell is never closed",
                  "end it with a quote; a quote inside a quoted cell is written twice (\"\")");
        return false;
      }
      return no_memory();
    }
    return !stopped_;
  }

  bool parse_error(std::size_t at) {
    if (at < text_.size() && text_[at] == '"')
      add_error(loc(at), "a quote inside a cell that does not start with one",
                "quote the whole cell and write the quote twice, as in \"say \"\"hi\"\"\"");
    else
      add_error(loc(at), "text after the closing quote of a cell",
                "a quoted cell ends at its closing quote; a quote inside it is written twice (\"\")");
    return false;
  }

  bool no_memory() {
    out_.error({table_.file, 0, 0}, "out of memory while reading the CSV file");
    return false;
  }

  SourceLoc loc(std::size_t offset) {
    const auto [line, column] = positions_.at(offset);
    return {table_.file, line, column};
  }

  std::size_t field_start() const {
    std::size_t i = search_from_;
    while (i < text_.size() &&
           (is_blank(text_[i]) || (row_start_ && (text_[i] == '\r' || text_[i] == '\n'))))
      ++i;
    return i;
  }

  void add_error(SourceLoc at, std::string message, std::string hint = {}) {
    if (errors_ >= max_errors) {
      out_.error(std::move(at), "too many errors; stopping after " + std::to_string(max_errors),
                 "fix these and run again");
      stopped_ = true;
      return;
    }
    ++errors_;
    out_.error(std::move(at), std::move(message), std::move(hint));
  }

  static void on_field(void* data, std::size_t size, void* self) {
    auto* r = static_cast<CsvTextReader*>(self);
    try {
      r->field(std::string_view(static_cast<const char*>(data), data ? size : 0));
    } catch (...) {
      r->stopped_ = true;  // reported below; nothing may unwind through libcsv's C frames
      r->out_of_memory_ = true;
    }
  }

  static void on_row(int, void* self) {
    auto* r = static_cast<CsvTextReader*>(self);
    ++r->row_events_;
    try {
      r->row();
    } catch (...) {
      r->stopped_ = true;
      r->out_of_memory_ = true;
    }
  }

  // Where the line from `from` ends: its first CR or LF, else the text's end (found by memchr,
  // which scans many bytes at a time).
  std::size_t line_end(std::size_t from) const {
    const char* begin = text_.data() + from;
    const char* end = text_.data() + text_.size();
    const char* lf = static_cast<const char*>(std::memchr(begin, '\n', static_cast<std::size_t>(end - begin)));
    if (lf) end = lf;
    const char* cr = static_cast<const char*>(std::memchr(begin, '\r', static_cast<std::size_t>(end - begin)));
    return static_cast<std::size_t>((cr ? cr : end) - text_.data());
  }

  // A line [from, eol) without quotes, where libcsv would be between rows: blanks (spaces and
  // tabs) alone are no row; else its cells, split at commas with the blanks around each
  // dropped, each ending (boundary_) at its comma or the line's end, and the row.
  void split_plain_line(std::size_t from, std::size_t eol) {
    std::size_t start = from;
    while (start < eol && is_blank(text_[start])) ++start;
    if (start == eol) return;
    for (start = from;; start = boundary_ + 1) {
      const void* comma = std::memchr(text_.data() + start, ',', eol - start);
      boundary_ = comma ? static_cast<std::size_t>(static_cast<const char*>(comma) - text_.data()) : eol;
      field(trim(text_.substr(start, boundary_ - start), kBlanks));
      if (boundary_ == eol) break;
    }
    row();
  }

  void field(std::string_view value) {
    if (stopped_) return;
    const std::size_t start = field_start();
    const auto [line, column] = positions_.at(start);
    row_.push_back({std::string(value), line, column, start < text_.size() && text_[start] == '"'});
    search_from_ = boundary_ + 1;
    row_start_ = false;
  }

  void row() {
    search_from_ = boundary_ + 1;
    row_start_ = true;
    if (stopped_ || row_.empty()) return;
    if (!header_done_) {
      header_done_ = true;
      table_.header = std::move(row_);
      for (CsvCell& c : table_.header) c.text = std::string(trim(c.text, kBlanks));
    } else if (row_.size() > table_.header.size()) {
      // Its cells no longer line up with the columns: the row is left out, not read askew.
      ++table_.bad_rows;
      add_error(table_.loc(row_.front()),
                "this row has " + std::to_string(row_.size()) + " cells; the header has " +
                    std::to_string(table_.header.size()) + " columns",
                "a cell holding a comma must be quoted, as in \"1,234\"");
    } else if (++rows_ > max_csv_rows) {
      add_error(table_.loc(row_.front()), "the CSV file has more than " + with_commas(max_csv_rows) + " rows",
                "aggregate the data (by month, say) before charting it");
      stopped_ = true;
    } else {
      if (row_.size() < table_.header.size()) {
        ++table_.bad_rows;
        add_error(table_.loc(row_.front()),
                  "this row has " + std::to_string(row_.size()) + " cells; the header has " +
                      std::to_string(table_.header.size()) + " columns",
                  "every row needs a cell for every column; leave a cell empty for a missing value, as in 2024,,3");
        // Read on with the missing cells empty, at the row's end, so the other cells are checked.
        const CsvCell& last = row_.back();
        const int end = last.column + static_cast<int>(utf8::count(last.text)) + (last.quoted ? 2 : 0);
        row_.resize(table_.header.size(), CsvCell{{}, last.line, end, false});
      }
      table_.cells.insert(table_.cells.end(), std::make_move_iterator(row_.begin()),
                          std::make_move_iterator(row_.end()));
    }
    row_.clear();
  }

  std::string_view text_;
  Positions positions_;
  Diagnostics& out_;
  CsvTable table_;
  std::vector<CsvCell> row_;
  std::size_t boundary_ = 0;     // offset of the byte libcsv's callbacks fire on
  std::size_t search_from_ = 0;  // the next field starts at or after this offset
  bool row_start_ = true;
  bool header_done_ = false;
  bool stopped_ = false;
  bool out_of_memory_ = false;
  const bool by_hand_;
  std::size_t row_events_ = 0;  // libcsv's row callbacks
  std::size_t rows_ = 0;
  std::size_t errors_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Numbers.

bool is_missing_marker(std::string_view t) {
  std::string lower;
  for (char c : trim(t, kBlanks)) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (std::string_view m : {"n/a", "na", "nan", "null", "none", "nil", "missing", "-", "--", ".",
                             "?", "\u2013", "\u2014", "#n/a", "없음"})
    if (lower == m) return true;
  return false;
}

std::string number_hint(std::string_view text, std::string_view column) {
  const std::string col = "column " + load::quoted(column);
  if (is_missing_marker(text)) return "for a missing value in " + col + ", leave the cell empty";
  const std::string_view t = trim(text, kBlanks);
  if (t.find(',') != std::string_view::npos)
    return col + " holds numbers: a comma may only group thousands (1,234,567); decimals take a "
                 "point (1.5)";
  if (t.ends_with("%"))
    return col + " holds numbers: write 12.5, not 12.5%, and give the unit in the axis title";
  return col + " holds numbers, such as 12.5, -3 or 1.2e6; leave the cell empty for a missing value";
}

std::nullopt_t too_large(const std::string& file, Diagnostics& out) {
  out.error({file, 0, 0}, "the CSV file is larger than 16 MiB",
            "keep only the columns the chart uses, or aggregate the rows");
  return std::nullopt;
}

}  // namespace

int column_in_cell(const CsvCell& cell, std::size_t offset) {
  if (cell.text.find_first_of("\"\r\n") != std::string::npos) return cell.column;
  offset = std::min(offset, cell.text.size());
  return cell.column + (cell.quoted ? 1 : 0) +
         static_cast<int>(utf8::count(std::string_view(cell.text).substr(0, offset)));
}

namespace {

std::optional<CsvTable> read(std::string_view text, const std::string& file, Diagnostics& out, bool by_hand) {
  if (text.size() > max_csv_bytes) return too_large(file, out);
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (const std::size_t bad = utf8::first_invalid(text); bad != std::string_view::npos) {
    const auto [line, column] = Positions(text).at(bad);
    out.error({file, line, column}, "the CSV file is not valid UTF-8", std::string(kUtf8Hint));
    return std::nullopt;
  }
  CsvTextReader reader(text, file, out, by_hand);
  auto table = reader.run();
  if (reader.out_of_memory()) out.error({file, 0, 0}, "out of memory while reading the CSV file");
  return table;
}

}  // namespace

std::optional<CsvTable> read_csv(std::string_view text, const std::string& file, Diagnostics& out) {
  return read(text, file, out, true);
}

std::optional<CsvTable> detail::read_csv_through_libcsv(std::string_view text, const std::string& file,
                                                        Diagnostics& out) {
  return read(text, file, out, false);
}

std::optional<CsvTable> read_csv_file(const std::string& path, const std::string& file,
                                      Diagnostics& out) {
  const FileBytes read = read_file_bytes(path, max_csv_bytes);
  switch (read.problem) {
    case FileBytes::Problem::None: return read_csv(read.bytes, file, out);
    case FileBytes::Problem::TooLarge: return too_large(file, out);
    case FileBytes::Problem::IsFolder: out.error({file, 0, 0}, "cannot read the CSV file: it is a folder"); break;
    case FileBytes::Problem::NotAFile: out.error({file, 0, 0}, "cannot read the CSV file: it is not a regular file"); break;
    case FileBytes::Problem::CannotOpen: out.error({file, 0, 0}, "cannot read the CSV file: " + read.why); break;
    case FileBytes::Problem::CannotRead: out.error({file, 0, 0}, "cannot read the CSV file"); break;
  }
  return std::nullopt;
}

std::optional<std::vector<std::size_t>> select_columns(const CsvTable& table,
                                                       std::span<const ColumnRequest> requests,
                                                       Diagnostics& out) {
  std::vector<std::string_view> names;
  for (const CsvCell& h : table.header) names.push_back(h.text);
  std::vector<std::size_t> found;
  bool ok = true;
  for (const ColumnRequest& r : requests) {
    std::vector<std::size_t> at;
    for (std::size_t i = 0; i < names.size(); ++i)
      if (names[i] == r.name) at.push_back(i);
    if (at.size() == 1) {
      found.push_back(at.front());
      continue;
    }
    ok = false;
    if (at.size() > 1) {
      out.error(r.at,
                load::quoted(table.file) + " has " + std::to_string(at.size()) + " columns named " +
                    load::quoted(r.name) + " (columns " + std::to_string(at[0] + 1) + " and " +
                    std::to_string(at[1] + 1) + ")",
                "rename all but one of them in the header row");
      continue;
    }
    std::string hint;
    if (const std::string guess = closest_match(r.name, names); !guess.empty()) {
      hint = "did you mean " + load::quoted(guess) + "?";
    } else {
      hint = "its columns are";
      constexpr std::size_t shown = 12;
      for (std::size_t i = 0; i < std::min(names.size(), shown); ++i)
        hint += (i ? ", " : " ") + load::quoted(names[i]);
      if (names.size() > shown) hint += " and " + std::to_string(names.size() - shown) + " more";
    }
    out.error(r.at, load::quoted(table.file) + " has no column " + load::quoted(r.name), hint);
  }
  if (!ok) return std::nullopt;
  return found;
}

NumberText read_number_text(std::string_view text, std::string_view column) {
  const NumberParse r = parse_number(text, NumberSyntax::Data);
  switch (r.problem) {
    case NumberParse::Problem::None:
      if (std::abs(r.value) > model::max_chart_value)
        return {std::nullopt, load::quoted(text) + " is beyond ±10^15, the largest value a chart draws",
                "write the values in a larger unit (억, 조, million) and say so in the title or the axis"};
      return {r.value, {}, {}};
    case NumberParse::Problem::Blank: return {};
    case NumberParse::Problem::OutOfRange:
      return {std::nullopt, load::quoted(text) + " is out of range for a number",
              "values in charts stay within ±10^15"};
    case NumberParse::Problem::NotANumber: break;
  }
  return {std::nullopt, load::quoted(text) + " is not a number", number_hint(text, column)};
}

CellNumber number_in_cell(const CsvTable& table, std::size_t row, std::size_t column,
                          Diagnostics& out) {
  const CsvCell& cell = table.cell(row, column);
  NumberText n = read_number_text(cell.text, table.header[column].text);
  if (n.error.empty()) return {n.value, false};
  out.error(table.loc(cell), std::move(n.error), std::move(n.hint));
  return {std::nullopt, true};
}

CellDate date_in_cell(const CsvTable& table, std::size_t row, std::size_t column, Diagnostics& out) {
  const CsvCell& cell = table.cell(row, column);
  if (trim(cell.text, kBlanks).empty()) return {};
  const calendar::DateResult r = calendar::parse_date(cell.text);
  if (const auto* d = std::get_if<calendar::Date>(&r)) return {*d, false};
  const auto& e = std::get<calendar::DateError>(r);
  out.error({table.file, cell.line, column_in_cell(cell, e.offset)}, e.message, e.hint);
  return {std::nullopt, true};
}

namespace {

template <typename Value, typename Read>
std::optional<std::vector<std::optional<Value>>> read_column(const CsvTable& table, std::size_t column,
                                                             Diagnostics& out, Read read,
                                                             std::string_view what) {
  std::vector<std::optional<Value>> values;
  values.reserve(table.rows());
  std::size_t bad = 0;
  std::optional<SourceLoc> first_unreported;
  for (std::size_t row = 0; row < table.rows(); ++row) {
    Diagnostics local;
    const auto cell = read(table, row, column, bad < max_csv_cell_errors ? out : local);
    if (cell.error && ++bad == max_csv_cell_errors + 1) first_unreported = table.loc(table.cell(row, column));
    values.push_back(cell.value);
  }
  if (bad > max_csv_cell_errors) {
    const std::size_t more = bad - max_csv_cell_errors;
    out.error(*first_unreported,
              "and " + with_commas(more) + " more " + (more == 1 ? "cell" : "cells") + " in column " +
                  load::quoted(table.header[column].text) + (more == 1 ? " is not " : " are not ") +
                  std::string(what),
              "fix the cells above; the rest are likely the same mistake");
  }
  if (bad > 0) return std::nullopt;
  return values;
}

}  // namespace

std::optional<std::vector<std::optional<double>>> numbers_in_column(const CsvTable& table,
                                                                    std::size_t column,
                                                                    Diagnostics& out) {
  return read_column<double>(table, column, out, number_in_cell, "a number");
}

std::optional<std::vector<std::optional<calendar::Date>>> dates_in_column(const CsvTable& table,
                                                                          std::size_t column,
                                                                          Diagnostics& out) {
  return read_column<calendar::Date>(table, column, out, date_in_cell, "a date");
}

namespace {
std::filesystem::path fact_file_folder(const std::string& fact_file) {
  return fact_file == "-" ? std::filesystem::path() : std::filesystem::path(fact_file).parent_path();
}
}  // namespace

std::string data_file_name(const std::string& fact_file, std::string_view written) {
  return (fact_file_folder(fact_file) / std::filesystem::path(std::string(written))).lexically_normal().string();
}

std::optional<CsvTable> read_data_file(const std::string& fact_file, std::string_view written,
                                       const SourceLoc& at, Diagnostics& out, bool* confined) {
  const auto path = resolve_data_path(fact_file_folder(fact_file).string(), written, at, out, confined);
  if (!path) return std::nullopt;
  return read_csv_file(*path, data_file_name(fact_file, written), out);
}

}  // namespace factline::load
