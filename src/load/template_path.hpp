#pragma once
// Where a template named by path lives: relative to the fact file's folder, or to the current
// folder when the fact file is standard input ("-"). Kept apart from the parser so that
// <filesystem> (and its std::quoted) stays out of the YAML code.
#include <string>

namespace factline::load {

struct TemplatePath {
  std::string path;     // resolved and lexically normalised, as the process would open it
  bool exists = false;  // a regular file (or a link to one) is there
};

TemplatePath resolve_template_path(const std::string& fact_file, const std::string& written);

}  // namespace factline::load
