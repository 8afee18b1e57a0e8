#pragma once
// Pango, GLib and the libraries under them report problems through GLib's log, which by default
// prints to standard error: it would break --diagnostics=json and print past a library that
// never prints. The text stage owns the one GLib log writer of the process; it prints nothing
// and hands each message to the LogCapture active on the calling thread, else drops it.
#include <cstddef>
#include <string>
#include <vector>

namespace factline::text {

// Installs the writer; the first call does, later ones do nothing. GLib allows one writer per
// process, so a program that installs its own does not call this (and gets the messages).
void install_log_writer();

// While it lives, the calling thread's messages from the writer are kept here (captures nest:
// the innermost one keeps them). Warnings, criticals and messages are kept, each text once, up
// to max_messages; debug and info messages are dropped. A fatal error still aborts the process,
// after GLib's default writer has printed it.
class LogCapture {
 public:
  static constexpr std::size_t max_messages = 20;

  LogCapture();
  ~LogCapture();
  LogCapture(const LogCapture&) = delete;
  LogCapture& operator=(const LogCapture&) = delete;

  // "Pango: Invalid UTF-8 string passed to pango_layout_set_text()", in the order first logged.
  const std::vector<std::string>& messages() const { return messages_; }
  // Messages beyond max_messages, and repeats, not kept.
  std::size_t dropped() const { return dropped_; }

  void add(std::string message);

 private:
  LogCapture* outer_;
  std::vector<std::string> messages_;
  std::size_t dropped_ = 0;
};

}  // namespace factline::text
