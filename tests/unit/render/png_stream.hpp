#pragma once
// Reading a PNG held in memory back through Cairo, for tests that compare pixels.
#include <cairo.h>

#include <cstring>
#include <string_view>

namespace factline::test {

// A cairo_read_func_t over a string_view (the closure), consumed as Cairo reads.
inline cairo_status_t read_from_view(void* closure, unsigned char* data, unsigned int length) {
  auto* rest = static_cast<std::string_view*>(closure);
  if (rest->size() < length) return CAIRO_STATUS_READ_ERROR;
  std::memcpy(data, rest->data(), length);
  rest->remove_prefix(length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace factline::test
