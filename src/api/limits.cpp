#include <cmath>
#include <string>
#include <vector>

#include "api/factline.hpp"
#include "core/utf8.hpp"

namespace factline {
namespace {

constexpr double png_max_side = 32767;      // Cairo image surfaces
// Pixels in one PNG (at its --scale): 4 bytes each to draw, so 256 MiB for the surface, which
// keeps a render within the 1 GiB budget (docs/security.md).
constexpr double png_max_pixels = 64e6;
constexpr double pdf_max_side_px = 19200;   // 14,400 pt: the largest page PDF viewers accept
constexpr int events_named = 5;             // the rest are counted

// The events with anything drawn past limit_w or limit_h (px), by index and title.
std::string events_beyond(const LayoutResult& laid, double limit_w, double limit_h) {
  std::vector<bool> beyond(laid.event_titles.size());
  for (const auto& it : laid.scene->items)
    if (it.event >= 0 && static_cast<std::size_t>(it.event) < beyond.size() &&
        (it.box.right() > limit_w || it.box.bottom() > limit_h))
      beyond[static_cast<std::size_t>(it.event)] = true;
  std::string names;
  int count = 0;
  for (std::size_t i = 0; i < beyond.size(); ++i) {
    if (!beyond[i] || ++count > events_named) continue;
    const std::string title = utf8::escape_for_terminal(laid.event_titles[i]);
    names += (names.empty() ? "" : ", ") + std::to_string(i) + " \"" + title + "\"";
  }
  if (count > events_named) names += ", and " + std::to_string(count - events_named) + " more";
  return names;
}

}  // namespace

std::string check_output_limits(const LayoutResult& laid, Format format, double png_scale) {
  const scene::Scene& s = *laid.scene;
  const auto px = [](double v) { return std::to_string(static_cast<long>(std::ceil(v))); };
  const std::string size = "the picture is " + px(s.width) + "×" + px(s.height) + " px, ";
  const double limit = format == Format::Png ? png_max_side / png_scale : format == Format::Pdf ? pdf_max_side_px : 0;
  if (limit > 0 && (s.width > limit || s.height > limit)) {
    const std::string kind = format == Format::Png ? "PNG" : "PDF";
    return size + "more than " + kind + " allows (" + std::to_string(static_cast<long>(limit)) + " px a side" +
           (format == Format::Png ? " at this --scale" : "") + "); events that would not fit: " +
           events_beyond(laid, limit, limit);
  }
  const double pixels = std::ceil(s.width * png_scale) * std::ceil(s.height * png_scale);
  if (format == Format::Png && pixels > png_max_pixels) {
    const double rows = png_max_pixels / std::ceil(s.width * png_scale) / png_scale;  // in px of the page
    return size + std::to_string(static_cast<long>(pixels / 1e6)) + " million pixels at this --scale, more than " +
           "a PNG may hold (" + std::to_string(static_cast<long>(png_max_pixels / 1e6)) +
           " million); events that would not fit: " + events_beyond(laid, s.width, rows);
  }
  return "";
}

}  // namespace factline
