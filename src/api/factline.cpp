#include "api/factline.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "layout/page.hpp"
#include "render/render.hpp"
#include "scene/scene_json.hpp"
#include "load/parse.hpp"
#include "load/template.hpp"
#include "core/utf8.hpp"
#include "text/font_library.hpp"
#include "text/library_log.hpp"
#include "text/text_shaper.hpp"

namespace factline {

std::string_view version() { return FACTLINE_VERSION; }
std::string_view bundled_font_dir() { return FACTLINE_SOURCE_FONTS_DIR; }
std::string_view bundled_template_dir() { return FACTLINE_SOURCE_TEMPLATES_DIR; }

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
  explicit Impl(const EngineOptions& o) : fonts(o.font_dirs), shaper(fonts), template_dirs(o.template_dirs) {}
  text::FontLibrary fonts;
  text::TextShaper shaper;
  std::vector<std::string> template_dirs;
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

RenderResult Engine::layout(std::string_view bytes, const std::string& file, const LayoutOptions& options) const {
  RenderResult out;
  const text::LogCapture capture;
  load::ParseResult parsed = load::parse_document(bytes, file, {impl_->template_dirs, options.template_name});
  out.diagnostics = std::move(parsed.diagnostics);
  if (parsed.document) {
    layout::LayoutResult laid = layout::layout_document(*parsed.document, impl_->shaper);
    out.diagnostics.append(laid.diagnostics);
    out.scene = std::move(laid.scene);
  }
  report_library_log(capture, file, out.diagnostics);
  return out;
}

Diagnostics check_fact_file(std::string_view bytes, const std::string& file, const LayoutOptions& options,
                            const std::vector<std::string>& template_dirs) {
  return load::parse_document(bytes, file, {template_dirs, options.template_name}).diagnostics;
}

std::optional<Format> format_for_path(std::string_view path) {
  const std::size_t dot = path.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  std::string ext(path.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext == "svg") return Format::Svg;
  if (ext == "png") return Format::Png;
  if (ext == "pdf") return Format::Pdf;
  if (ext == "json") return Format::Json;
  return std::nullopt;
}

std::string encode(const scene::Scene& scene, Format format, const EncodeOptions& options) {
  switch (format) {
    case Format::Svg: return render::to_svg(scene);
    case Format::Png: return render::to_png(scene, options.png_scale);
    case Format::Pdf: return render::to_pdf(scene, options.creation_time);
    case Format::Json: return scene::to_json(scene);
  }
  return {};
}

}  // namespace factline
