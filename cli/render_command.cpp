#include "render_command.hpp"

#include <CLI/CLI.hpp>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include "api/factline.hpp"
#include "diagnostic_printer.hpp"
#include "input.hpp"
#include "templates_command.hpp"

namespace factline::cli {
namespace {

// SOURCE_DATE_EPOCH (reproducible-builds.org): a decimal count of seconds.
std::optional<std::int64_t> source_date_epoch() {
  const char* v = std::getenv("SOURCE_DATE_EPOCH");
  if (!v || !*v) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  const long long n = std::strtoll(v, &end, 10);
  if (*end || errno) return std::nullopt;
  return n;
}

}  // namespace

CLI::App* add_render_command(CLI::App& app, RenderArgs& args) {
  CLI::App* cmd = app.add_subcommand("render", "Render a fact file to SVG, PNG, PDF or scene JSON");
  cmd->add_option("input", args.input, "Fact file (YAML), or - for standard input")->required();
  cmd->add_option("-o,--output", args.outputs, "Output file; format from the extension (.svg .png .pdf .json); repeatable")
      ->required()
      ->take_all();
  cmd->add_option("--scale", args.scale, "PNG pixels per px (default 1)")->check(CLI::Range(0.1, 8.0));
  cmd->add_flag("--strict", args.strict, "Treat warnings (such as characters no font can draw) as errors");
  cmd->add_option("--font-dir", args.font_dirs, "Extra folder of fonts (repeatable)");
  add_template_options(*cmd, args.templates);
  add_diagnostics_option(*cmd, args.diagnostics);
  return cmd;
}

int run_render(const RenderArgs& args) {
  for (const auto& out : args.outputs)
    if (!format_for_path(out)) {
      print_problem(std::cerr, args.diagnostics, out,
                    "cannot tell the format of \"" + out + "\"; use .svg, .png, .pdf or .json");
      return UsageOrIo;
    }
  if (const std::string problem = args.templates.problem(); !problem.empty()) {
    print_problem(std::cerr, args.diagnostics, {}, problem);
    return UsageOrIo;
  }
  std::string bytes;
  if (!read_input(args.input, bytes)) {
    print_problem(std::cerr, args.diagnostics, args.input,
                  "cannot read \"" + args.input + "\": " + std::strerror(errno));
    return UsageOrIo;
  }
  std::vector<std::string> fonts{std::string(bundled_font_dir())};
  fonts.insert(fonts.end(), args.font_dirs.begin(), args.font_dirs.end());
  const Engine engine(EngineOptions{fonts, args.templates.search_path()});
  const RenderResult result = engine.layout(bytes, args.input, LayoutOptions{args.templates.name});
  print_diagnostics(std::cerr, result.diagnostics, bytes, args.diagnostics, args.input);
  if (!result.scene || (args.strict && result.diagnostics.has_warnings())) return InvalidInput;

  for (const auto& out : args.outputs)
    if (const std::string why = check_output_limits(*result.scene, *format_for_path(out), args.scale); !why.empty()) {
      Diagnostics limit;
      limit.error({args.input, 0, 0}, "cannot write \"" + out + "\": " + why,
                  "write SVG, or split the timeline into several files");
      print_diagnostics(std::cerr, limit, bytes, args.diagnostics);
      return InvalidInput;
    }
  // Encode everything before writing anything: a failure leaves no output changed.
  const EncodeOptions options{args.scale, source_date_epoch()};
  std::vector<std::string> encoded;
  for (const auto& out : args.outputs) encoded.push_back(encode(*result.scene, *format_for_path(out), options));
  std::vector<std::pair<std::string, std::string_view>> files;
  for (std::size_t i = 0; i < args.outputs.size(); ++i) files.emplace_back(args.outputs[i], encoded[i]);
  if (const std::string error = write_files_atomically(files); !error.empty()) {
    print_problem(std::cerr, args.diagnostics, {}, error);
    return UsageOrIo;
  }
  return Ok;
}

}  // namespace factline::cli
