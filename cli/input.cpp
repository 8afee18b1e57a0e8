#include "input.hpp"

#include "api/factline.hpp"
#include "exit_code.hpp"

namespace factline::cli {

int read_input_or_report(const std::string& path, std::string& bytes, DiagnosticFormat format, std::ostream& err) {
  InputBytes read = read_input(path);
  if (read.error.empty()) {
    bytes = std::move(read.bytes);
    return Ok;
  }
  print_problem(err, format, path, read.error);
  return read.too_large ? InvalidInput : UsageOrIo;
}

}  // namespace factline::cli
