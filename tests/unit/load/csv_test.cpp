#include "load/csv.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "core/utf8.hpp"
#include "load_fixture.hpp"

using namespace factline;
using load::ColumnRequest;
using load::CsvTable;
using load::read_csv;

namespace {

std::string listed(const Diagnostics& d) { return load::test::located(d); }

CsvTable parsed(std::string_view text, const std::string& file = "data.csv") {
  Diagnostics d;
  auto t = read_csv(text, file, d);
  INFO(listed(d));
  REQUIRE(t.has_value());
  CHECK(d.empty());
  return *t;
}

// The diagnostics of text that must not parse.
std::string errors_of(std::string_view text, const std::string& file = "data.csv") {
  Diagnostics d;
  CHECK_FALSE(read_csv(text, file, d).has_value());
  CHECK(d.has_errors());
  return listed(d);
}

// A fresh folder for file tests, removed at the end of the test.
struct TempTree {
  std::filesystem::path root;
  TempTree() {
    namespace fs = std::filesystem;
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    root = fs::temp_directory_path() / ("factline-csv-test-" + std::to_string(stamp));
    fs::create_directories(root / "facts");
  }
  ~TempTree() {
    std::error_code ec;
    std::filesystem::remove_all(root, ec);
  }
  void write(const std::string& relative, std::string_view text) const {
    std::ofstream(root / relative, std::ios::binary) << text;
  }
  std::string facts() const { return (root / "facts").string(); }
};

}  // namespace

TEST_CASE("a CSV file is read into a header and rows of cells with their positions") {
  const CsvTable t = parsed("date,value\n2024-01,12.5\n2024-02,13\n");
  REQUIRE(t.columns() == 2);
  REQUIRE(t.rows() == 2);
  CHECK(t.header[0].text == "date");
  CHECK(t.header[1].text == "value");
  CHECK(t.cell(0, 1).text == "12.5");
  CHECK(t.cell(1, 0).text == "2024-02");
  CHECK(t.cell(1, 1).line == 3);
  CHECK(t.cell(1, 1).column == 9);
  CHECK(t.loc(t.cell(1, 1)) == SourceLoc{"data.csv", 3, 9});
}

TEST_CASE("quoted CSV fields hold commas, doubled quotes and line breaks") {
  const CsvTable t = parsed(
      "name,note,value\n"
      "\"Kim, J.\",\"He said \"\"hi\"\"\",1\n"
      "\"multi\n"
      "line\",x,2\n"
      "after,y,3\n");
  REQUIRE(t.rows() == 3);
  CHECK(t.cell(0, 0).text == "Kim, J.");
  CHECK(t.cell(0, 0).quoted);
  CHECK(t.cell(0, 1).text == "He said \"hi\"");
  CHECK(t.cell(0, 1).column == 11);
  CHECK(t.cell(1, 0).text == "multi\nline");
  CHECK(t.cell(1, 0).line == 3);  // where the quoted field starts
  CHECK(t.cell(1, 1).text == "x");
  CHECK(t.cell(1, 1).line == 4);
  CHECK(t.cell(1, 1).column == 7);
  CHECK(t.cell(2, 0).line == 5);
  CHECK_FALSE(t.cell(2, 0).quoted);
}

