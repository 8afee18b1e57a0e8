#include "api/factline.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <exception>
#include <future>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>

#include "api/compiled_templates.hpp"
#include "api/limits.hpp"
#include "core/utf8.hpp"
#include "import/timelinejs.hpp"
#include "layout/page.hpp"
#include "render/render.hpp"
#include "scene/scene_json.hpp"
#include "load/parse.hpp"
#include "load/template.hpp"
#include "text/font_files.hpp"
#include "text/font_library.hpp"
#include "text/library_log.hpp"
#include "text/text_shaper.hpp"

namespace factline {

namespace {

std::string find_data_dir() {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path beside = (exe.parent_path() / ".." / "share" / "factline").lexically_normal();
    if (fs::is_directory(beside / "templates", ec)) return beside.string();
  }
  return FACTLINE_INSTALL_DATA_DIR;
}

}  // namespace

std::string_view version() { return FACTLINE_VERSION; }
std::string_view data_dir() {
  static const std::string dir = find_data_dir();
  return dir;
}
std::string_view bundled_font_dir() {
  static const std::string dir = std::string(data_dir()) + "/fonts";
  return dir;
}
std::string_view bundled_template_dir() {
  static const std::string dir = std::string(data_dir()) + "/templates";
  return dir;
}

std::vector<std::string> font_files(const std::string& dir) { return text::find_font_files(dir); }

std::string_view default_template() { return load::default_template; }

std::vector<std::string> template_search_path(const std::vector<std::string>& given) {
  std::vector<std::string> dirs{std::string(bundled_template_dir())};
  dirs.insert(dirs.end(), given.begin(), given.end());
  if (const char* env = std::getenv("FACTLINE_TEMPLATE_PATH"))
    for (std::string_view rest = env; !rest.empty();) {
      const std::size_t colon = std::min(rest.find(':'), rest.size());
      if (colon > 0) dirs.emplace_back(rest.substr(0, colon));
      rest.remove_prefix(std::min(colon + 1, rest.size()));
    }
  return dirs;
}

std::vector<TemplateInfo> list_templates(const std::vector<std::string>& dirs) {
  std::vector<TemplateInfo> out;
  for (auto& t : load::list_templates(dirs)) out.push_back({std::move(t.name), std::move(t.description), std::move(t.path)});
  return out;
}

struct Engine::Impl {
  explicit Impl(const EngineOptions& o) : fonts(o.font_dirs), template_dirs(o.template_dirs) {}
  text::FontLibrary fonts;
  std::vector<std::string> template_dirs;

  // This thread's shaper, made on its first use. A thread that ends leaves its shaper behind,
  // and a later thread that gets the same id takes it over: never two threads at once.
  const text::TextShaper& shaper() {
    const std::lock_guard lock(mutex);
    auto& mine = shapers[std::this_thread::get_id()];
    if (!mine) mine = std::make_unique<text::TextShaper>(fonts);
    return *mine;
  }
  std::mutex mutex;
  std::map<std::thread::id, std::unique_ptr<text::TextShaper>> shapers;

  // Engine::layout, for `outputs` (none: everything, as Engine::layout gives). A paged timeline's
  // whole scene is laid out only for JSON or HTML; and a picture format that cannot hold one of
  // its pages (their size is known before layout) is an error before anything is laid out.
  LayoutResult layout(std::string_view bytes, const std::string& file, const LayoutOptions& options,
                      std::span<const OutputFile> outputs, double png_scale);
};

namespace {

// What Pango and GLib logged during a layout, as warnings about the input.
void report_library_log(const text::LogCapture& capture, const std::string& file, Diagnostics& out) {
  for (const std::string& m : capture.messages())
    out.warning({file, 0, 0}, "the text library reported: " + utf8::escape_for_terminal(m),
                "the output may be wrong where it drew this text; please report it with the fact file");
  if (capture.dropped() > 0)
    out.warning({file, 0, 0}, "the text library reported " + std::to_string(capture.dropped()) + " more messages");
}

}  // namespace

Engine::Engine(const EngineOptions& options)
    : impl_([&] {
        if (options.capture_library_log) text::install_log_writer();  // before the fonts load
        return std::make_unique<Impl>(options);
      }()) {}
Engine::~Engine() = default;

LayoutResult Engine::layout(std::string_view bytes, const std::string& file, const LayoutOptions& options) const {
  return impl_->layout(bytes, file, options, {}, 1);
}

