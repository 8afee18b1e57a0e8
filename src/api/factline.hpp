#pragma once
// The library's front door: fact file bytes in, a scene and encoded outputs out. Never prints,
// never exits; problems come back as diagnostics or error strings.
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.hpp"
#include "model/theme.hpp"
#include "render/render.hpp"
#include "scene/scene.hpp"

namespace factline {

std::string_view version();
// factline's data folder: DIR/../share/factline, where DIR holds the running executable. That is
// where `cmake --install` puts the fonts and templates beside bin/factline, and the build tree
// has the same shape (build/share/factline links to the source tree's folders), so nothing is
// looked up by a path fixed at build time, except as the last resort: the folder under the
// configured install prefix, for programs that link the library and live elsewhere.
std::string_view data_dir();
// The bundled fonts: data_dir()/fonts.
std::string_view bundled_font_dir();
// The built-in templates: data_dir()/templates.
std::string_view bundled_template_dir();

// The template folders in search order: the built-in one (so a built-in name always means the
// built-in template), `given` (--template-dir), then the folders of the FACTLINE_TEMPLATE_PATH
// environment variable (colon-separated; an empty entry is skipped, not the working folder).
// Template names are looked up in them, and template files are read only from them and the fact
// file's folder tree (docs/security.md).
std::vector<std::string> template_search_path(const std::vector<std::string>& given = {});

// The font files a font folder adds, as Engine finds them: a bounded walk (text/font_files.hpp)
// that throws std::runtime_error for a folder it refuses.
std::vector<std::string> font_files(const std::string& dir);

struct EngineOptions {
  std::vector<std::string> font_dirs;  // bundled fonts first, then --font-dir folders
  // The template folders, as template_search_path gives them; by default only the built-in one.
  std::vector<std::string> template_dirs{std::string(bundled_template_dir())};
  // Install the process's GLib log writer (text/library_log.hpp), so Pango and GLib never print:
  // their messages during layout become warnings, any others are dropped. GLib allows one
  // writer per process: a program with its own sets this false.
  bool capture_library_log = true;
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
  // The files the result depends on besides the fact file itself, as opened: each data file,
  // then the template chain (load::ParseResult::files). Also when there were errors.
  std::vector<std::string> dependencies;
  std::vector<std::string> event_titles;  // the fact file's events, by index (scene items' `event`)
  // `detail: all` beyond one page: the timeline on pages (layout::LayoutResult::pages), which
  // PDF, PNG and SVG draw; empty for one page. Each page's items index its own scene's events.
  // (Engine::render lays out the whole `scene` of a paged timeline only for JSON or HTML.)
  std::vector<scene::Scene> pages;
  // The template's appearance and dark template (model::Theme).
  model::Appearance appearance = model::Appearance::Light;
  std::string dark_template;
};

enum class Format { Svg, Png, Pdf, Json, Html };
// Every format, in the order outputs are listed (svg, png, pdf, json, html).
std::span<const Format> all_formats();
// The format's name, which is also its file extension: "svg", "png", "pdf", "json", "html".
std::string_view format_name(Format format);
// The format of a name (case-insensitive), if any: "svg" → Svg.
std::optional<Format> format_named(std::string_view name);
// The format named by a path's extension (case-insensitive), if any.
std::optional<Format> format_for_path(std::string_view path);

// Reads a fact file as Engine::layout does and reports every problem in the file itself,
// without fonts or layout: fast, for `factline check --syntax-only` (editors). What only layout
// finds (characters no font can draw, a page that cannot hold the events) is Engine::layout's.
// Its template is read too.
Diagnostics check_fact_file(std::string_view bytes, const std::string& file, const LayoutOptions& options = {},
                            const std::vector<std::string>& template_dirs = {std::string(bundled_template_dir())});

struct EncodeOptions {
  double png_scale = 1;
  render::SvgOptions svg;  // how the SVG carries its text, its id prefix
  std::optional<std::int64_t> creation_time;  // PDF creation date (SOURCE_DATE_EPOCH)
};

// How a fact file becomes outputs: what `factline render`, `build` and `watch` share.
struct RenderOptions {
  LayoutOptions layout;
  EncodeOptions encode;
  // light, dark (the dark template's colours) or auto (SVG and HTML carry both; PNG and PDF are
  // light); empty: the template's `appearance`.
  std::optional<model::Appearance> appearance;
  bool strict = false;  // warnings fail the file: nothing is encoded
  // A timeline drawn at a level of detail fails (nothing encoded) when more than this many
  // events are clustered or counted rather than labelled.
  std::optional<long> max_hidden;
};

// One output: where it goes (for messages; nothing is written here) and its format.
struct OutputFile {
  std::string path;
  Format format = Format::Svg;
};

struct Rendered {
  Diagnostics diagnostics;
  std::vector<std::string> dependencies;  // as LayoutResult::dependencies
  std::vector<std::string> encoded;       // one per OutputFile, in order; empty when failed
  // Per OutputFile, for a paged timeline's PNG or SVG: each page's bytes, for the file
  // page_path(path, k + 1); encoded holds "" for it then. Empty for every other output.
  std::vector<std::vector<std::string>> pages;
  bool failed() const { return encoded.empty(); }
};

// Fonts are loaded once per engine; reuse it to render many files, from any number of threads
// at once. Each thread that lays out gets its own Pango font map over the engine's one
// Fontconfig set (Pango's font maps are not thread-safe; Fontconfig is), so a scene must be
// encoded on the thread that laid it out, and is best dropped there too.
class Engine {
 public:
  explicit Engine(const EngineOptions& options);  // throws std::runtime_error if fonts fail
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  LayoutResult layout(std::string_view bytes, const std::string& file, const LayoutOptions& options = {}) const;

