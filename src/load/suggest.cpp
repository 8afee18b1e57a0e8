#include "load/suggest.hpp"

#include <algorithm>
#include <vector>

namespace factline::load {
namespace {

// Optimal string alignment distance: insertions, deletions, substitutions and transpositions of
// neighbours each cost 1, so "titel" is one typo away from "title", not two. Byte-wise: known
// keys are ASCII, and a non-ASCII word is never close to one anyway.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t w = b.size() + 1;
  std::vector<std::size_t> d((a.size() + 1) * w);
  auto at = [&](std::size_t i, std::size_t j) -> std::size_t& { return d[i * w + j]; };
  for (std::size_t i = 0; i <= a.size(); ++i) at(i, 0) = i;
  for (std::size_t j = 0; j <= b.size(); ++j) at(0, j) = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t v = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1,
                                at(i - 1, j - 1) + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        v = std::min(v, at(i - 2, j - 2) + 1);
      at(i, j) = v;
    }
  }
  return at(a.size(), b.size());
}

}  // namespace

std::string closest_match(std::string_view word, std::span<const std::string_view> known) {
  // A key far longer than every known one is no typo (and would cost a big table).
  constexpr std::size_t max_word = 64;
  if (word.size() > max_word) return {};
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(1, word.size() / 3) + 1;
  for (std::string_view k : known) {
    const std::size_t d = edit_distance(word, k);
    if (d < best_distance) best_distance = d, best = k;
  }
  return best;
}

}  // namespace factline::load
