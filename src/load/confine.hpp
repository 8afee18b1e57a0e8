#pragma once
// The one rule behind every path an input names (data:, template:, extends:): a path counts as
// inside a folder only when, with "." and ".." taken out and every symbolic link resolved, it is
// the folder or lies under it. Resolving links reads them (lstat, readlink) but opens no file.
#include <filesystem>
#include <optional>

namespace factline::load {

// `p` made absolute (against the working folder), with every symbolic link of the part that
// exists resolved and "." and ".." taken out; nothing when that fails (a loop of links).
std::optional<std::filesystem::path> resolved_path(const std::filesystem::path& p);

// True when `p` is `folder` or lies under it; both as resolved_path gives them (or lexically
// normal, for the check before links are resolved).
bool within(const std::filesystem::path& folder, const std::filesystem::path& p);

}  // namespace factline::load
