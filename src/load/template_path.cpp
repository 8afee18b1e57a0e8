#include "load/template_path.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "load/confine.hpp"
#include "load/errors.hpp"
#include "load/suggest.hpp"
#include "load/template.hpp"

// quoted() is spelt load::quoted: <filesystem> brings std::quoted, which argument-dependent
// lookup would otherwise find too.

namespace factline::load {
namespace {

namespace fs = std::filesystem;

// NAME.yaml in the first search folder that has it (a link counts: it is checked like any path).
std::optional<fs::path> named(std::string_view written, const TemplatePlaces& places) {
  if (!is_template_name(written)) return std::nullopt;
  std::error_code ec;
  for (const std::string& dir : places.search_dirs)
    if (fs::path p = fs::path(dir) / (std::string(written) + ".yaml"); fs::exists(fs::symlink_status(p, ec)))
      return p;
  return std::nullopt;
}

std::string known_names(const TemplatePlaces& places) {
  std::string names;
  for (const std::string& n : template_names(places)) names += (names.empty() ? "" : ", ") + n;
  return (names.empty() ? std::string("no templates by name were found") : "templates by name: " + names) +
         "; or give the path of a template file";
}

}  // namespace

std::string folder_of(const std::string& file) { return fs::path(file).parent_path().string(); }

TemplatePlaces template_places(const std::string& fact_file, const std::vector<std::string>& search_dirs,
                               const std::string& override_name) {
  TemplatePlaces places{search_dirs, {}, fact_file == "-"};
  const auto tree = [](const std::string& file) { return folder_of(file).empty() ? std::string(".") : folder_of(file); };
  if (fact_file != "-") places.trees.push_back(tree(fact_file));
  // A name the search folders hold stays a name; anything else is a file the command line chose.
  if (!override_name.empty() && !named(override_name, places)) places.trees.push_back(tree(override_name));
  return places;
}

std::vector<std::string> template_names(const TemplatePlaces& places) {
  std::vector<std::string> names;
  for (const TemplateInfo& t : list_templates(places.search_dirs)) names.push_back(t.name);
  return names;
}

std::optional<FoundTemplate> find_template(std::string_view written, const std::string& base_dir,
                                         const TemplatePlaces& places, const SourceLoc& at, Diagnostics& out) {
  const std::string shown = load::quoted(written);
  if (written.empty() || written.find('\0') != std::string_view::npos) {
    report_error(out, at, "the template " + shown + " is not a name or a path", known_names(places));
    return std::nullopt;
  }
  // The reference as a path: the search folder's file, or `written` from base_dir.
  const std::optional<fs::path> by_name = named(written, places);
  const fs::path relative = by_name ? *by_name : fs::path(std::string(written));
  const fs::path from = by_name || base_dir.empty() ? fs::path(".") : fs::path(base_dir);
  // Inside the places is decided before the file is looked at, so a path outside is refused the
  // same whether or not something is there, and is never opened. First without following links
  // (only "." and ".."; a place may itself be reached through a link, such as the build tree's
  // templates folder), then with every link resolved.
  std::vector<fs::path> roots, written_roots;
  std::error_code ec;
  for (const auto* dirs : {&places.search_dirs, &places.trees})
    for (const std::string& dir : *dirs) {
      if (auto r = resolved_path(dir)) roots.push_back(std::move(*r));
      if (const fs::path a = fs::absolute(dir, ec); !ec) written_roots.push_back(a.lexically_normal());
    }
  const auto inside = [](const std::vector<fs::path>& folders, const fs::path& p) {
    return std::any_of(folders.begin(), folders.end(), [&](const fs::path& f) { return within(f, p); });
  };
  const std::optional<fs::path> base = resolved_path(from);
  const std::optional<fs::path> resolved = base ? resolved_path(*base / relative) : std::nullopt;
  if (!resolved) {
    report_error(out, at, "cannot resolve the template path " + shown);
    return std::nullopt;
  }
  // A word that names no template is reported as that, wherever it would lead as a path.
  const auto unknown = [&] {
    const std::vector<std::string> names = template_names(places);
    const std::string near = closest_match(written, std::vector<std::string_view>(names.begin(), names.end()));
    report_error(out, at, "unknown template " + shown + (near.empty() ? "" : " — did you mean " + load::quoted(near) + "?"),
                 known_names(places));
    return std::nullopt;
  };
  const std::string where =
      places.standard_input
          ? "the fact file is standard input, so a template must be among the built-in templates or in a folder "
            "given with --template-dir or FACTLINE_TEMPLATE_PATH"
          : "a template must be in the fact file's folder or a folder under it, among the built-in templates, or in "
            "a folder given with --template-dir or FACTLINE_TEMPLATE_PATH";
  const bool word = is_template_name(written) && !by_name;
  const fs::path lexical = (*base / relative).lexically_normal();
  if (!inside(roots, lexical) && !inside(written_roots, lexical)) {
    if (word) return unknown();
    report_error(out, at, "the template " + shown + " is outside the folders templates are read from", where);
    return std::nullopt;
  }
  if (!inside(roots, *resolved)) {
    if (word) return unknown();
    report_error(out, at,
                 "the template " + shown + " leads out of the folders templates are read from through a symbolic link",
                 where);
    return std::nullopt;
  }
  const fs::file_status status = fs::status(*resolved, ec);
  if (!fs::exists(status)) {
    if (word) return unknown();
    report_error(out, at, "there is no template file " + load::quoted((from / relative).lexically_normal().string()),
                 known_names(places));
    return std::nullopt;
  }
  if (!fs::is_regular_file(status)) {
    report_error(out, at, "the template " + shown + " is not a file", "name a template file, such as looks/mine.yaml");
    return std::nullopt;
  }
  return FoundTemplate{resolved->string(), (from / relative).lexically_normal().string()};
}

}  // namespace factline::load
