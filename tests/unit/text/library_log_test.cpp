// The process's GLib log writer: Pango's and GLib's messages never reach standard error; during
// a capture they are kept (each once, up to a limit), otherwise dropped.
#include "text/library_log.hpp"

#include <doctest/doctest.h>
#include <pango/pangocairo.h>
#include <unistd.h>

#include <cstdio>
#include <string>

using factline::text::LogCapture;

namespace {

// Standard error sent to a temporary file while it lives; what was written, after.
class StderrCapture {
 public:
  StderrCapture() : file_(std::tmpfile()), saved_(::dup(2)) {
    REQUIRE(file_ != nullptr);
    std::fflush(stderr);
    ::dup2(::fileno(file_), 2);
  }
  ~StderrCapture() {
    restore();
    std::fclose(file_);
  }
  StderrCapture(const StderrCapture&) = delete;
  StderrCapture& operator=(const StderrCapture&) = delete;
  std::string written() {
    restore();
    std::string out;
    std::rewind(file_);
    for (int c; (c = std::fgetc(file_)) != EOF;) out += static_cast<char>(c);
    return out;
  }

 private:
  void restore() {
    if (saved_ < 0) return;
    std::fflush(stderr);
    ::dup2(saved_, 2);
    ::close(saved_);
    saved_ = -1;
  }
  std::FILE* file_;
  int saved_;
};

// Pango's own warning for text that is not UTF-8.
void pango_warn() {
  PangoFontMap* map = pango_cairo_font_map_new();
  PangoContext* context = pango_font_map_create_context(map);
  PangoLayout* layout = pango_layout_new(context);
  pango_layout_set_text(layout, "a\x85 b", -1);
  g_object_unref(layout);
  g_object_unref(context);
  g_object_unref(map);
}

}  // namespace

TEST_CASE("Pango and GLib messages are kept by the capture and never printed") {
  factline::text::install_log_writer();
  factline::text::install_log_writer();  // a second call is harmless
  StderrCapture err;
  LogCapture capture;
  pango_warn();
  pango_warn();  // the same message again is kept once
  g_warning("a GLib warning %d", 1);
  g_debug("debug messages are dropped");
  CHECK(capture.messages() ==
        std::vector<std::string>{"Pango: Invalid UTF-8 string passed to pango_layout_set_text()", "GLib: a GLib warning 1"});
  CHECK(capture.dropped() == 1);
  CHECK(err.written() == "");
}

TEST_CASE("the innermost capture keeps the messages; with none, they are dropped, not printed") {
  factline::text::install_log_writer();
  StderrCapture err;
  {
    LogCapture outer;
    {
      LogCapture inner;
      g_warning("inner");
      CHECK(inner.messages().size() == 1);
    }
    g_warning("outer");
    CHECK(outer.messages() == std::vector<std::string>{"GLib: outer"});
  }
  g_warning("nobody listens");
  pango_warn();
  CHECK(err.written() == "");
}

TEST_CASE("a capture keeps at most max_messages and counts the rest") {
  factline::text::install_log_writer();
  LogCapture capture;
  for (std::size_t i = 0; i < LogCapture::max_messages + 5; ++i) g_warning("message %zu", i);
  CHECK(capture.messages().size() == LogCapture::max_messages);
  CHECK(capture.dropped() == 5);
}
