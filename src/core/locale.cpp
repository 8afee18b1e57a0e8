#include "core/locale.hpp"

namespace factline {

std::optional<Locale> parse_locale(std::string_view tag) {
  if (tag == "ko") return Locale::Ko;
  if (tag == "en") return Locale::En;
  if (tag == "ja") return Locale::Ja;
  if (tag == "zh") return Locale::Zh;
  return std::nullopt;
}

std::string_view language_tag(Locale l) {
  switch (l) {
    case Locale::Ko: return "ko";
    case Locale::En: return "en";
    case Locale::Ja: return "ja";
    case Locale::Zh: return "zh";
  }
  return "ko";
}

}  // namespace factline
