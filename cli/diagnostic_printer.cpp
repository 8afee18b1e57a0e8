#include "diagnostic_printer.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <string>

#include "core/utf8.hpp"

namespace factline::cli {
namespace {

std::string_view source_line(std::string_view text, int line) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  for (int l = 1; l < line; ++l) {
    const std::size_t nl = text.find('\n');
    if (nl == std::string_view::npos) return {};
    text.remove_prefix(nl + 1);
  }
  text = text.substr(0, text.find('\n'));
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  return text;
}

// East Asian wide characters take two terminal columns; the caret must line up under them.
int display_width(std::string_view s) {
  int w = 0;
  for (std::size_t i = 0; i < s.size();) {
    const char32_t cp = utf8::next(s, i);
    const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                      (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    w += wide ? 2 : 1;
  }
  return w;
}

std::string prefix_chars(std::string_view s, int chars) {
  std::size_t i = 0;
  for (int c = 0; c < chars && i < s.size(); ++c) utf8::next(s, i);
  return std::string(s.substr(0, i));
}

// The line a diagnostic points at: the input's own, or the one the library kept for another
// file it may show (a template, a CSV file). No file is read here: a file the library would not
// quote is never shown.
std::string_view line_of(const Diagnostic& d, std::string_view source, std::string_view source_file) {
  if (d.loc.line <= 0) return {};
  if (source_file.empty() || d.loc.file == source_file) return source_line(source, d.loc.line);
  return d.source_line;
}

void print_human(std::ostream& out, const Diagnostics& diagnostics, std::string_view source,
                 std::string_view source_file) {
  for (const Diagnostic& d : diagnostics.items()) {
    // Every part is escaped: a file name or a quoted value holding "\n::error::" must not start
    // a line of its own (a fake CI annotation), nor move the cursor or colour the log.
    out << utf8::escape_for_terminal(d.loc.file);
    if (d.loc.line > 0) out << ':' << d.loc.line << ':' << d.loc.column;
    out << (d.severity == Severity::Error ? ": error: " : ": warning: ") << utf8::escape_for_terminal(d.message) << '\n';
    const std::string_view line = line_of(d, source, source_file);
    if (!line.empty() && line.size() < 500) {
      out << "  " << utf8::escape_for_terminal(line) << '\n';
      const std::string before = utf8::escape_for_terminal(prefix_chars(line, d.loc.column - 1));
      out << "  " << std::string(static_cast<std::size_t>(display_width(before)), ' ') << "^\n";
    }
    if (!d.hint.empty()) out << "  hint: " << utf8::escape_for_terminal(d.hint) << '\n';
  }
}

// One line of JSON. Text stays UTF-8 (control characters become \u escapes); bytes that are
// not UTF-8 (a file name can hold any) become U+FFFD rather than failing the run.
void print_json(std::ostream& out, const SourceLoc& loc, Severity severity, const std::string& message,
                const std::string& hint) {
  using json = nlohmann::ordered_json;
  const auto known = [](int n) { return n > 0 ? json(n) : json(nullptr); };
  const json line = {{"file", loc.file.empty() ? json(nullptr) : json(loc.file)},
                     {"line", known(loc.line)},
                     {"column", loc.line > 0 ? known(loc.column) : json(nullptr)},
                     {"severity", severity == Severity::Error ? "error" : "warning"},
                     {"message", message},
                     {"hint", hint.empty() ? json(nullptr) : json(hint)}};
  out << line.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
}

}  // namespace

void add_diagnostics_option(CLI::App& command, DiagnosticFormat& format) {
  command
      .add_option_function<std::string>(
          "--diagnostics",
          [&format](const std::string& v) { format = v == "json" ? DiagnosticFormat::Json : DiagnosticFormat::Human; },
          "How to print problems on standard error: human (default) or json (one object per line)")
      ->check(CLI::IsMember({"human", "json"}))
      ->option_text("human|json");
}

void print_diagnostics(std::ostream& out, const Diagnostics& diagnostics, std::string_view source,
                       DiagnosticFormat format, std::string_view source_file) {
  if (format == DiagnosticFormat::Human) return print_human(out, diagnostics, source, source_file);
  for (const Diagnostic& d : diagnostics.items()) print_json(out, d.loc, d.severity, d.message, d.hint);
}

void print_problem(std::ostream& out, DiagnosticFormat format, const std::string& file, const std::string& message) {
  if (format == DiagnosticFormat::Json) return print_json(out, {file, 0, 0}, Severity::Error, message, {});
  out << "factline: " << utf8::escape_for_terminal(message) << '\n';
}

}  // namespace factline::cli
