// factline: YAML fact file → timeline infographics (SVG, PNG, PDF, scene JSON).
#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>

#include "api/factline.hpp"
#include "render_command.hpp"

int main(int argc, char** argv) {
  using namespace factline::cli;
  CLI::App app{"factline: timeline and chart infographics from YAML fact files"};
  app.set_version_flag("--version", std::string("factline ") + std::string(factline::version()));
  app.require_subcommand(1);

  RenderArgs render;
  CLI::App* cmd = app.add_subcommand("render", "Render a fact file to SVG, PNG, PDF or scene JSON");
  cmd->add_option("input", render.input, "Fact file (YAML), or - for standard input")->required();
  cmd->add_option("-o,--output", render.outputs, "Output file; format from the extension (.svg .png .pdf .json); repeatable")
      ->required()
      ->take_all();
  cmd->add_option("--scale", render.scale, "PNG pixels per px (default 1)")->check(CLI::Range(0.1, 8.0));
  cmd->add_flag("--strict", render.strict, "Treat warnings (such as characters no font can draw) as errors");
  cmd->add_option("--font-dir", render.font_dirs, "Extra folder of fonts (repeatable)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? Ok : UsageOrIo;
  }
  try {
    return run_render(render);
  } catch (const std::exception& e) {
    std::cerr << "factline: " << e.what() << '\n';
    return UsageOrIo;
  }
}
