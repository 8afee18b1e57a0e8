#pragma once
#include <string>
#include <string_view>

namespace factline {
// Escapes text for XML character data and attribute values (& < > " ').
// Characters that XML 1.0 forbids (C0 controls other than tab/LF/CR) are dropped.
std::string xml_escape(std::string_view s);
}  // namespace factline
