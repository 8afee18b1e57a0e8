#pragma once
// What `factline build` reads: fact files named one by one, folders (every *.yaml under them)
// and globs, each with the path its outputs get under OUTDIR.
#include <string>
#include <vector>

namespace factline::cli {

struct BuildInput {
  std::string path;  // as the process opens it (and diagnostics name it)
  std::string stem;  // where its outputs go under OUTDIR, without extension: "economy/exports"
};

struct CollectedInputs {
  std::vector<BuildInput> inputs;   // in a stable order: by stem
  std::vector<std::string> errors;  // one message per argument that names nothing usable
};

// Each argument is a fact file (stem: its name), a folder (recursively: every *.yaml and
// *.yml, hidden files and folders skipped; stem: the path under the folder) or a glob with *,
// ? and [...] in its components and ** for any number of folders (stem: the path under the
// glob's last folder before the first wildcard). A file named twice counts once; two files
// that would share outputs are an error.
CollectedInputs collect_inputs(const std::vector<std::string>& args);

// True when a glob pattern component matches a name: fnmatch(3) without matching a leading
// dot by a wildcard. `**` is handled by collect_inputs.
bool glob_component_matches(const std::string& pattern, const std::string& name);

}  // namespace factline::cli