TEST_CASE("random CSV tables come back cell for cell, each at the line and column it starts") {
  // Cells of letters, Hangul, spaces, commas, quotes and line breaks, quoted at random (always
  // when they must be), with blanks around them, CR LF or LF row ends and blank lines.
  std::mt19937 rng(5);
  const std::vector<std::string> pieces = {"a", "b", "한", " ", ",", "\"", "\n", "\r\n", "x y", "1"};
  for (int round = 0; round < 500; ++round) {
    const int columns = 1 + static_cast<int>(rng() % 4), rows = static_cast<int>(rng() % 5);
    std::string text;
    int line = 1, column = 1;
    auto emit = [&](const std::string& s) {
      for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (s[i] == '\n') ++line, column = 1;
        else if (s[i] != '\r') ++column;
        i += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
      }
      text += s;
    };
    struct Expected {
      std::string text;
      int line, column;
      bool quoted;
    };
    std::vector<Expected> expected;
    for (int r = 0; r <= rows; ++r) {
      for (int c = 0; c < columns; ++c) {
        if (c > 0) emit(",");
        std::string content;
        for (int k = static_cast<int>(rng() % 4); k > 0; --k) content += pieces[rng() % pieces.size()];
        const bool quote = rng() % 2 == 1 || content.find_first_of(",\"\r\n") != std::string::npos ||
                           content.starts_with(" ") || content.ends_with(" ") || content.empty();
        if (rng() % 4 == 0) emit("  ");
        expected.push_back({content, line, column, quote});
        if (quote) {
          std::string q = "\"";
          for (char ch : content) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
          emit(q + "\"");
        } else {
          emit(content);
        }
        if (rng() % 4 == 0) emit(" ");
      }
      emit(rng() % 3 == 0 ? "\r\n" : "\n");
      if (rng() % 5 == 0) emit("\n");
    }
    INFO(text);
    const CsvTable t = parsed(text);
    REQUIRE(t.rows() == static_cast<std::size_t>(rows));
    for (std::size_t i = 0; i < expected.size(); ++i) {
      const auto col = static_cast<std::size_t>(columns);
      const load::CsvCell& got = i < col ? t.header[i] : t.cells[i - col];
      std::string want = expected[i].text;
      if (i < col) {  // header names lose spaces at either end
        while (want.starts_with(" ")) want.erase(0, 1);
        while (want.ends_with(" ")) want.pop_back();
      }
      CHECK(got.text == want);
      CHECK(got.quoted == expected[i].quoted);
      CHECK(got.line == expected[i].line);
      CHECK(got.column == expected[i].column);
    }
  }
}

TEST_CASE("CSV columns are counted in characters, not bytes") {
  const CsvTable t = parsed("날짜,값\n2024년 9월,\"1,234\"\n");
  CHECK(t.header[1].text == "값");
  CHECK(t.header[1].column == 4);
  CHECK(t.cell(0, 1).column == 10);
  CHECK(t.cell(0, 1).text == "1,234");
}

TEST_CASE("a CSV byte order mark is skipped") {
  const CsvTable t = parsed("\xEF\xBB\xBF" "a,b\n1,2");
  CHECK(t.header[0].text == "a");
  CHECK(t.header[0].column == 1);
  CHECK(t.cell(0, 1).text == "2");
}

TEST_CASE("CSV lines may end in CR LF or CR, and blank lines are skipped") {
  const CsvTable crlf = parsed("a,b\r\n\r\n1,2\r\n  \r\n3,4");
  REQUIRE(crlf.rows() == 2);
  CHECK(crlf.cell(0, 0).line == 3);
  CHECK(crlf.cell(1, 1).line == 5);
  CHECK(crlf.cell(1, 1).column == 3);
  const CsvTable cr = parsed("a,b\r1,2\r3,4\r");
  CHECK(cr.cell(1, 0).line == 3);
}

TEST_CASE("spaces around unquoted CSV fields are dropped, inside quotes kept") {
  const CsvTable t = parsed(" name , value \n  x  ,\" 1 \"\n");
  CHECK(t.header[0].text == "name");
  CHECK(t.header[1].text == "value");
  CHECK(t.cell(0, 0).text == "x");
  CHECK(t.cell(0, 0).column == 3);
  CHECK(t.cell(0, 1).text == " 1 ");
}

TEST_CASE("a header-only CSV file has no rows") {
  const CsvTable t = parsed("date,value\n");
  CHECK(t.columns() == 2);
  CHECK(t.rows() == 0);
}

TEST_CASE("an empty CSV file is an error: the header row is required") {
  CHECK(errors_of("") == "data.csv:1:1: the CSV file is empty\n");
  CHECK(errors_of("\xEF\xBB\xBF\n\n  \n") == "data.csv:1:1: the CSV file is empty\n");
}

