#include "render/svg_finish.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "core/xml.hpp"

namespace factline::render {
namespace {

std::uint32_t fnv1a(std::string_view s) {
  std::uint32_t h = 2166136261u;
  for (unsigned char c : s) h = (h ^ c) * 16777619u;
  return h;
}

// One pass, into a new string: replacing in place would move the tail every time (quadratic).
std::string with_prefixed_ids(std::string_view svg, const std::string& prefix) {
  static constexpr std::string_view marks[] = {"id=\"", "href=\"#", "url(#"};
  std::string out;
  out.reserve(svg.size() + svg.size() / 8);
  std::size_t at = 0, pos[3];
  for (int m = 0; m < 3; ++m) pos[m] = svg.find(marks[m]);
  while (true) {
    const int m = static_cast<int>(std::min_element(pos, pos + 3) - pos);
    if (pos[m] == std::string_view::npos) break;
    out.append(svg.substr(at, pos[m] + marks[m].size() - at));
    out += prefix;
    at = pos[m] + marks[m].size();
    for (int k = 0; k < 3; ++k)  // each mark is searched for once per occurrence
      if (pos[k] != std::string_view::npos && pos[k] < at) pos[k] = svg.find(marks[k], at);
  }
  out.append(svg.substr(at));
  return out;
}

// Cairo numbers an SVG's surfaces ("surface406") by a counter of the whole process, so the same
// picture would come out different after other pictures were drawn (factline build renders
// many in one process). They are renumbered by first appearance: 1, 2, …
std::string with_stable_surface_ids(std::string_view svg) {
  static constexpr std::string_view mark = "surface";
  std::vector<std::string_view> seen;
  std::string out;
  out.reserve(svg.size());
  std::size_t at = 0;
  for (std::size_t pos = svg.find(mark); pos != std::string_view::npos; pos = svg.find(mark, pos + 1)) {
    const bool id = pos >= 4 && svg.substr(pos - 4, 4) == "id=\"";
    const bool ref = pos >= 1 && svg[pos - 1] == '#';
    std::size_t end = pos + mark.size();
    while (end < svg.size() && svg[end] >= '0' && svg[end] <= '9') ++end;
    if (!(id || ref) || end == pos + mark.size()) continue;
    const std::string_view number = svg.substr(pos + mark.size(), end - pos - mark.size());
    auto it = std::find(seen.begin(), seen.end(), number);
    if (it == seen.end()) it = seen.insert(seen.end(), number);
    out.append(svg.substr(at, pos + mark.size() - at));
    out += std::to_string(it - seen.begin() + 1);
    at = end;
  }
  out.append(svg.substr(at));
  return out;
}

}  // namespace

std::string finish_svg(std::string_view cairo_svg, std::string_view title, std::string_view desc,
                       std::string_view language) {
  const std::string stable = with_stable_surface_ids(cairo_svg);
  char prefix[16];
  std::snprintf(prefix, sizeof prefix, "fl%08x-", fnv1a(stable));
  const std::string p = prefix;
  std::string svg = with_prefixed_ids(stable, p);

  const std::size_t open = svg.find("<svg");
  const std::size_t close = open == std::string::npos ? open : svg.find('>', open);
  if (close == std::string::npos) return svg;
  std::string head = " role=\"img\" aria-labelledby=\"" + p + "title" +
                     (desc.empty() ? "" : " " + p + "desc") + "\"";
  if (!language.empty()) head += " xml:lang=\"" + xml_escape(language) + "\"";
  std::string meta = "\n<title id=\"" + p + "title\">" + xml_escape(title) + "</title>";
  if (!desc.empty()) meta += "\n<desc id=\"" + p + "desc\">" + xml_escape(desc) + "</desc>";
  svg.insert(close + 1, meta);
  svg.insert(close, head);
  return svg;
}

}  // namespace factline::render
