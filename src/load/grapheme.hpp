#pragma once
// Grapheme clusters, as far as the limit on their length needs them (docs/security.md): which
// code points extend the cluster before them. A base with thousands of combining marks is one
// cluster that shaping and drawing handle as a whole, in time that grows with its square.
#include <cstddef>

namespace factline::load {

// The most code points one cluster may hold: a base and 31 marks. Real text needs far fewer
// (Vietnamese stacks 2, Hangul jamo 3, the longest emoji ZWJ sequences 10).
inline constexpr std::size_t max_cluster_code_points = 32;

// True for a combining mark (Unicode general category Mn, Mc, Me, Unicode 14), a zero-width
// joiner or non-joiner, an emoji modifier or tag, or a Hangul vowel or final jamo: the code
// points that join the cluster before them.
bool extends_cluster(char32_t c);

}  // namespace factline::load
