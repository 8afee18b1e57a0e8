#pragma once
#include <string>
#include <string_view>

namespace factline {
// Escapes text for XML character data and attribute values (& < > " '; tab, LF and CR as
// character references, which attribute values keep). Characters that XML 1.0 forbids (the
// other C0 controls) are dropped: load refuses them, so none reach here from a fact file.
std::string xml_escape(std::string_view s);
}  // namespace factline
