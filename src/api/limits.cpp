#include <cmath>
#include <string>
#include <vector>

#include "api/factline.hpp"
#include "api/limits.hpp"
#include "load/errors.hpp"

namespace factline {
namespace {

constexpr double png_max_side = 32767;      // Cairo image surfaces
// Pixels in one PNG (at its --scale): 4 bytes each to draw, so 256 MiB for the surface, which
// keeps a render within the 1 GiB budget (docs/security.md).
constexpr double png_max_pixels = 64e6;
constexpr double pdf_max_side_px = 19200;   // 14,400 pt: the largest page PDF viewers accept
constexpr int events_named = 5;             // the rest are counted

// The events with anything drawn past limit_w or limit_h (px), by title (quoted, long ones cut:
// a page's events are numbered within the page, so a number would mislead).
std::string events_beyond(const scene::Scene& s, const std::vector<std::string>& titles, double limit_w, double limit_h) {
  std::vector<bool> beyond(titles.size());
  for (const auto& it : s.items)
    if (it.event >= 0 && static_cast<std::size_t>(it.event) < beyond.size() &&
        (it.box.right() > limit_w || it.box.bottom() > limit_h))
      beyond[static_cast<std::size_t>(it.event)] = true;
  std::string names;
  int count = 0;
  for (std::size_t i = 0; i < beyond.size(); ++i) {
    if (!beyond[i] || ++count > events_named) continue;
    names += (names.empty() ? "" : ", ") + load::quoted(titles[i]);
  }
  if (count > events_named) names += ", and " + std::to_string(count - events_named) + " more";
  return names;
}

// The limit a side of a picture in `format` has, px (0: none).
double side_limit(Format format, double png_scale) {
  return format == Format::Png ? png_max_side / png_scale : format == Format::Pdf ? pdf_max_side_px : 0;
}

// Why one page cannot be written; `titles` name its events by index.
std::string check_page(const scene::Scene& s, const std::vector<std::string>& titles, Format format, double png_scale) {
  const std::string why = check_page_size(s.width, s.height, format, png_scale);
  if (why.empty()) return "";
  // The events past the side limit, or past the rows the pixel budget holds.
  const double limit = side_limit(format, png_scale);
  const bool side = limit > 0 && (s.width > limit || s.height > limit);
  const double rows = png_max_pixels / std::ceil(s.width * png_scale) / png_scale;  // in px of the page
  return "the picture is " + why + "; events that would not fit: " +
         (side ? events_beyond(s, titles, limit, limit) : events_beyond(s, titles, s.width, rows));
}

}  // namespace

std::string check_output_limits(const LayoutResult& laid, Format format, double png_scale) {
  if (laid.pages.empty() || format == Format::Json || format == Format::Html)
    return check_page(*laid.scene, laid.event_titles, format, png_scale);
  for (std::size_t k = 0; k < laid.pages.size(); ++k) {
    const scene::Scene& page = laid.pages[k];
    std::vector<std::string> titles;
    for (const scene::EventInfo& e : page.events) titles.push_back(e.title);
    if (std::string why = check_page(page, titles, format, png_scale); !why.empty())
      return "page " + std::to_string(k + 1) + ": " + why;
  }
  return "";
}

std::string check_page_size(double width, double height, Format format, double png_scale) {
  const auto px = [](double v) { return std::to_string(static_cast<long>(std::ceil(v))); };
  const std::string size = px(width) + "×" + px(height) + " px, ";
  if (const double limit = side_limit(format, png_scale); limit > 0 && (width > limit || height > limit))
    return size + "more than " + (format == Format::Png ? "PNG" : "PDF") + " allows (" +
           std::to_string(static_cast<long>(limit)) + " px a side" + (format == Format::Png ? " at this --scale" : "") + ")";
  const double pixels = std::ceil(width * png_scale) * std::ceil(height * png_scale);
  if (format == Format::Png && pixels > png_max_pixels)
    return size + std::to_string(static_cast<long>(pixels / 1e6)) + " million pixels at this --scale, more than " +
           "a PNG may hold (" + std::to_string(static_cast<long>(png_max_pixels / 1e6)) + " million)";
  return "";
}

std::string page_path(std::string_view path, int page) {
  const std::size_t slash = path.rfind('/');
  const std::size_t dot = path.rfind('.');
  const std::size_t at = dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash) || dot == slash + 1
                             ? path.size()
                             : dot;
  return std::string(path.substr(0, at)) + "-" + std::to_string(page) + std::string(path.substr(at));
}

}  // namespace factline
