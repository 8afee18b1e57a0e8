// Compiles the built-in templates into the program (issue 16): loads each templates/NAME.yaml
// through load_template, the loader every template goes through, and writes a C++ file with its
// bytes and the theme it gives, set key by key from the key table (template_keys.hpp), so a new
// Theme field in the table is compiled with no change here. Run by the build
// (src/CMakeLists.txt); the YAML stays the source of truth and the loader takes the compiled
// theme only for a file that is byte for byte the one compiled (load/compiled_template.hpp).
//
//   compile_templates TEMPLATE_DIR OUTPUT.cpp
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "load/file_read.hpp"
#include "load/node_reader.hpp"
#include "load/source_text.hpp"
#include "load/template.hpp"
#include "load/template_keys.hpp"
#include "load/template_path.hpp"
#include "load/trim.hpp"
#include "load/yaml_doc.hpp"

namespace {

namespace fs = std::filesystem;
using namespace factline;
using model::Theme;

// A C++ string literal of any bytes: printable ASCII as is, everything else as octal escapes
// (three digits, so a following digit never joins one), a line per source line.
std::string literal(std::string_view bytes) {
  std::string out = "\"";
  for (const unsigned char c : bytes) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c >= 0x20 && c < 0x7f && c != '?') {  // '?' too: no trigraph can form
      out += static_cast<char>(c);
    } else {
      char esc[8];
      std::snprintf(esc, sizeof esc, "\\%03o", c);
      out += esc;
      if (c == '\n') out += "\"\n    \"";
    }
  }
  return out + "\"";
}
std::string view(std::string_view bytes) {
  return "std::string_view{" + literal(bytes) + ", " + std::to_string(bytes.size()) + "}";
}

std::string number(double v) { return load::template_keys::format_number(v); }
std::string color(const Color& c) {
  return "Color{" + std::to_string(c.r) + ", " + std::to_string(c.g) + ", " + std::to_string(c.b) + ", " +
         std::to_string(c.a) + "}";
}
template <class T, class F>
std::string list(const std::string& type, const std::vector<T>& values, F each) {
  std::string out = "std::vector<" + type + ">{";
  for (std::size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + each(values[i]);
  return out + "}";
}
std::string shape(model::MarkerShape s) {
  const auto& shapes = load::template_keys::shapes;
  const std::size_t i = static_cast<std::size_t>(std::find(std::begin(shapes), std::end(shapes), s) - std::begin(shapes));
  return "model::MarkerShape::" + std::string{static_cast<char>(std::toupper(load::template_keys::shape_names[i][0]))} +
         std::string(load::template_keys::shape_names[i].substr(1));
}

// `set<T>(t, KEY, value);` for each key of the table.
std::string theme_body(const Theme& theme) {
  std::ostringstream out;
  const std::string_view appearance = theme.appearance == model::Appearance::Light  ? "Light"
                                      : theme.appearance == model::Appearance::Dark ? "Dark"
                                                                                    : "Auto";
  out << "  Theme t;\n  t.appearance = model::Appearance::" << appearance << ";\n";
  const auto keys = load::template_keys::keys();
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const std::string at = "(t, " + std::to_string(i) + ", ";
    const std::string line = std::visit(
        [&](auto field) -> std::string {
          const auto& v = theme.*field;
          using V = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<V, Color>) return "set<Color>" + at + color(v);
          else if constexpr (std::is_same_v<V, std::vector<Color>>)
            return "set<std::vector<Color>>" + at + list("Color", v, color);
          else if constexpr (std::is_same_v<V, model::TextRole>)
            return "set<model::TextRole>" + at + "model::TextRole{std::string(" + view(v.family) + "), " +
                   std::to_string(v.weight) + ", " + number(v.size) + ", " + number(v.line_spacing) + ", " +
                   color(v.color) + "}";
          else if constexpr (std::is_same_v<V, double>) return "set<double>" + at + number(v);
          else if constexpr (std::is_same_v<V, int>) return "set<int>" + at + std::to_string(v);
          else if constexpr (std::is_same_v<V, std::vector<double>>)
            return "set<std::vector<double>>" + at + list("double", v, number);
          else return "set<std::vector<model::MarkerShape>>" + at + list("model::MarkerShape", v, shape);
        },
        keys[i].field);
    out << "  " << line << ");  // " << keys[i].name << "\n";
  }
  out << "  return t;\n";
  return out.str();
}

std::string scalar(const load::YamlNode& root, const char* key) {
  const load::YamlNode n = load::NodeReader::value(root, key);
  return n.is_scalar() ? std::string(load::trim(n.scalar())) : std::string();
}

