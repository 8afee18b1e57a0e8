#include "text/library_log.hpp"

#include <glib.h>

#include <algorithm>
#include <cstring>
#include <mutex>
#include <string_view>

namespace factline::text {
namespace {

thread_local LogCapture* current = nullptr;

GLogWriterOutput write(GLogLevelFlags level, const GLogField* fields, gsize n_fields, gpointer user_data) {
  if ((level & G_LOG_FLAG_FATAL) || (level & G_LOG_LEVEL_ERROR))
    return g_log_writer_default(level, fields, n_fields, user_data);  // about to abort: say why
  if (!current || (level & (G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG))) return G_LOG_WRITER_HANDLED;
  std::string_view domain, message;
  for (gsize i = 0; i < n_fields; ++i) {
    const auto text = [&] {
      const auto* v = static_cast<const char*>(fields[i].value);
      return fields[i].length < 0 ? std::string_view(v) : std::string_view(v, static_cast<std::size_t>(fields[i].length));
    };
    if (std::strcmp(fields[i].key, "GLIB_DOMAIN") == 0) domain = text();
    if (std::strcmp(fields[i].key, "MESSAGE") == 0) message = text();
  }
  current->add((domain.empty() ? std::string("GLib") : std::string(domain)) + ": " + std::string(message));
  return G_LOG_WRITER_HANDLED;
}

}  // namespace

void install_log_writer() {
  static std::once_flag once;
  std::call_once(once, [] { g_log_set_writer_func(write, nullptr, nullptr); });
}

LogCapture::LogCapture() : outer_(current) { current = this; }

LogCapture::~LogCapture() { current = outer_; }

void LogCapture::add(std::string message) {
  if (messages_.size() >= max_messages || std::find(messages_.begin(), messages_.end(), message) != messages_.end()) {
    ++dropped_;
    return;
  }
  messages_.push_back(std::move(message));
}

}  // namespace factline::text
