#include "load/source_text.hpp"

#include <algorithm>
#include <cstring>

#include "core/utf8.hpp"

namespace factline::load {
namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

SourceText::SourceText(std::string_view bytes, std::string file) : file_(std::move(file)) {
  text_ = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? bytes.substr(3) : bytes;
  line_starts_.push_back(0);
  // Larger inputs are rejected by check_bytes without a position; don't index them.
  if (text_.size() > max_input_bytes) return;
  first_invalid_ = utf8::first_invalid(text_);
  for (const char* p = text_.data(), *end = p + text_.size();
       (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))) != nullptr;)
    line_starts_.push_back(static_cast<std::uint32_t>(++p - text_.data()));
  checkpoints_.reserve(text_.size() / block_bytes + 1);
  if (well_formed()) {
    // Each block's first character boundary, and the characters before it counted a block at a time.
    std::size_t chars = 0, at = 0;
    for (std::size_t start = 0; start < text_.size(); start += block_bytes) {
      std::size_t boundary = start;
      while (boundary < text_.size() && is_continuation(text_[boundary])) ++boundary;
      if (boundary == text_.size()) break;
      chars += count_chars(text_.substr(at, boundary - at));
      checkpoints_.push_back({static_cast<std::uint32_t>(boundary), static_cast<std::uint32_t>(chars)});
      at = boundary;
    }
    return;
  }
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text_.size(); ++chars) {
    while (checkpoints_.size() * block_bytes <= i)
      checkpoints_.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(chars)});
    utf8::next(text_, i);
  }
}

bool SourceText::well_formed() const { return first_invalid_ == std::string_view::npos; }

// Well-formed UTF-8 starts a character at every byte that is not a continuation byte (10xxxxxx):
// counted without decoding, which every column of every node would otherwise pay.
std::size_t SourceText::next_char(std::size_t i) const {
  if (!well_formed()) {
    utf8::next(text_, i);
    return i;
  }
  for (++i; i < text_.size() && is_continuation(text_[i]);) ++i;
  return i;
}

std::size_t SourceText::count_chars(std::string_view s) const {
  if (!well_formed()) return utf8::count(s);
  return s.size() - static_cast<std::size_t>(std::count_if(s.begin(), s.end(), is_continuation));
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
  return c.chars + count_chars(text_.substr(c.offset, offset - c.offset));
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
  for (std::size_t chars = c.chars; chars < char_index && at < text_.size(); ++chars) at = next_char(at);
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
  if (!well_formed()) out.error(loc_at_offset(first_invalid_), "invalid UTF-8 byte sequence", "save the file as UTF-8");
  // Byte by byte: none of the characters looked for has a continuation byte, and C1's lead byte
  // C2 is never one (so an ill-formed sequence before it hides nothing).
  for (std::size_t i = 0; i < text_.size(); ++i) {
    const auto b = static_cast<unsigned char>(text_[i]);
    if ((b >= 0x20 && b != 0x7F && b != 0xC2) || b == '\n' || b == '\t') continue;
    // A carriage return ends a line only before a line feed (CRLF): alone (old Mac line ends) it
    // is a line break to the YAML reader but not to the line numbers here.
    if (b == '\r') {
      if (i + 1 < text_.size() && text_[i + 1] == '\n') continue;
      out.error(loc_at_offset(i), "carriage return without a line feed", "save the file with LF or CRLF line ends");
      return;
    }
    // C0 (but tab and line breaks), DEL and C1 (U+0080–U+009F, C2 80–C2 9F): none belongs in a
    // text file, and C1 (NEL) is a line break to some YAML readers but not to the line numbers here.
    char32_t c = b;
    if (b == 0xC2) {
      const auto next = i + 1 < text_.size() ? static_cast<unsigned char>(text_[i + 1]) : 0;
      if (next < 0x80 || next > 0x9F) continue;
      c = next;
    }
    out.error(loc_at_offset(i),
              c == 0 ? "NUL byte in the input" : "control character " + utf8::codepoint_name(c) +
                                                     " in the input",
              "remove it; fact files are plain text");
    return;  // one is enough: binary input would otherwise flood the terminal
  }
}

}  // namespace factline::load
