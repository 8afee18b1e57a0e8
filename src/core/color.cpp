#include "core/color.hpp"

#include <algorithm>
#include <cmath>

namespace factline {
namespace {
int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

double srgb_to_linear(std::uint8_t v) {
  const double c = v / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

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

double relative_luminance(const Color& c) {
  return 0.2126 * srgb_to_linear(c.r) + 0.7152 * srgb_to_linear(c.g) + 0.0722 * srgb_to_linear(c.b);
}

double contrast_ratio(const Color& a, const Color& b) {
  const double la = relative_luminance(a), lb = relative_luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Color readable_on(const Color& ink, const Color& background) {
  Color opaque = ink;
  opaque.a = 255;
  const std::uint8_t toward = relative_luminance(background) > 0.18 ? 0 : 255;  // the mid grey's luminance
  const auto mixed = [&](int step) {  // step/20 of the way toward black or white
    const auto mix = [&](std::uint8_t v) {
      return static_cast<std::uint8_t>(std::lround(v + (toward - v) * step / 20.0));
    };
    return Color{mix(opaque.r), mix(opaque.g), mix(opaque.b), 255};
  };
  for (int step = 0; step < 20; ++step)
    if (contrast_ratio(mixed(step), background) >= min_text_contrast) return mixed(step);
  return mixed(20);
}

}  // namespace factline
