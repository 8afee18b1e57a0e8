#pragma once
// Plain geometry in CSS px, origin top-left, y down.
#include <algorithm>
#include <limits>

namespace factline {

// Farther than any page reaches: the start of a running minimum, or "no limit".
inline constexpr double unbounded_px = std::numeric_limits<double>::infinity();

struct Point {
  double x = 0, y = 0;
  friend bool operator==(const Point&, const Point&) = default;
};

struct Rect {
  double x = 0, y = 0, w = 0, h = 0;

  double right() const { return x + w; }
  double bottom() const { return y + h; }
  bool empty() const { return w <= 0 || h <= 0; }
  // Open intersection: rectangles that only touch do not overlap.
  bool overlaps(const Rect& o) const {
    return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
  }
  bool contains(const Rect& o) const {
    return o.x >= x && o.y >= y && o.right() <= right() && o.bottom() <= bottom();
  }
  Rect inflated(double d) const { return {x - d, y - d, w + 2 * d, h + 2 * d}; }
  Rect united(const Rect& o) const {
    if (empty()) return o;
    if (o.empty()) return *this;
    const double l = std::min(x, o.x), t = std::min(y, o.y);
    return {l, t, std::max(right(), o.right()) - l, std::max(bottom(), o.bottom()) - t};
  }
  friend bool operator==(const Rect&, const Rect&) = default;
};

}  // namespace factline
