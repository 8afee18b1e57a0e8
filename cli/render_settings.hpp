#pragma once
// The options every command that renders shares (render, build, watch): the look, the fonts,
// PNG scale, --strict, how diagnostics print. One place, so the commands cannot drift apart.
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "api/factline.hpp"
#include "diagnostic_printer.hpp"
#include "templates_command.hpp"

namespace CLI {
class App;
}

namespace factline::cli {

struct RenderSettings {
  RenderOptions options;  // --template, --scale, --strict; SOURCE_DATE_EPOCH
  std::vector<std::string> font_dirs;  // --font-dir
  TemplateArgs templates;              // --template, --template-dir
  DiagnosticFormat diagnostics = DiagnosticFormat::Human;

  // The fonts and templates for an Engine: the bundled fonts, then --font-dir folders; the
  // template folders (built-in, --template-dir, FACTLINE_TEMPLATE_PATH).
  EngineOptions engine_options() const;
};

// Adds --scale, --strict, --font-dir, --template, --template-dir and --diagnostics to a command.
void add_render_settings(CLI::App& command, RenderSettings& settings);
// Reads what comes from the environment (SOURCE_DATE_EPOCH) and checks --template; call once
// arguments are parsed. False (the problem printed on `err`) for a usage error.
bool finish_render_settings(RenderSettings& settings, std::ostream& err);

// Each -o path with its format from the extension; a path with none is reported (as a usage
// error, exit 2 by the caller) and gives nothing.
std::optional<std::vector<OutputFile>> outputs_for_paths(const std::vector<std::string>& paths,
                                                         const RenderSettings& settings, std::ostream& err);

}  // namespace factline::cli
