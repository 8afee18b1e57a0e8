#include "import_command.hpp"

#include <CLI/CLI.hpp>

#include <cerrno>
#include <cstring>
#include <iostream>

#include "api/factline.hpp"
#include "input.hpp"

namespace factline::cli {

CLI::App* add_import_command(CLI::App& app, ImportArgs& args) {
  CLI::App* cmd = app.add_subcommand("import", "Turn a TimelineJS timeline (JSON, or its Google Sheets CSV) into a fact file");
  cmd->add_option("input", args.input, "TimelineJS JSON or Sheets CSV, or - for standard input")->required();
  cmd->add_option("-o,--output", args.output, "The fact file to write (YAML), or - for standard output")->required();
  cmd->add_flag("--strict", args.strict, "Fail (write nothing) when anything cannot be carried over");
  add_diagnostics_option(*cmd, args.diagnostics);
  return cmd;
}

int run_import(const ImportArgs& args) {
  std::string bytes;
  if (const int read = read_input_or_report(args.input, bytes, args.diagnostics, std::cerr); read != Ok) return read;
  const ImportResult r = import_timelinejs(bytes, args.input);
  print_diagnostics(std::cerr, r.diagnostics, bytes, args.diagnostics, args.input);
  if (r.fact_file.empty() || (args.strict && r.diagnostics.has_warnings())) return InvalidInput;
  if (args.output == "-") {
    std::cout << r.fact_file << std::flush;
    return std::cout ? Ok : UsageOrIo;
  }
  std::string error = same_file_problem(args.output, {args.input});
  if (error.empty()) error = write_file_atomically(args.output, r.fact_file);
  if (!error.empty()) {
    print_problem(std::cerr, args.diagnostics, {}, error);
    return UsageOrIo;
  }
  return Ok;
}

}  // namespace factline::cli
