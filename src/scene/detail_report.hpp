#pragma once
// The placement report of a timeline drawn at a level of detail (docs/scene-json.md, "detail"):
// for every event whether it was labelled (and how), joined a cluster mark or is only counted
// in the density strip. labelled + clustered + counted = events, always.
#include <cstdint>
#include <string>
#include <vector>

namespace factline::scene {

struct EventPlacement {
  enum class As { Labelled, Clustered, Counted, Era };  // Era: drawn as its band, not counted
  As as = As::Counted;
  bool short_title = false;  // labelled with its short title
  bool below = false;        // labelled below the axis (horizontal only)
  int row = 0;               // labelled: its row (vertical: column), 1 = nearest the axis
  int cluster = -1;          // clustered: the labelled event whose mark counts it
};

struct ClusterMark {
  int label = 0;  // the labelled event carrying "+count"
  int count = 0;  // events joined, the label's own not included
  std::string first, last;  // the period covered (ISO dates), the label's own date included
};

struct DetailReport {
  std::string mode;  // "auto" or "count"
  bool vertical = false;  // time runs down; labels in columns right of the axis (rows_above)
  int events = 0;  // eras excluded
  int labelled = 0, clustered = 0, counted = 0;
  int rows_above = 0, rows_below = 0;  // the row budget per side (vertical: columns, and 0)
  double cell = 0;                     // stem cell width, px
  std::int64_t objective = 0, bound = 0;
  std::vector<EventPlacement> status;  // per event, in fact-file order (eras included)
  std::vector<ClusterMark> clusters;   // in time order
  int hidden() const { return clustered + counted; }
};

}  // namespace factline::scene
