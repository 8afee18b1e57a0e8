#pragma once
#include <string>
#include <vector>

#include "diagnostic_printer.hpp"
#include "exit_code.hpp"
#include "templates_command.hpp"

namespace factline::cli {

struct RenderArgs {
  std::string input;                 // "-" for standard input
  std::vector<std::string> outputs;  // format from each extension
  double scale = 1;
  bool strict = false;               // warnings fail the run
  std::vector<std::string> font_dirs;
  TemplateArgs templates;            // --template, --template-dir
  DiagnosticFormat diagnostics = DiagnosticFormat::Human;
};

// Adds the render subcommand, its options filling `args`.
CLI::App* add_render_command(CLI::App& app, RenderArgs& args);
int run_render(const RenderArgs& args);

}  // namespace factline::cli
