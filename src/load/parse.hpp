#pragma once
// Fact file (YAML) → resolved model, with every problem as a diagnostic. Never prints, never
// throws past this boundary.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
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

// `file` names the input in diagnostics ("-" for standard input). A template path in the file
// is resolved against the folder of `file` (the current folder for "-") and must exist.
// The document's theme is left as model::Theme{}: no template is read (tests of the format).
ParseResult parse_document(std::string_view bytes, const std::string& file);

struct ParseOptions {
  std::vector<std::string> template_dirs;  // where built-in template names are found (templates/)
  std::string template_name;  // overrides the file's template: (a name, or a path from the working folder)
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
// The built-in template names, the default ("news") first.
std::span<const std::string_view> builtin_templates();

}  // namespace factline::load
