#pragma once
// The values of one template file: colours, numbers within their ranges, dash patterns, marker
// shapes, font weights and text roles, read by the key table (template_keys.hpp) into a Theme,
// every mistake a diagnostic at the value.
#include <set>
#include <string>

#include "load/node_reader.hpp"
#include "load/source_text.hpp"
#include "model/theme.hpp"

namespace factline::load {

// Applies every Theme key that `root` (a template's mapping, its keys already checked) sets to
// `theme`; `given` collects the keys set ("title.size" for a text role's key). `src` is the
// template's text, quoted in the hint on an unquoted colour; null when the file may not be
// quoted (docs/security.md).
void read_theme_keys(const SourceText* src, NodeReader& read, const YamlNode& root, model::Theme& theme,
                     std::set<std::string>& given);

}  // namespace factline::load
