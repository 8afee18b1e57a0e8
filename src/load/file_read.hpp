#pragma once
// Reading a file that an input names (a template, a CSV data file): a regular file only, and no
// more than a limit. The file is opened without blocking and checked on the open descriptor, so
// a FIFO or a device put where a file was expected is refused rather than waited on or read
// without end.
#include <cstddef>
#include <string>

namespace factline::load {

struct FileBytes {
  enum class Problem { None, CannotOpen, NotAFile, TooLarge, CannotRead };
  Problem problem = Problem::None;
  std::string bytes;  // the whole file when problem is None
  std::string why;    // the system's reason for CannotOpen and CannotRead
};

FileBytes read_file_bytes(const std::string& path, std::size_t max_bytes);

}  // namespace factline::load
