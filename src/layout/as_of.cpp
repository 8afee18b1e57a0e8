#include "layout/as_of.hpp"

#include <algorithm>

#include "layout/shapes.hpp"
#include "layout/wording.hpp"

namespace factline::layout {
namespace {

constexpr double vertical_label_drop = 2;  // px between a horizontal as-of line and its label

scene::Item as_of_line(const Context& ctx, Point a, Point b) {
  const model::Theme& t = ctx.theme();
  return line_item(role::as_of, -1, {a, b}, scene::Stroke{t.as_of, t.as_of_width, t.as_of_dash});
}

// The label's text, shaped, at top_left (or where place() puts it given its size).
template <typename Place>
scene::Item as_of_text(const Context& ctx, double max_width, Place place) {
  const model::Theme& t = ctx.theme();
  const std::string label = as_of_label(*ctx.time.as_of_date(), ctx.doc.locale);
  auto shaped = ctx.shape(label, t.as_of_label, max_width, text::Wrap::Greedy, {ctx.doc.file, 0, 0});
  const Point at = place(shaped->width(), shaped->height());
  return scene::text_item(role::as_of, -1, label, shaped, at, t.as_of_label.color);
}

// Where the as-of label's top-left goes on a horizontal band (see add_as_of_mark), and whether
// that is a row of its own; nothing without as_of or when the line falls off the band.
struct Spot {
  Point at;
  bool own_row = false;
};

std::optional<Spot> as_of_spot(const Context& ctx, const scale::TimeScale& scale, const AxisBand& band) {
  const std::optional<double> x = as_of_position(ctx, scale);
  if (!x || *x < band.x0 || *x > band.x1) return std::nullopt;
  const model::Theme& t = ctx.theme();
  const double pad = t.axis_band_pad, row = axis_band_height(ctx);
  const auto shaped = ctx.shape(as_of_label(*ctx.time.as_of_date(), ctx.doc.locale), t.as_of_label, 0, text::Wrap::Greedy,
                                {ctx.doc.file, 0, 0});
  const double w = shaped->width(), h = shaped->height();
  const double right = *x + pad, left = *x - pad - w;
  const std::vector<Rect> ticks = tick_areas(ctx, scale, band);
  for (double lx : {right, left}) {
    const Rect box = Rect{lx, band.top + (row - h) / 2, w, h}.inflated(pad);
    const bool free = lx >= band.x0 && lx + w <= band.x1 &&
                      std::none_of(ticks.begin(), ticks.end(), [&](const Rect& r) { return r.overlaps(box); });
    if (free) return Spot{{lx, box.y + pad}, false};
  }
  // Below the tick row and clear of the tick marks' stroke, which stop at the row's end.
  return Spot{{right + w > band.x1 ? left : right, band.top + row + t.axis_width}, true};
}

}  // namespace

double as_of_label_width(const Context& ctx, bool widest_word) {
  if (!ctx.time.as_of_date()) return 0;
  const std::string label = as_of_label(*ctx.time.as_of_date(), ctx.doc.locale);
  const auto width = [&](std::string_view s) {
    return ctx.shape(s, ctx.theme().as_of_label, 0, text::Wrap::Greedy, {ctx.doc.file, 0, 0})->width();
  };
  if (!widest_word) return width(label);
  double w = 0;
  for (std::size_t from = 0; from < label.size();) {
    const std::size_t space = std::min(label.find(' ', from), label.size());
    if (space > from) w = std::max(w, width(std::string_view(label).substr(from, space - from)));
    from = space + 1;
  }
  return w;
}

double time_axis_band_height(const Context& ctx, const scale::TimeScale& scale, double x0, double x1) {
  const double row = axis_band_height(ctx);
  const std::optional<Spot> spot = as_of_spot(ctx, scale, {x0, x1, 0, row});
  if (!spot || !spot->own_row) return row;
  const model::Theme& t = ctx.theme();
  return row + t.axis_width + ctx.shape("0", t.as_of_label, 0, text::Wrap::Greedy, {})->height() + t.axis_band_pad;
}

std::optional<double> as_of_position(const Context& ctx, const scale::TimeScale& scale) {
  if (!ctx.time.as_of()) return std::nullopt;
  return scale(static_cast<double>(*ctx.time.as_of()));
}

std::optional<Rect> add_as_of_mark(const Context& ctx, const scale::TimeScale& scale, const AxisBand& band, double y0,
                                   double y1, std::vector<scene::Item>& lines, std::vector<scene::Item>& labels) {
  const std::optional<Spot> spot = as_of_spot(ctx, scale, band);
  if (!spot) return std::nullopt;
  const double x = *as_of_position(ctx, scale);
  lines.push_back(as_of_line(ctx, {x, y0}, {x, y1}));
  labels.push_back(as_of_text(ctx, 0, [&](double, double) { return spot->at; }));
  return labels.back().box.inflated(ctx.theme().axis_band_pad);
}

std::optional<Rect> add_vertical_as_of_mark(const Context& ctx, const scale::TimeScale& scale, double x0, double x1,
                                            double label_x, double max_width, double resume_x,
                                            std::vector<scene::Item>& items) {
  const std::optional<double> y = as_of_position(ctx, scale);
  if (!y) return std::nullopt;
  items.push_back(as_of_line(ctx, {x0, *y}, {label_x + max_width, *y}));
  items.push_back(as_of_line(ctx, {resume_x, *y}, {x1, *y}));
  items.push_back(as_of_text(ctx, max_width, [&](double, double) { return Point{label_x, *y + vertical_label_drop}; }));
  return items.back().box;
}

}  // namespace factline::layout
