#include "layout/timeline/timeline_input.hpp"

#include <algorithm>
#include <numeric>
#include <tuple>

#include "layout/time_extent.hpp"

namespace factline::layout {

using calendar::Days;

namespace {

constexpr std::size_t max_breaks = 4;  // more would make the axis hard to read
// A break stops short of the marks on either side by this share of its gap (and a day), so
// marks never touch a break.
constexpr Days break_margin_share = 20;

// Stretches that no event (nor as_of's last day) covers become axis breaks, largest first, while
// one is longer than break_share of the time still drawn to scale (at most max_breaks).
std::vector<scale::Gap> find_breaks(const TimelineInput& in, std::optional<Days> as_of, double share) {
  std::vector<std::pair<Days, Days>> cover;
  for (const auto& x : in.extents) cover.emplace_back(x.first, x.end);
  if (as_of) cover.emplace_back(*as_of - 1, *as_of);  // as_of's last day
  std::sort(cover.begin(), cover.end());
  std::vector<scale::Gap> empty;
  Days reach = cover.empty() ? 0 : cover[0].second;
  for (std::size_t k = 1; k < cover.size(); ++k) {
    if (cover[k].first > reach) {
      const Days margin = (cover[k].first - reach) / break_margin_share + 1;
      if (cover[k].first - reach > 2 * margin) empty.push_back({reach + margin, cover[k].first - margin});
    }
    reach = std::max(reach, cover[k].second);
  }
  std::sort(empty.begin(), empty.end(), [](const auto& a, const auto& b) { return a.end - a.first > b.end - b.first; });
  double drawn = static_cast<double>(in.last - in.first);
  std::vector<scale::Gap> gaps;
  for (const scale::Gap& g : empty) {
    const auto len = static_cast<double>(g.end - g.first);
    if (gaps.size() == max_breaks || len <= share * drawn) break;
    gaps.push_back(g);
    drawn -= len;
  }
  std::sort(gaps.begin(), gaps.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return gaps;
}

}  // namespace

TimelineInput prepare_timeline(const Context& ctx, double label_width,
                               const std::optional<std::pair<Days, Days>>& shared, bool blocks) {
  const model::Document& doc = ctx.doc;
  TimelineInput in;
  in.extents = ctx.time.events();
  std::tie(in.first, in.last) = shared.value_or(timeline_domain(ctx.time));
  if (doc.axis_breaks && !shared) in.breaks = find_breaks(in, ctx.time.as_of(), ctx.theme().break_share);
  for (std::size_t i = 0; i < doc.events.size(); ++i) {
    (doc.events[i].era ? in.eras : doc.events[i].is_span ? in.ranges : in.points).push_back(static_cast<int>(i));
    if (blocks) in.blocks.push_back(make_label_block(ctx, static_cast<int>(i), label_width));
  }
  std::stable_sort(in.points.begin(), in.points.end(),
                   [&](int a, int b) { return in.extents[a].mid() < in.extents[b].mid(); });
  const auto by_start = [&](int a, int b) { return in.extents[a].first < in.extents[b].first; };
  std::stable_sort(in.ranges.begin(), in.ranges.end(), by_start);
  std::stable_sort(in.eras.begin(), in.eras.end(), by_start);
  return in;
}

}  // namespace factline::layout
