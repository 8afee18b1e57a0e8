#pragma once
// Templates: YAML files that set model::Theme, the one home of every visual value (the
// built-in ones are templates/*.yaml; docs/templates.md has the keys). A template either sets
// every key or `extends:` another, built-in by name or a file by path. Every mistake is a
// diagnostic with the template's file, line and column, and a template file is read only from
// the places template_path.hpp allows. The caller says where the template folders are; nothing
// here looks for them on its own.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "load/template_path.hpp"
#include "model/theme.hpp"

namespace factline::load {

// The template of a fact file that names none.
inline constexpr std::string_view default_template = "news";

struct TemplateResult {
  std::optional<model::Theme> theme;  // empty when there were errors
  std::string description;            // the named template's own one-line description
  std::vector<std::string> files;     // the files read, as diagnostics name them: the named template first, then its bases
  Diagnostics diagnostics;
};

// True for a built-in template's name ("news", "my-look_2"): lowercase letters, digits, '-' and
// '_'. Anything else ("./mine.yaml", "looks/dark.yml") is a path.
bool is_template_name(std::string_view s);

// Loads a template and the ones it extends. The reference is found by find_template
// (template_path.hpp): a name as NAME.yaml in the search folders, else a path from `base_dir`
// (the folder of the file that names it; empty for the working folder), and only within
// `places`; an `extends:` is found the same way from its template's folder. `named_at` is where
// the reference was written, for the errors about it.
TemplateResult load_template(std::string_view name_or_path, const std::string& base_dir,
                             const TemplatePlaces& places, const SourceLoc& named_at = {});

struct TemplateInfo {
  std::string name;         // the file name without .yaml
  std::string description;  // empty when the file has none or cannot be read
  std::string path;
};

// The built-in templates in `search_dirs` (*.yaml), by name; a name found in an earlier folder
// hides the same name in a later one.
std::vector<TemplateInfo> list_templates(const std::vector<std::string>& search_dirs);

// Every key that sets a model::Theme field, in the table's order (for tests and docs).
std::vector<std::string_view> theme_keys();

}  // namespace factline::load
