// The extends loader: follows a template's chain of extends: to its root, reading each file with
// the checks a fact file gets, and reports every mistake in the file that has it.
#include "load/template.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>

#include "core/utf8.hpp"
#include "load/errors.hpp"
#include "load/file_read.hpp"
#include "load/node_reader.hpp"
#include "load/source_text.hpp"
#include "load/suggest.hpp"
#include "load/template_keys.hpp"
#include "load/template_values.hpp"
#include "load/trim.hpp"
#include "load/yaml_scan.hpp"

namespace factline::load {
namespace {

namespace fs = std::filesystem;
using model::Theme;

constexpr std::size_t max_extends = 16;  // templates in one chain
constexpr std::size_t max_description_bytes = 300;

std::string list_some(const std::vector<std::string>& names, std::size_t most = 8) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < most; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > most) out += " and " + std::to_string(names.size() - most) + " more";
  return out;
}

// Nothing but blank lines and comments.
bool blank(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    const std::string_view line = trim(text.substr(at, end - at));
    if (!line.empty() && line.front() != '#') return false;
    at = end + 1;
  }
  return true;
}

// Follows a chain of templates, reporting into one result.
class Loader {
 public:
  Loader(const std::vector<std::string>& dirs, TemplateResult& out) : dirs_(dirs), out_(out) {}

  std::optional<Theme> load(std::string_view name, const std::string& base_dir, const SourceLoc& at) {
    const std::optional<fs::path> path = find(name, base_dir, at);
    if (!path) return std::nullopt;
    std::error_code ec;
    fs::path canonical = fs::weakly_canonical(*path, ec);
    if (ec) canonical = path->lexically_normal();
    if (std::find(chain_.begin(), chain_.end(), canonical) != chain_.end()) {
      std::string circle;
      const auto from = std::find(chain_.begin(), chain_.end(), canonical);
      for (auto it = from; it != chain_.end(); ++it) circle += it->filename().string() + " → ";
      report_error(out_.diagnostics, at, "templates extend each other in a circle: " + circle + canonical.filename().string(),
                   "remove one of the extends:");
      return std::nullopt;
    }
    if (chain_.size() >= max_extends) {
      report_error(out_.diagnostics, at, "more than " + std::to_string(max_extends) + " templates extend one another",
                   "extend a built-in template directly");
      return std::nullopt;
    }
    const FileBytes file = read_file_bytes(path->string(), max_input_bytes);
    if (file.problem == FileBytes::Problem::TooLarge) {
      report_error(out_.diagnostics, at, "template \"" + utf8::escape_for_terminal(path->string()) + "\" is larger than 16 MiB");
      return std::nullopt;
    }
    if (file.problem != FileBytes::Problem::None) {
      report_error(out_.diagnostics, at, "cannot read template \"" + utf8::escape_for_terminal(path->string()) + "\"");
      return std::nullopt;
    }
    out_.files.push_back(path->string());
    chain_.push_back(canonical);
    std::optional<Theme> theme = parse(file.bytes, *path);
    chain_.pop_back();
    return theme;
  }

 private:
  // A built-in name in the search folders, else a path relative to base_dir.
  std::optional<fs::path> find(std::string_view name, const std::string& base_dir, const SourceLoc& at) {
    std::error_code ec;
    if (is_template_name(name))
      for (const std::string& dir : dirs_) {
        fs::path p = fs::path(dir) / (std::string(name) + ".yaml");
        if (fs::is_regular_file(p, ec)) return p;
      }
    const fs::path p = fs::path(name).is_absolute() || base_dir.empty() ? fs::path(name) : fs::path(base_dir) / fs::path(name);
    if (!name.empty() && fs::is_regular_file(p, ec)) return p;
    std::vector<std::string> names;
    for (const TemplateInfo& t : list_templates(dirs_)) names.push_back(t.name);
    std::vector<std::string_view> views(names.begin(), names.end());
    std::string builtins;
    for (std::size_t i = 0; i < names.size(); ++i) builtins += (i ? ", " : "") + names[i];
    const std::string hint = (names.empty() ? std::string("no built-in templates were found")
                                            : "built-in templates: " + builtins) +
                             "; or give the path of a template file";
    if (is_template_name(name)) {
      const std::string near = closest_match(name, views);
      report_error(out_.diagnostics, at,
                   "unknown template " + load::quoted(name) + (near.empty() ? "" : " — did you mean " + load::quoted(near) + "?"),
                   hint);
    } else {
      report_error(out_.diagnostics, at, "there is no template file \"" + utf8::escape_for_terminal(p.string()) + "\"", hint);
    }
    return std::nullopt;
  }

