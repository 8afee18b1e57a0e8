#pragma once
// What the horizontal and vertical layouts share: the days each event covers, the point events
// in time order, the spans in start order, the axis domain and its breaks, and the label
// blocks, measured once.
#include <optional>
#include <utility>
#include <vector>

#include "calendar/date.hpp"
#include "layout/context.hpp"
#include "layout/label_block.hpp"
#include "model/time.hpp"
#include "scale/time_scale.hpp"

namespace factline::layout {

struct TimelineInput {
  std::vector<model::EventDays> extents;  // per event: the days it covers (the document's time)
  std::vector<int> points;        // point events, in time order (ties: fact-file order)
  std::vector<int> ranges;        // spans, in start order (eras excluded)
  std::vector<int> eras;          // eras, in start order
  std::vector<LabelBlock> blocks; // per event; none when not asked for (level of detail)
  calendar::Days first = 0, last = 0;  // the axis domain, a little past the events
  std::vector<scale::Gap> breaks;  // long empty stretches drawn as axis breaks
};

// label_width: the width point events' labels wrap at. `shared`: an axis domain given from
// outside (a composite page's common time range), drawn without axis breaks.
// `blocks`: shape every event's label block (level of detail measures and shapes its own).
TimelineInput prepare_timeline(const Context& ctx, double label_width,
                               const std::optional<std::pair<calendar::Days, calendar::Days>>& shared = std::nullopt,
                               bool blocks = true);

}  // namespace factline::layout
