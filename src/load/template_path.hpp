#pragma once
// Where a template may be read from (docs/security.md, "Template paths"). A template is read
// only when its file, with every symbolic link resolved, lies inside
// - a template folder: the built-in one, and those given with --template-dir or
//   FACTLINE_TEMPLATE_PATH (names are looked up in these, in order);
// - the fact file's folder or a folder under it (none when the fact file is standard input);
// - the folder of a template the command line names by path (--template), for its own chain.
// The same holds for every template an extends: chain reaches. Anything else is refused before
// the file is opened, with an error naming the path as written. Kept apart from the YAML code
// so that <filesystem> (and its std::quoted) stays out of it.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "load/compiled_template.hpp"

namespace factline::load {

struct TemplatePlaces {
  std::vector<std::string> search_dirs;  // template folders: names are looked up here, in order
  std::vector<std::string> trees;        // other folders whose files may be templates
  bool standard_input = false;           // the fact file is standard input: it has no folder tree
  // The built-in templates compiled into the program, taken instead of parsing a file that is
  // byte for byte one of them; empty: every template is parsed (the build-time compiler, tests).
  std::span<const CompiledTemplate> compiled{};
};

// The folder of a file as named ("stories" for "stories/facts.yaml"; "" for "facts.yaml").
std::string folder_of(const std::string& file);

// The places for a fact file (`fact_file` as named, "-" for standard input) whose templates are
// found in `search_dirs`; `override_name` is the command line's --template (empty: none).
TemplatePlaces template_places(const std::string& fact_file, const std::vector<std::string>& search_dirs,
                               const std::string& override_name);

struct FoundTemplate {
  std::string path;   // to open: absolute, every link resolved
  std::string shown;  // as diagnostics name it: the reference from its folder ("stories/looks/mine.yaml")
};

// The file a template reference names: `written` is a template's name (NAME.yaml in a
// search folder; when there is none, it is taken as a path) or a path relative to `base_dir`
// (the folder of the file that names it; "" for the working folder) unless absolute. When it
// is unknown, missing, not a regular file or outside `places`, an error at `at` says so.
std::optional<FoundTemplate> find_template(std::string_view written, const std::string& base_dir,
                                         const TemplatePlaces& places, const SourceLoc& at, Diagnostics& out);

// The names of the templates in the search folders, for suggestions and hints.
std::vector<std::string> template_names(const TemplatePlaces& places);

}  // namespace factline::load