  // One file's mistakes are reported top to bottom, after those of the templates it extends.
  std::optional<Theme> parse(const std::string& bytes, const fs::path& path) {
    Diagnostics mine;
    auto append_sorted = [&] {
      std::vector<Diagnostic> ds = mine.items();
      std::stable_sort(ds.begin(), ds.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::pair(a.loc.line, a.loc.column) < std::pair(b.loc.line, b.loc.column);
      });
      for (Diagnostic& d : ds)
        if (d.severity == Severity::Error) out_.diagnostics.error(std::move(d.loc), std::move(d.message), std::move(d.hint));
        else out_.diagnostics.warning(std::move(d.loc), std::move(d.message), std::move(d.hint));
    };
    std::optional<Theme> theme;
    try {
      theme = parse_file(bytes, path, mine);
    } catch (const TooManyErrors&) {
      append_sorted();
      throw;
    }
    append_sorted();
    return theme;
  }

  std::optional<Theme> parse_file(const std::string& bytes, const fs::path& path, Diagnostics& out) {
    const SourceText src(bytes, path.string());
    src.check_bytes(out);
    if (out.has_errors()) return std::nullopt;
    if (blank(src.text())) {
      report_error(out, {src.file(), 1, 1}, "the template is empty", "start with extends: news and the keys to change");
      return std::nullopt;
    }
    if (!scan_yaml(src, out)) return std::nullopt;
    YAML::Node root;
    try {
      root = YAML::Load(std::string(src.text()));
    } catch (const YAML::Exception& e) {
      report_error(out, src.loc(e.mark.line, e.mark.column), "invalid YAML: " + utf8::escape_for_terminal(e.msg));
      return std::nullopt;
    }
    NodeReader read(src, out);
    if (root.IsNull()) {
      read.error(SourceLoc{src.file(), 1, 1}, "the template is empty", "start with extends: news and the keys to change");
      return std::nullopt;
    }
    if (!read.mapping(root, "a template", template_keys::known_keys())) return std::nullopt;
    const bool first = chain_.size() == 1;
    if (const auto d = read.string(root, "description", "a template")) {
      if (d->find('\n') != std::string::npos || d->size() > max_description_bytes)
        read.error(NodeReader::value(root, "description"),
                   "\"description\" must be one line of at most " + std::to_string(max_description_bytes) + " bytes");
      else if (first)
        out_.description = *d;
    }
    Theme theme;
    const YAML::Node extends = NodeReader::value(root, "extends");
    if (extends.IsDefined()) {
      const auto base = read.string(root, "extends", "a template");
      if (!base || trim(*base).empty()) {
        if (base) read.error(extends, "\"extends\" is empty", "write extends: news, or a template file's path");
      } else if (auto parent = load(trim(*base), path.parent_path().string(), read.text_loc(extends))) {
        theme = std::move(*parent);
      }
    }
    std::set<std::string> given;
    read_theme_keys(src, read, root, theme, given);
    if (!extends.IsDefined())
      if (const auto missing = template_keys::missing_keys(given); !missing.empty())
        read.error(SourceLoc{src.file(), 1, 1},
                   "the template extends no other and leaves out " + std::to_string(missing.size()) +
                       " keys: " + list_some(missing),
                   "add extends: news to start from the built-in look");
    return theme;
  }

  const std::vector<std::string>& dirs_;
  TemplateResult& out_;
  std::vector<fs::path> chain_;  // the templates being read, outermost first
};

}  // namespace

TemplateResult load_template(std::string_view name_or_path, const std::string& base_dir,
                             const std::vector<std::string>& search_dirs, const SourceLoc& named_at) {
  TemplateResult result;
  try {
    Loader loader(search_dirs, result);
    std::optional<Theme> theme = loader.load(name_or_path, base_dir, named_at);
    if (theme && !result.diagnostics.has_errors()) result.theme = std::move(theme);
  } catch (const TooManyErrors&) {
    // The closing diagnostic is already there.
  } catch (const std::exception& e) {
    result.diagnostics.error(named_at, std::string("cannot read the template: ") + e.what());
  }
  if (result.diagnostics.has_errors()) result.theme.reset();
  return result;
}

}  // namespace factline::load
