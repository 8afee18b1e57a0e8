#pragma once
// Fact file (YAML) → resolved model, with every problem as a diagnostic. Never prints, never
// throws past this boundary.
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"
#include "model/document.hpp"

namespace factline::spec {

struct ParseResult {
  std::optional<model::Document> document;  // empty when there were errors
  Diagnostics diagnostics;
};

// `file` names the input in diagnostics ("-" for standard input).
ParseResult parse_document(std::string_view bytes, const std::string& file);

// The built-in look ("news"): a Korean newspaper infographic.
model::Theme default_theme();

}  // namespace factline::spec
