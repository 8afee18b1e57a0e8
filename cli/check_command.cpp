#include "check_command.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <optional>

#include "api/factline.hpp"
#include "input.hpp"
#include "templates_command.hpp"

namespace factline::cli {

CLI::App* add_check_command(CLI::App& app, CheckArgs& args) {
  CLI::App* cmd = app.add_subcommand("check", "Check fact files for mistakes without rendering them");
  cmd->add_option("input", args.inputs, "Fact files (YAML), or - for standard input")->required();
  cmd->add_flag("--strict", args.strict, "Treat warnings (such as characters no font can draw) as errors");
  cmd->add_flag("--syntax-only", args.syntax_only,
                "Check the fact file, its data and template alone, without fonts or layout (fast, for editors)");
  cmd->add_option("--font-dir", args.font_dirs, "Extra folder of fonts (repeatable), as for render");
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
  // The fonts load once, and only when the text is to be checked.
  std::optional<Engine> engine;
  if (!args.syntax_only) {
    EngineOptions options;
    options.font_dirs = {std::string(bundled_font_dir())};
    options.font_dirs.insert(options.font_dirs.end(), args.font_dirs.begin(), args.font_dirs.end());
    options.template_dirs = template_dirs;
    engine.emplace(options);
  }
  int status = Ok;
  for (const std::string& input : args.inputs) {
    std::string bytes;
    if (const int read = read_input_or_report(input, bytes, args.diagnostics, std::cerr); read != Ok) {
      status = std::max(status, read);
      continue;
    }
    const LayoutOptions options{args.templates.name};
    Diagnostics found = engine ? engine->layout(bytes, input, options).diagnostics
                               : check_fact_file(bytes, input, options, template_dirs);
    if (args.strict) found.warnings_as_errors();
    print_diagnostics(std::cerr, found, bytes, args.diagnostics, input);
    if (found.has_errors()) status = std::max<int>(status, InvalidInput);
  }
  return status;
}

}  // namespace factline::cli