LayoutResult Engine::Impl::layout(std::string_view bytes, const std::string& file, const LayoutOptions& options,
                                  std::span<const OutputFile> outputs, double png_scale) {
  LayoutResult out;
  const text::LogCapture capture;
  load::ParseResult parsed = load::parse_document(bytes, file, {template_dirs, options.template_name, compiled_templates()});
  out.diagnostics = std::move(parsed.diagnostics);
  out.dependencies = std::move(parsed.files);
  if (parsed.document) {
    const model::Document& doc = *parsed.document;
    const bool whole = outputs.empty() || std::any_of(outputs.begin(), outputs.end(), [](const OutputFile& o) {
                         return o.format == Format::Json || o.format == Format::Html;
                       });
    if (!outputs.empty())
      if (const auto page = layout::paged_page_size(doc, shaper()))
        for (const OutputFile& o : outputs) {
          const std::string pages = page->height > 0 ? check_page_size(page->width, page->height, o.format, png_scale) : "";
          if (!pages.empty())
            out.diagnostics.error({file, 0, 0}, "cannot write \"" + o.path + "\": its pages are " + pages,
                                  o.format == Format::Png ? "use a smaller --scale, or give the fact file a smaller height:"
                                                          : "give the fact file a smaller height: or width:, or write SVG");
          else if (const std::string alone = page->tallest > 0 ? check_page_size(page->width, page->tallest, o.format, png_scale) : "";
                   !alone.empty())
            out.diagnostics.error(doc.events[static_cast<std::size_t>(page->tallest_event)].loc,
                                  "cannot write \"" + o.path + "\": this event's page alone would be at least " + alone,
                                  "shorten its text, or write SVG");
        }
    if (!out.diagnostics.has_errors()) {
      layout::LayoutResult laid = layout::layout_document(doc, shaper(), bytes, whole);
      out.diagnostics.append(laid.diagnostics);
      out.scene = std::move(laid.scene);
      out.pages = std::move(laid.pages);
    }
    for (const model::Event& e : doc.events) out.event_titles.push_back(e.title);
    out.appearance = doc.theme.appearance;
    out.dark_template = doc.theme.dark_template;
  }
  report_library_log(capture, file, out.diagnostics);
  out.diagnostics.sort(file);
  return out;
}

namespace {

// What one picture is drawn from: a scene, or a paged timeline's pages; with its dark colours.
struct Picture {
  const scene::Scene& scene;
  const scene::Scene* dark;
  std::span<const scene::Scene> pages, dark_pages;
};

// One output: the whole scene, or for a paged timeline one PDF of every page or one PNG or SVG
// per page (into `pages`, leaving the result empty).
std::string encode_output(const Picture& p, Format format, const EncodeOptions& options, std::vector<std::string>& pages) {
  if (p.pages.empty() || format == Format::Json || format == Format::Html) return encode(p.scene, format, options, p.dark);
  if (format == Format::Pdf) return render::to_pdf(p.pages, options.creation_time);
  for (std::size_t k = 0; k < p.pages.size(); ++k)
    pages.push_back(encode(p.pages[k], format, options, p.dark_pages.empty() ? nullptr : &p.dark_pages[k]));
  return {};
}

// The outputs of one scene, encoded on two threads at once when there are several (SVG and PNG
// take about as long): this thread and one more take the next output in turn. The scene is
// only read; Cairo and FreeType lock what they share. The helper thread's library messages go
// to `log` like this thread's.
std::vector<std::string> encode_all(const Picture& picture, std::span<const OutputFile> outputs,
                                    const EncodeOptions& options, text::LogCapture& log,
                                    std::vector<std::vector<std::string>>& pages) {
  std::vector<std::string> encoded(outputs.size());
  pages.assign(outputs.size(), {});
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i; (i = next++) < outputs.size();)
      encoded[i] = encode_output(picture, outputs[i].format, options, pages[i]);
  };
  if (outputs.size() < 2) {
    work();
    return encoded;
  }
  auto helper = std::async(std::launch::async, [&] {
    const text::LogCapture capture;
    work();
    return capture.messages();
  });
  std::exception_ptr failed;
  try {
    work();
  } catch (...) {
    failed = std::current_exception();
  }
  for (std::string& m : helper.get()) log.add(std::move(m));  // rethrows the helper's exception
  if (failed) std::rethrow_exception(failed);
  return encoded;
}

}  // namespace

