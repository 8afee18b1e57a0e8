#include "render_command.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "api/factline.hpp"
#include "diagnostic_printer.hpp"

namespace factline::cli {
namespace {

bool read_input(const std::string& path, std::string& bytes) {
  if (path == "-") {
    bytes.assign(std::istreambuf_iterator<char>(std::cin), {});
    return !std::cin.bad();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  bytes.assign(std::istreambuf_iterator<char>(in), {});
  return !in.bad();
}

// SOURCE_DATE_EPOCH (reproducible-builds.org): a decimal count of seconds.
std::optional<std::int64_t> source_date_epoch() {
  const char* v = std::getenv("SOURCE_DATE_EPOCH");
  if (!v || !*v) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  const long long n = std::strtoll(v, &end, 10);
  if (*end || errno) return std::nullopt;
  return n;
}

}  // namespace

int run_render(const RenderArgs& args) {
  for (const auto& out : args.outputs)
    if (!format_for_path(out)) {
      std::cerr << "factline: cannot tell the format of \"" << out << "\"; use .svg, .png, .pdf or .json\n";
      return UsageOrIo;
    }
  std::string bytes;
  if (!read_input(args.input, bytes)) {
    std::cerr << "factline: cannot read \"" << args.input << "\": " << std::strerror(errno) << '\n';
    return UsageOrIo;
  }
  std::vector<std::string> fonts{std::string(bundled_font_dir())};
  fonts.insert(fonts.end(), args.font_dirs.begin(), args.font_dirs.end());
  const Engine engine(EngineOptions{fonts});
  const RenderResult result = engine.layout(bytes, args.input);
  print_diagnostics(std::cerr, result.diagnostics, bytes);
  if (!result.scene || (args.strict && result.diagnostics.has_warnings())) return InvalidInput;

  for (const auto& out : args.outputs)
    if (const std::string why = check_output_limits(*result.scene, *format_for_path(out), args.scale); !why.empty()) {
      std::cerr << args.input << ": error: cannot write \"" << out << "\": " << why
                << "\n  hint: write SVG, or split the timeline into several files\n";
      return InvalidInput;
    }
  // Encode everything before writing anything: a failure leaves no output changed.
  const EncodeOptions options{args.scale, source_date_epoch()};
  std::vector<std::string> encoded;
  for (const auto& out : args.outputs) encoded.push_back(encode(*result.scene, *format_for_path(out), options));
  std::vector<std::pair<std::string, std::string_view>> files;
  for (std::size_t i = 0; i < args.outputs.size(); ++i) files.emplace_back(args.outputs[i], encoded[i]);
  if (const std::string error = write_files_atomically(files); !error.empty()) {
    std::cerr << "factline: " << error << '\n';
    return UsageOrIo;
  }
  return Ok;
}

}  // namespace factline::cli
