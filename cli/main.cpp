// factline: YAML fact file → timeline infographics (SVG, PNG, PDF, scene JSON).
#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>

#include "api/factline.hpp"
#include "check_command.hpp"
#include "render_command.hpp"
#include "templates_command.hpp"

int main(int argc, char** argv) {
  using namespace factline::cli;
  CLI::App app{"factline: timeline and chart infographics from YAML fact files"};
  app.set_version_flag("--version", std::string("factline ") + std::string(factline::version()));
  app.require_subcommand(1);

  RenderArgs render;
  CheckArgs check;
  const CLI::App* render_cmd = add_render_command(app, render);
  add_check_command(app, check);
  TemplateArgs listing;
  const CLI::App* templates_cmd = add_templates_command(app, listing);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? Ok : UsageOrIo;
  }
  const bool rendering = render_cmd->parsed();
  try {
    if (templates_cmd->parsed()) return run_templates(listing);
    return rendering ? run_render(render) : run_check(check);
  } catch (const std::exception& e) {
    print_problem(std::cerr, rendering ? render.diagnostics : check.diagnostics, {}, e.what());
    return UsageOrIo;
  }
}
