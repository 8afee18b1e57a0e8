// One self-contained HTML page: the SVG inline, the title and source, and a table of every
// event, which is the chart's long description for screen readers and, when the timeline is
// too dense for every label, the place where every event can be read (docs/embedding.md).
#include <string>
#include <string_view>

#include "core/xml.hpp"
#include "render/render.hpp"
#include "scene/roles.hpp"

namespace factline::render {
namespace {

struct Words {
  std::string_view events, date, title, text, source, link;
};

// The table's words in the document's language; English for any other.
const Words& words(std::string_view language) {
  static const Words ko{"사건", "날짜", "제목", "내용", "출처", "링크"};
  static const Words ja{"出来事", "日付", "タイトル", "内容", "出典", "リンク"};
  static const Words zh{"事件", "日期", "标题", "内容", "来源", "链接"};
  static const Words en{"Events", "Date", "Title", "Text", "Source", "Link"};
  return language == "ko" ? ko : language == "ja" ? ja : language == "zh" ? zh : en;
}

std::string_view drawn_text(const scene::Scene& scene, std::string_view role) {
  for (const scene::Item& it : scene.items)
    if (it.role == role && it.type == scene::ItemType::Text) return it.text;
  return {};
}

// The page's own look.
constexpr std::string_view style =
    "body{margin:0;font-family:Pretendard,\"Noto Sans CJK KR\",system-ui,sans-serif;line-height:1.5;color:#1a1a1a;"
    "background:#fff}\n"
    "main{max-width:1200px;margin:0 auto;padding:1.5rem 1rem}\n"
    "figure{margin:0}figure svg{display:block;width:100%;height:auto}\n"
    "figcaption{color:#555;font-size:.9rem;margin-top:.5rem}\n"
    "table{border-collapse:collapse;width:100%;margin-top:2rem;font-size:.95rem}\n"
    "caption{text-align:left;font-weight:700;font-size:1.1rem;margin-bottom:.5rem}\n"
    "th,td{text-align:left;vertical-align:top;padding:.4rem .6rem;border-bottom:1px solid #ddd}\n"
    "thead th{white-space:nowrap}td a{color:#0550ae;word-break:break-all}\n";
// With a chart that has dark colours too (appearance auto), the page follows the reader's system.
constexpr std::string_view dark_style =
    "@media (prefers-color-scheme:dark){body{color:#e8e8e8;background:#121212}figcaption{color:#aaa}"
    "th,td{border-color:#333}td a{color:#7cb7ff}}\n";

}  // namespace

std::string to_html(const scene::Scene& scene, const SvgOptions& options, const scene::Scene* dark) {
  const Words& w = words(scene.language);
  std::string svg = to_svg(scene, options, dark);
  if (svg.starts_with("<?xml")) svg.erase(0, svg.find('\n') + 1);  // no declaration inside HTML
  std::string out = "<!DOCTYPE html>\n<html";
  if (!scene.language.empty()) out += " lang=\"" + xml_escape(scene.language) + "\"";
  out += ">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta name=\"generator\" content=\"factline\">\n";
  out += "<title>" + xml_escape(scene.title) + "</title>\n<style>\n";
  out += style;
  if (dark) out += dark_style;
  out += "</style>\n</head>\n<body>\n<main>\n<figure>\n";
  out += svg;
  const std::string_view source = drawn_text(scene, scene::role::source);
  const std::string_view credit = drawn_text(scene, scene::role::credit);
  if (!source.empty() || !credit.empty()) {
    out += "<figcaption>" + xml_escape(source);
    if (!source.empty() && !credit.empty()) out += " · ";
    out += xml_escape(credit) + "</figcaption>\n";
  }
  out += "</figure>\n";
  if (!scene.events.empty()) {
    out += "<table>\n<caption>";
    out += w.events;
    out += "</caption>\n<thead><tr>";
    for (std::string_view h : {w.date, w.title, w.text, w.source, w.link})
      ((out += "<th scope=\"col\">") += h) += "</th>";
    out += "</tr></thead>\n<tbody>\n";
    for (const scene::EventInfo& e : scene.events) {
      out += "<tr><td>" + xml_escape(e.date) + "</td><th scope=\"row\">" + xml_escape(e.title) + "</th><td>" +
             xml_escape(e.text) + "</td><td>" + xml_escape(e.source) + "</td><td>";
      if (!e.link.empty()) out += "<a href=\"" + xml_escape(e.link) + "\">" + xml_escape(e.link) + "</a>";
      out += "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n";
  }
  out += "</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace factline::render
