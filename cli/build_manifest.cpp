#include "build_manifest.hpp"

#include <xxhash.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "api/factline.hpp"

namespace factline::cli {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

constexpr int kManifestVersion = 1;
constexpr std::string_view kTemplates = "<templates>/";

std::string hex(const XXH128_hash_t& h) {
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return buf;
}

fs::path absolute_normal(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::absolute(path, ec);
  return (ec ? fs::path(path) : p).lexically_normal();
}

}  // namespace

std::string content_hash(std::string_view bytes) { return hex(XXH3_128bits(bytes.data(), bytes.size())); }

std::optional<std::string> file_hash(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  XXH3_state_t* state = XXH3_createState();
  XXH3_128bits_reset(state);
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) XXH3_128bits_update(state, buf, static_cast<std::size_t>(in.gcount()));
  const bool ok = !in.bad();
  const std::string h = hex(XXH3_128bits_digest(state));
  XXH3_freeState(state);
  if (!ok) return std::nullopt;
  return h;
}

Manifest Manifest::load(const std::string& outdir, std::string& problem) {
  Manifest m;
  m.outdir_ = absolute_normal(outdir).string();
  const fs::path file = fs::path(outdir) / file_name;
  std::ifstream in(file, std::ios::binary);
  if (!in) return m;  // none yet
  try {
    const json j = json::parse(std::string(std::istreambuf_iterator<char>(in), {}));
    if (j.at("factline_manifest").get<int>() != kManifestVersion)
      throw std::runtime_error("written by another version of factline");
    for (const auto& [output, r] : j.at("outputs").items()) {
      OutputRecord rec{r.at("input"), r.at("input_hash"), r.at("settings"), {}, r.at("output_hash"), r.at("warnings"), {}};
      for (const auto& [name, hash] : r.at("dependencies").items()) rec.dependencies[name] = hash;
      if (r.contains("pages")) rec.pages = r.at("pages").get<std::vector<std::string>>();
      m.outputs_[output] = std::move(rec);
    }
  } catch (const std::exception& e) {
    problem = "ignoring \"" + file.string() + "\" (" + e.what() + "); building everything";
    m.outputs_.clear();
  }
  return m;
}

std::string Manifest::save() const {
  json outputs = json::object();
  for (const auto& [output, r] : outputs_) {
    outputs[output] = {{"input", r.input},           {"input_hash", r.input_hash},
                       {"settings", r.settings},     {"dependencies", r.dependencies},
                       {"output_hash", r.output_hash}, {"warnings", r.warnings}};
    if (!r.pages.empty()) outputs[output]["pages"] = r.pages;
  }
  const json j = {{"factline_manifest", kManifestVersion}, {"outputs", outputs}};
  return write_file_atomically((fs::path(outdir_) / file_name).string(), j.dump(1) + "\n");
}

const OutputRecord* Manifest::find(const std::string& output) const {
  const auto it = outputs_.find(output);
  return it == outputs_.end() ? nullptr : &it->second;
}

void Manifest::set(const std::string& output, OutputRecord record) { outputs_[output] = std::move(record); }

void Manifest::erase(const std::string& output) { outputs_.erase(output); }

std::vector<std::string> Manifest::orphans() const {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& [output, record] : outputs_)
    if (!fs::exists(path_of(record.input), ec) && !ec) out.push_back(output);
  return out;
}

std::string Manifest::name_of(const std::string& path) const {
  const fs::path p = absolute_normal(path);
  const fs::path templates = absolute_normal(std::string(bundled_template_dir()));
  const fs::path in_templates = p.lexically_relative(templates);
  if (!in_templates.empty() && *in_templates.begin() != "..")
    return std::string(kTemplates) + in_templates.generic_string();
  return p.lexically_relative(outdir_).generic_string();
}

std::string Manifest::path_of(const std::string& name) const {
  if (name.starts_with(kTemplates))
    return (fs::path(bundled_template_dir()) / name.substr(kTemplates.size())).string();
  return (fs::path(outdir_) / name).lexically_normal().string();
}

const std::optional<std::string>& HashCache::of(const std::string& path) {
  auto it = hashes_.find(path);
  if (it == hashes_.end()) it = hashes_.emplace(path, file_hash(path)).first;
  return it->second;
}

std::vector<std::pair<std::string, std::string>> recorded_files(const OutputRecord& record, const std::string& output_path) {
  if (record.pages.empty()) return {{output_path, record.output_hash}};
  std::vector<std::pair<std::string, std::string>> files;
  for (std::size_t k = 0; k < record.pages.size(); ++k)
    files.emplace_back(page_path(output_path, static_cast<int>(k + 1)), record.pages[k]);
  return files;
}

std::optional<std::string> stale_because(const Manifest& manifest, const OutputRecord* record,
                                         const std::string& output_path, const std::string& input_hash,
                                         const std::string& settings, bool strict, HashCache& hashes) {
  std::error_code ec;
  if (!record) {
    if (!fs::exists(output_path, ec)) return "missing";
    return "not built by factline build (no record in " + std::string(Manifest::file_name) + ")";
  }
  const auto files = recorded_files(*record, output_path);
  for (const auto& [path, hash] : files)
    if (!fs::exists(path, ec)) return path == output_path ? "missing" : "its page " + path + " is missing";
  if (record->input_hash != input_hash) return "the fact file changed";
  if (record->settings != settings) return "factline's version, its options or the fonts changed";
  for (const auto& [name, hash] : record->dependencies) {
    const std::string path = manifest.path_of(name);
    const std::optional<std::string>& now = hashes.of(path);
    std::error_code cwd_error;
    const fs::path here = fs::current_path(cwd_error);
    const std::string shown = cwd_error ? path : fs::path(path).lexically_proximate(here).string();
    if (!now) return shown + " is gone";
    if (*now != hash) return shown + " changed";
  }
  for (const auto& [path, hash] : files)
    if (hashes.of(path) != hash) return path == output_path ? "changed since it was built" : "its page " + path + " changed since it was built";
  if (strict && record->warnings > 0) return "built with warnings, which --strict makes errors";
  return std::nullopt;
}

}  // namespace factline::cli
