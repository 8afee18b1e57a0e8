#include "load/chart_parse.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <numeric>
#include <span>
#include <utility>
#include <variant>
#include <vector>

#include "core/number_format.hpp"
#include "load/csv.hpp"
#include "load/errors.hpp"
#include "load/number.hpp"
#include "load/parse.hpp"
#include "load/suggest.hpp"
#include "load/text_rules.hpp"
#include "load/trim.hpp"

namespace factline::load {
namespace {

// The single source of truth for the keys (docs/factline.schema.json is tested against them).
constexpr std::array<std::string_view, 16> kChartKeys = {
    "type",   "data", "rows",    "x",       "x_type", "series",       "direction", "stacked",
    "value_labels", "area", "events", "x_title", "y_title", "unit", "korean_units", "decimals"};
// A panel: its heading, and a chart's keys (a timeline panel takes only type and title).
constexpr std::array<std::string_view, 17> kPanelKeys = {
    "title",  "type", "data",    "rows",    "x",      "x_type",       "series",    "direction", "stacked",
    "value_labels", "area", "events", "x_title", "y_title", "unit", "korean_units", "decimals"};
constexpr std::array<std::string_view, 3> kSeriesKeys = {"column", "label", "color"};

enum class XType { Auto, Date, Category };

std::string with_commas(std::size_t n) { return format_number(static_cast<double>(n), Locale::En); }

// A series as declared, before its values are read.
struct SeriesSpec {
  std::string column;
  SourceLoc column_at;  // where the column is named
  model::Series series;
};

// What a chart is drawn from, in row order: the x values and one value column per series.
struct Table {
  bool dates = false;  // x is a time axis: every x value has its date
  std::vector<model::XValue> x;
  std::vector<std::vector<std::optional<double>>> values;  // one per series, x.size() each
};

class ChartParser {
 public:
  ChartParser(const YamlNode& map, std::string_view what, const std::string& fact_file, NodeReader& read,
              Diagnostics& out, std::vector<std::string>& files)
      : map_(map), what_(what), fact_file_(fact_file), read_(read), out_(out), files_(files),
        errors_before_(out.items().size()) {}

  std::optional<model::Chart> parse(model::ChartType type, bool events_default) {
    model::Chart c;
    c.type = type_ = type;
    c.loc = read_.loc(map_);
    const auto x = read_.string(map_, "x", what_, true);
    const SourceLoc x_at = read_.text_loc(NodeReader::value(map_, "x"));
    static constexpr std::array<std::string_view, 3> x_types = {"auto", "date", "category"};
    x_type_ = static_cast<XType>(read_.one_of(map_, "x_type", "x_type", x_types).value_or(0));
    if (type == model::ChartType::Bar && x_type_ == XType::Date) {
      read_.error(NodeReader::value(map_, "x_type"), "bars take categories, not dates",
                  "leave out x_type: (each bar is labelled with its x value as written), or draw a line chart");
      x_type_ = XType::Category;
    }
    std::vector<SeriesSpec> specs = series(x ? *x : std::string_view{});
    options(c, events_default);
    c.numbers = numbers();
    if (!x) return std::nullopt;
    // Read on after a mistake in the chart's keys: the data's own mistakes come out in this run too.
    std::optional<Table> table = data(*x, x_at, specs);
    if (!table || failed()) return std::nullopt;
    c.x_dates = table->dates;
    check_x(*table);
    if (failed()) return std::nullopt;
    c.events = c.events && c.x_dates;
    c.x = std::move(table->x);
    for (std::size_t i = 0; i < specs.size(); ++i) {
      specs[i].series.values = std::move(table->values[i]);
      c.series.push_back(std::move(specs[i].series));
    }
    return c;
  }

 private:
  bool failed() const { return out_.items().size() > errors_before_; }

  // Reports what a CSV function found, through the error cap.
  void forward(const Diagnostics& found) {
    for (const Diagnostic& d : found.items()) report_error(out_, d.loc, d.message, d.hint);
  }

