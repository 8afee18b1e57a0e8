#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <climits>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "api/factline.hpp"

namespace factline {
namespace {

std::string errno_message(const std::string& what, const std::string& path, int error = errno) {
  return "cannot " + what + " \"" + path + "\": " + std::strerror(error);
}

// The temporary files being written, for the signal handler: fixed slots it can read without
// locks or allocation. A writer claims a slot before mkstemp fills in the name there, so no
// moment exists when the file is on disk but unknown to the handler.
constexpr std::size_t temp_slots = 1024;  // more at once are written, but not cleaned up on a signal
constexpr std::size_t no_slot = temp_slots;
// The flags apart from the names: claiming a slot or the handler's scan reads 1 KiB, and the
// 4 MiB of names stay untouched, so not resident, until used (as one array of slots, every
// run's memory grew by 4 MiB).
std::array<std::atomic<bool>, temp_slots> slot_used{};
char slot_names[temp_slots][PATH_MAX];

// A claimed slot, released (and its name forgotten) when the file is renamed or removed.
class TempName {
 public:
  explicit TempName(const std::string& pattern) {
    if (pattern.size() >= PATH_MAX) return;
    for (std::size_t i = 0; i < temp_slots; ++i) {
      bool expected = false;
      if (!slot_used[i].load(std::memory_order_relaxed) &&
          slot_used[i].compare_exchange_strong(expected, true, std::memory_order_acq_rel)) {
        slot_ = i;
        break;
      }
    }
    if (slot_ != no_slot) {
      std::memcpy(slot_names[slot_], pattern.c_str(), pattern.size() + 1);
    } else {
      own_ = pattern;
    }
  }
  ~TempName() { release(); }
  TempName(const TempName&) = delete;
  TempName& operator=(const TempName&) = delete;
  TempName(TempName&& o) noexcept : slot_(std::exchange(o.slot_, no_slot)), own_(std::move(o.own_)) {}

  char* data() { return slot_ != no_slot ? slot_names[slot_] : own_.data(); }
  std::string str() const { return slot_ != no_slot ? std::string(slot_names[slot_]) : own_; }
  void release() {
    if (slot_ != no_slot) slot_used[std::exchange(slot_, no_slot)].store(false, std::memory_order_release);
  }

 private:
  std::size_t slot_ = no_slot;
  std::string own_;  // when every slot is taken (or the name is too long for one)
};

constexpr std::array<int, 3> cleanup_signals = {SIGINT, SIGTERM, SIGHUP};

extern "C" void remove_temps_and_reraise(int sig) {
  const int saved = errno;
  for (std::size_t i = 0; i < temp_slots; ++i)
    if (slot_used[i].load(std::memory_order_acquire)) ::unlink(slot_names[i]);  // async-signal-safe
  errno = saved;
  ::signal(sig, SIG_DFL);  // die of the signal, as the caller expects (exit status 128 + sig)
  ::raise(sig);
}

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) {
      errno = ENOSPC;
      return false;
    }
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

std::filesystem::path folder_of(const std::string& path) {
  const std::filesystem::path target(path);
  return target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
}

// Writes bytes to a new temporary file beside `path` (same folder, so the rename is atomic;
// a short name of its own, so any legal target name works) and syncs it to disk.
std::string stage(const std::string& path, std::string_view bytes, std::vector<TempName>& temps) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(path, ec)) return "cannot replace \"" + path + "\": it is a folder";
  const fs::path dir = folder_of(path);
  TempName& tmp = temps.emplace_back((dir / ".fl-XXXXXX").string());
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) {
    const int error = errno;
    temps.pop_back();
    return errno_message("create a file in", dir.string(), error);
  }
  // mkstemp makes the file 0600; outputs are ordinary files (0666 less the umask).
  ::fchmod(fd, 0666 & ~current_umask());
  std::string error;
  if (!write_all(fd, bytes) || ::fsync(fd) != 0) error = errno_message("write", path);
  if (::close(fd) != 0 && error.empty()) error = errno_message("write", path);
  return error;
}

// Makes the renames themselves durable: the folder's entries are synced too.
void sync_folder(const std::filesystem::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

void remove_temporary_files_on_signals() {
  for (int sig : cleanup_signals) {
    struct sigaction old {};
    if (::sigaction(sig, nullptr, &old) != 0 || old.sa_handler != SIG_DFL) continue;  // ignored or handled
    struct sigaction sa {};
    sa.sa_handler = remove_temps_and_reraise;
    sigemptyset(&sa.sa_mask);
    ::sigaction(sig, &sa, nullptr);
  }
}

std::string same_file_problem(const std::string& output, const std::vector<std::string>& inputs) {
  struct stat out {};
  if (::stat(output.c_str(), &out) != 0) return "";  // not there yet: it cannot be an input
  for (const std::string& input : inputs) {
    struct stat in {};
    if (input == "-" || ::stat(input.c_str(), &in) != 0) continue;
    if (in.st_dev == out.st_dev && in.st_ino == out.st_ino)
      return "the output \"" + output + "\" is the input \"" + input + "\"" +
             (output == input ? "" : " (by a link)") + "; writing it would destroy the input";
  }
  return "";
}

std::string write_file_atomically(const std::string& path, std::string_view bytes) {
  return write_files_atomically({{path, bytes}});
}

std::string write_files_atomically(const std::vector<std::pair<std::string, std::string_view>>& files) {
  std::vector<TempName> temps;
  temps.reserve(files.size());
  std::string error;
  for (const auto& [path, bytes] : files) {
    error = stage(path, bytes, temps);
    if (!error.empty()) break;
  }
  std::size_t renamed = 0;
  while (error.empty() && renamed < temps.size()) {
    if (::rename(temps[renamed].data(), files[renamed].first.c_str()) != 0) {
      error = errno_message("replace", files[renamed].first);
      break;
    }
    temps[renamed++].release();  // the name is the output's now: a signal must not remove it
  }
  for (std::size_t i = renamed; i < temps.size(); ++i) ::unlink(temps[i].data());
  temps.clear();
  if (error.empty())
    for (const auto& [path, bytes] : files) sync_folder(folder_of(path));
  return error;
}

}  // namespace factline
