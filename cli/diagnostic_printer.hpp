#pragma once
#include <ostream>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"

namespace CLI {
class App;
}

namespace factline::cli {

// How diagnostics are printed on standard error (--diagnostics=human|json).
enum class DiagnosticFormat { Human, Json };

// Adds --diagnostics=human|json to a command (every command that reads fact files has it).
void add_diagnostics_option(CLI::App& command, DiagnosticFormat& format);

// Human: compiler-style "file:line:col: error: message", the source line, a caret under the
// column, and "hint: …". Json: one object per diagnostic and line, with the keys file, line,
// column (null when unknown), severity ("error" or "warning"), message and hint (null when
// none). `source` is the input text the locations refer to (may be empty); when `source_file`
// names it, a diagnostic in another file (a template, a CSV file) is shown with the line the
// library kept for it (Diagnostic::source_line), if any; no file is read to show a line.
void print_diagnostics(std::ostream& out, const Diagnostics& diagnostics, std::string_view source,
                       DiagnosticFormat format = DiagnosticFormat::Human, std::string_view source_file = {});

// An error that is no fact file's content (unreadable input, unwritable output, no fonts):
// "factline: message", or a JSON object naming `file` (null when empty) with no position.
void print_problem(std::ostream& out, DiagnosticFormat format, const std::string& file, const std::string& message);

}  // namespace factline::cli