  // The series: column names, or mappings {column, label, color}, in the order given.
  std::vector<SeriesSpec> series(std::string_view x) {
    std::vector<SeriesSpec> specs;
    const YamlNode list = NodeReader::value(map_, "series");
    if (!list.defined()) {
      if (!read_.suggested(map_, "series"))
        read_.error(map_, std::string(what_) + " needs a \"series\"",
                    "add series: with the columns to draw, for example series: [sales]");
      return specs;
    }
    if (list.is_null() || (list.is_sequence() && list.size() == 0)) {
      read_.error(list.is_null() ? NodeReader::key_node(map_, "series") : list, "the series list is empty",
                  "name at least one column to draw");
      return specs;
    }
    if (!list.is_sequence()) {
      read_.error(list, "series must be a list", "write series: [sales], or one column a line");
      return specs;
    }
    if (list.size() > max_series) {
      read_.error(list, "more than " + std::to_string(max_series) + " series",
                  "a chart reads best with a few series; split them over panels");
      return specs;
    }
    for (const YamlNode item : list.items()) {
      SeriesSpec s;
      s.series.loc = read_.loc(item);
      if (item.is_map()) {
        if (!read_.mapping(item, "a series", kSeriesKeys)) continue;
        if (!read_.string(item, "column", "a series", true)) continue;
        s.series.color = read_.color(item, "color", "a series");
      } else if (!item.is_scalar() || item.scalar().find_first_not_of(" \t") == std::string_view::npos) {
        read_.error(item, "a series is a column's name or a mapping {column, label, color}");
        continue;
      }
      const YamlNode column = item.is_map() ? NodeReader::value(item, "column") : item;
      const auto name = item.is_map() ? read_.string(item, "column", "a series") : read_.text(item, "a series");
      if (!name) continue;
      s.column = *name;
      s.column_at = read_.text_loc(column);
      s.series.label = item.is_map() ? read_.string(item, "label", "a series").value_or(s.column) : s.column;
      if (s.column == x) {
        read_.error(s.column_at, "the x column " + quoted(s.column) + " cannot also be a series",
                    "series are the columns of values drawn against x");
      } else if (std::any_of(specs.begin(), specs.end(), [&](const SeriesSpec& o) { return o.column == s.column; })) {
        read_.error(s.column_at, "the column " + quoted(s.column) + " is already a series",
                    "each column is drawn once; remove one of them");
      }
      specs.push_back(std::move(s));
    }
    return specs;
  }

  // An error at `key` when the chart is not of the type the key is for.
  bool only_for(std::string_view key, model::ChartType type) {
    const YamlNode k = NodeReader::key_node(map_, key);
    if (!k.defined()) return false;
    if (type_ == type) return true;
    const bool bars = type == model::ChartType::Bar;
    read_.error(k, quoted(key) + " applies only to " + (bars ? "bar" : "line") + " charts",
                bars ? "remove it, or use type: bar" : "remove it, or use type: line");
    return false;
  }

  void options(model::Chart& c, bool events_default) {
    if (only_for("direction", model::ChartType::Bar)) {
      static constexpr std::array<std::string_view, 3> directions = {"auto", "vertical", "horizontal"};
      if (const auto d = read_.one_of(map_, "direction", "direction", directions))
        c.direction = std::array{model::BarDirection::Auto, model::BarDirection::Vertical,
                                 model::BarDirection::Horizontal}[*d];
    }
    if (only_for("stacked", model::ChartType::Bar)) c.stacked = read_.flag(map_, "stacked").value_or(false);
    if (only_for("value_labels", model::ChartType::Bar))
      c.value_labels = read_.flag(map_, "value_labels").value_or(false);
    if (only_for("area", model::ChartType::Line)) c.area = read_.flag(map_, "area").value_or(false);
    c.events = c.type == model::ChartType::Line && events_default;
    if (only_for("events", model::ChartType::Line)) c.events = read_.flag(map_, "events").value_or(events_default);
    c.x_title = read_.string(map_, "x_title", what_).value_or("");
    c.y_title = read_.string(map_, "y_title", what_).value_or("");
  }

  NumberStyle numbers() {
    NumberStyle n;
    n.unit = read_.string(map_, "unit", what_).value_or("");
    static constexpr std::array<std::string_view, 3> units = {"off", "full", "compact"};
    if (const auto k = read_.one_of(map_, "korean_units", "korean_units setting", units))
      n.korean_units = std::array{KoreanUnits::Off, KoreanUnits::Full, KoreanUnits::Compact}[*k];
    if (const auto d = read_.string(map_, "decimals", what_)) {
      const auto v = read_number(*d);
      if (!v || *v != std::floor(*v) || *v < 0 || *v > 20)
        read_.error(NodeReader::value(map_, "decimals"), "decimals must be a whole number from 0 to 20",
                    "for example decimals: 1; leave it out for as few as each value needs");
      else
        n.decimals = static_cast<int>(*v);
    }
    return n;
  }

