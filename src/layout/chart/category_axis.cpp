// Category labels under columns or points: wrapped between words to their slot, thinned to
// every k-th label when they would not fit.
#include <algorithm>
#include <string_view>

#include "layout/chart/chart_parts.hpp"

namespace factline::layout {
namespace {

constexpr int max_category_lines = 2;  // more reads as a column of words, not a label

// Whether the label fits `width`: no word wider than it (it would be split), few lines. One word
// that fits is one line: no wrapping to try (a 1,000,000-point axis tries thousands of widths).
bool fits(const Context& ctx, const model::XValue& x, double width) {
  const model::TextRole& role = ctx.theme().category;
  const std::string_view label = x.label;
  int words = 0;
  for (std::size_t at = 0; at < label.size();) {
    const std::size_t start = label.find_first_not_of(" \t\n\r\f\v", at);
    if (start == std::string_view::npos) break;
    const std::size_t end = std::min(label.find_first_of(" \t\n\r\f\v", start), label.size());
    if (ctx.word_width(label.substr(start, end - start), role, x.loc) > width) return false;
    ++words;
    at = end;
  }
  if (words <= 1) return true;
  return ctx.shape(x.label, role, width, text::Wrap::Balanced, x.loc)->lines().size() <= max_category_lines;
}

}  // namespace

bool category_labels_fit(const Context& ctx, const model::Chart& chart, double slot, int every) {
  for (std::size_t i = 0; i < chart.x.size(); i += static_cast<std::size_t>(every))
    if (!fits(ctx, chart.x[i], slot * every - ctx.theme().tick_label_gap)) return false;
  return true;
}

double add_category_labels(const Context& ctx, const model::Chart& chart, const std::vector<double>& xs,
                           double slot, const ChartFrame& frame, double y, std::vector<scene::Item>& items) {
  const model::Theme& t = ctx.theme();
  const int n = static_cast<int>(chart.x.size());
  int every = 1;
  while (every < n && !category_labels_fit(ctx, chart, slot, every)) ++every;
  // A label gets the room of the slots it stands for, less a gap to its neighbours.
  const double width = slot * every - t.tick_label_gap;
  double bottom = y;
  for (int i = 0; i < n; i += every) {
    const model::XValue& x = chart.x[static_cast<std::size_t>(i)];
    auto shaped = ctx.shape(x.label, t.category, width, text::Wrap::Balanced, x.loc);
    const double left = std::clamp(xs[static_cast<std::size_t>(i)] - shaped->width() / 2, frame.plot_left,
                                   std::max(frame.plot_left, frame.plot_right - shaped->width()));
    items.push_back(scene::text_item(role::tick_label, -1, x.label, shaped, {left, y}, t.category.color));
    bottom = std::max(bottom, items.back().box.bottom());
  }
  return bottom;
}

double add_x_title(const Context& ctx, const model::Chart& chart, const ChartFrame& frame, double y,
                   std::vector<scene::Item>& items) {
  if (chart.x_title.empty()) return y;
  const model::Theme& t = ctx.theme();
  auto shaped = ctx.shape(chart.x_title, t.axis_title, frame.plot_right - frame.plot_left, text::Wrap::Greedy, chart.loc);
  items.push_back(scene::text_item(role::axis_title, -1, chart.x_title, shaped,
                                   {(frame.plot_left + frame.plot_right - shaped->width()) / 2, y + t.header_gap},
                                   t.axis_title.color));
  return items.back().box.bottom();
}

}  // namespace factline::layout
