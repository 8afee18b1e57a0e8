#include "load/file_read.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace factline::load {
namespace {

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

}  // namespace

FileBytes read_file_bytes(const std::string& path, std::size_t max_bytes) {
  FileBytes out;
  const Fd fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
  if (fd.get() < 0) {
    out.problem = FileBytes::Problem::CannotOpen;
    out.why = std::strerror(errno);
    return out;
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) {
    out.problem = FileBytes::Problem::NotAFile;
    return out;
  }
  if (static_cast<std::size_t>(st.st_size) > max_bytes) {
    out.problem = FileBytes::Problem::TooLarge;
    return out;
  }
  // Read one byte past the limit, so a file that grew since fstat is still refused.
  out.bytes.resize(static_cast<std::size_t>(st.st_size) + 1);
  std::size_t got = 0;
  while (got < out.bytes.size()) {
    const ssize_t n = ::read(fd.get(), out.bytes.data() + got, out.bytes.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      out.problem = FileBytes::Problem::CannotRead;
      out.why = std::strerror(errno);
      out.bytes.clear();
      return out;
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
    if (got == out.bytes.size() && got <= max_bytes) out.bytes.resize(std::min(max_bytes + 1, got * 2));
  }
  out.bytes.resize(got);
  if (got > max_bytes) {
    out.problem = FileBytes::Problem::TooLarge;
    out.bytes.clear();
  }
  return out;
}

}  // namespace factline::load