TEST_CASE("a CSV row with a missing or extra cell is an error at the row; the table is read on") {
  Diagnostics d;
  const auto t = read_csv("a,b,c\n1,2,3\n1,2\n4,5,6,7\n8,9,x\n", "data.csv", d);
  CHECK(listed(d) ==
        "data.csv:3:1: this row has 2 cells; the header has 3 columns\n"
        "data.csv:4:1: this row has 4 cells; the header has 3 columns\n");
  // The short row's missing cell is empty, at the row's end; the long row is left out, so
  // the cells after it are still read in their columns.
  REQUIRE(t.has_value());
  CHECK(t->bad_rows == 2);
  REQUIRE(t->rows() == 3);
  CHECK(t->cell(1, 2).text.empty());
  CHECK(t->cell(1, 2).line == 3);
  CHECK(t->cell(1, 2).column == 4);
  CHECK(t->cell(2, 2).text == "x");
  // So a column read afterwards reports its own bad cells in the same run.
  Diagnostics cells;
  CHECK_FALSE(numbers_in_column(*t, 2, cells).has_value());
  CHECK(listed(cells) == "data.csv:5:5: \"x\" is not a number\n");
}

TEST_CASE("an unquoted number with a thousands comma splits the row, and the hint says to quote it") {
  Diagnostics d;
  CHECK(read_csv("year,value\n2024,1,234\n", "data.csv", d)->rows() == 0);  // the row is left out
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].message == "this row has 3 cells; the header has 2 columns");
  CHECK(d.items()[0].hint == "a cell holding a comma must be quoted, as in \"1,234\"");
}

TEST_CASE("stray CSV quotes are errors at the quote") {
  CHECK(errors_of("a,b\n1,x\"y\n") ==
        "data.csv:2:4: a quote inside a cell that does not start with one\n");
  CHECK(errors_of("a,b\n\"x\"y,1\n") == "data.csv:2:4: text after the closing quote of a cell\n");
  CHECK(errors_of("a,b\n1,\"abc\n2,3\n") == "data.csv:2:3: a quoted cell is never closed\n");
}

TEST_CASE("a CSV file that is not UTF-8 is an error at the first bad byte") {
  Diagnostics d;
  CHECK_FALSE(read_csv("a,b\n1,\xB3\xAF\n", "data.csv", d).has_value());  // CP949 "날"
  REQUIRE(d.items().size() == 1);
  CHECK(listed(d) == "data.csv:2:3: the CSV file is not valid UTF-8\n");
  CHECK(d.items()[0].hint.find("CSV UTF-8") != std::string::npos);
}

TEST_CASE("the first malformed byte of a CSV file is reported at the line and column decoding finds") {
  // Valid text of letters, Hangul, emoji, a literal U+FFFD, quotes and CR, LF and CR LF line
  // ends, then one malformed sequence: its position as counted code point by code point.
  const std::vector<std::string> valid = {"a", ",", "\"", " ", "한", "😀", "é", "\xEF\xBF\xBD", "\n", "\r", "\r\n"};
  const std::vector<std::string> broken = {"\x80", "\xB3\xAF", "\xC0\xAF", "\xED\xA0\x80", "\xE1\x84", "\xFF"};
  std::mt19937 rng(11);
  for (int round = 0; round < 500; ++round) {
    std::string text;
    for (int k = static_cast<int>(rng() % 30); k > 0; --k) text += valid[rng() % valid.size()];
    const std::size_t bad = text.size();
    text += broken[rng() % broken.size()] + valid[rng() % valid.size()];
    int line = 1, column = 1;
    for (std::size_t i = 0; i < bad;) {
      const char c = text[i];
      if (c == '\n' || (c == '\r' && text[i + 1] != '\n')) {
        ++i, ++line, column = 1;
      } else if (c == '\r') {
        ++i;
      } else {
        utf8::next(text, i);
        ++column;
      }
    }
    INFO(text);
    Diagnostics d;
    CHECK_FALSE(read_csv(text, "data.csv", d).has_value());
    CHECK(listed(d) == "data.csv:" + std::to_string(line) + ":" + std::to_string(column) +
                           ": the CSV file is not valid UTF-8\n");
  }
}

