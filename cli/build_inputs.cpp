#include "build_inputs.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <system_error>

namespace factline::cli {
namespace {

namespace fs = std::filesystem;

bool is_fact_file(const fs::path& p) { return p.extension() == ".yaml" || p.extension() == ".yml"; }
bool hidden(const fs::path& p) { return p.filename().string().starts_with('.'); }
bool has_wildcard(const std::string& s) { return s.find_first_of("*?[") != std::string::npos; }
std::string stem_of(const fs::path& relative) { return fs::path(relative).replace_extension().generic_string(); }

// Every fact file under `folder`, its stem relative to `base`.
void add_folder(const fs::path& folder, const fs::path& base, std::vector<BuildInput>& out) {
  std::error_code ec;
  for (fs::recursive_directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    if (hidden(it->path())) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec) && is_fact_file(it->path()))
      out.push_back({it->path().string(), stem_of(it->path().lexically_relative(base))});
  }
}

// Matches `parts` (pattern components) from index i against what is under `dir`.
void glob_walk(const fs::path& dir, const fs::path& base, const std::vector<std::string>& parts, std::size_t i,
               std::vector<BuildInput>& out) {
  std::error_code ec;
  const bool last = i + 1 == parts.size();
  if (parts[i] == "**") {
    if (last) {  // "charts/**": every fact file under
      add_folder(dir, base, out);
      return;
    }
    glob_walk(dir, base, parts, i + 1, out);  // zero folders
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
      if (!hidden(it->path()) && it->is_directory(ec)) glob_walk(it->path(), base, parts, i, out);
    return;
  }
  if (!has_wildcard(parts[i])) {
    const fs::path next = dir / parts[i];
    if (last) {
      if (fs::is_regular_file(next, ec)) out.push_back({next.string(), stem_of(next.lexically_relative(base))});
    } else if (fs::is_directory(next, ec)) {
      glob_walk(next, base, parts, i + 1, out);
    }
    return;
  }
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!glob_component_matches(parts[i], name)) continue;
    if (last && it->is_regular_file(ec))
      out.push_back({it->path().string(), stem_of(it->path().lexically_relative(base))});
    else if (!last && it->is_directory(ec))
      glob_walk(it->path(), base, parts, i + 1, out);
  }
}

void add_glob(const std::string& pattern, std::vector<BuildInput>& out) {
  const fs::path p(pattern);
  fs::path base = p.is_absolute() ? p.root_path() : fs::path();
  std::vector<std::string> parts;
  bool wild = false;
  for (const fs::path& part : p.relative_path()) {
    if (part.empty()) continue;
    wild = wild || has_wildcard(part.string());
    if (wild)
      parts.push_back(part.string());
    else
      base /= part;
  }
  // The last fixed component is the file itself when nothing follows it.
  glob_walk(base.empty() ? fs::path(".") : base, base.empty() ? fs::path(".") : base, parts, 0, out);
  if (base.empty())  // "./x.yaml" → "x.yaml", as the user would have typed it
    for (BuildInput& in : out) in.path = fs::path(in.path).lexically_normal().string();
}

}  // namespace

bool glob_component_matches(const std::string& pattern, const std::string& name) {
  return fnmatch(pattern.c_str(), name.c_str(), FNM_PERIOD) == 0;
}

CollectedInputs collect_inputs(const std::vector<std::string>& args) {
  CollectedInputs result;
  for (const std::string& arg : args) {
    std::vector<BuildInput> found;
    std::error_code ec;
    const fs::file_status status = fs::status(arg, ec);
    if (fs::is_directory(status)) {
      add_folder(arg, arg, found);
      if (found.empty()) result.errors.push_back("no fact files (*.yaml) in the folder \"" + arg + "\"");
    } else if (fs::is_regular_file(status)) {
      found.push_back({arg, stem_of(fs::path(arg).filename())});
    } else if (has_wildcard(arg)) {
      add_glob(arg, found);
      if (found.empty()) result.errors.push_back("no file matches \"" + arg + "\"");
    } else {
      result.errors.push_back("cannot read \"" + arg + "\": " + (fs::exists(status) ? "not a file or folder" : "no such file or folder"));
    }
    result.inputs.insert(result.inputs.end(), found.begin(), found.end());
  }
  // The same file named twice (a file and its folder, overlapping globs) counts once.
  std::map<std::string, BuildInput> by_stem;
  std::map<fs::path, std::string> seen;
  for (const BuildInput& in : result.inputs) {
    std::error_code ec;
    fs::path id = fs::weakly_canonical(in.path, ec);
    if (ec) id = fs::absolute(in.path).lexically_normal();
    if (seen.contains(id)) continue;
    seen.emplace(id, in.path);
    auto [it, fresh] = by_stem.emplace(in.stem, in);
    if (!fresh)
      result.errors.push_back("\"" + it->second.path + "\" and \"" + in.path + "\" would both write \"" + in.stem +
                              ".*\"; build them into different output folders");
  }
  result.inputs.clear();
  for (auto& [stem, in] : by_stem) result.inputs.push_back(std::move(in));
  return result;
}

}  // namespace factline::cli
