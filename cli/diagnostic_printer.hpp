#pragma once
#include <ostream>
#include <string_view>

#include "core/diagnostic.hpp"

namespace factline::cli {
// Compiler-style: "file:line:col: error: message", the source line, a caret under the column,
// and "hint: …". `source` is the input text the locations refer to (may be empty).
void print_diagnostics(std::ostream& out, const Diagnostics& diagnostics, std::string_view source);
}  // namespace factline::cli
