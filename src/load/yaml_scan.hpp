#pragma once
// A pass over the YAML event stream before any node tree is built: it rejects what a fact file
// never needs and what could make loading blow up (anchors and aliases, explicit tags, several
// documents, deep nesting), each with its position.
#include "core/diagnostic.hpp"
#include "load/source_text.hpp"

namespace factline::load {

inline constexpr int max_nesting_depth = 32;

// Returns false when the YAML is malformed or uses a rejected feature (diagnostics added).
bool scan_yaml(const SourceText& src, Diagnostics& out);

}  // namespace factline::load
