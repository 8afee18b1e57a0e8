#include "layout/furniture.hpp"

#include <algorithm>

#include "layout/palette.hpp"
#include "layout/shapes.hpp"
#include "layout/wording.hpp"

namespace factline::layout {
namespace {

double content_width(const Context& ctx) { return ctx.width - 2 * ctx.theme().margin; }

std::string joined_sources(const model::Document& doc) {
  std::vector<std::string> seen;
  // "블룸버그, 글로벌타임스" names two sources; each is listed once, in order of appearance.
  auto add = [&](std::string_view list) {
    for (std::size_t start = 0; start <= list.size();) {
      std::size_t comma = list.find(',', start);
      if (comma == std::string_view::npos) comma = list.size();
      std::string_view s = list.substr(start, comma - start);
      while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
      while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
      if (!s.empty() && std::find(seen.begin(), seen.end(), s) == seen.end()) seen.emplace_back(s);
      start = comma + 1;
    }
  };
  add(doc.source);
  for (const auto& e : doc.events) add(e.source);
  std::string out;
  for (const auto& s : seen) out += (out.empty() ? "" : ", ") + s;
  return out;
}

}  // namespace

scene::Scene start_page(const model::Document& doc) {
  scene::Scene s;
  s.background = doc.theme.background;
  s.title = doc.title;
  s.description = doc.subtitle;  // not the title again: readers would hear it twice
  s.language = std::string(language_tag(doc.locale));
  s.source = doc.source;
  s.credit = doc.credit;
  for (const model::Event& e : doc.events)
    s.events.push_back({date_line(e, doc.locale), e.title, e.text,
                        e.source, e.link});
  return s;
}

double layout_header(const Context& ctx, std::vector<scene::Item>& items) {
  const model::Theme& t = ctx.theme();
  const model::Document& d = ctx.doc;
  items.push_back(ctx.text(role::title, -1, d.title, t.title, content_width(ctx), text::Wrap::Balanced,
                           d.title_loc, {t.margin, t.margin}));
  double y = items.back().box.bottom();
  if (!d.subtitle.empty()) {
    items.push_back(ctx.text(role::subtitle, -1, d.subtitle, t.subtitle, content_width(ctx),
                             text::Wrap::Greedy, d.subtitle_loc, {t.margin, y + t.header_gap}));
    y = items.back().box.bottom();
  }
  return y;
}

double layout_legend(const Context& ctx, double y, std::vector<scene::Item>& items) {
  std::vector<bool> used(ctx.doc.groups.size());
  for (const auto& e : ctx.doc.events)
    if (e.group >= 0) used[e.group] = true;
  std::vector<LegendEntry> entries;
  for (std::size_t g = 0; g < used.size(); ++g) {
    if (!used[g]) continue;
    const int gi = static_cast<int>(g);
    entries.push_back({ctx.doc.groups[g].label, group_color(ctx, gi), group_shape(ctx, gi), ctx.doc.groups[g].loc});
  }
  return layout_legend_entries(ctx, y, entries, items);
}

double layout_legend_entries(const Context& ctx, double y, const std::vector<LegendEntry>& entries,
                             std::vector<scene::Item>& items) {
  const model::Theme& t = ctx.theme();
  double x = t.margin, row_top = y + t.header_gap * 2, bottom = y;
  for (const LegendEntry& entry : entries) {
    auto shaped = ctx.shape(entry.label, t.legend, 0, text::Wrap::Greedy, entry.loc);
    const double w = t.legend_swatch + t.flag_pad / 2 + shaped->width();
    if (x > t.margin && x + w > ctx.width - t.margin) {
      x = t.margin;
      row_top = bottom + t.header_gap;
    }
    const double h = shaped->height();
    items.push_back(marker_item(role::legend_swatch, -1, {x + t.legend_swatch / 2, row_top + h / 2},
                                t.legend_swatch / 2, entry.color, std::nullopt));
    set_marker_shape(items.back(), entry.shape);
    items.push_back(scene::text_item(role::legend, -1, entry.label, shaped,
                                     {x + t.legend_swatch + t.flag_pad / 2, row_top}, t.legend.color));
    x += w + t.legend_gap;
    bottom = std::max(bottom, row_top + h);
  }
  return bottom;
}

double layout_footer(const Context& ctx, double y, std::vector<scene::Item>& items) {
  const model::Theme& t = ctx.theme();
  const model::Document& d = ctx.doc;
  const Locale l = d.locale;
  double credit_w = 0, bottom = y;
  if (!d.credit.empty()) {
    // As written: a credit carries its own words ("그래픽=김주원 기자", "Graphic: Jane Doe").
    auto shaped = ctx.shape(d.credit, t.credit, content_width(ctx) / 2, text::Wrap::Greedy, d.credit_loc);
    credit_w = shaped->width();
    items.push_back(scene::text_item(role::credit, -1, d.credit, shaped,
                                     {ctx.width - t.margin - credit_w, y}, t.credit.color));
    bottom = items.back().box.bottom();
  }
  const std::string sources = joined_sources(d);
  if (!sources.empty()) {
    const double w = content_width(ctx) - (credit_w > 0 ? credit_w + t.legend_gap : 0);
    items.push_back(ctx.text(role::source, -1, source_prefix(l) + sources, t.source, w, text::Wrap::Greedy,
                             d.source_loc, {t.margin, y}));
    bottom = std::max(bottom, items.back().box.bottom());
  }
  if (!d.note.empty()) {  // under the source line and the credit, the full width
    items.push_back(ctx.text(role::note, -1, d.note, t.note, content_width(ctx), text::Wrap::Greedy, d.note_loc,
                             {t.margin, bottom + t.header_gap}));
    bottom = items.back().box.bottom();
  }
  return bottom;
}

}  // namespace factline::layout
