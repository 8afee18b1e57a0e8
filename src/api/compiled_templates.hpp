#pragma once
// The built-in templates compiled into the program: defined by the file the build generates
// from templates/*.yaml (tools/compile_templates.cpp, src/CMakeLists.txt).
#include <span>

#include "load/compiled_template.hpp"

namespace factline {

std::span<const load::CompiledTemplate> compiled_templates();

}  // namespace factline
