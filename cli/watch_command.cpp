#include "watch_command.hpp"

#include <CLI/CLI.hpp>
#include <poll.h>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include "core/utf8.hpp"
#include "input.hpp"
#include "render_file.hpp"

namespace factline::cli {
namespace {

namespace fs = std::filesystem;

std::string absolute_normal(const std::string& path) {
  std::error_code ec;
  const fs::path p = fs::absolute(path, ec);
  return (ec ? fs::path(path) : p).lexically_normal().string();
}

// Editors save by writing a new file and renaming it over the old one, which a watch on the
// file itself would lose; so the folders are watched and their events filtered by name.
class FolderWatch {
 public:
  FolderWatch() : fd_(inotify_init1(IN_CLOEXEC | IN_NONBLOCK)) {}
  ~FolderWatch() {
    if (fd_ >= 0) ::close(fd_);
  }
  FolderWatch(const FolderWatch&) = delete;
  FolderWatch& operator=(const FolderWatch&) = delete;

  int fd() const { return fd_; }

  // Watches exactly these files (absolute paths) from now on. Returns the folders it could not
  // watch (gone, unreadable).
  std::vector<std::string> watch(const std::set<std::string>& files) {
    files_ = files;
    std::set<std::string> folders;
    for (const std::string& f : files) folders.insert(fs::path(f).parent_path().string());
    for (auto it = folders_.begin(); it != folders_.end();) {
      if (folders.contains(it->second)) {
        ++it;
        continue;
      }
      inotify_rm_watch(fd_, it->first);
      it = folders_.erase(it);
    }
    std::vector<std::string> failed;
    constexpr std::uint32_t events =
        IN_CLOSE_WRITE | IN_MODIFY | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB;
    for (const std::string& folder : folders) {
      const int wd = inotify_add_watch(fd_, folder.c_str(), events | IN_ONLYDIR);
      if (wd < 0)
        failed.push_back(folder);
      else
        folders_[wd] = folder;
    }
    return failed;
  }

  // Reads the pending events; true when one concerns a watched file.
  bool changed() {
    alignas(inotify_event) char buf[16384];
    bool hit = false;
    for (ssize_t n; (n = ::read(fd_, buf, sizeof buf)) > 0;) {
      for (char* p = buf; p < buf + n;) {
        const auto* e = reinterpret_cast<const inotify_event*>(p);
        p += sizeof(inotify_event) + e->len;
        const auto folder = folders_.find(e->wd);
        if (folder == folders_.end() || e->len == 0) continue;
        if (files_.contains((fs::path(folder->second) / e->name).string())) hit = true;
      }
    }
    return hit;
  }

 private:
  int fd_;
  std::map<int, std::string> folders_;  // watch descriptor → folder
  std::set<std::string> files_;
};

// One render; prints what happened. Returns the files to watch next: the fact file and every
// file it read (as far as it was read, also when it is broken).
std::set<std::string> render_once(const Engine& engine, const WatchArgs& args, const std::vector<OutputFile>& outputs) {
  const auto started = std::chrono::steady_clock::now();
  std::set<std::string> files{absolute_normal(args.input)};
  std::string bytes;
  if (read_input_or_report(args.input, bytes, args.settings.diagnostics, std::cerr) != Ok) {
    std::cout << "factline watch: waiting for " << utf8::escape_for_terminal(args.input) << " to come back" << std::endl;
    return files;
  }
  const FileResult r = render_file(engine, args.input, bytes, outputs, args.settings, std::cerr);
  for (const std::string& dep : r.dependencies) files.insert(absolute_normal(dep));
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  if (r.status == Ok) {
    std::cout << "factline watch: rendered " << utf8::escape_for_terminal(args.input) << " → ";
    for (const OutputFile& o : outputs) std::cout << utf8::escape_for_terminal(o.path) << (&o == &outputs.back() ? "" : ", ");
    std::cout << " (" << ms.count() << " ms)" << std::endl;
  } else {
    std::cout << "factline watch: " << utf8::escape_for_terminal(args.input) << " has problems; the outputs keep their last good version"
              << std::endl;
  }
  return files;
}

}  // namespace

CLI::App* add_watch_command(CLI::App& app, WatchArgs& args) {
  CLI::App* cmd = app.add_subcommand("watch", "Render a fact file again whenever it or a file it reads changes");
  cmd->add_option("input", args.input, "Fact file (YAML)")->required();
  cmd->add_option("-o,--output", args.outputs, "Output file; format from the extension; repeatable")
      ->required()
      ->take_all();
  add_render_settings(*cmd, args.settings);
  return cmd;
}

int run_watch(WatchArgs& args) {
  RenderSettings& settings = args.settings;
  if (!finish_render_settings(settings, std::cerr)) return UsageOrIo;
  if (args.input == "-") {
    print_problem(std::cerr, settings.diagnostics, {}, "watch needs a fact file, not standard input");
    return UsageOrIo;
  }
  const auto outputs = outputs_for_paths(args.outputs, settings, std::cerr);
  if (!outputs) return UsageOrIo;

  // SIGINT and SIGTERM are read from a descriptor between renders, never in the middle of a
  // write; blocked before any thread starts, so that every thread leaves them to this one.
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop, nullptr);
  const int signals = signalfd(-1, &stop, SFD_CLOEXEC);
  FolderWatch watch;
  if (signals < 0 || watch.fd() < 0) {
    print_problem(std::cerr, settings.diagnostics, {}, std::string("cannot watch files: ") + std::strerror(errno));
    return UsageOrIo;
  }
  const Engine engine(settings.engine_options());
  std::set<std::string> files = render_once(engine, args, *outputs);
  for (const std::string& folder : watch.watch(files))
    print_problem(std::cerr, settings.diagnostics, folder, "cannot watch the folder \"" + folder + "\"");
  std::cout << "factline watch: watching " << files.size() << (files.size() == 1 ? " file" : " files")
            << "; Ctrl-C stops" << std::endl;

  pollfd fds[2] = {{signals, POLLIN, 0}, {watch.fd(), POLLIN, 0}};
  bool dirty = false;
  while (true) {
    // After a change, wait for 30 ms of quiet: an editor's save is several events.
    const int ready = ::poll(fds, 2, dirty ? 30 : -1);
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) break;
    if (fds[0].revents & POLLIN) break;
    if (ready == 0) {
      dirty = false;
      files = render_once(engine, args, *outputs);
      watch.watch(files);
      continue;
    }
    if (fds[1].revents & POLLIN) dirty = watch.changed() || dirty;
  }
  ::close(signals);
  std::cout << "factline watch: stopped" << std::endl;
  return Ok;
}

}  // namespace factline::cli
