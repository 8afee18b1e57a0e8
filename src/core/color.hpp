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

// WCAG 2.1 AA's least contrast for normal-size text (success criterion 1.4.3).
inline constexpr double min_text_contrast = 4.5;

// An sRGB channel (0–255) as linear light (0–1).
double srgb_to_linear(std::uint8_t v);

// WCAG 2.1 relative luminance (sRGB linearised, 0.2126 R + 0.7152 G + 0.0722 B; alpha ignored)
// and contrast ratio (L1 + 0.05) / (L2 + 0.05), from 1 to 21.
double relative_luminance(const Color& c);
double contrast_ratio(const Color& a, const Color& b);

// `ink` itself when it reaches min_text_contrast on the opaque `background`; else the least
// mix of it toward black (on a light background) or white (on a dark one) that does, so text
// in a series' colour stays recognisably that colour and legible.
Color readable_on(const Color& ink, const Color& background);

}  // namespace factline
