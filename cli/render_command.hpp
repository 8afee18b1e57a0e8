#pragma once
#include <string>
#include <vector>

namespace factline::cli {

enum ExitCode { Ok = 0, InvalidInput = 1, UsageOrIo = 2 };

struct RenderArgs {
  std::string input;                 // "-" for standard input
  std::vector<std::string> outputs;  // format from each extension
  double scale = 1;
  bool strict = false;               // warnings fail the run
  std::vector<std::string> font_dirs;
};

int run_render(const RenderArgs& args);

}  // namespace factline::cli
