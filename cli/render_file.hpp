#pragma once
// One fact file to its outputs, as render, build and watch do it: lay out and encode in memory,
// print the diagnostics, then write every output atomically (all or none).
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "api/factline.hpp"
#include "exit_code.hpp"
#include "render_settings.hpp"

namespace factline::cli {

struct FileResult {
  ExitCode status = Ok;
  std::vector<std::string> dependencies;  // Rendered::dependencies
  std::size_t warnings = 0;
  std::vector<std::string> encoded;  // what was written, one per output
  // Per output, a paged timeline's PNG or SVG pages as written to page_path (encoded holds ""
  // for it then); empty for every other output.
  std::vector<std::vector<std::string>> pages;
};

// `bytes` is the content of `input`. Diagnostics go to `err`. Nothing is written unless every
// output could be encoded.
FileResult render_file(const Engine& engine, const std::string& input, std::string_view bytes,
                       std::span<const OutputFile> outputs, const RenderSettings& settings, std::ostream& err);

// A rule of a Make-syntax depfile, "target…: dependency…\n", as compilers write with -MD and
// Make, Ninja and CMake (DEPFILE) read; then, as -MP adds, an empty rule for every dependency but
// the first (the fact file), so that deleting a data file or template does not break the build.
std::string depfile_rule(const std::vector<std::string>& targets, const std::vector<std::string>& dependencies);
// Why a depfile cannot name one of `paths`: Make has no escape for a line break or another
// control character, and a name holding "\n" would add rules of its own. Empty when it can.
std::string depfile_problem(const std::vector<std::string>& paths);

}  // namespace factline::cli
