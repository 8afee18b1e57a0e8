#include "render/svg_finish.hpp"

#include <cstdint>
#include <cstdio>

#include "core/xml.hpp"

namespace factline::render {
namespace {

std::uint32_t fnv1a(std::string_view s) {
  std::uint32_t h = 2166136261u;
  for (unsigned char c : s) h = (h ^ c) * 16777619u;
  return h;
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

}  // namespace

std::string finish_svg(std::string_view cairo_svg, std::string_view title, std::string_view desc,
                       std::string_view language) {
  std::string svg(cairo_svg);
  char prefix[16];
  std::snprintf(prefix, sizeof prefix, "fl%08x-", fnv1a(svg));
  const std::string p = prefix;
  replace_all(svg, "id=\"", "id=\"" + p);
  replace_all(svg, "href=\"#", "href=\"#" + p);
  replace_all(svg, "url(#", "url(#" + p);

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
