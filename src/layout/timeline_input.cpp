#include "layout/timeline_input.hpp"

#include <algorithm>
#include <numeric>


namespace factline::layout {

using calendar::Days;

TimelineInput prepare_timeline(const Context& ctx, double label_width) {
  const model::Document& doc = ctx.doc;
  TimelineInput in;
  if (doc.as_of) in.as_of = calendar::first_day(*doc.as_of);
  Days lo = in.as_of.value_or(0), hi = in.as_of ? *in.as_of + 1 : 0;
  bool any = in.as_of.has_value();
  for (const auto& e : doc.events) {
    const Days first = calendar::first_day(e.date);
    const Days end = e.is_span && e.end ? calendar::end_day(*e.end) : calendar::end_day(e.date);
    lo = any ? std::min(lo, first) : first;
    hi = any ? std::max(hi, end) : end;
    any = true;
    in.extents.push_back({first, end, e.is_span && !e.end});
  }
  // Ongoing spans run to the reference date, or else to the last date in the file.
  for (auto& x : in.extents)
    if (x.open) x.end = std::max(x.first + 1, in.as_of ? *in.as_of + 1 : hi);
  const Days pad = std::max<Days>(1, (hi - lo) / 40);
  in.first = lo - pad;
  in.last = hi + pad;

  for (std::size_t i = 0; i < doc.events.size(); ++i) {
    (doc.events[i].is_span ? in.ranges : in.points).push_back(static_cast<int>(i));
    in.blocks.push_back(make_label_block(ctx, static_cast<int>(i), label_width));
  }
  std::stable_sort(in.points.begin(), in.points.end(),
                   [&](int a, int b) { return in.extents[a].mid() < in.extents[b].mid(); });
  std::stable_sort(in.ranges.begin(), in.ranges.end(),
                   [&](int a, int b) { return in.extents[a].first < in.extents[b].first; });
  return in;
}

}  // namespace factline::layout
