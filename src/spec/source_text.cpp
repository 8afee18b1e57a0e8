#include "spec/source_text.hpp"

#include <algorithm>

#include "core/utf8.hpp"

namespace factline::spec {

SourceText::SourceText(std::string_view bytes, std::string file) : file_(std::move(file)) {
  text_ = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? bytes.substr(3) : bytes;
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
}

SourceLoc SourceText::loc(int line0, int byte_col0) const {
  if (line0 < 0 || static_cast<std::size_t>(line0) >= line_starts_.size())
    return {file_, line0 + 1, byte_col0 + 1};
  const std::size_t start = line_starts_[line0];
  const std::size_t end = std::min(text_.size(), start + std::max(0, byte_col0));
  return {file_, line0 + 1, static_cast<int>(utf8::count(text_.substr(start, end - start))) + 1};
}

SourceLoc SourceText::loc_at_offset(std::size_t offset) const {
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line0 = static_cast<int>(it - line_starts_.begin()) - 1;
  return loc(line0, static_cast<int>(offset - line_starts_[line0]));
}

void SourceText::check_bytes(Diagnostics& out) const {
  if (text_.size() > max_input_bytes) {
    out.error({file_, 0, 0}, "input is larger than 16 MiB",
              "fact files are small; put bulk data in a CSV file");
    return;
  }
  if (const std::size_t bad = utf8::first_invalid(text_); bad != std::string_view::npos)
    out.error(loc_at_offset(bad), "invalid UTF-8 byte sequence", "save the file as UTF-8");
  for (std::size_t i = 0; i < text_.size(); ++i) {
    const auto c = static_cast<unsigned char>(text_[i]);
    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') continue;
    out.error(loc_at_offset(i),
              c == 0 ? "NUL byte in the input" : "control character " + utf8::codepoint_name(c) +
                                                     " in the input",
              "remove it; fact files are plain text");
    return;  // one is enough: binary input would otherwise flood the terminal
  }
}

}  // namespace factline::spec
