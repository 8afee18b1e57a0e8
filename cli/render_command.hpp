#pragma once
#include <string>
#include <vector>

#include "exit_code.hpp"
#include "render_settings.hpp"

namespace factline::cli {

struct RenderArgs {
  std::string input;                 // "-" for standard input
  std::vector<std::string> outputs;  // format from each extension
  std::string depfile;               // --depfile: the outputs' dependencies for Make/Ninja/CMake
  RenderSettings settings;
};

// Adds the render subcommand, its options filling `args`.
CLI::App* add_render_command(CLI::App& app, RenderArgs& args);
int run_render(RenderArgs& args);

}  // namespace factline::cli
