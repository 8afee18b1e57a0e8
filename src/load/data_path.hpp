#pragma once
// Where a data file named in a fact file (data:) may be: a .csv file in the fact file's folder
// tree (confine.hpp says what "in" means).
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"

namespace factline::load {

// Where a data file named in a fact file is: `written` relative to `fact_file_dir` (the fact
// file's folder; "" for the current folder, as for standard input). Errors at `at`:
// - an absolute path ("/data/x.csv", "C:\x.csv");
// - a path that leaves the fact file's folder tree, by ".." or through a symbolic link (both
//   resolved with std::filesystem::weakly_canonical);
// - a file that does not exist, or is not a regular file;
// - a file whose name (after links) does not end in .csv (in any case).
// Returns the resolved path to open. `confined`, when given, is set when the path stays inside
// the folder tree and names a .csv file, whether or not it exists: only such a path may be
// watched or hashed by a build tool.
std::optional<std::string> resolve_data_path(const std::string& fact_file_dir,
                                             std::string_view written, const SourceLoc& at,
                                             Diagnostics& out, bool* confined = nullptr);

}  // namespace factline::load
