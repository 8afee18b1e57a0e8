// The listing of templates: which names the template folders hold, with their descriptions.
#include <algorithm>
#include <filesystem>
#include <system_error>

#include "load/file_read.hpp"
#include "load/node_reader.hpp"
#include "load/source_text.hpp"
#include "load/template.hpp"
#include "load/text_rules.hpp"
#include "load/yaml_doc.hpp"

namespace factline::load {
namespace {

namespace fs = std::filesystem;

// A template file's description, read with the same guards as any template; empty on error.
std::string description_of(const fs::path& path) {
  const FileBytes file = read_file_bytes(path.string(), max_input_bytes);
  if (file.problem != FileBytes::Problem::None) return {};
  try {
    Diagnostics ignored;
    const SourceText src(file.bytes, path.string());
    src.check_bytes(ignored);
    YamlDoc yaml;
    if (ignored.has_errors() || !read_yaml(src, ignored, yaml)) return {};
    const YamlNode root = yaml.root();
    if (!root.is_map()) return {};
    const YamlNode d = NodeReader::value(root, "description");
    if (!d.is_scalar()) return {};
    std::string text(d.scalar());
    return check_text(text, TextKind::Line, "\"description\"") ? std::string() : text;
  } catch (...) {  // a broken file lists with no description; loading it reports why
    return {};
  }
}

}  // namespace

bool is_template_name(std::string_view s) {
  return !s.empty() && s.size() <= 64 && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

std::vector<TemplateInfo> list_templates(const std::vector<std::string>& search_dirs) {
  std::vector<TemplateInfo> out;
  for (const std::string& dir : search_dirs) {
    std::error_code ec;
    std::vector<fs::path> files;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
      if (it->path().extension() == ".yaml" && is_template_name(it->path().stem().string()))
        files.push_back(it->path());
    for (const fs::path& p : files) {
      const std::string name = p.stem().string();
      if (std::none_of(out.begin(), out.end(), [&](const TemplateInfo& t) { return t.name == name; }))
        out.push_back({name, description_of(p), p.string()});
    }
  }
  std::sort(out.begin(), out.end(), [](const TemplateInfo& a, const TemplateInfo& b) { return a.name < b.name; });
  return out;
}

}  // namespace factline::load
