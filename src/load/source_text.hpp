#pragma once
// The raw bytes of an input file, with the checks that must run before YAML sees them and the
// mapping from the YAML reader's positions to the line and character columns users see.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.hpp"

namespace factline::load {

inline constexpr std::size_t max_input_bytes = 16u << 20;  // 16 MiB

class SourceText {
 public:
  SourceText(std::string_view bytes, std::string file);

  // Problems with the bytes themselves (size, invalid UTF-8, NUL and control characters, a
  // carriage return not before a line feed),
  // each with its line and column. A UTF-8 byte order mark is skipped, not an error.
  void check_bytes(Diagnostics& out) const;
  // The text after any byte order mark.
  std::string_view text() const { return text_; }
  // A position as 0-based line and byte column (YamlMark); users see 1-based character columns.
  // Constant time per call (a long one-line flow mapping can have many positions).
  SourceLoc loc(int line0, int byte_col0) const;
  SourceLoc loc_at_offset(std::size_t byte_offset) const;
  // Byte offset of a 0-based line and byte column in text(), clamped to its size.
  std::size_t offset(int line0, int byte_col0) const;
  // The 0-based line and byte column of a byte offset in text().
  std::pair<int, int> line_and_column(std::size_t byte_offset) const;
  // Byte offset of the character with this 0-based index (libyaml counts characters), clamped
  // to text()'s size. Logarithmic time.
  std::size_t offset_of_char(std::size_t char_index) const;
  const std::string& file() const { return file_; }

 private:
  // Characters (as utf8::next steps them) in text_[0, offset).
  std::size_t chars_before(std::size_t offset) const;
  bool well_formed() const;
  std::size_t next_char(std::size_t i) const;  // where the character after the one at i starts
  std::size_t count_chars(std::string_view s) const;

  static constexpr std::size_t block_bytes = 64;
  struct Checkpoint {
    std::uint32_t offset;  // first character boundary at or after the block's start
    std::uint32_t chars;   // characters before it
  };

  std::string file_;
  std::string_view text_;
  std::vector<std::uint32_t> line_starts_;  // inputs past 16 MiB are not indexed
  std::vector<Checkpoint> checkpoints_;  // one per block_bytes of text_
  std::size_t first_invalid_ = std::string_view::npos;  // of text_, when indexed
};

}  // namespace factline::load
