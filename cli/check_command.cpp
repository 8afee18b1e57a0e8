#include "check_command.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iostream>

#include "api/factline.hpp"
#include "input.hpp"
#include "templates_command.hpp"

namespace factline::cli {

CLI::App* add_check_command(CLI::App& app, CheckArgs& args) {
  CLI::App* cmd = app.add_subcommand("check", "Check fact files for mistakes without rendering them");
  cmd->add_option("input", args.inputs, "Fact files (YAML), or - for standard input")->required();
  cmd->add_flag("--strict", args.strict, "Treat warnings as errors");
  add_template_options(*cmd, args.templates);
  add_diagnostics_option(*cmd, args.diagnostics);
  return cmd;
}

int run_check(const CheckArgs& args) {
  if (const std::string problem = args.templates.problem(); !problem.empty()) {
    print_problem(std::cerr, args.diagnostics, {}, problem);
    return UsageOrIo;
  }
  const std::vector<std::string> template_dirs = args.templates.search_path();
  int status = Ok;
  for (const std::string& input : args.inputs) {
    std::string bytes;
    if (const int read = read_input_or_report(input, bytes, args.diagnostics, std::cerr); read != Ok) {
      status = std::max(status, read);
      continue;
    }
    const Diagnostics found = check_fact_file(bytes, input, LayoutOptions{args.templates.name}, template_dirs);
    print_diagnostics(std::cerr, found, bytes, args.diagnostics, input);
    if (found.has_errors() || (args.strict && found.has_warnings())) status = std::max<int>(status, InvalidInput);
  }
  return status;
}

}  // namespace factline::cli
