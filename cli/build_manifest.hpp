#pragma once
// `factline build`'s memory: OUTDIR/.factline-manifest.json records, for every output it wrote,
// content hashes (XXH3-128) of what the output was made from — the fact file, each data file
// and template it read, and the settings (factline's version, the options, the fonts) — and of
// the output itself. An output is up to date when all of them still match; timestamps are
// never consulted, so a fresh checkout or a restored CI cache judges the same. Paths in it are
// relative to OUTDIR (a built-in template is "<templates>/news.yaml"), so the manifest can be
// committed with the outputs and checked on another machine (`factline build --check`).
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace factline::cli {

// XXH3-128 of the bytes, as 32 hex digits.
std::string content_hash(std::string_view bytes);
// The content hash of a file; nothing when it cannot be read.
std::optional<std::string> file_hash(const std::string& path);

struct OutputRecord {
  std::string input;       // the fact file (recorded name)
  std::string input_hash;  // of its bytes
  std::string settings;    // hash of version, options, format and fonts
  std::map<std::string, std::string> dependencies;  // recorded name → content hash
  std::string output_hash;  // empty for a paged output
  std::size_t warnings = 0;  // the file's warnings when it was built (for --strict)
  // A paged timeline's PNG or SVG: each page file's content hash, page 1 first (its files are
  // page_path(output, k)); empty for an output that is one file.
  std::vector<std::string> pages;
};

// The files an output's record stands for, with their content hashes: the output itself, or
// its page files.
std::vector<std::pair<std::string, std::string>> recorded_files(const OutputRecord& record, const std::string& output_path);

class Manifest {
 public:
  static constexpr std::string_view file_name = ".factline-manifest.json";

  // OUTDIR's manifest. None yet is an empty one; one that cannot be read or understood is an
  // empty one too, with `problem` saying why (everything is then rebuilt).
  static Manifest load(const std::string& outdir, std::string& problem);
  // Writes it atomically; an error message, empty on success.
  std::string save() const;

  // Keyed by the output's path under OUTDIR ("economy/exports.svg").
  const OutputRecord* find(const std::string& output) const;
  void set(const std::string& output, OutputRecord record);
  void erase(const std::string& output);
  // The outputs whose fact file no longer exists (deleted or moved since they were built).
  std::vector<std::string> orphans() const;

  // A file's name in the manifest, and back: the path to open.
  std::string name_of(const std::string& path) const;
  std::string path_of(const std::string& name) const;

 private:
  std::string outdir_;  // absolute, normalised
  std::map<std::string, OutputRecord> outputs_;
};

// Memoised content hashes for one run (many charts share a template or a CSV file).
class HashCache {
 public:
  const std::optional<std::string>& of(const std::string& path);

 private:
  std::map<std::string, std::optional<std::string>> hashes_;
};

// Why an output is not up to date ("missing", "data/sales.csv changed", …), or nothing when
// it is. `record` is the manifest's (nullptr: none); `input_hash` and `settings` are today's.
std::optional<std::string> stale_because(const Manifest& manifest, const OutputRecord* record,
                                         const std::string& output_path, const std::string& input_hash,
                                         const std::string& settings, bool strict, HashCache& hashes);

}  // namespace factline::cli