TEST_CASE("a CSV file over 16 MiB is refused") {
  const std::string big(load::max_csv_bytes + 1, '1');
  CHECK(errors_of(big) == "data.csv:0:0: the CSV file is larger than 16 MiB\n");
}

TEST_CASE("a CSV file of more than a million rows is refused") {
  std::string rows = "v\n";
  rows.reserve(2'000'010);
  for (std::size_t i = 0; i < load::max_csv_rows; ++i) rows += "1\n";
  {
    Diagnostics d;
    const auto t = read_csv(rows, "big.csv", d);
    REQUIRE(t.has_value());
    CHECK(t->rows() == load::max_csv_rows);
  }
  rows += "2\n";
  CHECK(errors_of(rows, "big.csv") == "big.csv:1000002:1: the CSV file has more than 1,000,000 rows\n");
}

TEST_CASE("a CSV file with many bad rows stops after a hundred errors") {
  std::string text = "a,b\n";
  for (int i = 0; i < 500; ++i) text += "1\n";
  Diagnostics d;
  CHECK_FALSE(read_csv(text, "data.csv", d).has_value());
  CHECK(d.items().size() == 101);
  CHECK(d.items().back().message == "too many errors; stopping after 100");
}

TEST_CASE("an empty CSV cell is a gap, not an error") {
  const CsvTable t = parsed("x,y\n1,\n2,5\n3,\"\"\n4,  \n");
  Diagnostics d;
  const auto ys = load::numbers_in_column(t, 1, d);
  CHECK(d.empty());
  REQUIRE(ys.has_value());
  CHECK(*ys == std::vector<std::optional<double>>{std::nullopt, 5.0, std::nullopt, std::nullopt});
  CHECK(load::number_in_cell(t, 0, 1, d).gap());
}

TEST_CASE("a CSV cell that is not a number is an error naming the file, row and column") {
  const CsvTable t = parsed("year,value\n2020,n/a\n2021,\"1,2,3\"\n2022,12abc\n2023,12.5%\n2024,7\n",
                            "data/sales.csv");
  Diagnostics d;
  CHECK_FALSE(load::numbers_in_column(t, 1, d).has_value());
  CHECK(listed(d) ==
        "data/sales.csv:2:6: \"n/a\" is not a number\n"
        "data/sales.csv:3:6: \"1,2,3\" is not a number\n"
        "data/sales.csv:4:6: \"12abc\" is not a number\n"
        "data/sales.csv:5:6: \"12.5%\" is not a number\n");
  REQUIRE(d.items().size() == 4);
  CHECK(d.items()[0].hint == "for a missing value in column \"value\", leave the cell empty");
  CHECK(d.items()[1].hint ==
        "column \"value\" holds numbers: a comma may only group thousands (1,234,567); decimals "
        "take a point (1.5)");
  CHECK(d.items()[2].hint ==
        "column \"value\" holds numbers, such as 12.5, -3 or 1.2e6; leave the cell empty for a "
        "missing value");
  CHECK(d.items()[3].hint ==
        "column \"value\" holds numbers: write 12.5, not 12.5%, and give the unit in the axis title");
}

TEST_CASE("a single bad CSV cell reports itself and is neither value nor gap") {
  const CsvTable t = parsed("a\n1e400\n x \n");
  Diagnostics d;
  const auto huge = load::number_in_cell(t, 0, 0, d);
  CHECK(huge.error);
  CHECK_FALSE(huge.value.has_value());
  CHECK_FALSE(huge.gap());
  const auto x = load::number_in_cell(t, 1, 0, d);
  CHECK(x.error);
  CHECK(listed(d) ==
        "data.csv:2:1: \"1e400\" is out of range for a number\n"
        "data.csv:3:2: \"x\" is not a number\n");
}

