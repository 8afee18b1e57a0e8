#include "load/source_text.hpp"

#include <algorithm>

#include "core/utf8.hpp"

namespace factline::load {

SourceText::SourceText(std::string_view bytes, std::string file) : file_(std::move(file)) {
  text_ = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? bytes.substr(3) : bytes;
  line_starts_.push_back(0);
  // Larger inputs are rejected by check_bytes without a position; don't index them.
  if (text_.size() > max_input_bytes) return;
  for (std::size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
  checkpoints_.reserve(text_.size() / block_bytes + 1);
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text_.size(); ++chars) {
    while (checkpoints_.size() * block_bytes <= i)
      checkpoints_.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(chars)});
    utf8::next(text_, i);
  }
}

std::size_t SourceText::chars_before(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  if (checkpoints_.empty()) return 0;
  std::size_t block = std::min(offset / block_bytes, checkpoints_.size() - 1);
  // A block's first boundary can lie a few bytes into it, past `offset`.
  if (checkpoints_[block].offset > offset) {
    if (block == 0) return 0;
    --block;
  }
  const Checkpoint& c = checkpoints_[block];
  return c.chars + utf8::count(text_.substr(c.offset, offset - c.offset));
}

std::size_t SourceText::offset(int line0, int byte_col0) const {
  if (line0 < 0) return 0;
  if (static_cast<std::size_t>(line0) >= line_starts_.size()) return text_.size();
  return std::min(text_.size(), line_starts_[line0] + static_cast<std::size_t>(std::max(0, byte_col0)));
}

SourceLoc SourceText::loc(int line0, int byte_col0) const {
  if (line0 < 0 || static_cast<std::size_t>(line0) >= line_starts_.size())
    return {file_, line0 + 1, byte_col0 + 1};
  const std::size_t start = line_starts_[line0];
  const std::size_t chars = chars_before(offset(line0, byte_col0)) - chars_before(start);
  return {file_, line0 + 1, static_cast<int>(chars) + 1};
}

std::pair<int, int> SourceText::line_and_column(std::size_t offset) const {
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line0 = static_cast<int>(it - line_starts_.begin()) - 1;
  return {line0, static_cast<int>(offset - line_starts_[static_cast<std::size_t>(line0)])};
}

SourceLoc SourceText::loc_at_offset(std::size_t offset) const {
  const auto [line0, byte_col0] = line_and_column(offset);
  return loc(line0, byte_col0);
}

std::size_t SourceText::offset_of_char(std::size_t char_index) const {
  // The last block that starts at or before the character, then a walk of under a block.
  const auto after = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), char_index,
                                      [](std::size_t c, const Checkpoint& p) { return c < p.chars; });
  if (after == checkpoints_.begin()) return 0;
  const Checkpoint& c = *(after - 1);
  std::size_t at = c.offset;
  for (std::size_t chars = c.chars; chars < char_index && at < text_.size(); ++chars) utf8::next(text_, at);
  return at;
}

void SourceText::check_bytes(Diagnostics& out) const {
  if (text_.size() > max_input_bytes) {
    out.error({file_, 0, 0}, "input is larger than 16 MiB",
              "fact files are small; put bulk data in a CSV file");
    return;
  }
  // A UTF-16 file (or UTF-32, whose marks start the same way) would be one invalid byte and a
  // NUL; its byte order mark says what it is.
  if (text_.starts_with("\xFF\xFE") || text_.starts_with("\xFE\xFF")) {
    out.error({file_, 1, 1}, "the input is UTF-16 or UTF-32 (it starts with their byte order mark)",
              "save the file as UTF-8");
    return;
  }
  if (const std::size_t bad = utf8::first_invalid(text_); bad != std::string_view::npos)
    out.error(loc_at_offset(bad), "invalid UTF-8 byte sequence", "save the file as UTF-8");
  for (std::size_t i = 0; i < text_.size();) {
    const std::size_t at = i;
    const char32_t c = utf8::next(text_, i);
    // C0 (but tab and line breaks), DEL and C1: none belongs in a text file, and C1 (NEL) is a
    // line break to some YAML readers but not to the line numbers here.
    const bool control = (c < 0x20 && c != '\n' && c != '\t' && c != '\r') || (c >= 0x7F && c < 0xA0);
    // A carriage return ends a line only before a line feed (CRLF): alone (old Mac line ends) it
    // is a line break to the YAML reader but not to the line numbers here.
    if (c == '\r' && (i == text_.size() || text_[i] != '\n')) {
      out.error(loc_at_offset(at), "carriage return without a line feed",
                "save the file with LF or CRLF line ends");
      return;
    }
    if (!control) continue;
    out.error(loc_at_offset(at),
              c == 0 ? "NUL byte in the input" : "control character " + utf8::codepoint_name(c) +
                                                     " in the input",
              "remove it; fact files are plain text");
    return;  // one is enough: binary input would otherwise flood the terminal
  }
}

}  // namespace factline::load
