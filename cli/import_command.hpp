#pragma once
// `factline import`: a TimelineJS timeline (JSON, or its Google Sheets layout as CSV) → a
// fact file. docs/import.md.
#include <string>

#include "diagnostic_printer.hpp"
#include "exit_code.hpp"

namespace factline::cli {

struct ImportArgs {
  std::string input;   // "-" for standard input (JSON or CSV, told by content)
  std::string output;  // the fact file to write; "-" for standard output
  bool strict = false;
  DiagnosticFormat diagnostics = DiagnosticFormat::Human;
};

CLI::App* add_import_command(CLI::App& app, ImportArgs& args);
int run_import(const ImportArgs& args);

}  // namespace factline::cli
