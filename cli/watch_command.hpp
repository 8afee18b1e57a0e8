#pragma once
// `factline watch`: render, then render again whenever the fact file or a file it reads
// changes (inotify), until SIGINT or SIGTERM. docs/cli.md.
#include <string>
#include <vector>

#include "exit_code.hpp"
#include "render_settings.hpp"

namespace factline::cli {

struct WatchArgs {
  std::string input;
  std::vector<std::string> outputs;
  RenderSettings settings;
};

CLI::App* add_watch_command(CLI::App& app, WatchArgs& args);
int run_watch(WatchArgs& args);

}  // namespace factline::cli
