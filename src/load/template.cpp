// The extends loader: follows a template's chain of extends: to its root, reading each file with
// the checks a fact file gets, and reports every mistake in the file that has it.
#include "load/template.hpp"

#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>

#include "core/number_format.hpp"
#include "load/errors.hpp"
#include "load/file_read.hpp"
#include "load/node_reader.hpp"
#include "load/source_text.hpp"
#include "load/suggest.hpp"
#include "load/template_contrast.hpp"
#include "load/template_keys.hpp"
#include "load/template_path.hpp"
#include "load/template_values.hpp"
#include "load/trim.hpp"
#include "load/yaml_doc.hpp"

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
  Loader(const TemplatePlaces& places, TemplateResult& out) : places_(places), out_(out) {}

  // The template `name` names, from `base_dir`; problems with the reference itself are reported
  // into `at_file` (the diagnostics of the file that holds it) at `at`.
  std::optional<Theme> load(std::string_view name, const std::string& base_dir, const SourceLoc& at,
                            Diagnostics& at_file) {
    const std::optional<FoundTemplate> found = find_template(name, base_dir, places_, at, at_file);
    if (!found) return std::nullopt;
    const fs::path canonical = found->path;
    if (const auto from = std::find(chain_.begin(), chain_.end(), canonical); from != chain_.end()) {
      std::string circle;
      for (auto it = from; it != chain_.end(); ++it) circle += it->filename().string() + " → ";
      report_error(at_file, at, "templates extend each other in a circle: " + circle + canonical.filename().string(),
                   "remove one of the extends:");
      return std::nullopt;
    }
    if (chain_.size() >= max_extends) {
      report_error(at_file, at, "more than " + std::to_string(max_extends) + " templates extend one another",
                   "extend a built-in template directly");
      return std::nullopt;
    }
    const FileBytes file = read_file_bytes(found->path, max_input_bytes);
    if (file.problem == FileBytes::Problem::TooLarge) {
      report_error(at_file, at, "template " + load::quoted(found->shown) + " is larger than 16 MiB");
      return std::nullopt;
    }
    if (file.problem != FileBytes::Problem::None) {
      report_error(at_file, at, "cannot read template " + load::quoted(found->shown));
      return std::nullopt;
    }
    out_.files.push_back(found->shown);
    chain_.push_back(canonical);
    std::optional<Theme> theme = compiled(file.bytes, found->shown);
    if (!theme) theme = parse(file.bytes, found->shown);
    chain_.pop_back();
    return theme;
  }

 private:
  const CompiledTemplate* compiled_of(std::string_view bytes) const {
    const auto it = std::find_if(places_.compiled.begin(), places_.compiled.end(),
                                 [&](const CompiledTemplate& t) { return t.bytes == bytes; });
    return it == places_.compiled.end() ? nullptr : &*it;
  }

  // The compiled theme of a file (`shown` as diagnostics name it) that is byte for byte a
  // compiled template, when its extends: chain leads, found as parsing would find it, to files
  // that are byte for byte the bases it was compiled with; else nullopt, and the file is parsed
  // (which reports whatever is wrong). The built-in templates load without any diagnostic (the
  // compiler checks), so there are none to repeat.
  std::optional<Theme> compiled(const std::string& bytes, const std::string& shown) {
    const CompiledTemplate* const named = compiled_of(bytes);
    if (!named || chain_.size() + named->bases.size() > max_extends) return std::nullopt;
    Diagnostics ignored;
    std::vector<std::string> bases;  // as diagnostics name them
    std::string dark;                // the outermost dark: of the chain, found
    const CompiledTemplate* at = named;
    for (std::string file = shown;;) {
      const std::string dir = fs::path(file).parent_path().string();
      if (dark.empty() && !at->dark.empty()) {
        const std::optional<FoundTemplate> d = find_template(at->dark, dir, places_, {}, ignored);
        if (!d) return std::nullopt;
        dark = d->path;
      }
      if (at->extends.empty()) break;
      if (bases.size() == named->bases.size()) return std::nullopt;
      const std::optional<FoundTemplate> base = find_template(at->extends, dir, places_, {}, ignored);
      if (!base || std::find(chain_.begin(), chain_.end(), fs::path(base->path)) != chain_.end()) return std::nullopt;
      const FileBytes read = read_file_bytes(base->path, max_input_bytes);
      at = read.problem == FileBytes::Problem::None ? compiled_of(read.bytes) : nullptr;
      if (at != &places_.compiled[named->bases[bases.size()]]) return std::nullopt;
      bases.push_back(base->shown);
      file = base->shown;
    }
    if (bases.size() != named->bases.size()) return std::nullopt;
    Theme theme = named->theme();
    if (!dark.empty()) theme.dark_template = dark;
    if (chain_.size() == 1) out_.description = named->description;
    out_.files.insert(out_.files.end(), bases.begin(), bases.end());
    return theme;
  }

  // One file's mistakes are reported top to bottom, after those of the templates it extends.
  std::optional<Theme> parse(const std::string& bytes, const std::string& file) {
    Diagnostics mine;
    auto append_sorted = [&] {
      std::vector<Diagnostic> ds = mine.items();
      std::stable_sort(ds.begin(), ds.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::pair(a.loc.line, a.loc.column) < std::pair(b.loc.line, b.loc.column);
      });
      for (Diagnostic& d : ds) out_.diagnostics.add(std::move(d));
    };
    std::optional<Theme> theme;
    try {
      theme = parse_file(bytes, file, mine);
    } catch (const TooManyErrors&) {
      append_sorted();
      throw;
    }
    append_sorted();
    return theme;
  }

  // Reads one template file; its lines may be quoted in diagnostics only when it reads as a
  // template: UTF-8 and a YAML mapping of template keys (or their misspellings), so nothing else
  // ever is.
  std::optional<Theme> parse_file(const std::string& bytes, const std::string& file, Diagnostics& out) {
    const SourceText src(bytes, file);
    src.check_bytes(out);
    if (out.has_errors()) return std::nullopt;
    if (blank(src.text())) {
      report_error(out, {src.file(), 1, 1}, "the template is empty", "start with extends: news and the keys to change");
      return std::nullopt;
    }
    YamlDoc yaml;
    if (!read_yaml(src, out, yaml)) return std::nullopt;
    const YamlNode root = yaml.root();
    NodeReader read(src, out);
    if (root.is_null()) {
      read.error(SourceLoc{src.file(), 1, 1}, "the template is empty", "start with extends: news and the keys to change");
      return std::nullopt;
    }
    const std::vector<std::string_view> known = template_keys::known_keys();
    if (!read.mapping(root, "a template", known)) return std::nullopt;
    // Reads as a template: every key is a template key or a likely misspelling of one (a file
    // of other keys, such as credentials, is never quoted).
    const bool quotable = std::ranges::all_of(root.entries(), [&](const YamlNode::Entry& kv) {
      return kv.key.is_scalar() && (std::find(known.begin(), known.end(), kv.key.scalar()) != known.end() ||
                                    !closest_match(kv.key.scalar(), known).empty());
    });
    const bool first = chain_.size() == 1;
    if (const auto d = read.string(root, "description", "a template")) {
      if (d->size() > max_description_bytes)
        read.error(NodeReader::value(root, "description"),
                   "\"description\" must be one line of at most " + std::to_string(max_description_bytes) + " bytes");
      else if (first)
        out_.description = *d;
    }
    Theme theme;
    const YamlNode extends = NodeReader::value(root, "extends");
    if (extends.defined()) {
      const auto base = read.string(root, "extends", "a template");
      if (!base || trim(*base).empty()) {
        if (base) read.error(extends, "\"extends\" is empty", "write extends: news, or a template file's path");
      } else if (auto parent = load(trim(*base), fs::path(file).parent_path().string(), read.text_loc(extends), out)) {
        theme = std::move(*parent);
      }
    }
    std::set<std::string> given;
    read_theme_keys(quotable ? &src : nullptr, read, root, theme, given);
    read_appearance(read, root, file, theme, out);
    if (!extends.defined())
      if (const auto missing = template_keys::missing_keys(given); !missing.empty())
        read.error(SourceLoc{src.file(), 1, 1},
                   "the template extends no other and leaves out " + std::to_string(missing.size()) +
                       " keys: " + list_some(missing),
                   "add extends: news to start from the built-in look");
    if (first && !out.has_errors() && !out_.diagnostics.has_errors()) warn_contrast(read, root, extends, theme, out);
    if (quotable) out.keep_source_lines(0, file, src.text());
    return theme;
  }

  // The template as a whole (this outermost file and what it extends) is held to the contrast the
  // built-in ones meet: a warning per text role that is hard to read on what it is drawn on, at
  // the key of this file that sets its colour, else the ground's, else its extends:.
  static void warn_contrast(NodeReader& read, const YamlNode& root, const YamlNode& extends, const Theme& theme,
                            Diagnostics& out) {
    for (const ContrastProblem& p : contrast_problems(theme)) {
      const YamlNode role = NodeReader::value(root, p.role), ground = NodeReader::value(root, p.ground);
      const YamlNode color = role.is_map() ? NodeReader::value(role, "color") : YamlNode();
      const YamlNode at = color.defined() ? color : role.defined() ? role : ground.defined() ? ground : extends;
      const SourceLoc loc = at.defined() ? read.loc(at) : SourceLoc{read.loc(root).file, 1, 1};
      NumberStyle one;
      one.decimals = 1;
      out.warning(loc,
                  "the \"" + p.role + "\" text (" + p.ink.hex() + ") has a contrast of " +
                      format_number(p.ratio, Locale::En, one) + ":1 on " + p.ground_words + " (" + p.under.hex() +
                      "); it should have at least 4.5:1 (WCAG AA)",
                  "change the colour of \"" + p.role + "\" or of \"" + p.ground + "\"");
    }
  }

  // appearance: light | dark | auto, and dark: the template whose colours the dark appearance
  // takes, found as extends: finds its template (and only checked to exist here).
  void read_appearance(NodeReader& read, const YamlNode& root, const std::string& file, Theme& theme,
                       Diagnostics& out) {
    if (const auto a = read.string(root, "appearance", "a template")) {
      const std::string_view v = trim(*a);
      if (v == "light" || v == "dark" || v == "auto")
        theme.appearance = v == "light" ? model::Appearance::Light
                           : v == "dark" ? model::Appearance::Dark
                                         : model::Appearance::Auto;
      else
        read.error(NodeReader::value(root, "appearance"), "appearance must be light, dark or auto");
    }
    const YamlNode dark = NodeReader::value(root, "dark");
    if (!dark.defined()) return;
    const auto name = read.string(root, "dark", "a template");
    if (!name || trim(*name).empty()) {
      if (name) read.error(dark, "\"dark\" is empty", "write dark: dark, or a template file's path");
      return;
    }
    if (const auto found = find_template(trim(*name), fs::path(file).parent_path().string(), places_,
                                         read.text_loc(dark), out))
      theme.dark_template = found->path;
  }

  const TemplatePlaces& places_;
  TemplateResult& out_;
  std::vector<fs::path> chain_;  // the templates being read, outermost first
};

}  // namespace

TemplateResult load_template(std::string_view name_or_path, const std::string& base_dir,
                             const TemplatePlaces& places, const SourceLoc& named_at) {
  TemplateResult result;
  try {
    Loader loader(places, result);
    std::optional<Theme> theme = loader.load(name_or_path, base_dir, named_at, result.diagnostics);
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
