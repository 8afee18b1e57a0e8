#pragma once
// The library's front door: fact file bytes in, a scene and encoded outputs out. Never prints,
// never exits; problems come back as diagnostics or error strings.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.hpp"
#include "scene/scene.hpp"

namespace factline {

std::string_view version();
// The bundled fonts/ folder of the source tree this library was built from.
std::string_view bundled_font_dir();
// The bundled templates/ folder of the same source tree: the built-in templates.
std::string_view bundled_template_dir();

struct EngineOptions {
  std::vector<std::string> font_dirs;  // bundled fonts first, then --font-dir folders
  std::vector<std::string> template_dirs{std::string(bundled_template_dir())};  // built-in templates
};

// Per fact file.
struct LayoutOptions {
  // A built-in template's name or a template file's path (from the working folder); overrides
  // the fact file's template:. Empty: the fact file's, else "news".
  std::string template_name;
};

// The template of a fact file that names none ("news").
std::string_view default_template();

struct TemplateInfo {
  std::string name;  // as written after template: or --template
  std::string description;
  std::string path;
};
// The built-in templates in `dirs` by name (an earlier folder's hides a later one's).
std::vector<TemplateInfo> list_templates(const std::vector<std::string>& dirs = {std::string(bundled_template_dir())});

// A fact file laid out: the scene to encode, and what was found on the way.
struct LayoutResult {
  std::optional<scene::Scene> scene;  // empty when the input has errors
  Diagnostics diagnostics;
  std::vector<std::string> event_titles;  // the fact file's events, by index (scene items' `event`)
};

enum class Format { Svg, Png, Pdf, Json };
// The format named by a path's extension (case-insensitive), if any.
std::optional<Format> format_for_path(std::string_view path);

// Reads a fact file as Engine::layout does and reports every problem in the file itself,
// without fonts or layout: fast, for `factline check`. What only layout finds (characters no
// font can draw, a page that cannot hold the events) is left to rendering.
// Its template is read too.
Diagnostics check_fact_file(std::string_view bytes, const std::string& file, const LayoutOptions& options = {},
                            const std::vector<std::string>& template_dirs = {std::string(bundled_template_dir())});

struct EncodeOptions {
  double png_scale = 1;
  std::optional<std::int64_t> creation_time;  // PDF creation date (SOURCE_DATE_EPOCH)
};

// Fonts are loaded once per engine; reuse it to render many files.
class Engine {
 public:
  explicit Engine(const EngineOptions& options);  // throws std::runtime_error if fonts fail
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  LayoutResult layout(std::string_view bytes, const std::string& file, const LayoutOptions& options = {}) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

std::string encode(const scene::Scene& scene, Format format, const EncodeOptions& options);

// Why a laid-out scene cannot be written in a format (PNG: 32,767 px a side at the given scale;
// PDF: 14,400 pt), naming the events drawn past the limit; empty when it can.
std::string check_output_limits(const LayoutResult& laid, Format format, double png_scale);

// Writes files (path, bytes) through temporary files beside them, renamed into place only once
// every one is written: each target is either untouched or complete, and a failure to write
// one leaves all of them untouched. Returns an error message, empty on success.
std::string write_files_atomically(const std::vector<std::pair<std::string, std::string_view>>& files);

}  // namespace factline
