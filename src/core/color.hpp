#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace factline {

struct Color {
  std::uint8_t r = 0, g = 0, b = 0, a = 255;
  friend bool operator==(const Color&, const Color&) = default;

  // "#rgb", "#rrggbb" or "#rrggbbaa"; nullopt for anything else.
  static std::optional<Color> parse(std::string_view hex);
  std::string hex() const;  // "#rrggbb" or "#rrggbbaa" when not opaque
};

}  // namespace factline
