#include "load/data_path.hpp"

#include <filesystem>
#include <system_error>

#include "load/errors.hpp"
#include "load/trim.hpp"

namespace factline::load {
std::optional<std::string> resolve_data_path(const std::string& fact_file_dir,
                                             std::string_view written, const SourceLoc& at,
                                             Diagnostics& out) {
  namespace fs = std::filesystem;
  const std::string shown = load::quoted(written);
  if (trim(written, " \t").empty()) {
    out.error(at, "the data path is empty",
              "name a CSV file relative to the fact file's folder, such as data/sales.csv");
    return std::nullopt;
  }
  if (written.find('\0') != std::string_view::npos) {
    out.error(at, "the data path " + shown + " contains a NUL character");
    return std::nullopt;
  }
  const bool drive = written.size() >= 2 && written[1] == ':' &&
                     ((written[0] >= 'A' && written[0] <= 'Z') || (written[0] >= 'a' && written[0] <= 'z'));
  const fs::path relative{std::string(written)};
  if (relative.is_absolute() || relative.has_root_directory() || relative.has_root_name() || drive ||
      written.starts_with("\\") || written == "~" || written.starts_with("~/")) {
    out.error(at, "the data path " + shown + " is absolute",
              "give it relative to the fact file's folder, such as data/sales.csv, so the two "
              "move together");
    return std::nullopt;
  }
  std::error_code ec;
  const fs::path folder = fact_file_dir.empty() ? fs::current_path(ec) : fs::path(fact_file_dir);
  const fs::path base = ec ? fs::path() : fs::weakly_canonical(folder, ec);
  if (ec) {
    out.error(at, "cannot resolve the fact file's folder: " + ec.message());
    return std::nullopt;
  }
  auto inside = [&base](const fs::path& p) {
    auto q = p.begin();
    for (const fs::path& part : base) {
      if (part.empty()) continue;  // a trailing separator
      if (q == p.end() || part != *q) return false;
      ++q;
    }
    return true;
  };
  const fs::path lexical = (base / relative).lexically_normal();
  if (!inside(lexical)) {
    out.error(at, "the data path " + shown + " leaves the fact file's folder",
              "keep data files in the fact file's folder or a folder under it");
    return std::nullopt;
  }
  const fs::path resolved = fs::weakly_canonical(base / relative, ec);
  if (ec) {
    out.error(at, "cannot resolve the data path " + shown + ": " + ec.message());
    return std::nullopt;
  }
  if (!inside(resolved)) {
    out.error(at, "the data path " + shown + " leads out of the fact file's folder through a symbolic link",
              "copy the file into the fact file's folder instead of linking to it");
    return std::nullopt;
  }
  const fs::file_status status = fs::status(resolved, ec);
  if (!fs::exists(status)) {
    out.error(at, "the data file " + shown + " does not exist",
              "data paths are relative to the fact file's folder; looked for " +
                  load::quoted(resolved.string()));
    return std::nullopt;
  }
  if (fs::is_directory(status)) {
    out.error(at, "the data path " + shown + " is a folder, not a file", "name a CSV file in it");
    return std::nullopt;
  }
  if (!fs::is_regular_file(status)) {
    out.error(at, "the data path " + shown + " is not a regular file", "name a CSV file");
    return std::nullopt;
  }
  return resolved.string();
}

}  // namespace factline::load
