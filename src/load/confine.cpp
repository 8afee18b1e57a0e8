#include "load/confine.hpp"

#include <system_error>

namespace factline::load {

std::optional<std::filesystem::path> resolved_path(const std::filesystem::path& p) {
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(p, ec);
  if (ec) return std::nullopt;
  std::filesystem::path out = std::filesystem::weakly_canonical(absolute, ec);
  if (ec) return std::nullopt;
  return out.lexically_normal();
}

bool within(const std::filesystem::path& folder, const std::filesystem::path& p) {
  auto q = p.begin();
  for (const std::filesystem::path& part : folder) {
    if (part.empty()) continue;  // a trailing separator
    if (q == p.end() || part != *q) return false;
    ++q;
  }
  return true;
}

}  // namespace factline::load
