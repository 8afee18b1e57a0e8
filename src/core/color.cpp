#include "core/color.hpp"

namespace factline {
namespace {
int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::optional<Color> Color::parse(std::string_view s) {
  if (s.empty() || s[0] != '#') return std::nullopt;
  s.remove_prefix(1);
  int d[8];
  for (std::size_t i = 0; i < s.size() && i < 8; ++i)
    if ((d[i] = hex_digit(s[i])) < 0) return std::nullopt;
  auto byte = [&](int i) { return static_cast<std::uint8_t>(d[i] * 16 + d[i + 1]); };
  auto nib = [&](int i) { return static_cast<std::uint8_t>(d[i] * 17); };
  if (s.size() == 3) return Color{nib(0), nib(1), nib(2), 255};
  if (s.size() == 6) return Color{byte(0), byte(2), byte(4), 255};
  if (s.size() == 8) return Color{byte(0), byte(2), byte(4), byte(6)};
  return std::nullopt;
}

std::string Color::hex() const {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out = "#";
  auto put = [&](std::uint8_t v) {
    out += digits[v >> 4];
    out += digits[v & 15];
  };
  put(r), put(g), put(b);
  if (a != 255) put(a);
  return out;
}

}  // namespace factline
