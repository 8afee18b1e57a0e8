#include "render_command.hpp"

#include <CLI/CLI.hpp>

#include <cerrno>
#include <cstring>
#include <iostream>

#include "api/factline.hpp"
#include "input.hpp"
#include "render_file.hpp"

namespace factline::cli {

CLI::App* add_render_command(CLI::App& app, RenderArgs& args) {
  CLI::App* cmd = app.add_subcommand("render", "Render a fact file to SVG, PNG, PDF or scene JSON");
  cmd->add_option("input", args.input, "Fact file (YAML), or - for standard input")->required();
  cmd->add_option("-o,--output", args.outputs, "Output file; format from the extension (.svg .png .pdf .json); repeatable")
      ->required()
      ->take_all();
  cmd->add_option("--depfile", args.depfile,
                  "Also write a Make-style depfile: the outputs depend on the fact file, its data files and "
                  "templates (for Make, Ninja and CMake's DEPFILE)");
  add_render_settings(*cmd, args.settings);
  return cmd;
}

int run_render(RenderArgs& args) {
  RenderSettings& settings = args.settings;
  if (!finish_render_settings(settings, std::cerr)) return UsageOrIo;
  const auto outputs = outputs_for_paths(args.outputs, settings, std::cerr);
  if (!outputs) return UsageOrIo;
  std::string bytes;
  if (const int read = read_input_or_report(args.input, bytes, settings.diagnostics, std::cerr); read != Ok) return read;
  const Engine engine(settings.engine_options());
  FileResult result = render_file(engine, args.input, bytes, *outputs, settings, std::cerr);
  if (result.status != Ok || args.depfile.empty()) return result.status;
  if (args.input != "-") result.dependencies.insert(result.dependencies.begin(), args.input);
  std::string error = depfile_problem(result.dependencies);
  if (error.empty()) error = depfile_problem(args.outputs);
  if (error.empty()) error = same_file_problem(args.depfile, result.dependencies);
  if (error.empty()) error = same_file_problem(args.depfile, args.outputs);
  if (error.empty()) error = write_file_atomically(args.depfile, depfile_rule(args.outputs, result.dependencies));
  if (!error.empty()) {
    print_problem(std::cerr, settings.diagnostics, {}, error);
    return UsageOrIo;
  }
  return Ok;
}

}  // namespace factline::cli
