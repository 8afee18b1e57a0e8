// One track of a horizontal timeline: markers nudged apart around their dates, flags placed,
// spans packed into lanes with their labels, and the extent of all of it.
#include "layout/timeline/track.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "layout/fixture.hpp"
#include "layout/shapes.hpp"

namespace factline::test {
namespace {

// A document with its time, a layout context and the timeline input, for one test.
struct TrackSetup {
  explicit TrackSetup(const std::string& yaml)
      : doc(parse_doc(yaml)), time(doc), ctx{doc, time, shaper(), diagnostics, doc.theme.width, {}},
        in(layout::prepare_timeline(ctx, doc.theme.label_width)), geo(ctx, in),
        scale(in.first, in.last, 100, 1100, in.breaks, doc.theme.axis_break) {}
  model::Document doc;
  model::DocumentTime time;
  Diagnostics diagnostics;
  layout::Context ctx;
  layout::TimelineInput in;
  layout::TrackGeometry geo;
  scale::TimeScale scale;
};

std::vector<layout::SpanLabel> span_labels(const TrackSetup& s, const std::vector<int>& ranges) {
  std::vector<layout::SpanLabel> out;
  for (int i : ranges) out.push_back(layout::make_span_label(s.ctx, i));
  return out;
}

}  // namespace

TEST_CASE("a track nudges close markers apart around their dates and flags each one") {
  const TrackSetup s(
      "title: t\nevents:\n"
      "  - {date: 2024-06-24, title: 가}\n  - {date: 2024-06-25, title: 나}\n"
      "  - {date: 2024-06-27, title: 다}\n  - {date: 2022-01-05, title: 라}\n");
  const layout::Track track{-1, s.in.points, {}, true};
  const layout::TrackPlacement p = s.geo.place(track, {}, s.scale, layout::no_budget);
  REQUIRE(p.markers.size() == 4);
  const double spacing = layout::marker_spacing(s.doc.theme);
  double nudge = 0;
  for (std::size_t k = 0; k < p.markers.size(); ++k) {
    CHECK(p.exact[k] == doctest::Approx(s.scale(s.in.extents[track.points[k]].mid())));
    if (k > 0) CHECK(p.markers[k] - p.markers[k - 1] >= spacing - 1e-9);
    nudge = std::max(nudge, std::abs(p.markers[k] - p.exact[k]));
    CHECK(p.flags[k].stem <= p.markers[k]);
  }
  CHECK(nudge > 0);  // three dates within four days are closer than a marker
  CHECK(p.nudge == doctest::Approx(nudge));
  CHECK(p.lane_count == 0);
  CHECK(p.above + p.below > 0);
}

TEST_CASE("a track packs overlapping spans into as many lanes as overlap at once") {
  const TrackSetup s(
      "title: t\nevents:\n"
      "  - {start: 2020-01, end: 2021-06, title: 가}\n  - {start: 2020-09, end: 2022-03, title: 나}\n"
      "  - {start: 2021-03, end: 2021-12, title: 다}\n  - {start: 2023-01, end: 2023-03, title: 라}\n");
  const layout::Track track{-1, {}, s.in.ranges, false};
  const auto labels = span_labels(s, track.ranges);
  const layout::TrackPlacement p = s.geo.place(track, labels, s.scale, layout::no_budget);
  CHECK(p.lane_count == 3);  // March to June 2021: three at once
  REQUIRE(p.lanes.size() == 4);
  for (std::size_t a = 0; a < p.lanes.size(); ++a)
    for (std::size_t b = a + 1; b < p.lanes.size(); ++b)
      if (p.lanes[a] == p.lanes[b]) {
        const auto ia = s.geo.span_interval(s.scale, track.ranges[a], labels[a]);
        const auto ib = s.geo.span_interval(s.scale, track.ranges[b], labels[b]);
        CHECK((ia.end <= ib.start || ib.end <= ia.start));
      }
}

TEST_CASE("a span claims its label's room past its bar only when the label does not fit inside") {
  const TrackSetup s(
      "title: t\nevents:\n"
      "  - {start: 2000-01, end: 2020-12, title: 긴 기간}\n  - {start: 2021-01-01, end: 2021-01-02, title: 짧은 기간}\n");
  const auto labels = span_labels(s, s.in.ranges);
  for (std::size_t r = 0; r < s.in.ranges.size(); ++r) {
    const int i = s.in.ranges[r];
    const double x1 = s.scale(static_cast<double>(s.in.extents[i].end));
    const layout::Interval claim = s.geo.span_interval(s.scale, i, labels[r]);
    CHECK(claim.start == doctest::Approx(s.scale(static_cast<double>(s.in.extents[i].first))));
    if (s.doc.events[i].title == "긴 기간") CHECK(claim.end == doctest::Approx(x1));
    else CHECK(claim.end > x1 + labels[r].width);
  }
  CHECK(s.geo.lane_height(labels) >= std::max(labels[0].height, labels[1].height));
}

TEST_CASE("a track's extent covers every marker, label and span it places") {
  const TrackSetup s(
      "title: t\nevents:\n"
      "  - {date: 2024-01-02, title: 처음 사건의 제목이 조금 길다}\n  - {date: 2024-12-30, title: 마지막 사건}\n"
      "  - {start: 2024-03, end: 2024-05, title: 기간}\n");
  const layout::Track track{-1, s.in.points, s.in.ranges, false};
  const auto labels = span_labels(s, track.ranges);
  const layout::TrackPlacement p = s.geo.place(track, labels, s.scale, layout::no_budget);
  for (std::size_t k = 0; k < track.points.size(); ++k) {
    CHECK(p.left <= p.markers[k] - s.geo.marker_outer());
    CHECK(p.right >= p.flags[k].stem + s.doc.theme.flag_pad + s.in.blocks[track.points[k]].width);
  }
  const auto claim = s.geo.span_interval(s.scale, track.ranges[0], labels[0]);
  CHECK(p.left <= claim.start);
  CHECK(p.right >= claim.end);
}

}  // namespace factline::test
