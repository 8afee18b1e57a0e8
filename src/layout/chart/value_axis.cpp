#include "layout/chart/value_axis.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "layout/shapes.hpp"
#include "layout/wording.hpp"

namespace factline::layout {
namespace {

NumberStyle without_unit(const model::Chart& chart) {
  NumberStyle s = chart.numbers;
  s.unit.clear();
  return s;
}

// English writes millions and more with a suffix, as desks do ("30B", "1.5M", "2T"): the
// largest power of a thousand at or under `magnitude`, from a million; none under it.
struct Compact {
  double scale = 1;
  const char* suffix = "";
};
std::optional<Compact> english_compact(const Context& ctx, double magnitude) {
  if (ctx.doc.locale != Locale::En || !std::isfinite(magnitude)) return std::nullopt;
  for (const Compact c : {Compact{1e12, "T"}, Compact{1e9, "B"}, Compact{1e6, "M"}})
    if (magnitude >= c.scale) return c;
  return std::nullopt;
}

// v in a compact unit, the style's decimals (or step) taken in that unit.
std::string compact_text(double v, const Compact& c, NumberStyle s) {
  if (s.step > 0) s.step /= c.scale;
  const std::string n = format_number(v / c.scale, Locale::En, s);
  return n == "0" ? n : n + c.suffix;
}

text::ShapedTextPtr shape_tick(const Context& ctx, const model::Chart& chart, const ValueAxis& axis, double v) {
  return ctx.shape(tick_text(ctx, chart, axis, v), ctx.theme().tick, 0, text::Wrap::Greedy, chart.loc);
}

}  // namespace

ValueAxis make_value_axis(double lo, double hi, int max_ticks, bool include_zero) {
  if (!(lo <= hi)) lo = 0, hi = 1;  // no values at all
  if (include_zero) lo = std::min(lo, 0.0), hi = std::max(hi, 0.0);
  if (lo == hi) {  // one value (zero, with include_zero): room around it
    const double pad = lo == 0 ? 1 : std::abs(lo) / 2;
    if (!include_zero) lo -= pad;
    hi += pad;
  }
  ValueAxis a;
  std::tie(a.lo, a.hi) = scale::nice_domain(lo, hi, max_ticks, include_zero);
  a.ticks = scale::nice_ticks(a.lo, a.hi, max_ticks);
  if (const auto step = scale::nice_step(a.lo, a.hi, max_ticks)) a.step = step->value();
  return a;
}

std::string tick_text(const Context& ctx, const model::Chart& chart, const ValueAxis& axis, double v) {
  NumberStyle s = without_unit(chart);
  s.step = axis.step;
  // Every tick in the unit of the largest, so they read as one scale ("0", "10B", "20B").
  if (const auto c = english_compact(ctx, std::max(std::abs(axis.lo), std::abs(axis.hi)))) return compact_text(v, *c, s);
  return format_number(v, ctx.doc.locale, s);
}

std::string value_text(const Context& ctx, const model::Chart& chart, double v) {
  if (const auto c = english_compact(ctx, std::abs(v))) {
    const NumberStyle s = without_unit(chart);
    // Auto decimals: at most one in the compact unit, none when it is zero ("1.2B", "30B").
    if (s.decimals == NumberStyle::auto_decimals) return compact_text(std::round(v / c->scale * 10) / 10 * c->scale, *c, s);
    return compact_text(v, *c, s);
  }
  return format_number(v, ctx.doc.locale, without_unit(chart));
}

double tick_labels_width(const Context& ctx, const model::Chart& chart, const ValueAxis& axis) {
  double w = 0;
  for (double v : axis.ticks) w = std::max(w, shape_tick(ctx, chart, axis, v)->width());
  return w;
}

void add_vertical_value_axis(const Context& ctx, const model::Chart& chart, const ValueAxis& axis,
                             const scale::LinearScale& y, double left, double right,
                             std::vector<scene::Item>& under, std::vector<scene::Item>& over) {
  const model::Theme& t = ctx.theme();
  for (double v : axis.ticks) {
    const double py = y(v);
    if (v != 0) under.push_back(line_item(role::grid, -1, {{left, py}, {right, py}}, {t.grid, t.grid_width, {}}));
    auto shaped = shape_tick(ctx, chart, axis, v);
    over.push_back(scene::text_item(role::tick_label, -1, tick_text(ctx, chart, axis, v), shaped,
                                    {left - t.tick_label_gap - shaped->width(), py - shaped->height() / 2},
                                    t.tick.color));
  }
  // Bars and areas grow from zero; a line chart's values may not reach it: the bottom then.
  const double base = y(axis.lo <= 0 && axis.hi >= 0 ? 0.0 : axis.lo);
  over.push_back(line_item(role::axis, -1, {{left, base}, {right, base}}, {t.axis, t.grid_width, {}}));
}

double add_horizontal_value_axis(const Context& ctx, const model::Chart& chart, const ValueAxis& axis,
                                 const scale::LinearScale& x, double top, double bottom,
                                 std::vector<scene::Item>& under, std::vector<scene::Item>& over) {
  const model::Theme& t = ctx.theme();
  double below = bottom;
  for (double v : axis.ticks) {
    const double px = x(v);
    if (v != 0) under.push_back(line_item(role::grid, -1, {{px, top}, {px, bottom}}, {t.grid, t.grid_width, {}}));
    auto shaped = shape_tick(ctx, chart, axis, v);
    over.push_back(scene::text_item(role::tick_label, -1, tick_text(ctx, chart, axis, v), shaped,
                                    {px - shaped->width() / 2, bottom + t.tick_label_gap}, t.tick.color));
    below = std::max(below, over.back().box.bottom());
  }
  const double base = x(axis.lo <= 0 && axis.hi >= 0 ? 0.0 : axis.lo);
  over.push_back(line_item(role::axis, -1, {{base, top}, {base, bottom}}, {t.axis, t.grid_width, {}}));
  return below;
}

double add_value_axis_title(const Context& ctx, const model::Chart& chart, Point at, std::vector<scene::Item>& items) {
  const std::string title = value_axis_title(chart.y_title, chart.numbers.unit, ctx.doc.locale);
  if (title.empty()) return at.y;
  const model::Theme& t = ctx.theme();
  items.push_back(ctx.text(role::axis_title, -1, title, t.axis_title, ctx.width - t.margin - at.x, text::Wrap::Greedy,
                           chart.loc, at));
  return items.back().box.bottom();
}

}  // namespace factline::layout
