#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "api/factline.hpp"

namespace factline {
namespace {

std::string errno_message(const std::string& what, const std::string& path) {
  return "cannot " + what + " \"" + path + "\": " + std::strerror(errno);
}

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// Read without calling umask(), which would change process state other threads may rely on.
mode_t current_umask() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("Umask:", 0) == 0) return static_cast<mode_t>(std::stoul(line.substr(6), nullptr, 8));
  return 022;
}

// Writes bytes to a new temporary file beside `path`; on success `tmp` names it.
std::string stage(const std::string& path, std::string_view bytes, std::string& tmp) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::error_code ec;
  if (fs::is_directory(target, ec)) return "cannot replace \"" + path + "\": it is a folder";
  tmp = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) return errno_message("create a file in", dir.string());
  // mkstemp makes the file 0600; outputs are ordinary files (0666 less the umask).
  ::fchmod(fd, 0666 & ~current_umask());
  const bool ok = write_all(fd, bytes);
  const std::string error = ok ? "" : errno_message("write", tmp);
  if (::close(fd) != 0 || !ok) {
    const std::string message = error.empty() ? errno_message("write", tmp) : error;
    ::unlink(tmp.c_str());
    return message;
  }
  return "";
}

}  // namespace

std::string write_file_atomically(const std::string& path, std::string_view bytes) {
  return write_files_atomically({{path, bytes}});
}

std::string write_files_atomically(const std::vector<std::pair<std::string, std::string_view>>& files) {
  std::vector<std::string> temps;
  std::string error;
  for (const auto& [path, bytes] : files) {
    std::string tmp;
    error = stage(path, bytes, tmp);
    if (!error.empty()) break;
    temps.push_back(std::move(tmp));
  }
  for (std::size_t i = 0; error.empty() && i < temps.size(); ++i)
    if (::rename(temps[i].c_str(), files[i].first.c_str()) != 0) error = errno_message("replace", files[i].first);
  if (!error.empty())
    for (const auto& tmp : temps) ::unlink(tmp.c_str());  // already renamed ones are gone: ENOENT
  return error;
}

}  // namespace factline
