#include <cmath>
#include <string>

#include "api/factline.hpp"
#include "core/utf8.hpp"

namespace factline {
namespace {

constexpr double png_max_side = 32767;      // Cairo image surfaces
constexpr double pdf_max_side_px = 19200;   // 14,400 pt: the largest page PDF viewers accept

std::string events_beyond(const scene::Scene& s, double limit_px) {
  std::string names;
  int count = 0;
  for (const auto& it : s.items) {
    if (it.role != "event-title" || (it.box.right() <= limit_px && it.box.bottom() <= limit_px)) continue;
    if (++count <= 5) names += (names.empty() ? "" : ", ") + std::to_string(it.event) + " \"" + utf8::escape_for_terminal(it.text) + "\"";
  }
  if (count > 5) names += ", and " + std::to_string(count - 5) + " more";
  return names;
}

}  // namespace

std::string check_output_limits(const scene::Scene& s, Format format, double png_scale) {
  const double limit = format == Format::Png ? png_max_side / png_scale : format == Format::Pdf ? pdf_max_side_px : 0;
  if (limit == 0 || (s.width <= limit && s.height <= limit)) return "";
  const std::string kind = format == Format::Png ? "PNG" : "PDF";
  return "the picture is " + std::to_string(static_cast<long>(std::ceil(s.width))) + "×" +
         std::to_string(static_cast<long>(std::ceil(s.height))) + " px, more than " + kind + " allows (" +
         std::to_string(static_cast<long>(limit)) + " px a side" + (format == Format::Png ? " at this --scale" : "") +
         "); events that would not fit: " + events_beyond(s, limit);
}

}  // namespace factline