struct Compiled {
  std::string name, bytes, description, extends, dark, body;
  std::vector<std::string> base_files;  // the files of its extends: chain, resolved
  std::string path;                     // resolved
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: compile_templates TEMPLATE_DIR OUTPUT.cpp\n";
    return 2;
  }
  const std::string dir = argv[1];
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".yaml" && load::is_template_name(e.path().stem().string())) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  // Only the folder itself: no compiled table, so every template is parsed.
  const load::TemplatePlaces places{{dir}, {}, false, {}};
  std::vector<Compiled> out;
  for (const fs::path& file : files) {
    const std::string name = file.stem().string();
    const load::TemplateResult r = load::load_template(name, "", places);
    if (!r.theme || !r.diagnostics.empty()) {
      std::cerr << "compile_templates: " << file.string() << " does not load without a diagnostic:\n";
      for (const auto& d : r.diagnostics.items()) std::cerr << "  " << d.loc.line << ":" << d.loc.column << ": " << d.message << "\n";
      return 1;
    }
    const load::FileBytes bytes = load::read_file_bytes(file.string(), load::max_input_bytes);
    // It loaded without a diagnostic, so it reads again.
    const load::SourceText src(bytes.bytes, file.string());
    Diagnostics none;
    load::YamlDoc yaml;
    load::read_yaml(src, none, yaml);
    const load::YamlNode root = yaml.root();
    Compiled c{name, bytes.bytes, r.description, scalar(root, "extends"), scalar(root, "dark"), theme_body(*r.theme), {},
               fs::canonical(file).string()};
    for (std::size_t i = 1; i < r.files.size(); ++i) c.base_files.push_back(fs::canonical(r.files[i]).string());
    out.push_back(std::move(c));
  }
  std::ostringstream cpp;
  cpp << "// Generated by tools/compile_templates.cpp from templates/*.yaml; do not edit.\n"
      << "#include <cstddef>\n#include <string>\n#include <string_view>\n#include <variant>\n#include <vector>\n\n"
      << "#include \"api/compiled_templates.hpp\"\n#include \"load/template_keys.hpp\"\n\n"
      << "namespace factline {\nnamespace {\n\nusing model::Theme;\n\n"
      << "// Sets the field of the key table's key number `key` (the table this file was made with).\n"
      << "template <class T>\nvoid set(Theme& t, std::size_t key, T v) {\n"
      << "  t.*std::get<T Theme::*>(load::template_keys::keys()[key].field) = std::move(v);\n}\n\n";
  for (std::size_t i = 0; i < out.size(); ++i) {
    const Compiled& c = out[i];
    for (std::size_t j = 0; j < i; ++j)
      if (out[j].bytes == c.bytes) {
        std::cerr << "compile_templates: " << c.name << ".yaml and " << out[j].name << ".yaml have the same bytes\n";
        return 1;
      }
    cpp << "Theme theme_" << i << "() {  // " << c.name << "\n" << c.body << "}\n";
    cpp << "constexpr std::size_t bases_" << i << "[] = {";
    for (const std::string& base : c.base_files) {
      const auto it = std::find_if(out.begin(), out.end(), [&](const Compiled& o) { return o.path == base; });
      if (it == out.end()) {
        std::cerr << "compile_templates: " << c.name << ".yaml extends " << base << ", not a built-in template\n";
        return 1;
      }
      cpp << (it - out.begin()) << ", ";
    }
    cpp << "0};  // the trailing 0 only keeps the array from being empty\n\n";
  }
  cpp << "const load::CompiledTemplate table[] = {\n";
  for (std::size_t i = 0; i < out.size(); ++i) {
    const Compiled& c = out[i];
    cpp << "    {" << view(c.name) << ",\n     " << view(c.bytes) << ",\n     " << view(c.description) << ", "
        << view(c.extends) << ", " << view(c.dark) << ", std::span<const std::size_t>(bases_" << i << ", "
        << c.base_files.size() << "), theme_" << i << "},\n";
  }
  cpp << "};\n\n}  // namespace\n\nstd::span<const load::CompiledTemplate> compiled_templates() { return table; }\n\n"
      << "}  // namespace factline\n";
  // Written whole to a temporary file and renamed, so a failed run leaves no half-written output.
  const std::string target = argv[2], temporary = target + ".tmp";
  {
    std::ofstream f(temporary, std::ios::binary);
    f << cpp.str();
    if (!f.flush()) {
      std::cerr << "compile_templates: cannot write " << temporary << "\n";
      return 1;
    }
  }
  fs::rename(temporary, target);
  return 0;
}
