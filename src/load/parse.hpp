#pragma once
// Fact file (YAML) → resolved model, with every problem as a diagnostic. Never prints, never
// throws past this boundary.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "load/compiled_template.hpp"
#include "model/document.hpp"

namespace factline::load {

struct ParseResult {
  std::optional<model::Document> document;  // empty when there were errors
  Diagnostics diagnostics;
  // The other files the document is made from, as they were opened: each data file a chart
  // names (also one that could not be read: creating it changes the result), then the
  // template and the templates it extends. Filled also when there were errors, as far as
  // parsing got; build tools watch and hash these.
  std::vector<std::string> files;
};

// `file` names the input in diagnostics ("-" for standard input); data: paths are relative to
// its folder (the working folder for "-"). The document's theme is left as model::Theme{} and
// its template: only kept as written: no template is read (tests of the format).
ParseResult parse_document(std::string_view bytes, const std::string& file);

struct ParseOptions {
  // The template folders, in search order (the built-in one, --template-dir's,
  // FACTLINE_TEMPLATE_PATH's): where template names are found, and where, besides the fact file's
  // folder tree, template files may be read from (template_path.hpp).
  std::vector<std::string> template_dirs;
  std::string template_name;  // overrides the file's template: (a name, or a path from the working folder)
  std::span<const CompiledTemplate> compiled_templates{};  // TemplatePlaces::compiled
};
// The same, and the document gets the theme of its template (the override, else the file's
// template:, else "news"), read from disk; template problems are diagnostics in the template's
// own file.
ParseResult parse_document(std::string_view bytes, const std::string& file, const ParseOptions& options);

// The keys the parser knows, in the order docs/format.md and docs/charts.md list them: at the
// top level, in a group, in an event, in `chart:`, in a panel (a chart's keys and `title`) and
// in a series mapping. The parser checks mappings against these very lists.
std::span<const std::string_view> top_level_keys();
std::span<const std::string_view> group_keys();
std::span<const std::string_view> event_keys();
std::span<const std::string_view> chart_keys();
std::span<const std::string_view> panel_keys();
std::span<const std::string_view> series_keys();

}  // namespace factline::load