TEST_CASE("chart values stay within ±10^15, where axes keep their labels") {
  const CsvTable t = parsed("a\n1e308\n-1e308\n-1e15\n1000000000000000\n");
  Diagnostics d;
  CHECK(load::number_in_cell(t, 0, 0, d).error);
  CHECK(load::number_in_cell(t, 1, 0, d).error);
  CHECK(load::number_in_cell(t, 2, 0, d).value == -1e15);
  CHECK(load::number_in_cell(t, 3, 0, d).value == 1e15);
  CHECK(listed(d) ==
        "data.csv:2:1: \"1e308\" is beyond ±10^15, the largest value a chart draws\n"
        "data.csv:3:1: \"-1e308\" is beyond ±10^15, the largest value a chart draws\n");
}

TEST_CASE("bad CSV cells in one column are reported up to a limit, then counted") {
  std::string text = "v\n";
  for (int i = 0; i < 25; ++i) text += "x\n";
  const CsvTable t = parsed(text);
  Diagnostics d;
  CHECK_FALSE(load::numbers_in_column(t, 0, d).has_value());
  REQUIRE(d.items().size() == load::max_csv_cell_errors + 1);
  CHECK(d.items().back().message == "and 5 more cells in column \"v\" are not a number");
  CHECK(d.items().back().loc == SourceLoc{"data.csv", 22, 1});
}

TEST_CASE("CSV date cells read the forms fact files accept, and report errors at the cell") {
  const CsvTable t = parsed(
      "date,v\n2024-06-27,1\n2024-06,2\n\"2024년 9월 27일\",3\n2024,4\n,5\n2024-02-30,6\n\"soon\",7\n",
      "d.csv");
  Diagnostics d;
  CHECK(load::date_in_cell(t, 0, 0, d).value == calendar::Date{2024, 6, 27, calendar::Precision::Day});
  CHECK(load::date_in_cell(t, 1, 0, d).value == calendar::Date{2024, 6, 1, calendar::Precision::Month});
  CHECK(load::date_in_cell(t, 2, 0, d).value == calendar::Date{2024, 9, 27, calendar::Precision::Day});
  CHECK(load::date_in_cell(t, 3, 0, d).value == calendar::Date{2024, 1, 1, calendar::Precision::Year});
  CHECK(load::date_in_cell(t, 4, 0, d).gap());
  CHECK(d.empty());
  CHECK(load::date_in_cell(t, 5, 0, d).error);
  CHECK(load::date_in_cell(t, 6, 0, d).error);
  CHECK(listed(d) ==
        "d.csv:7:9: February 2024 has 29 days, not 30\n"
        "d.csv:8:2: cannot read \"soon\" as a date\n");
  Diagnostics col;
  CHECK_FALSE(load::dates_in_column(t, 0, col).has_value());
  CHECK(col.items().size() == 2);
}

TEST_CASE("CSV columns are selected by name, in the order asked") {
  const CsvTable t = parsed("date,revenue,cost\n2024,1,2\n", "sales.csv");
  const std::vector<ColumnRequest> want = {{"cost", {"facts.yaml", 7, 10}}, {"date", {"facts.yaml", 6, 10}}};
  Diagnostics d;
  const auto idx = load::select_columns(t, want, d);
  REQUIRE(idx.has_value());
  CHECK(*idx == std::vector<std::size_t>{2, 0});
  CHECK(d.empty());
}

TEST_CASE("a missing CSV column is an error where the fact file names it, with a suggestion") {
  const CsvTable t = parsed("date,revenue,cost\n2024,1,2\n", "sales.csv");
  const std::vector<ColumnRequest> want = {{"revnue", {"facts.yaml", 7, 12}},
                                           {"population", {"facts.yaml", 8, 12}}};
  Diagnostics d;
  CHECK_FALSE(load::select_columns(t, want, d).has_value());
  REQUIRE(d.items().size() == 2);
  CHECK(d.items()[0].loc == SourceLoc{"facts.yaml", 7, 12});
  CHECK(d.items()[0].message == "\"sales.csv\" has no column \"revnue\"");
  CHECK(d.items()[0].hint == "did you mean \"revenue\"?");
  CHECK(d.items()[1].message == "\"sales.csv\" has no column \"population\"");
  CHECK(d.items()[1].hint == "its columns are \"date\", \"revenue\", \"cost\"");
}