Rendered Engine::render(std::string_view bytes, const std::string& file, std::span<const OutputFile> outputs,
                        const RenderOptions& options) const {
  LayoutResult laid = impl_->layout(bytes, file, options.layout, outputs, options.encode.png_scale);
  Rendered out{std::move(laid.diagnostics), std::move(laid.dependencies), {}, {}};
  if (options.strict) out.diagnostics.warnings_as_errors();
  if (!laid.scene || out.diagnostics.has_errors()) return out;
  if (const auto& d = laid.scene->detail; d && options.max_hidden && d->hidden() > *options.max_hidden)
    out.diagnostics.error({file, 0, 0},
                          std::to_string(d->hidden()) + " of " + std::to_string(d->events) +
                              " events have no label of their own, more than --max-hidden allows (" +
                              std::to_string(*options.max_hidden) + ")",
                          "mark the events that must show importance: 5, give long titles short: ones, or use detail: all");
  for (const OutputFile& o : outputs)
    if (const std::string why = check_output_limits(laid, o.format, options.encode.png_scale); !why.empty())
      out.diagnostics.error({file, 0, 0}, "cannot write \"" + o.path + "\": " + why,
                            "write SVG, or split the timeline into several files");
  if (const std::string& p = options.encode.svg.id_prefix; !p.empty() && !render::valid_id_prefix(p))
    out.diagnostics.error({file, 0, 0}, "the SVG id prefix \"" + utf8::escape_for_terminal(p) + "\" is not a name",
                          "start it with a letter or _, then letters, digits, _ or -");
  if (out.diagnostics.has_errors()) return out;
  // The dark colours: the same fact file under the dark template, which must change colours only.
  const model::Appearance appearance = options.appearance.value_or(laid.appearance);
  std::optional<scene::Scene> dark;
  std::vector<scene::Scene> dark_pages;
  if (appearance != model::Appearance::Light) {
    LayoutOptions dark_options = options.layout;
    dark_options.template_name = laid.dark_template;
    LayoutResult d = impl_->layout(bytes, file, dark_options, outputs, options.encode.png_scale);
    for (std::string& dep : d.dependencies)  // the dark template's chain
      if (std::find(out.dependencies.begin(), out.dependencies.end(), dep) == out.dependencies.end())
        out.dependencies.push_back(std::move(dep));
    for (const Diagnostic& diag : d.diagnostics.items())
      if (diag.severity == Severity::Error) out.diagnostics.add(diag);
    if (d.scene && (!scene::same_layout(*laid.scene, *d.scene) || d.pages.size() != laid.pages.size() ||
                    !std::equal(d.pages.begin(), d.pages.end(), laid.pages.begin(), scene::same_layout)))
      out.diagnostics.error({file, 0, 0}, "the dark template \"" + laid.dark_template + "\" changes the layout, not only the colours",
                            "give the template a dark: template that extends it and changes colours only");
    if (out.diagnostics.has_errors()) return out;
    dark = std::move(d.scene);
    dark_pages = std::move(d.pages);
  }
  const bool dark_only = appearance == model::Appearance::Dark, both = appearance == model::Appearance::Auto;
  const Picture picture{dark_only ? *dark : *laid.scene, both ? &*dark : nullptr,
                        dark_only ? dark_pages : laid.pages,
                        both ? std::span<const scene::Scene>(dark_pages) : std::span<const scene::Scene>()};
  text::LogCapture encoded_log;  // Pango draws the text again while encoding
  std::vector<std::vector<std::string>> pages;
  std::vector<std::string> encoded = encode_all(picture, outputs, options.encode, encoded_log, pages);
  report_library_log(encoded_log, file, out.diagnostics);
  if (options.strict && out.diagnostics.has_warnings()) {  // what encoding reported fails it too
    out.diagnostics.warnings_as_errors();
    return out;
  }
  out.encoded = std::move(encoded);
  out.pages = std::move(pages);
  return out;
}

Diagnostics check_fact_file(std::string_view bytes, const std::string& file, const LayoutOptions& options,
                            const std::vector<std::string>& template_dirs) {
  Diagnostics found = load::parse_document(bytes, file, {template_dirs, options.template_name, compiled_templates()}).diagnostics;
  found.sort(file);
  return found;
}

namespace {
constexpr std::array kFormats{Format::Svg, Format::Png, Format::Pdf, Format::Json, Format::Html};
}  // namespace

std::span<const Format> all_formats() { return kFormats; }

std::string_view format_name(Format format) {
  switch (format) {
    case Format::Svg: return "svg";
    case Format::Png: return "png";
    case Format::Pdf: return "pdf";
    case Format::Json: return "json";
    case Format::Html: return "html";
  }
  return {};
}

std::optional<Format> format_named(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  for (Format f : kFormats)
    if (format_name(f) == lower) return f;
  return std::nullopt;
}

ImportResult import_timelinejs(std::string_view bytes, const std::string& file) {
  import::ImportResult r = import::import_timelinejs(bytes, file);
  return {std::move(r.yaml), std::move(r.diagnostics)};
}

std::optional<Format> format_for_path(std::string_view path) {
  const std::size_t dot = path.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  return format_named(path.substr(dot + 1));
}

std::string encode(const scene::Scene& scene, Format format, const EncodeOptions& options, const scene::Scene* dark) {
  switch (format) {
    case Format::Svg: return render::to_svg(scene, options.svg, dark);
    case Format::Png: return render::to_png(scene, options.png_scale);
    case Format::Pdf: return render::to_pdf(scene, options.creation_time);
    case Format::Json: return scene::to_json(scene);
    case Format::Html: return render::to_html(scene, options.svg, dark);
  }
  return {};
}

}  // namespace factline
