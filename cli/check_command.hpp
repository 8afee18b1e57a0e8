#pragma once
#include <string>
#include <vector>

#include "diagnostic_printer.hpp"
#include "exit_code.hpp"
#include "templates_command.hpp"

namespace factline::cli {

struct CheckArgs {
  std::vector<std::string> inputs;  // fact files; "-" for standard input
  bool strict = false;              // warnings fail the run
  bool syntax_only = false;         // the file alone, without fonts or layout
  std::vector<std::string> font_dirs;  // --font-dir, as render takes it
  TemplateArgs templates;           // --template, --template-dir
  DiagnosticFormat diagnostics = DiagnosticFormat::Human;
};

// Adds the check subcommand, its options filling `args`.
CLI::App* add_check_command(CLI::App& app, CheckArgs& args);
// Checks every file (all of them, even after a failure) as render would, laying it out without
// writing anything (or, with --syntax-only, reading the file alone). Ok when all are
// clean, InvalidInput when any has errors (or warnings under --strict), UsageOrIo when any
// cannot be read.
int run_check(const CheckArgs& args);

}  // namespace factline::cli
