#include <cmath>
#include <string>
#include <vector>

#include "api/factline.hpp"
#include "core/utf8.hpp"

namespace factline {
namespace {

constexpr double png_max_side = 32767;      // Cairo image surfaces
constexpr double pdf_max_side_px = 19200;   // 14,400 pt: the largest page PDF viewers accept
constexpr int events_named = 5;             // the rest are counted

// The events with anything drawn past limit_px, by index and title.
std::string events_beyond(const LayoutResult& laid, double limit_px) {
  std::vector<bool> beyond(laid.event_titles.size());
  for (const auto& it : laid.scene->items)
    if (it.event >= 0 && static_cast<std::size_t>(it.event) < beyond.size() &&
        (it.box.right() > limit_px || it.box.bottom() > limit_px))
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
  const double limit = format == Format::Png ? png_max_side / png_scale : format == Format::Pdf ? pdf_max_side_px : 0;
  if (limit == 0 || (s.width <= limit && s.height <= limit)) return "";
  const std::string kind = format == Format::Png ? "PNG" : "PDF";
  return "the picture is " + std::to_string(static_cast<long>(std::ceil(s.width))) + "×" +
         std::to_string(static_cast<long>(std::ceil(s.height))) + " px, more than " + kind + " allows (" +
         std::to_string(static_cast<long>(limit)) + " px a side" + (format == Format::Png ? " at this --scale" : "") +
         "); events that would not fit: " + events_beyond(laid, limit);
}

}  // namespace factline
