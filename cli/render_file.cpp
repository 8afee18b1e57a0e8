#include "render_file.hpp"

#include <algorithm>

namespace factline::cli {

FileResult render_file(const Engine& engine, const std::string& input, std::string_view bytes,
                       std::span<const OutputFile> outputs, const RenderSettings& settings, std::ostream& err) {
  Rendered r = engine.render(bytes, input, outputs, settings.options);
  print_diagnostics(err, r.diagnostics, bytes, settings.diagnostics, input);
  FileResult out{Ok, std::move(r.dependencies), 0, {}, {}};
  out.warnings = static_cast<std::size_t>(std::count_if(r.diagnostics.items().begin(), r.diagnostics.items().end(),
                                                        [](const Diagnostic& d) { return d.severity == Severity::Warning; }));
  if (r.failed()) {
    out.status = InvalidInput;
    return out;
  }
  // A paged timeline's PNG or SVG is one file per page (page_path); all are written or none.
  std::vector<std::pair<std::string, std::string_view>> files;
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    const std::vector<std::string>& pages = r.pages[i];
    for (std::size_t k = 0; k < std::max<std::size_t>(pages.size(), 1); ++k) {
      const std::string path = pages.empty() ? outputs[i].path : page_path(outputs[i].path, static_cast<int>(k + 1));
      if (std::string problem = same_file_problem(path, {input}); !problem.empty()) {
        print_problem(err, settings.diagnostics, {}, problem);
        out.status = UsageOrIo;
        return out;
      }
      files.emplace_back(path, pages.empty() ? std::string_view(r.encoded[i]) : std::string_view(pages[k]));
    }
  }
  if (const std::string error = write_files_atomically(files); !error.empty()) {
    print_problem(err, settings.diagnostics, {}, error);
    out.status = UsageOrIo;
    return out;
  }
  out.encoded = std::move(r.encoded);
  out.pages = std::move(r.pages);
  return out;
}

namespace {

// Make's escapes: a space or '#' gets a backslash, '$' is doubled.
std::string escaped(const std::string& path) {
  std::string out;
  for (char c : path) {
    if (c == ' ' || c == '#') out += '\\';
    if (c == '$') out += '$';
    out += c;
  }
  return out;
}

}  // namespace

std::string depfile_problem(const std::vector<std::string>& paths) {
  for (const std::string& p : paths)
    for (const char c : p)
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
        return "cannot write a depfile that names \"" + p + "\": Make cannot read a control character in a file name";
  return "";
}

std::string depfile_rule(const std::vector<std::string>& targets, const std::vector<std::string>& dependencies) {
  std::string text;
  for (const std::string& t : targets) text += (text.empty() ? "" : " ") + escaped(t);
  text += ':';
  for (const std::string& d : dependencies) text += " \\\n  " + escaped(d);
  text += '\n';
  for (std::size_t i = 1; i < dependencies.size(); ++i) text += '\n' + escaped(dependencies[i]) + ":\n";
  return text;
}

}  // namespace factline::cli
