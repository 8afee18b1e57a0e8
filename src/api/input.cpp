#include <unistd.h>

#include "api/factline.hpp"
#include "load/file_read.hpp"
#include "load/source_text.hpp"

namespace factline {

InputBytes read_input(const std::string& path) {
  using Problem = load::FileBytes::Problem;
  const bool stdin_ = path == "-";
  load::FileBytes read = stdin_ ? load::read_fd_bytes(STDIN_FILENO, load::max_input_bytes)
                                : load::read_file_bytes(path, load::max_input_bytes);
  InputBytes out;
  const std::string name = stdin_ ? "standard input" : "\"" + path + "\"";
  switch (read.problem) {
    case Problem::None: out.bytes = std::move(read.bytes); break;
    case Problem::CannotOpen:
    case Problem::CannotRead: out.error = "cannot read " + name + ": " + read.why; break;
    case Problem::IsFolder: out.error = "cannot read " + name + ": it is a folder, not a fact file"; break;
    case Problem::NotAFile:
      out.error = "cannot read " + name + ": it is not a regular file (to read a pipe or device, give - and redirect it)";
      break;
    case Problem::TooLarge:
      out.error = name + " is larger than 16 MiB, the limit for an input";
      out.too_large = true;
      break;
  }
  return out;
}

}  // namespace factline
