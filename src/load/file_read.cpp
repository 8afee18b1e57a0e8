#include "load/file_read.hpp"

#include <fcntl.h>
#include <poll.h>
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

constexpr std::size_t chunk = 64 * 1024;

}  // namespace

FileBytes read_fd_bytes(int fd, std::size_t max_bytes) {
  FileBytes out;
  std::size_t got = 0;
  for (;;) {
    const std::size_t want = std::min(chunk, max_bytes + 1 - got);
    if (want == 0) break;
    out.bytes.resize(got + want);
    const ssize_t n = ::read(fd, out.bytes.data() + got, want);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {  // a descriptor someone made non-blocking
      pollfd p{fd, POLLIN, 0};
      ::poll(&p, 1, -1);
      continue;
    }
    if (n < 0) {
      out.problem = FileBytes::Problem::CannotRead;
      out.why = std::strerror(errno);
      out.bytes.clear();
      return out;
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  out.bytes.resize(got);
  if (got > max_bytes) {
    out.problem = FileBytes::Problem::TooLarge;
    out.bytes.clear();
    out.bytes.shrink_to_fit();
  }
  return out;
}

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
    out.problem = S_ISDIR(st.st_mode) ? FileBytes::Problem::IsFolder : FileBytes::Problem::NotAFile;
    return out;
  }
  if (static_cast<std::size_t>(st.st_size) > max_bytes) {
    out.problem = FileBytes::Problem::TooLarge;
    return out;
  }
  // A file that grew since fstat is still stopped at the limit.
  out = read_fd_bytes(fd.get(), max_bytes);
  return out;
}

}  // namespace factline::load
