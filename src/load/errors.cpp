#include "load/errors.hpp"

#include <algorithm>

#include "core/utf8.hpp"

namespace factline::load {

void report_error(Diagnostics& out, SourceLoc at, std::string message, std::string hint) {
  if (out.items().size() >= max_errors) {
    out.error(std::move(at), "too many errors; stopping after " + std::to_string(max_errors),
              "fix these and run again");
    throw TooManyErrors{};
  }
  out.error(std::move(at), std::move(message), std::move(hint));
}

std::string quoted(std::string_view text) {
  constexpr std::size_t max_chars = 80;
  // A key name (printable ASCII, short): as it is. Every text read names its key so, in case.
  if (text.size() <= max_chars && std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7F; }))
    return std::string(1, '"').append(text).append(1, '"');
  std::size_t i = 0;
  for (std::size_t n = 0; n < max_chars && i < text.size(); ++n) utf8::next(text, i);
  const bool cut = i < text.size();
  return std::string(1, '"').append(utf8::escape_for_terminal(text.substr(0, i))).append(cut ? "…\"" : "\"");
}

}  // namespace factline::load
