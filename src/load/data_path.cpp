#include "load/data_path.hpp"

#include <filesystem>
#include <system_error>

#include "load/confine.hpp"
#include "load/errors.hpp"
#include "load/trim.hpp"

namespace factline::load {

std::optional<std::string> resolve_data_path(const std::string& fact_file_dir,
                                             std::string_view written, const SourceLoc& at,
                                             Diagnostics& out, bool* confined) {
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
  const std::optional<fs::path> base = resolved_path(fact_file_dir.empty() ? fs::path(".") : fs::path(fact_file_dir));
  if (!base) {
    out.error(at, "cannot resolve the fact file's folder");
    return std::nullopt;
  }
  if (!within(*base, (*base / relative).lexically_normal())) {
    out.error(at, "the data path " + shown + " leaves the fact file's folder",
              "keep data files in the fact file's folder or a folder under it");
    return std::nullopt;
  }
  const std::optional<fs::path> resolved = resolved_path(*base / relative);
  if (!resolved) {
    out.error(at, "cannot resolve the data path " + shown);
    return std::nullopt;
  }
  if (!within(*base, *resolved)) {
    out.error(at, "the data path " + shown + " leads out of the fact file's folder through a symbolic link",
              "copy the file into the fact file's folder instead of linking to it");
    return std::nullopt;
  }
  // Only a CSV file: a data file's cells are quoted in diagnostics, so a name such as .env or
  // credentials.yaml, even inside the folder, is not read as data.
  std::string extension = resolved->extension().string();
  for (char& c : extension) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (confined) *confined = extension == ".csv";
  std::error_code ec;
  const fs::file_status status = fs::status(*resolved, ec);
  if (!fs::exists(status)) {
    out.error(at, "the data file " + shown + " does not exist",
              "data paths are relative to the fact file's folder; looked for " +
                  load::quoted(resolved->string()));
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
  if (extension != ".csv") {
    out.error(at, "the data file " + shown + " is not a .csv file",
              "data: names a CSV file, such as data/sales.csv");
    return std::nullopt;
  }
  return resolved->string();
}

}  // namespace factline::load
