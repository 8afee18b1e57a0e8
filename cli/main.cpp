// factline: YAML fact file → timeline infographics (SVG, PNG, PDF, scene JSON).
#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>

#include "api/factline.hpp"
#include "core/utf8.hpp"
#include "build_command.hpp"
#include "check_command.hpp"
#include "import_command.hpp"
#include "render_command.hpp"
#include "templates_command.hpp"
#include "watch_command.hpp"

int main(int argc, char** argv) {
  using namespace factline::cli;
  factline::remove_temporary_files_on_signals();
  CLI::App app{"factline: timeline and chart infographics from YAML fact files"};
  app.set_version_flag("--version", std::string("factline ") + std::string(factline::version()));
  app.require_subcommand(1);

  RenderArgs render;
  CheckArgs check;
  BuildArgs build;
  WatchArgs watch;
  ImportArgs import;
  const CLI::App* render_cmd = add_render_command(app, render);
  const CLI::App* check_cmd = add_check_command(app, check);
  const CLI::App* build_cmd = add_build_command(app, build);
  const CLI::App* watch_cmd = add_watch_command(app, watch);
  const CLI::App* import_cmd = add_import_command(app, import);
  TemplateArgs listing;
  const CLI::App* templates_cmd = add_templates_command(app, listing);

  // A first word that is no option and no command is a mistyped command: say so, and list them
  // (CLI11 alone would say only that a subcommand is required).
  if (argc > 1 && argv[1][0] != '-') {
    const std::string word = argv[1];
    std::string names;
    bool known = false;
    for (const CLI::App* sub : app.get_subcommands({})) {
      known = known || sub->get_name() == word;
      names += (names.empty() ? "" : ", ") + sub->get_name();
    }
    if (!known) {
      print_problem(std::cerr, DiagnosticFormat::Human, {},
                    "unknown command \"" + word + "\"; the commands are " + names +
                        " (factline --help tells what each does)");
      return UsageOrIo;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    // CLI11 quotes arguments as given; a file name must not write raw control characters (a
    // newline and "::error::" would fake a CI annotation).
    std::cerr << "factline: " << factline::utf8::escape_for_terminal(e.what()) << "\nRun with --help for more information.\n";
    return UsageOrIo;
  }
  DiagnosticFormat diagnostics = DiagnosticFormat::Human;
  try {
    if (templates_cmd->parsed()) return run_templates(listing);
    if (check_cmd->parsed()) {
      diagnostics = check.diagnostics;
      return run_check(check);
    }
    if (build_cmd->parsed()) {
      diagnostics = build.settings.diagnostics;
      return run_build(build);
    }
    if (import_cmd->parsed()) {
      diagnostics = import.diagnostics;
      return run_import(import);
    }
    if (watch_cmd->parsed()) {
      diagnostics = watch.settings.diagnostics;
      return run_watch(watch);
    }
    diagnostics = render.settings.diagnostics;
    return render_cmd->parsed() ? run_render(render) : UsageOrIo;
  } catch (const std::exception& e) {
    print_problem(std::cerr, diagnostics, {}, e.what());
    return UsageOrIo;
  }
}