  // The table from data: (a CSV file) or rows: (inline), exactly one of them.
  std::optional<Table> data(const std::string& x, const SourceLoc& x_at, const std::vector<SeriesSpec>& specs) {
    const YamlNode data_key = NodeReader::key_node(map_, "data"), rows_key = NodeReader::key_node(map_, "rows");
    if (data_key.defined() && rows_key.defined()) {
      read_.error(NodeReader::later(rows_key, data_key), "a chart has either data: or rows:, not both",
                  "use data: for a CSV file, or rows: for values written in the fact file");
      return std::nullopt;
    }
    if (!data_key.defined() && !rows_key.defined()) {
      if (!read_.suggested(map_, "data") && !read_.suggested(map_, "rows"))
        read_.error(map_, std::string(what_) + " needs data: (a CSV file) or rows:",
                    "add data: sales.csv, or rows: [{year: 2024, sales: 12}]");
      return std::nullopt;
    }
    std::vector<ColumnRequest> requests{{x, x_at}};
    for (const SeriesSpec& s : specs) requests.push_back({s.column, s.column_at});
    auto table = data_key.defined() ? from_csv(requests) : from_rows(requests);
    if (!table) return std::nullopt;
    const YamlNode source = data_key.defined() ? NodeReader::value(map_, "data") : rows_key;
    const bool bars = type_ == model::ChartType::Bar;
    const std::size_t limit = bars ? max_bars : max_line_points;
    if (table->x.size() > limit) {
      read_.error(source,
                  std::string(bars ? "a bar chart takes at most " : "a line chart takes at most ") + with_commas(limit) +
                      (bars ? " bars, not " : " points, not ") + with_commas(table->x.size()),
                  "aggregate the rows first");
      return std::nullopt;
    }
    return table;
  }

  std::optional<Table> from_csv(const std::vector<ColumnRequest>& requests) {
    const YamlNode v = NodeReader::value(map_, "data");
    const auto written = read_.string(map_, "data", what_, true);
    if (!written) return std::nullopt;
    Diagnostics found;
    bool confined = false;
    const auto csv = read_data_file(fact_file_, *written, read_.text_loc(v), found, &confined);
    // A dependency even when missing (creating it changes the result), but never a path outside
    // the folder: build tools hash and watch these.
    if (confined) files_.push_back(data_file_name(fact_file_, *written));
    const auto columns = csv ? select_columns(*csv, requests, found) : std::nullopt;
    forward(found);
    if (!columns) return std::nullopt;
    // The file reads as a table: its lines may be shown with the mistakes in its cells.
    const std::size_t first = out_.items().size();
    std::optional<Table> t = from_table(*csv, *columns, v);
    if (csv->bad_rows == 0) out_.keep_source_lines(first, csv->file, csv->text);
    return t;
  }

  std::optional<Table> from_table(const CsvTable& csv, const std::vector<std::size_t>& columns,
                                  const YamlNode& v) {
    if (csv.rows() == 0) {
      if (csv.bad_rows == 0) read_.error(v, quoted(csv.file) + " has no data rows", "add rows under the header row");
      return std::nullopt;
    }
    Table t;
    const std::size_t x_column = columns.front();
    for (std::size_t row = 0; row < csv.rows(); ++row) {
      const CsvCell& cell = csv.cell(row, x_column);
      // An x value becomes a label: the text rules of a fact file's one-line fields hold.
      if (looks_empty(cell.text))
        read_.error(csv.loc(cell), "the x value is empty",
                    "every row needs a value in column " + quoted(csv.header[x_column].text));
      else if (const auto problem = check_text(cell.text, TextKind::Line, "the x value"))
        read_.error({csv.file, cell.line, column_in_cell(cell, problem->offset)}, problem->message, problem->hint);
      t.x.push_back({cell.text, std::nullopt, csv.loc(cell)});
    }
    Diagnostics bad, bad_dates;
    t.dates = use_dates(t.x);
    if (t.dates) {
      if (const auto dates = dates_in_column(csv, x_column, bad_dates))
        for (std::size_t i = 0; i < t.x.size(); ++i) t.x[i].date = (*dates)[i];
    }
    const std::string kind = date_column_kind(t.x, csv.header[x_column].text);
    for (const Diagnostic& d : bad_dates.items()) report_error(out_, d.loc, d.message, kind + d.hint);
    for (std::size_t i = 1; i < columns.size(); ++i)
      t.values.push_back(numbers_in_column(csv, columns[i], bad).value_or(std::vector<std::optional<double>>{}));
    forward(bad);
    if (failed()) return std::nullopt;
    return t;
  }

