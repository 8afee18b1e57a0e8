#pragma once
// The font files in a font folder (--font-dir), found by a bounded walk: a folder given by
// mistake (/, /proc, a home folder) is refused quickly instead of walked for ever or read as
// fonts. docs/security.md lists the bounds.
#include <cstddef>
#include <string>
#include <vector>

namespace factline::text {

inline constexpr int max_font_dir_depth = 8;                // folders below the one given
inline constexpr std::size_t max_font_dir_entries = 20000;  // names looked at, in all
inline constexpr std::size_t max_font_files = 2000;

// Regular files (after links) named .ttf, .otf, .ttc, .otc, .woff or .woff2 (any case), sorted.
// Links to folders are not followed, and folders on kernel file systems (proc, sysfs, devtmpfs,
// debugfs, ...) are never entered. Throws std::runtime_error naming the folder when it is not a
// folder, lies on such a file system, or passes a bound.
std::vector<std::string> find_font_files(const std::string& dir);

}  // namespace factline::text
