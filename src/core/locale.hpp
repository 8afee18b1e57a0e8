#pragma once
#include <optional>
#include <string_view>

namespace factline {

enum class Locale { Ko, En, Ja, Zh };

std::optional<Locale> parse_locale(std::string_view tag);  // "ko", "en", "ja", "zh"
std::string_view language_tag(Locale l);                    // for shaping: "ko", "en", …

}  // namespace factline