  std::optional<Table> from_rows(const std::vector<ColumnRequest>& requests) {
    const YamlNode rows = NodeReader::value(map_, "rows");
    if (rows.is_null() || (rows.is_sequence() && rows.size() == 0)) {
      read_.error(rows.is_null() ? NodeReader::key_node(map_, "rows") : rows, "the rows list is empty",
                  "add at least one row, such as {year: 2024, sales: 12}");
      return std::nullopt;
    }
    if (!rows.is_sequence()) {
      read_.error(rows, "rows must be a list of mappings", "write one row a line: - {year: 2024, sales: 12}");
      return std::nullopt;
    }
    // As select_columns does for a CSV file: every column asked for must be in some row.
    std::vector<std::string> seen;
    for (const YamlNode row : rows.items())
      if (row.is_map())
        for (const auto& [k, v] : row.entries())
          if (k.is_scalar() && std::find(seen.begin(), seen.end(), k.scalar()) == seen.end())
            seen.emplace_back(k.scalar());
    const std::vector<std::string_view> names(seen.begin(), seen.end());
    std::vector<std::string_view> columns;
    for (const ColumnRequest& r : requests) {
      columns.push_back(r.name);
      if (std::find(seen.begin(), seen.end(), r.name) != seen.end()) continue;
      const std::string near = closest_match(r.name, names);
      read_.error(r.at, "no row has a column " + quoted(r.name),
                  near.empty() ? "add " + r.name + ": to the rows" : "did you mean " + quoted(near) + "?");
    }
    if (failed()) return std::nullopt;
    Table t;
    t.values.resize(requests.size() - 1);
    for (const YamlNode row : rows.items()) {
      if (!read_.mapping(row, "a row", columns)) continue;
      const auto x = read_.string(row, requests.front().name, "a row", true);
      const YamlNode x_node = NodeReader::value(row, requests.front().name);
      t.x.push_back({x.value_or(""), std::nullopt, x ? read_.text_loc(x_node) : read_.loc(row)});
      for (std::size_t i = 1; i < requests.size(); ++i) t.values[i - 1].push_back(value(row, requests[i].name));
    }
    if (failed()) return std::nullopt;
    t.dates = use_dates(t.x);
    if (t.dates) {
      const std::string kind = date_column_kind(t.x, requests.front().name);
      std::size_t i = 0;
      for (const YamlNode row : rows.items()) {
        t.x[i].date = read_.date(NodeReader::value(row, requests.front().name), t.x[i].label, kind);
        ++i;
      }
    }
    if (failed()) return std::nullopt;
    return t;
  }

  // A row's value for `column`: a number, or a gap (absent, null or blank), with CSV's grammar.
  std::optional<double> value(const YamlNode& row, const std::string& column) {
    const YamlNode v = NodeReader::value(row, column);
    if (!v.defined() || v.is_null()) return std::nullopt;
    if (!v.is_scalar()) {
      read_.error(v, quoted(column) + " must be a number", "write a number, or leave the key out for a gap");
      return std::nullopt;
    }
    NumberText n = read_number_text(v.scalar(), column);
    if (!n.error.empty()) read_.error(read_.text_loc(v), std::move(n.error), std::move(n.hint));
    return n.value;
  }

  // The digits of a bare number, its sign left off ("2024", "-57", "0"); empty for anything else.
  static std::string_view bare_number(std::string_view label) {
    const std::string_view t = trim(label);
    const std::string_view digits = t.substr(t.starts_with('-') ? 1 : 0);
    const bool all = !digits.empty() && std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
    return all ? digits : std::string_view{};
  }