TEST_CASE("a CSV column named twice in the header cannot be selected") {
  const CsvTable t = parsed("date,value,value\n2024,1,2\n", "sales.csv");
  const std::vector<ColumnRequest> want = {{"value", {"facts.yaml", 3, 5}}};
  Diagnostics d;
  CHECK_FALSE(load::select_columns(t, want, d).has_value());
  CHECK(listed(d) == "facts.yaml:3:5: \"sales.csv\" has 2 columns named \"value\" (columns 2 and 3)\n");
}

TEST_CASE("a CSV file over 16 MiB on disk is refused before it is read") {
  const TempTree tree;
  {
    std::ofstream big(tree.root / "facts" / "big.csv", std::ios::binary);
    big.seekp(static_cast<std::streamoff>(load::max_csv_bytes));
    big.put('\n');
  }
  Diagnostics d;
  CHECK_FALSE(load::read_csv_file((tree.root / "facts" / "big.csv").string(), "big.csv", d).has_value());
  CHECK(listed(d) == "big.csv:0:0: the CSV file is larger than 16 MiB\n");
}

TEST_CASE("lines without quotes, split by hand, read exactly as libcsv reads them") {
  // Random files of plain cells (blanks around and inside, Hangul, empty), quoted cells (commas,
  // doubled quotes, line breaks inside), blank lines, LF, CR LF and CR line ends, rows of the
  // wrong length, stray quotes, with and without a last line end: every cell, position,
  // diagnostic and count as when every line goes through libcsv.
  std::mt19937 rng(2026);
  const auto pick = [&](std::initializer_list<const char*> options) {
    return std::string(*(options.begin() + rng() % options.size()));
  };
  auto describe = [](const std::optional<CsvTable>& t, const Diagnostics& d) {
    std::string s = listed(d) + "|";
    if (!t) return s + "none";
    for (const auto* cells : {&t->header, &t->cells})
      for (const load::CsvCell& c : *cells)
        s += c.text + "@" + std::to_string(c.line) + ":" + std::to_string(c.column) + (c.quoted ? "q" : "") + ";";
    return s + "|" + std::to_string(t->bad_rows);
  };
  for (int trial = 0; trial < 400; ++trial) {
    std::string text;
    const int rows = 1 + static_cast<int>(rng() % 8), columns = 1 + static_cast<int>(rng() % 4);
    for (int r = 0; r < rows; ++r) {
      if (rng() % 6 == 0) text += pick({"", " ", "\t ", "  "}) + pick({"\n", "\r\n", "\r"});  // a blank line
      const int cells = rng() % 5 == 0 ? 1 + static_cast<int>(rng() % 5) : columns;
      for (int c = 0; c < cells; ++c) {
        if (c) text += ",";
        text += pick({"", " ", "\t"}) +
                pick({"a", "값 1", "2024-06-27", "", " x y ", "반도체\t칩", "\"q\"", "\"a,b\"", "\"say \"\"hi\"\"\"",
                      "\"two\nlines\"", "\"\"", "a\"b", "\"x\" y"}) +
                pick({"", " ", "\t "});
      }
      if (r + 1 < rows || rng() % 2) text += pick({"\n", "\r\n", "\r"});
    }
    CAPTURE(text);
    Diagnostics by_hand, reference;
    const auto a = read_csv(text, "r.csv", by_hand);
    const auto b = load::detail::read_csv_through_libcsv(text, "r.csv", reference);
    CHECK(describe(a, by_hand) == describe(b, reference));
  }
}
