#include "render_settings.hpp"

#include <CLI/CLI.hpp>

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>


namespace factline::cli {
namespace {

// SOURCE_DATE_EPOCH (reproducible-builds.org): a decimal count of seconds.
std::optional<std::int64_t> source_date_epoch() {
  const char* v = std::getenv("SOURCE_DATE_EPOCH");
  if (!v || !*v) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  const long long n = std::strtoll(v, &end, 10);
  if (*end || errno) return std::nullopt;
  return n;
}

}  // namespace

EngineOptions RenderSettings::engine_options() const {
  EngineOptions engine;
  engine.font_dirs = {std::string(bundled_font_dir())};
  engine.font_dirs.insert(engine.font_dirs.end(), font_dirs.begin(), font_dirs.end());
  engine.template_dirs = templates.search_path();
  return engine;
}

void add_render_settings(CLI::App& command, RenderSettings& settings) {
  // CLI::Range lets "nan" through (every comparison with NaN is false), and "inf" would be a
  // picture of no size: the text itself must be a finite number in range.
  command.add_option("--scale", settings.options.encode.png_scale, "PNG pixels per px (default 1)")
      ->check(CLI::Validator(
          [](std::string& text) -> std::string {
            double v = 0;
            const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
            if (ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(v) || v < 0.1 || v > 8)
              return "a number from 0.1 to 8, not \"" + text + "\"";
            return {};
          },
          "FLOAT in [0.1 - 8]"));
  command
      .add_option_function<std::string>(
          "--svg-text",
          [&settings](const std::string& v) {
            settings.options.encode.svg.text = v == "outline"  ? render::SvgText::Outline
                                               : v == "text" ? render::SvgText::Text
                                                             : render::SvgText::OutlineAndText;
          },
          "SVG text: outline+text (default: outlines with invisible real text over them), outline, or text "
          "(real text only, drawn in the viewer's fonts)")
      ->check(CLI::IsMember({"outline+text", "outline", "text"}));
  command
      .add_option_function<std::string>(
          "--appearance",
          [&settings](const std::string& v) {
            settings.options.appearance = v == "dark"   ? model::Appearance::Dark
                                          : v == "auto" ? model::Appearance::Auto
                                                        : model::Appearance::Light;
          },
          "light, dark (the template's dark colours) or auto (SVG and HTML switch with the reader's system or "
          "page; PNG and PDF light). Default: the template's appearance, else light")
      ->check(CLI::IsMember({"light", "dark", "auto"}));
  command.add_option("--id-prefix", settings.options.encode.svg.id_prefix,
                     "Start every SVG id with this (default: derived from the content)")
      ->check([](const std::string& p) {
        return render::valid_id_prefix(p) ? std::string()
                                          : "must start with a letter or _, then letters, digits, _ or - (64 at most)";
      });
  command.add_flag("--strict", settings.options.strict,
                   "Treat warnings (such as characters no font can draw) as errors");
  command.add_option("--max-hidden", settings.options.max_hidden,
                     "Fail when more than N events are left without a label of their own (level of detail)")
      ->check(CLI::NonNegativeNumber);
  command.add_option("--font-dir", settings.font_dirs, "Extra folder of fonts (repeatable)");
  add_template_options(command, settings.templates);
  add_diagnostics_option(command, settings.diagnostics);
}

bool finish_render_settings(RenderSettings& settings, std::ostream& err) {
  settings.options.encode.creation_time = source_date_epoch();
  settings.options.layout.template_name = settings.templates.name;
  if (const std::string problem = settings.templates.problem(); !problem.empty()) {
    print_problem(err, settings.diagnostics, {}, problem);
    return false;
  }
  return true;
}

std::optional<std::vector<OutputFile>> outputs_for_paths(const std::vector<std::string>& paths,
                                                         const RenderSettings& settings, std::ostream& err) {
  std::vector<OutputFile> out;
  for (const std::string& path : paths) {
    const std::optional<Format> format = format_for_path(path);
    if (!format) {
      print_problem(err, settings.diagnostics, path,
                    "cannot tell the format of \"" + path + "\"; use .svg, .png, .pdf, .json or .html");
      return std::nullopt;
    }
    out.push_back({path, *format});
  }
  return out;
}

}  // namespace factline::cli
