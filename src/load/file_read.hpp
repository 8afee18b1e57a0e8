#pragma once
// Reading a file that an input names (a fact file, a template, a CSV data file): a regular file
// only, and no more than a limit. The file is opened without blocking and checked on the open
// descriptor, so a FIFO or a device put where a file was expected is refused rather than waited
// on or read without end. Reads go in chunks and stop one byte past the limit: nothing larger is
// ever held in memory, whatever the size the file system claims.
#include <cstddef>
#include <string>

namespace factline::load {

struct FileBytes {
  enum class Problem { None, CannotOpen, IsFolder, NotAFile, TooLarge, CannotRead };
  Problem problem = Problem::None;
  std::string bytes;  // the whole file when problem is None
  std::string why;    // the system's reason for CannotOpen and CannotRead
};

FileBytes read_file_bytes(const std::string& path, std::size_t max_bytes);
// Reads an open descriptor of any kind (standard input: a pipe, a terminal, a device) until its
// end or one byte past max_bytes (then TooLarge). Waits for data as a blocking read would.
FileBytes read_fd_bytes(int fd, std::size_t max_bytes);

}  // namespace factline::load