  // Lays the fact file out and encodes it in each output's format, all in memory. Fails (no
  // outputs, the reasons among the diagnostics) when the file has errors, has warnings under
  // options.strict, or is too large for an output's format (an error naming that output; for a
  // timeline surely on pages, judged from the page size before anything is laid out).
  Rendered render(std::string_view bytes, const std::string& file, std::span<const OutputFile> outputs,
                  const RenderOptions& options) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// `dark`: the same scene in the dark template's colours, for an SVG or HTML page that shows
// them to readers who ask for dark (appearance auto); the PNG and PDF ignore it.
std::string encode(const scene::Scene& scene, Format format, const EncodeOptions& options,
                   const scene::Scene* dark = nullptr);

struct ImportResult {
  std::string fact_file;  // YAML; empty when there were errors
  Diagnostics diagnostics;
};
// A TimelineJS timeline (its JSON, or its Google Sheets layout as CSV) as a fact file; what
// cannot be carried over is a warning at its place. docs/import.md.
ImportResult import_timelinejs(std::string_view bytes, const std::string& file);

// Where page `page` (from 1) of a paged PNG or SVG goes: "out.png" → "out-1.png"; the number
// goes before the last extension, or at the end of a name without one.
std::string page_path(std::string_view path, int page);

// Why a laid-out scene cannot be written in a format (PNG: 32,767 px a side at the given scale;
// PDF: 14,400 pt; PNG also 64 million pixels at that scale), naming the events drawn past the
// limit; empty when it can. Checked before anything is drawn. A paged timeline's PDF, PNG and
// SVG are judged page by page.
std::string check_output_limits(const LayoutResult& laid, Format format, double png_scale);

// A fact file (or other input) read as the command reads it: "-" is standard input, read to its
// end; anything else must be a regular file (a folder, FIFO or device is refused without waiting
// on it; pipe it to standard input instead). Reads stop one byte past the 16 MiB input limit.
struct InputBytes {
  std::string bytes;
  std::string error;       // why it cannot be read, naming the path; empty when read
  bool too_large = false;  // the error is the size limit: an input problem, not a usage one
};
InputBytes read_input(const std::string& path);

// Writes bytes to a temporary file beside `path` (`.fl-XXXXXX` in its folder, so any legal name
// works), syncs it to disk and renames it into place, so `path` is either untouched or
// complete. A symbolic link at `path` is replaced, not followed. Returns an error message
// (naming the path and the system's reason: no space, read-only, ...), empty on success.
std::string write_file_atomically(const std::string& path, std::string_view bytes);
// The same for several files (path, bytes): every temporary file is written before any is
// renamed into place, so a failure to write one leaves all the targets untouched.
std::string write_files_atomically(const std::vector<std::pair<std::string, std::string_view>>& files);
// Installs handlers for SIGINT, SIGTERM and SIGHUP (those still at their default) that remove
// the temporary files being written, then let the signal end the process as it would have. For
// programs (the command calls it first); a library user with its own handlers leaves it out.
void remove_temporary_files_on_signals();
// Why writing `output` would overwrite one of `inputs` ("-" is skipped): the same file by path,
// symbolic link or hard link (same device and inode); empty when it would not.
std::string same_file_problem(const std::string& output, const std::vector<std::string>& inputs);

}  // namespace factline
