#include "load/template_keys.hpp"

#include <charconv>
#include <iterator>

#include "load/template.hpp"
#include "model/document.hpp"

namespace factline::load::template_keys {
namespace {

using model::Theme;

constexpr Range page{model::min_page_px, model::max_page_px, false};
constexpr Range share{0, 1, true};
constexpr Range factor{0, 10, false};
constexpr Range alpha{0, 255, false};
constexpr Range ticks{2, 100, false};

const Key table[] = {
    {"width", &Theme::width, page},
    {"margin", &Theme::margin, gap},
    {"background", &Theme::background},
    {"axis", &Theme::axis},
    {"grid", &Theme::grid},
    {"band", &Theme::band},
    {"leader", &Theme::leader},
    {"axis_band", &Theme::axis_band},
    {"as_of", &Theme::as_of},
    {"lane_fill", &Theme::lane_fill},
    {"era_fill", &Theme::era_fill},
    {"accent", &Theme::accent},
    {"palette", &Theme::palette},
    {"marker_shapes", &Theme::marker_shapes},
    {"title", &Theme::title},
    {"subtitle", &Theme::subtitle},
    {"event_date", &Theme::event_date},
    {"event_title", &Theme::event_title},
    {"event_text", &Theme::event_text},
    {"tick", &Theme::tick},
    {"tick_major", &Theme::tick_major},
    {"note", &Theme::note},
    {"as_of_label", &Theme::as_of_label},
    {"span_label", &Theme::span_label},
    {"group", &Theme::group},
    {"legend", &Theme::legend},
    {"source", &Theme::source},
    {"credit", &Theme::credit},
    {"axis_title", &Theme::axis_title},
    {"category", &Theme::category},
    {"value_label", &Theme::value_label},
    {"series_label", &Theme::series_label},
    {"panel_title", &Theme::panel_title},
    {"header_gap", &Theme::header_gap, gap},
    {"header_bottom", &Theme::header_bottom, gap},
    {"footer_top", &Theme::footer_top, gap},
    {"label_width", &Theme::label_width, length},
    {"label_gap", &Theme::label_gap, gap},
    {"label_inner_gap", &Theme::label_inner_gap, gap},
    {"flag_pad", &Theme::flag_pad, gap},
    {"stem_spacing", &Theme::stem_spacing, gap},
    {"leader_channel", &Theme::leader_channel, gap},
    {"max_nudge_factor", &Theme::max_nudge_factor, factor},
    {"marker_radius", &Theme::marker_radius, length},
    {"marker_stroke", &Theme::marker_stroke, gap},
    {"stem_width", &Theme::stem_width, length},
    {"date_tick_width", &Theme::date_tick_width, length},
    {"as_of_width", &Theme::as_of_width, length},
    {"as_of_dash", &Theme::as_of_dash, length},
    {"tentative_dash", &Theme::tentative_dash, length},
    {"axis_width", &Theme::axis_width, length},
    {"tick_length", &Theme::tick_length, length},
    {"tick_label_gap", &Theme::tick_label_gap, gap},
    {"band_height", &Theme::band_height, length},
    {"axis_band_pad", &Theme::axis_band_pad, gap},
    {"max_ticks", &Theme::max_ticks, ticks},
    {"span_height", &Theme::span_height, length},
    {"span_pad", &Theme::span_pad, gap},
    {"span_edge_width", &Theme::span_edge_width, length},
    {"span_alpha", &Theme::span_alpha, alpha},
    {"vertical_span_width", &Theme::vertical_span_width, length},
    {"lane_gap", &Theme::lane_gap, gap},
    {"group_gutter", &Theme::group_gutter, length},
    {"axis_break", &Theme::axis_break, length},
    {"break_share", &Theme::break_share, share},
    {"legend_swatch", &Theme::legend_swatch, length},
    {"legend_gap", &Theme::legend_gap, gap},
    {"plot_height", &Theme::plot_height, length},
    {"bar_width", &Theme::bar_width, length},
    {"column_width", &Theme::column_width, length},
    {"bar_gap", &Theme::bar_gap, {0, 0.9, false}},
    {"category_share", &Theme::category_share, share},
    {"line_width", &Theme::line_width, length},
    {"point_radius", &Theme::point_radius, gap},
    {"grid_width", &Theme::grid_width, length},
    {"area_alpha", &Theme::area_alpha, alpha},
    {"value_ticks", &Theme::value_ticks, ticks},
};

// Keys of a template besides the Theme's: `text` sets every text role at once; `appearance` and
// `dark` (the dark template) are read with the references (template.cpp).
constexpr std::string_view extra_keys[] = {"description", "extends", "text", "appearance", "dark"};

}  // namespace

std::string Range::describe() const {
  return lo_open ? "more than " + format_number(lo) + " and at most " + format_number(hi)
                 : "between " + format_number(lo) + " and " + format_number(hi);
}

std::span<const Key> keys() { return table; }

std::vector<TextRoleKey> text_roles() {
  std::vector<TextRoleKey> out;
  for (const Key& k : table)
    if (const auto* role = std::get_if<model::TextRole Theme::*>(&k.field)) out.push_back({k.name, *role});
  return out;
}

std::vector<std::string_view> known_keys() {
  std::vector<std::string_view> out;
  for (const Key& k : table) out.push_back(k.name);
  out.insert(out.end(), std::begin(extra_keys), std::end(extra_keys));
  return out;
}

std::vector<std::string> missing_keys(const std::set<std::string>& given) {
  std::vector<std::string> out;
  for (const Key& k : table) {
    if (!std::holds_alternative<model::TextRole Theme::*>(k.field)) {
      if (!given.contains(std::string(k.name))) out.emplace_back(k.name);
      continue;
    }
    std::vector<std::string> fields;
    for (std::string_view f : role_keys)
      if (!given.contains(std::string(k.name) + "." + std::string(f))) fields.push_back(std::string(k.name) + "." + std::string(f));
    if (fields.size() == std::size(role_keys))
      out.emplace_back(k.name);
    else
      out.insert(out.end(), fields.begin(), fields.end());
  }
  return out;
}

std::string format_number(double v) {
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

}  // namespace factline::load::template_keys

namespace factline::load {

std::vector<std::string_view> theme_keys() {
  std::vector<std::string_view> out;
  for (const template_keys::Key& k : template_keys::keys()) out.push_back(k.name);
  return out;
}

}  // namespace factline::load
