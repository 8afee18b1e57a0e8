#pragma once
// `factline build`: many fact files into an output folder, in parallel, rebuilding only what
// changed (build_manifest.hpp); `--check`, `--list`, `--shard`, `--depfile`. docs/cli.md.
#include <string>
#include <vector>

#include "exit_code.hpp"
#include "render_settings.hpp"

namespace factline::cli {

struct BuildArgs {
  std::vector<std::string> inputs;  // files, folders, globs (build_inputs.hpp)
  std::string outdir;
  std::vector<std::string> formats{"svg"};
  unsigned jobs = 0;  // 0: one per core
  bool check = false;
  bool list = false;
  std::string shard;    // "K/N"
  std::string depfile;  // every output's dependencies, Make syntax
  RenderSettings settings;
};

CLI::App* add_build_command(CLI::App& app, BuildArgs& args);
int run_build(BuildArgs& args);

}  // namespace factline::cli
