#pragma once
#include <span>
#include <string>
#include <string_view>

namespace factline::load {
// The known word closest to `word` by edit distance, if close enough to be a likely typo.
std::string closest_match(std::string_view word, std::span<const std::string_view> known);
}  // namespace factline::load