  // The x values that read as dates. A bare number of more than four digits (an index, a count)
  // is not counted, though the calendar would read it as a year: a column 0…999999 is not dates.
  static std::size_t count_dates(const std::vector<model::XValue>& x) {
    return static_cast<std::size_t>(std::count_if(x.begin(), x.end(), [](const model::XValue& v) {
      return bare_number(v.label).size() <= 4 && std::holds_alternative<calendar::Date>(calendar::parse_date(v.label));
    }));
  }

  // Dates that cannot be anything else: a bare number ("2024", "0") may be a year or a count.
  static std::size_t count_written_dates(const std::vector<model::XValue>& x) {
    return static_cast<std::size_t>(std::count_if(x.begin(), x.end(), [](const model::XValue& v) {
      return bare_number(v.label).empty() && std::holds_alternative<calendar::Date>(calendar::parse_date(v.label));
    }));
  }

  // Whether x is a time axis: for a line chart, always with x_type: date; with auto, when every
  // x value reads as a date, or when more than half are written as dates (not bare numbers): a
  // typo such as 2024-13 among months is then that cell's error, not a reason to draw
  // categories, while 2024 beside 1분기, or 0 … 999999, stay categories. Bars take categories.
  bool use_dates(const std::vector<model::XValue>& x) const {
    if (type_ == model::ChartType::Bar || x_type_ == XType::Category) return false;
    if (x_type_ == XType::Date) return true;
    return count_dates(x) == x.size() || 2 * count_written_dates(x) > x.size();
  }

  // The start of the hint for a value of a date column that is not a date: what the column
  // holds, and why it counts as dates.
  std::string date_column_kind(const std::vector<model::XValue>& x, std::string_view column) const {
    const std::string dates = "column " + quoted(column) + " holds dates";
    if (x_type_ == XType::Date) return dates + " (x_type: date); ";
    return dates + " (" + with_commas(count_dates(x)) + " of " + with_commas(x.size()) +
           " values read as dates; x_type: category draws them as written); ";
  }

  // x values are unique; dates are put in ascending order (stable), their values with them.
  void check_x(Table& t) {
    if (!t.dates) {
      std::map<std::string_view, std::size_t> first;
      for (std::size_t i = 0; i < t.x.size(); ++i) {
        const auto [at, fresh] = first.emplace(t.x[i].label, i);
        if (!fresh)
          read_.error(t.x[i].loc,
                      "the category " + quoted(t.x[i].label) + " is repeated (first on line " +
                          std::to_string(t.x[at->second].loc.line) + ")",
                      "each category is drawn once; merge the rows or rename one");
      }
      return;
    }
    std::vector<std::size_t> order(t.x.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return *t.x[a].date < *t.x[b].date; });
    for (std::size_t i = 1, first = 0; i < order.size(); ++i) {
      const model::XValue &x = t.x[order[i]], &earlier = t.x[order[first]];
      if (*x.date != *earlier.date) {
        first = i;
        continue;
      }
      read_.error(x.loc, "the date " + quoted(x.label) + " is repeated (first on line " +
                             std::to_string(earlier.loc.line) + ")",
                  "a line chart has one value per date; merge the rows or remove one");
    }
    Table sorted{true, {}, {}};
    for (std::size_t i : order) sorted.x.push_back(std::move(t.x[i]));
    for (const auto& column : t.values) {
      std::vector<std::optional<double>> values;
      values.reserve(order.size());
      for (std::size_t i : order) values.push_back(column[i]);
      sorted.values.push_back(std::move(values));
    }
    t = std::move(sorted);
  }

  const YamlNode& map_;
  std::string_view what_;
  const std::string& fact_file_;
  NodeReader& read_;
  Diagnostics& out_;
  std::vector<std::string>& files_;
  std::size_t errors_before_;
  model::ChartType type_ = model::ChartType::Line;
  XType x_type_ = XType::Auto;
};

}  // namespace

std::span<const std::string_view> chart_keys() { return kChartKeys; }
std::span<const std::string_view> panel_keys() { return kPanelKeys; }
std::span<const std::string_view> series_keys() { return kSeriesKeys; }

std::optional<model::Chart> parse_chart(const YamlNode& map, std::string_view what, model::ChartType type,
                                        bool events_default, const std::string& fact_file, NodeReader& read,
                                        Diagnostics& out, std::vector<std::string>& files) {
  return ChartParser(map, what, fact_file, read, out, files).parse(type, events_default);
}

}  // namespace factline::load
