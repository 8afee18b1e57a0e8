#pragma once
// A built-in template compiled into the program (issue 16): its file's bytes and the theme they
// give, made at build time from templates/*.yaml by tools/compile_templates.cpp, which loads each
// one through load_template. The loader takes the compiled theme, parsing no YAML, for a
// template file whose bytes are exactly a compiled one's and whose extends: chain leads to files
// that are too (the YAML stays the source of truth: an edited file is simply read).
#include <cstddef>
#include <span>
#include <string_view>

#include "model/theme.hpp"

namespace factline::load {

struct CompiledTemplate {
  std::string_view name;         // "news"
  std::string_view bytes;        // templates/NAME.yaml as it was compiled
  std::string_view description;  // its description: (when it is the template named)
  std::string_view extends;      // its extends: as written, trimmed; empty for none
  std::string_view dark;         // its dark: as written, trimmed; empty for none
  // Its bases in extends: order, as indices into the same table: the chain the theme was made from.
  std::span<const std::size_t> bases;
  // The resolved theme; dark_template is left at its default (a path is found at run time).
  model::Theme (*theme)();
};

}  // namespace factline::load
