#include "load/template_path.hpp"

#include <filesystem>
#include <system_error>

namespace factline::load {

TemplatePath resolve_template_path(const std::string& fact_file, const std::string& written) {
  namespace fs = std::filesystem;
  const fs::path folder = fact_file == "-" ? fs::path() : fs::path(fact_file).parent_path();
  TemplatePath out;
  const fs::path path = (folder / fs::path(written)).lexically_normal();
  out.path = path.string();
  std::error_code ec;
  out.exists = fs::is_regular_file(path, ec);
  return out;
}

}  // namespace factline::load
