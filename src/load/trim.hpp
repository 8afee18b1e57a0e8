#pragma once
#include <string_view>

namespace factline::load {

// `s` without the blanks around it: spaces, tabs and line breaks unless `blanks` says otherwise.
inline std::string_view trim(std::string_view s, std::string_view blanks = " \t\r\n") {
  const std::size_t b = s.find_first_not_of(blanks);
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(blanks) - b + 1);
}

}  // namespace factline::load
