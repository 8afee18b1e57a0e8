#include "diagnostic_printer.hpp"

#include <string>

#include "core/utf8.hpp"

namespace factline::cli {
namespace {

std::string_view source_line(std::string_view text, int line) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  for (int l = 1; l < line; ++l) {
    const std::size_t nl = text.find('\n');
    if (nl == std::string_view::npos) return {};
    text.remove_prefix(nl + 1);
  }
  text = text.substr(0, text.find('\n'));
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  return text;
}

// East Asian wide characters take two terminal columns; the caret must line up under them.
int display_width(std::string_view s) {
  int w = 0;
  for (std::size_t i = 0; i < s.size();) {
    const char32_t cp = utf8::next(s, i);
    const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                      (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    w += wide ? 2 : 1;
  }
  return w;
}

std::string prefix_chars(std::string_view s, int chars) {
  std::size_t i = 0;
  for (int c = 0; c < chars && i < s.size(); ++c) utf8::next(s, i);
  return std::string(s.substr(0, i));
}

}  // namespace

void print_diagnostics(std::ostream& out, const Diagnostics& diagnostics, std::string_view source) {
  for (const Diagnostic& d : diagnostics.items()) {
    out << d.loc.file;
    if (d.loc.line > 0) out << ':' << d.loc.line << ':' << d.loc.column;
    out << (d.severity == Severity::Error ? ": error: " : ": warning: ") << d.message << '\n';
    const std::string_view line = d.loc.line > 0 ? source_line(source, d.loc.line) : std::string_view{};
    if (!line.empty() && line.size() < 500) {
      out << "  " << utf8::escape_for_terminal(line) << '\n';
      const std::string before = utf8::escape_for_terminal(prefix_chars(line, d.loc.column - 1));
      out << "  " << std::string(static_cast<std::size_t>(display_width(before)), ' ') << "^\n";
    }
    if (!d.hint.empty()) out << "  hint: " << d.hint << '\n';
  }
}

}  // namespace factline::cli
