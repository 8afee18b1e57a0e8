#include "layout/timeline/detail.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "core/number_format.hpp"
#include "layout/as_of.hpp"
#include "layout/palette.hpp"
#include "layout/placement/label_selection.hpp"
#include "layout/shapes.hpp"
#include "layout/text_estimate.hpp"
#include "layout/timeline/eras.hpp"
#include "layout/timeline/vertical.hpp"
#include "layout/wording.hpp"

namespace factline::layout {
namespace {

constexpr int max_rows = 16;          // rows per side: more would be a wall of labels
constexpr int max_cells = 256;        // stem cells across the page: the selection's cost is cubic in them
constexpr double units = 64;          // selection units per px (integers: exact and deterministic)
constexpr int cluster_cells = 6;      // an unlabelled event joins a label within this many cells
constexpr double strip_height = 16;   // the density strip's tallest bar, px
constexpr double bracket_lane = 3;    // the cluster brackets' lane above the strip, px
constexpr double min_bin_px = 4;      // the strip's bins are at least this wide
constexpr double min_vertical_share = 0.4;  // vertical, `detail: N`: the axis is at least this share of the width
constexpr double date_tick_room = 8;  // vertical: between the strip and the markers, for true-date ticks
constexpr double end_room_share = 0.25;  // at most this share of the width is kept past the axis end for labels
constexpr calendar::Days bin_days[] = {1, 7, 30, 91, 365, 3652, 36525};

std::int64_t to_units(double px) { return std::llround(px * units); }

std::string iso_date(calendar::Days d) {
  const calendar::Date x = calendar::from_days(d);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", x.year, x.month, x.day);
  return buf;
}

std::string summary_line(int labelled, int n, Locale l) {
  const std::string shown = format_number(labelled, l), all = format_number(n, l);
  switch (l) {
    case Locale::Ko: return "사건 " + all + "건 중 " + shown + "건 표시";
    case Locale::Ja: return all + "件中" + shown + "件を表示";
    case Locale::Zh: return "共" + all + "个事件，显示" + shown + "个";
    case Locale::En: break;
  }
  return shown + " of " + all + " events labelled";
}

std::string strip_caption(int most, calendar::Days days, Locale l) {
  const std::string count = format_number(most, l), span = std::to_string(days);
  switch (l) {
    case Locale::Ko: return "막대: " + span + "일당 사건 수 (최대 " + count + "건)";
    case Locale::Ja: return "棒: " + span + "日あたりの件数（最大" + count + "件）";
    case Locale::Zh: return "柱: 每" + span + "天事件数（最多" + count + "个）";
    case Locale::En: break;
  }
  return "bars: events per " + (days == 1 ? std::string("day") : span + " days") + " (max " + count + ")";
}

class Detail {
 public:
  Detail(const Context& ctx, const TimelineInput& in, AxisInsets insets, double max_height, bool vertical)
      : ctx_(ctx), t_(ctx.theme()), in_(in), insets_(insets), max_height_(max_height), vertical_(vertical) {
    outer_ = marker_outer(t_);
    for (std::size_t i = 0; i < ctx.doc.events.size(); ++i)
      if (!ctx.doc.events[i].era) order_.push_back(static_cast<int>(i));
    // Time order: anchor day (a point's middle, a span's start), then fact-file order.
    std::stable_sort(order_.begin(), order_.end(), [&](int a, int b) { return anchor(a) < anchor(b); });
  }

  std::optional<Body> run();

 private:
  double anchor(int i) const {
    const model::EventDays& x = in_.extents[i];
    return ctx_.doc.events[i].is_span ? static_cast<double>(x.first) : x.mid();
  }
  double width_of(std::string_view s, const model::TextRole& style, const SourceLoc& loc) const {
    return s.empty() ? 0 : ctx_.shape(s, style, 0, text::Wrap::Greedy, loc)->width();
  }
  std::string date_line(int i) const { return ctx_.date_line(i); }
  std::string badge(int count) const { return "+" + std::to_string(count); }
  // The summary line and the strip's caption at `at`, wrapped to the page's right margin (on a
  // narrow page, over two lines or more). With `labelled` = n and the caption for the most
  // events and days there can be, each word is as wide as it can be: the lines are as many as
  // they can be, which the frame reserves.
  scene::Item summary(int labelled, Point at) const {
    return ctx_.text(role::detail_summary, -1, summary_line(labelled, static_cast<int>(order_.size()), ctx_.doc.locale),
                     t_.event_date, ctx_.width - t_.margin - at.x, text::Wrap::Greedy, {ctx_.doc.file, 0, 0}, at);
  }
  scene::Item caption(const std::string& text, Point at) const {
    return ctx_.text(role::density_caption, -1, text, t_.tick, ctx_.width - t_.margin - at.x, text::Wrap::Greedy,
                     {ctx_.doc.file, 0, 0}, at);
  }
  double caption_h(double x) const {
    return caption(strip_caption(static_cast<int>(order_.size()), bin_days[std::size(bin_days) - 1], ctx_.doc.locale), {x, 0}).box.h;
  }
  // A lane's height besides its rows: gaps above and below, the markers' zone, the brackets.
  double lane_extra() const { return 2 * t_.lane_gap + zone_ + 2 + bracket_lane; }
  // Lane j's group name for the gutter, from (0, 0).
  scene::Item lane_name(int j) const {
    const int g = lane_group_[j];
    const std::string name = g >= 0 ? ctx_.doc.groups[g].label : ungrouped_word(ctx_.doc.locale);
    const SourceLoc loc = g >= 0 ? ctx_.doc.groups[g].loc : SourceLoc{ctx_.doc.file, 0, 0};
    return ctx_.text(role::group, -1, name, t_.group, origin_ - t_.margin - t_.flag_pad, text::Wrap::Balanced, loc, {0, 0});
  }
  // Lane j's least height: its name, or the gaps, zone and brackets without rows.
  double lane_floor(int j) const { return std::max(lane_extra(), lane_name(j).box.h + 2 * t_.lane_gap); }
  double badge_w(int most) const {
    return most == 0 ? 0.0 : space_w_ + plus_w_ + digit_w_ * static_cast<double>(std::to_string(most).size());
  }
  // The date line with the largest "+N" the label could carry (time-order position k).
  double date_full(int k) const { return date_w_[order_[k]] + badge_w(near_[k]); }

  void measure();
  void choose_lanes();
  void frame_horizontal();
  void frame_vertical();
  void markers();
  // Weights, candidates in time order and the selection; sel_.must_missing: the importance-5
  // events it could not label.
  void select();
  // `detail: N`: the N heaviest labels.
  void cut_to_count();
  // The error naming the importance-5 events at time-order positions `ks` (the first five).
  void refuse_musts(const std::vector<int>& ks, const std::string& hint) const;
  bool end_axis_earlier();
  void assign();
  Body draw_horizontal();
  Body draw_vertical();
  // The label's title for a variant, wrapped at `wrap`: at most two lines, cut at a word with "…"
  // when longer (one long word: at a character).
  scene::Item title_item(int i, bool short_title, double wrap) const;
  // A chosen label's date line, its "+N" and its title, from (0, 0).
  std::vector<scene::Item> label_block(const SelectedLabel& l, double wrap) const;
  // The density strip's bins: every event counted once in the finest bin at least min_bin_px
  // long; returns the bin length in days.
  calendar::Days strip_bins(std::vector<int>& bins) const;
  // The bars of the strip along the axis: (start, end) px along the axis and the share of the
  // tallest bar, per non-empty bin, to `draw`; then the caption's text.
  template <class Draw> std::string add_strip(Draw draw) const;

  const Context& ctx_;
  const model::Theme& t_;
  const TimelineInput& in_;
  AxisInsets insets_;
  double max_height_;
  bool vertical_;
  double outer_ = 0;
  std::vector<int> order_;  // events (eras excluded) in time order

  // measure(): font metrics and cheap widths (per fact-file event; titles uncapped).
  double date_h_ = 0, title1_h_ = 0, title2_h_ = 0, plus_w_ = 0, digit_w_ = 0, space_w_ = 0;
  std::vector<double> title_w_, short_w_, date_w_;
  double median_extent_ = 0;  // a median label's length along the axis
  // The frame: the axis from a0_ to a1_ px along it, cells and rows; stems are measured from
  // origin_ and labels end before origin_ + wall_.
  std::optional<scale::TimeScale> sc_;
  double a0_ = 0, a1_ = 0, origin_ = 0, wall_ = 0, cell_px_ = 0;
  // The room kept past the axis's end for labels, and its least (end_axis_earlier).
  double end_room_ = 0, end_room_min_ = 0;
  int rows_ = 1;
  // Horizontal: the row pitch and the bands. Vertical: the column geometry.
  double pitch_ = 0, summary_h_ = 0, band_h_ = 0, strip_band_ = 0, zone_ = 0;
  double lift_ = 0, axis_x_ = 0, era_w_ = 0, bracket_x_ = 0, strip_x_ = 0, marker_x_ = 0,
         col0_ = 0, col_w_ = 0, col_pitch_ = 0;
  // Swimlanes (horizontal): per lane its group (−1: the ungrouped events) and rows; per
  // time-order position its lane (all 0 without lanes).
  bool lanes_ = false, no_lanes_ = false;
  std::vector<int> lane_group_, lane_rows_, lane_of_;
  // markers(): per time-order position, the marker along the axis and the events within reach
  // in its lane.
  std::vector<double> xs_;
  std::vector<int> near_;
  double radius_ = 0;
  // select() and assign().
  std::vector<LabelCandidate> cand_;
  SelectionOptions opt_;
  Selection sel_;
  scene::DetailReport report_;
  std::vector<int> members_;
  std::vector<double> lo_x_, hi_x_;
};

scene::Item Detail::title_item(int i, bool short_title, double wrap) const {
  const model::Event& e = ctx_.doc.events[i];
  const std::string& text = short_title ? e.short_title : e.title;
  const text::Wrap mode = short_title ? text::Wrap::Greedy : text::Wrap::Balanced;
  scene::Item it = ctx_.text(role::event_title, i, text, t_.event_title, wrap, mode, e.title_loc, {0, 0});
  if (it.shaped->lines().size() <= 2) return it;
  // Longer than two lines: the longest prefix ending at a word that fits two lines with "…",
  // else (one long word) the longest such prefix ending at a character; by binary search.
  auto longest_fitting = [&](const std::vector<std::size_t>& cuts) -> std::optional<scene::Item> {
    std::size_t lo = 0, hi = cuts.size();  // cuts[0, lo) fit; [hi, …) do not
    std::optional<scene::Item> best;
    while (lo < hi) {
      const std::size_t mid = (lo + hi) / 2;
      std::string cut = text.substr(0, cuts[mid]) + "…";
      std::replace(cut.begin(), cut.end(), '\n', ' ');
      scene::Item t = ctx_.text(role::event_title, i, cut, t_.event_title, wrap, mode, e.title_loc, {0, 0});
      if (t.shaped->lines().size() <= 2) {
        best = std::move(t);
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return best;
  };
  std::vector<std::size_t> words, chars;
  for (std::size_t k = 1; k < text.size(); ++k) {
    if ((text[k] == ' ' || text[k] == '\n') && text[k - 1] != ' ') words.push_back(k);
    if ((static_cast<unsigned char>(text[k]) & 0xC0) != 0x80) chars.push_back(k);
  }
  if (auto t = longest_fitting(words)) return *t;
  if (auto t = longest_fitting(chars)) return *t;
  return ctx_.text(role::event_title, i, "…", t_.event_title, wrap, text::Wrap::Greedy, e.title_loc, {0, 0});
}

std::vector<scene::Item> Detail::label_block(const SelectedLabel& l, double wrap) const {
  const int i = order_[l.event];
  const model::Event& e = ctx_.doc.events[i];
  const SourceLoc nowhere{ctx_.doc.file, 0, 0};
  std::vector<scene::Item> block;
  block.push_back(ctx_.text(role::event_date, i, date_line(i), t_.event_date, 0, text::Wrap::Greedy, e.loc, {0, 0}));
  if (members_[l.event] > 0)
    block.push_back(ctx_.text(role::cluster_count, i, badge(members_[l.event]), t_.event_date, 0, text::Wrap::Greedy,
                              nowhere, {block[0].box.w + space_w_, 0}));
  scene::Item title = title_item(i, l.variant == 1, wrap);
  move_item(title, {0, date_h_ + t_.label_inner_gap});
  block.push_back(std::move(title));
  return block;
}

// Metrics, from font metrics alone: a label is a date line and at most two title lines. Cheap
// widths (TextEstimate: each distinct word measured once for this layout, as titles and date
// lines repeat words). Only the chosen labels are shaped at full quality afterwards, never wider
// than measured here.
void Detail::measure() {
  const model::Document& doc = ctx_.doc;
  const SourceLoc nowhere{doc.file, 0, 0};
  date_h_ = ctx_.shape("0", t_.event_date, 0, text::Wrap::Greedy, nowhere)->height();
  title1_h_ = ctx_.shape("가", t_.event_title, 0, text::Wrap::Greedy, nowhere)->height();
  title2_h_ = ctx_.shape("가\n가", t_.event_title, 0, text::Wrap::Greedy, nowhere)->height();
  plus_w_ = width_of("+", t_.event_date, nowhere), digit_w_ = width_of("0", t_.event_date, nowhere);
  space_w_ = width_of("0 0", t_.event_date, nowhere) - 2 * digit_w_;
  TextEstimate title_words(ctx_, t_.event_title), date_words(ctx_, t_.event_date);
  title_w_.assign(doc.events.size(), 0), short_w_.assign(doc.events.size(), -1), date_w_.assign(doc.events.size(), 0);
  std::vector<double> extents;
  for (int i : order_) {
    const model::Event& e = doc.events[i];
    title_w_[i] = title_words.line_width(e.title, e.title_loc);
    if (!e.short_title.empty()) short_w_[i] = title_words.line_width(e.short_title, e.title_loc);
    date_w_[i] = date_words.line_width(date_line(i), e.loc);
    extents.push_back(vertical_ ? date_h_ + t_.label_inner_gap + (title_w_[i] <= t_.label_width ? title1_h_ : title2_h_)
                                : std::max(std::min(title_w_[i], t_.label_width), date_w_[i]) + t_.flag_pad);
  }
  std::nth_element(extents.begin(), extents.begin() + static_cast<std::ptrdiff_t>(extents.size() / 2), extents.end());
  median_extent_ = extents.empty() ? 0 : extents[extents.size() / 2];
}

// Horizontal: the axis between the margins, with room past its end for a label to hang right;
// rows above and below from what the height budget leaves after the summary line, the axis
// band, the strip and both sides' marker rows and leader channels.
void Detail::frame_horizontal() {
  const double gutter = lanes_ ? std::max(t_.group_gutter, insets_.left) : insets_.left;
  const double left = t_.margin + gutter, wall = ctx_.width - t_.margin - insets_.right;
  end_room_ = std::max(std::min(median_extent_, end_room_share * (wall - left)), end_room_min_);
  a0_ = left + outer_, a1_ = std::max(a0_ + 1, wall - end_room_);
  sc_.emplace(in_.first, in_.last, a0_, a1_, in_.breaks, t_.axis_break);
  origin_ = left, wall_ = wall - left;
  // A cell holds a marker with a pixel to spare: markers stand at their stems and never touch.
  cell_px_ = std::max({t_.stem_spacing, std::ceil(wall_ / max_cells), marker_spacing(t_)});
  pitch_ = date_h_ + t_.label_inner_gap + title2_h_ + t_.label_gap;
  summary_h_ = std::max(date_h_, summary(static_cast<int>(order_.size()), {left, 0}).box.h) + t_.label_gap;
  // The axis band, with the as-of label's own row under the ticks when it needs one.
  band_h_ = time_axis_band_height(ctx_, *sc_, (*sc_)(static_cast<double>(in_.first)), (*sc_)(static_cast<double>(in_.last)));
  strip_band_ = bracket_lane + 2 + strip_height + 2 + std::max(date_h_, caption_h(a0_)) + t_.axis_band_pad;
  zone_ = 2 * outer_ + t_.leader_channel;
  if (!lanes_) {
    const double fixed = summary_h_ + band_h_ + strip_band_ + 2 * zone_;
    rows_ = std::clamp(static_cast<int>(std::floor((max_height_ - fixed) / (2 * pitch_))), 1, max_rows);
    return;
  }
  // Swimlanes: each lane its markers' zone, brackets and gaps, and a share of the rows the
  // budget leaves, by largest remainder on its events (at least one, at most max_rows); no
  // lanes when there is not a row for each.
  const int L = static_cast<int>(lane_group_.size()), n = static_cast<int>(order_.size());
  double fixed = summary_h_ + band_h_ + strip_band_ + L * lane_extra();
  for (int j = 0; j < L; ++j) fixed += lane_floor(j) - lane_extra();  // a name taller than a lane
  const int total = static_cast<int>(std::floor((max_height_ - fixed) / pitch_));
  if (total < L) {
    lanes_ = false;
    lane_group_.clear();
    lane_of_.assign(order_.size(), 0);
    return frame_horizontal();
  }
  std::vector<long long> count(L, 0);
  for (int k = 0; k < n; ++k) ++count[lane_of_[k]];
  const long long spare = total - L;
  std::vector<int> by_remainder(L);
  lane_rows_.assign(L, 1);
  long long left_over = spare;
  for (int j = 0; j < L; ++j) {
    const long long share = spare * count[j] / std::max(n, 1);
    lane_rows_[j] += static_cast<int>(share);
    left_over -= share;
    by_remainder[j] = j;
  }
  std::stable_sort(by_remainder.begin(), by_remainder.end(),
                   [&](int a, int b) { return spare * count[a] % std::max(n, 1) > spare * count[b] % std::max(n, 1); });
  for (int j = 0; j < L && left_over > 0; ++j, --left_over) ++lane_rows_[by_remainder[j]];
  for (int& r : lane_rows_) r = std::min(r, max_rows);
  rows_ = *std::max_element(lane_rows_.begin(), lane_rows_.end());
}

// Swimlanes, as when every event is labelled: one lane per group when two or more groups are
// used and there are spans (Gantt-like; docs/format.md), the ungrouped events in a lane of
// their own after the groups.
void Detail::choose_lanes() {
  const model::Document& doc = ctx_.doc;
  lanes_ = false;
  lane_group_.clear();
  lane_of_.assign(order_.size(), 0);
  if (vertical_ || in_.ranges.empty() || no_lanes_) return;
  // The lanes' names take a column: without room for two labels beside it, a narrow page would
  // leave the labels almost no axis to stand on.
  const double plot = ctx_.width - 2 * t_.margin - std::max(t_.group_gutter, insets_.left) - insets_.right;
  if (plot < 2 * t_.label_width) return;
  const std::size_t none = doc.groups.size();  // the ungrouped events' slot
  std::vector<char> used(none + 1, 0);
  for (int i : order_) used[doc.events[i].group >= 0 ? static_cast<std::size_t>(doc.events[i].group) : none] = 1;
  if (std::count(used.begin(), used.end() - 1, 1) < 2) return;
  std::vector<int> lane(none + 1, -1);
  for (std::size_t g = 0; g <= none; ++g)
    if (used[g]) lane[g] = static_cast<int>(lane_group_.size()), lane_group_.push_back(g < none ? static_cast<int>(g) : -1);
  for (std::size_t k = 0; k < order_.size(); ++k) {
    const int g = doc.events[order_[k]].group;
    lane_of_[k] = lane[g >= 0 ? static_cast<std::size_t>(g) : none];
  }
  lanes_ = true;
}

// Vertical: the summary and the strip's caption on two lines at the top, then time runs down
// to the height budget less room for a label to hang below the axis's end. Across, left to
// right: eras, tick labels, the axis, the cluster brackets, the density strip, the true-date
// ticks, the markers and columns of labels. A marker stands at its stem (cells are wider than a
// marker, so markers never touch), its leader straight across to its label, which hangs from
// the stem: the leader meets the middle of its date line, lift_ above the stem, less than a
// cell, so a leader never reaches the label of a later stem (stems are a cell apart).
void Detail::frame_vertical() {
  const SourceLoc nowhere{ctx_.doc.file, 0, 0};
  lift_ = date_h_ / 2;
  summary_h_ = std::max(date_h_, summary(static_cast<int>(order_.size()), {t_.margin, 0}).box.h) + t_.label_gap;
  const double head = summary_h_ + std::max(ctx_.shape("0", t_.tick, 0, text::Wrap::Greedy, nowhere)->height(), caption_h(t_.margin)) + t_.label_gap;
  a0_ = head + std::max(lift_, outer_);
  origin_ = a0_, wall_ = std::max(1.0, max_height_ - a0_);
  // `detail: N` needs no more axis than N labels stacked once (and at least the vertical
  // layout's shortest axis), rather than the whole budget.
  if (ctx_.doc.detail == model::Detail::Count)
    wall_ = std::min(wall_, std::max(min_vertical_share * ctx_.width, ctx_.doc.detail_count * (median_extent_ + t_.label_gap)) +
                                median_extent_);
  end_room_ = std::max(std::min(median_extent_, end_room_share * wall_), end_room_min_);
  a1_ = std::max(a0_ + 1, a0_ + wall_ - end_room_);
  sc_.emplace(in_.first, in_.last, a0_, a1_, in_.breaks, t_.axis_break);
  cell_px_ = std::max({t_.stem_spacing, std::ceil(wall_ / max_cells), std::floor(lift_) + 1, std::ceil(2 * outer_) + 1});
  era_w_ = era_column_width(ctx_);
  axis_x_ = t_.margin + era_w_ + vertical_tick_gutter(ctx_, *sc_);
  bracket_x_ = axis_x_ + t_.axis_width / 2 + 2 + bracket_lane / 2;
  strip_x_ = bracket_x_ + bracket_lane / 2 + 2;
  marker_x_ = strip_x_ + strip_height + date_tick_room + outer_;
  col0_ = marker_x_ + outer_ + t_.flag_pad;
}

// Markers along the axis, px, and how many events lie within the cluster radius of each (the
// largest "+N" its label could carry).
void Detail::markers() {
  const int n = static_cast<int>(order_.size());
  xs_.resize(n);
  for (int k = 0; k < n; ++k) xs_[k] = (*sc_)(anchor(order_[k]));
  radius_ = cluster_cells * cell_px_;
  near_.resize(n);
  const int L = std::max<int>(1, static_cast<int>(lane_group_.size()));
  std::vector<std::vector<double>> lane_xs(L);  // in time order, so sorted
  for (int k = 0; k < n; ++k) lane_xs[lane_of_[k]].push_back(xs_[k]);
  for (int k = 0; k < n; ++k) {
    const std::vector<double>& v = lane_xs[lane_of_[k]];
    const auto lo = std::lower_bound(v.begin(), v.end(), xs_[k] - radius_);
    const auto hi = std::upper_bound(v.begin(), v.end(), xs_[k] + radius_);
    near_[k] = static_cast<int>(hi - lo) - 1;
  }
  if (!vertical_) return;
  // Columns as wide as the label width and every date line with its badge, as many as the page
  // holds (at most max_rows), then widened to share the page's width (at most twice).
  double widest = t_.label_width;
  for (int k = 0; k < n; ++k) widest = std::max(widest, date_full(k));
  const double room = ctx_.width - t_.margin - col0_;
  const double least = std::max(1.0, std::min(widest, room - t_.flag_pad));
  rows_ = std::clamp(static_cast<int>(std::floor((room + t_.label_gap) / (least + t_.flag_pad + t_.label_gap))), 1, max_rows);
  col_w_ = std::floor(std::clamp((room + t_.label_gap) / rows_ - t_.flag_pad - t_.label_gap, least, 2 * least));
  col_pitch_ = t_.flag_pad + col_w_ + t_.label_gap;
}

void Detail::select() {
  const model::Document& doc = ctx_.doc;
  const int n = static_cast<int>(order_.size());
  std::vector<WeightInput> wi;
  cand_.assign(n, {});
  // A label's length along the axis: horizontally its width; vertically its height, a date
  // line and one title line or two (cut to two), in a column whose width every date line fits.
  auto extent = [&](int k, double title) -> std::int64_t {
    if (!vertical_) return to_units(std::max(date_full(k), std::min(title, t_.label_width)) + t_.flag_pad) + 1;
    if (date_full(k) > col_w_) return -1;
    return to_units(date_h_ + t_.label_inner_gap + (title <= col_w_ ? title1_h_ : title2_h_)) + 1;
  };
  for (int k = 0; k < n; ++k) {
    const int i = order_[k];
    const model::Event& e = doc.events[i];
    const bool coarse = !e.is_span && e.date.precision != calendar::Precision::Day;
    wi.push_back({static_cast<std::int64_t>(std::llround(anchor(i))), e.importance, e.is_span || coarse,
                  !e.text.empty(), short_w_[i] >= 0});
    cand_[k].x = std::max<std::int64_t>(0, to_units(xs_[k] - origin_));
    cand_[k].width[0] = extent(k, title_w_[i]);
    if (short_w_[i] >= 0) {
      const std::int64_t s = extent(k, short_w_[i]);
      if (s < cand_[k].width[0]) cand_[k].width[1] = s;
    }
    cand_[k].must = e.importance == 5;
  }
  opt_.cell = to_units(cell_px_), opt_.gap = to_units(t_.label_gap), opt_.wall = to_units(wall_);
  opt_.rows = rows_;
  opt_.two_sided = !vertical_;  // vertically, one side: the columns right of the axis, exactly
  if (!lanes_) {
    const auto weights = label_weights(wi, in_.first, in_.last);
    for (int k = 0; k < n; ++k) cand_[k].weight = weights[k];
    sel_ = select_labels(cand_, opt_);
  } else {
    // Each lane its own story: its own weights (spread over time within the lane) and an exact
    // one-sided selection in its rows.
    sel_ = {};
    for (int j = 0; j < static_cast<int>(lane_group_.size()); ++j) {
      std::vector<int> ks;
      std::vector<WeightInput> lane_wi;
      for (int k = 0; k < n; ++k)
        if (lane_of_[k] == j) ks.push_back(k), lane_wi.push_back(wi[k]);
      const auto weights = label_weights(lane_wi, in_.first, in_.last);
      std::vector<LabelCandidate> lane_cand;
      for (std::size_t m = 0; m < ks.size(); ++m) {
        cand_[ks[m]].weight = weights[m];
        lane_cand.push_back(cand_[ks[m]]);
      }
      SelectionOptions o = opt_;
      o.rows = lane_rows_[j], o.two_sided = false;
      const Selection part = select_labels(lane_cand, o);
      for (SelectedLabel l : part.labels) {
        l.event = ks[l.event];
        sel_.labels.push_back(l);
      }
      for (int m : part.must_missing) sel_.must_missing.push_back(ks[m]);
      sel_.objective += part.objective, sel_.bound += part.bound, sel_.solves += part.solves;
    }
    std::sort(sel_.labels.begin(), sel_.labels.end(), [](const auto& a, const auto& b) { return a.event < b.event; });
    std::sort(sel_.must_missing.begin(), sel_.must_missing.end());
  }
}

// detail: N keeps the N heaviest labels (dropping one never breaks the others) in their rows.
void Detail::cut_to_count() {
  const model::Document& doc = ctx_.doc;
  if (doc.detail == model::Detail::Count && static_cast<int>(sel_.labels.size()) > doc.detail_count) {
    std::vector<SelectedLabel> keep = sel_.labels;
    std::stable_sort(keep.begin(), keep.end(), [&](const auto& a, const auto& b) {
      return cand_[a.event].weight[a.variant] > cand_[b.event].weight[b.variant];
    });
    keep.resize(static_cast<std::size_t>(doc.detail_count));
    std::sort(keep.begin(), keep.end(), [](const auto& a, const auto& b) { return a.event < b.event; });
    for (int row_set = 0; row_set < 2 * std::max<int>(1, static_cast<int>(lane_group_.size())); ++row_set) {
      auto in_set = [&](const SelectedLabel& l) { return 2 * lane_of_[l.event] + l.side == row_set; };
      std::vector<std::pair<std::int64_t, std::int64_t>> sw;
      for (const auto& l : keep)
        if (in_set(l)) sw.emplace_back(l.stem, cand_[l.event].width[l.variant]);
      const std::vector<int> r = lowest_rows(sw, opt_.gap);
      std::size_t k = 0;
      for (auto& l : keep)
        if (in_set(l)) l.row = r[k++];
    }
    sel_.labels = std::move(keep);
    sel_.objective = 0;
    for (const auto& l : sel_.labels) sel_.objective += cand_[l.event].weight[l.variant];
  }
}

void Detail::refuse_musts(const std::vector<int>& ks, const std::string& hint) const {
  const model::Document& doc = ctx_.doc;
  std::string names;
  for (std::size_t k = 0; k < ks.size() && k < 5; ++k) names += (k ? ", " : "") + std::string("\"") + doc.events[order_[ks[k]]].title + "\"";
  if (ks.size() > 5) names += " and " + std::to_string(ks.size() - 5) + " more";
  ctx_.diagnostics.error(doc.events[order_[ks.front()]].loc, "these importance-5 events cannot all be labelled on this page: " + names, hint);
}

// A label hangs from its stem toward the axis's end (vertically: down) and ends before the
// wall, so on a narrow page the axis's last stretch has no room for one. When importance-5
// events are left unlabelled for that, the axis ends as much earlier as their narrowest labels
// need (stems sit at a cell's left edge and the wall is rounded down to a cell: two cells and
// the gap to spare). False when ending it earlier would not make room.
bool Detail::end_axis_earlier() {
  auto room = [&](double a1) {
    const scale::TimeScale sc(in_.first, in_.last, a0_, a1, in_.breaks, t_.axis_break);
    for (int k : sel_.must_missing) {
      const auto& w = cand_[k].width;
      const std::int64_t narrowest = w[1] >= 0 && (w[0] < 0 || w[1] < w[0]) ? w[1] : w[0];
      if (narrowest < 0 ||
          sc(anchor(order_[k])) - origin_ + static_cast<double>(narrowest) / units + t_.label_gap + 2 * cell_px_ > wall_)
        return false;
    }
    return true;
  };
  double lo = a0_ + 1, hi = a1_;
  if (room(hi) || !room(lo)) return false;
  for (int step = 0; step < 40; ++step) {
    const double mid = (lo + hi) / 2;
    (room(mid) ? lo : hi) = mid;
  }
  end_room_min_ = end_room_ + (a1_ - lo);
  return true;
}

// Clusters: each unlabelled event joins the labelled marker nearest it in its lane (ties: the
// earlier) within the radius, else it is counted only. Nearest-marker regions on a line are intervals,
// so each cluster is one run in time and runs never overlap.
void Detail::assign() {
  const model::Document& doc = ctx_.doc;
  const int n = static_cast<int>(order_.size());
  scene::DetailReport& report = report_;
  report.mode = doc.detail == model::Detail::Count ? "count" : "auto";
  report.vertical = vertical_;
  report.events = n;
  report.status.resize(doc.events.size());
  for (int i : in_.eras) report.status[i].as = scene::EventPlacement::As::Era;
  report.cell = cell_px_;
  report.rows_above = rows_, report.rows_below = vertical_ || lanes_ ? 0 : rows_;
  report.objective = sel_.objective, report.bound = sel_.bound;
  std::vector<int> labelled_k;  // positions in time order (sel_.labels is in candidate order)
  std::vector<std::vector<int>> lane_labelled(std::max<std::size_t>(1, lane_group_.size()));
  for (const SelectedLabel& l : sel_.labels) {
    labelled_k.push_back(l.event);
    lane_labelled[lane_of_[l.event]].push_back(l.event);
    scene::EventPlacement& st = report.status[order_[l.event]];
    st.as = scene::EventPlacement::As::Labelled;
    st.short_title = l.variant == 1, st.below = l.side == 1, st.row = l.row;
    ++report.labelled;
  }
  members_.assign(n, 0);
  lo_x_ = hi_x_ = xs_;  // per label: its cluster's first and last marker
  std::vector<calendar::Days> first_day(n), last_day(n);
  for (int k = 0; k < n; ++k) first_day[k] = last_day[k] = in_.extents[order_[k]].first;
  for (int k = 0; k < n; ++k) {
    const std::vector<int>& lab = lane_labelled[lane_of_[k]];
    const auto pos = std::lower_bound(lab.begin(), lab.end(), k);
    if (pos != lab.end() && *pos == k) continue;
    int best = -1;
    double best_d = radius_;
    if (pos != lab.begin() && xs_[k] - xs_[*(pos - 1)] <= best_d) best = *(pos - 1), best_d = xs_[k] - xs_[best];
    if (pos != lab.end() && xs_[*pos] - xs_[k] <= radius_ && (best < 0 || xs_[*pos] - xs_[k] < best_d)) best = *pos;
    scene::EventPlacement& st = report.status[order_[k]];
    if (best < 0) {
      ++report.counted;
      continue;
    }
    st.as = scene::EventPlacement::As::Clustered;
    st.cluster = order_[best];
    ++members_[best];
    ++report.clustered;
    lo_x_[best] = std::min(lo_x_[best], xs_[k]), hi_x_[best] = std::max(hi_x_[best], xs_[k]);
    first_day[best] = std::min(first_day[best], first_day[k]), last_day[best] = std::max(last_day[best], first_day[k]);
  }
  for (int k : labelled_k)
    if (members_[k] > 0) report.clusters.push_back({order_[k], members_[k], iso_date(first_day[k]), iso_date(last_day[k])});
}

calendar::Days Detail::strip_bins(std::vector<int>& bins) const {
  const double px_per_day = (a1_ - a0_ - t_.axis_break * static_cast<double>(in_.breaks.size())) /
                            std::max(1.0, static_cast<double>(in_.last - in_.first));
  calendar::Days days = bin_days[std::size(bin_days) - 1];
  for (calendar::Days d : bin_days)
    if (static_cast<double>(d) * px_per_day >= min_bin_px) {
      days = d;
      break;
    }
  bins.assign(static_cast<std::size_t>((in_.last - in_.first) / days + 1), 0);
  for (int i : order_) {
    const auto day = static_cast<calendar::Days>(std::floor(anchor(i)));
    ++bins[static_cast<std::size_t>(std::clamp<calendar::Days>((day - in_.first) / days, 0, static_cast<calendar::Days>(bins.size()) - 1))];
  }
  return days;
}

template <class Draw>
std::string Detail::add_strip(Draw draw) const {
  std::vector<int> bins;
  const calendar::Days days = strip_bins(bins);
  const int most = bins.empty() ? 0 : *std::max_element(bins.begin(), bins.end());
  for (std::size_t b = 0; b < bins.size(); ++b) {
    if (bins[b] == 0) continue;
    const double x0 = (*sc_)(static_cast<double>(in_.first + static_cast<calendar::Days>(b) * days));
    const double x1 = std::min(a1_, (*sc_)(static_cast<double>(in_.first + static_cast<calendar::Days>(b + 1) * days)));
    draw(x0, std::max(0.5, x1 - x0), static_cast<double>(bins[b]) / std::max(1, most));
  }
  return strip_caption(most, days, ctx_.doc.locale);
}

std::optional<Body> Detail::run() {
  const model::Document& doc = ctx_.doc;
  measure();
  auto place = [&] {
    choose_lanes();
    vertical_ ? frame_vertical() : frame_horizontal();
    markers();
    select();
  };
  place();
  // `detail: N` labels at most N events: fewer than its importance-5 events cannot label them all.
  if (doc.detail == model::Detail::Count) {
    std::vector<int> musts;
    for (int k = 0; k < static_cast<int>(cand_.size()); ++k)
      if (cand_[k].must) musts.push_back(k);
    if (static_cast<int>(musts.size()) > doc.detail_count) {
      refuse_musts(musts, "raise detail: " + std::to_string(doc.detail_count) + " to at least " +
                              std::to_string(musts.size()) + ", or mark fewer of them 5");
      return std::nullopt;
    }
  }
  // Twice at most: ending the axis earlier packs its markers closer, and their "+N" may grow.
  for (int round = 0; round < 2 && !sel_.must_missing.empty() && end_axis_earlier(); ++round) place();
  // A lane holds only its share of the rows: importance-5 events crowded in one may all fit the
  // rows of the whole page, without lanes.
  if (!sel_.must_missing.empty() && lanes_) {
    no_lanes_ = true, end_room_min_ = 0;
    place();
    for (int round = 0; round < 2 && !sel_.must_missing.empty() && end_axis_earlier(); ++round) place();
  }
  if (!sel_.must_missing.empty()) {
    refuse_musts(sel_.must_missing, vertical_ ? "give them short: titles, mark fewer of them 5, or make the page wider or taller"
                                              : "give them short: titles, mark fewer of them 5, or make the page wider");
    return std::nullopt;
  }
  cut_to_count();
  assign();
  return vertical_ ? draw_vertical() : draw_horizontal();
}

// The body, top to bottom: the summary line, the labels above, their leader channel and
// markers, the axis band, the cluster brackets and density strip, the markers, channel and
// labels below.
Body Detail::draw_horizontal() {
  const model::Document& doc = ctx_.doc;
  const scale::TimeScale& sc = *sc_;
  const SourceLoc nowhere{doc.file, 0, 0};
  const double left = origin_;
  int top_row = 0, bottom_row = 0;
  for (const SelectedLabel& l : sel_.labels) (l.side == 0 ? top_row : bottom_row) = std::max(l.side == 0 ? top_row : bottom_row, l.row);
  // Per lane (one without swimlanes): the bottom of its markers, which stand on its line.
  const int L = std::max<int>(1, static_cast<int>(lane_group_.size()));
  std::vector<double> lane_axis(L, summary_h_ + top_row * pitch_ + zone_);
  std::vector<scene::Item> lane_items;
  double band_top = lane_axis[0];
  if (lanes_) {
    std::vector<int> used(L, 0);
    for (const SelectedLabel& l : sel_.labels) used[lane_of_[l.event]] = std::max(used[lane_of_[l.event]], l.row);
    const double x0 = sc(static_cast<double>(in_.first)), x1 = sc(static_cast<double>(in_.last));
    double y = summary_h_;
    for (int j = 0; j < L; ++j) {
      lane_axis[j] = y + t_.lane_gap + used[j] * pitch_ + zone_;
      const double bottom = y + std::max(lane_floor(j), used[j] * pitch_ + lane_extra());
      Color fill = t_.lane_fill;
      if (j % 2) fill.a = 0;  // every other lane shows the background
      lane_items.push_back(span_item(role::lane, -1, {t_.margin, y, ctx_.width - 2 * t_.margin, bottom - y}, fill));
      lane_items.push_back(span_item(role::lane_swatch, -1, {t_.margin, y, t_.band_height, bottom - y}, group_color(ctx_, lane_group_[j])));
      lane_items.push_back(line_item(role::lane_line, -1, {{x0, lane_axis[j] - outer_}, {x1, lane_axis[j] - outer_}},
                                     scene::Stroke{t_.grid, t_.axis_width, {}}));
      scene::Item name = lane_name(j);
      move_item(name, {t_.margin + t_.band_height + t_.flag_pad / 2, y + t_.lane_gap});
      lane_items.push_back(std::move(name));
      y = bottom;
    }
    band_top = y;
  }
  const double strip_top = band_top + band_h_;
  const double below_top = strip_top + strip_band_;
  Body body;
  body.width = ctx_.width;
  body.scale = sc;
  std::vector<scene::Item> under, over, strips, as_of_lines, leaders, markers, labels, as_of_labels;
  labels.push_back(summary(report_.labelled, {left, 0}));

  for (const SelectedLabel& l : sel_.labels) {
    const int i = order_[l.event];
    const model::Event& e = doc.events[i];
    const bool above = l.side == 0;
    const double dir = above ? -1 : 1;
    const double axis = lane_axis[lane_of_[l.event]];  // above: where its markers end
    const double centre = above ? axis - outer_ : below_top + outer_;
    const double base = above ? axis - zone_ : below_top + zone_;
    const double x = xs_[l.event], stem = left + static_cast<double>(l.stem) / units;
    std::vector<scene::Item> block = label_block(l, t_.label_width);
    const double h = block.back().box.bottom();
    const double near_y = base + dir * (l.row - 1) * pitch_, far_y = near_y + dir * h;
    move_items(block, {stem + t_.flag_pad, std::min(near_y, far_y)});
    for (scene::Item& it : block) labels.push_back(std::move(it));

    const Color c = event_color(ctx_, i);
    const bool tentative = e.status != model::Status::Confirmed;
    const scene::Stroke leader{t_.leader, t_.stem_width, tentative ? t_.tentative_dash : std::vector<double>{}};
    // The marker stands at its stem, less than a cell from its true date, which a tick toward
    // the axis marks (as a nudged marker's in every-label tracks).
    const double marker_far = centre + dir * outer_;
    leaders.push_back(line_item(role::leader, i, {{stem, marker_far}, {stem, far_y}}, leader));
    if (std::abs(stem - x) > 0.5) {
      const double y0 = centre - dir * outer_;
      leaders.push_back(line_item(role::date_tick, i, {{x, y0}, {x, y0 - dir * t_.tick_length}},
                                  scene::Stroke{c, t_.date_tick_width, {}}));
    }
    const scene::Stroke ring{tentative ? c : t_.background, t_.marker_stroke, {}};
    markers.push_back(marker_item(role::event_marker, i, {stem, centre}, t_.marker_radius, tentative ? t_.background : c, ring));
    markers.back().shape = group_shape(ctx_, e.group);
    if (e.is_span) {  // a labelled span's extent, along its marker row toward the axis
      const double x1 = sc(static_cast<double>(in_.extents[i].end));
      Color tint = c;
      tint.a = static_cast<std::uint8_t>(t_.span_alpha);
      const double y = above ? axis - t_.band_height : strip_top + strip_band_ - t_.band_height;
      strips.push_back(span_item(role::span, i, {x, y, std::max(1.0, x1 - x), t_.band_height}, tint));
    }
    if (members_[l.event] > 0) {  // the bracket under the cluster's markers, a px short of each end
      // (so that neighbouring clusters stay apart): over the strip, or under a lane's markers
      const double y = lanes_ ? axis + 2 + bracket_lane / 2 : strip_top + bracket_lane / 2;
      const double b0 = lo_x_[l.event] + 1, b1 = std::max(b0 + 1, hi_x_[l.event] - 1);
      strips.push_back(line_item(role::cluster, i, {{b0, y}, {b1, y}}, scene::Stroke{c, bracket_lane, {}}));
    }
  }

  // The density strip: bars standing on its base, toward the axis.
  const double strip_base = strip_top + bracket_lane + 2 + strip_height;
  Color bar = t_.axis;
  bar.a = 0x99;
  const std::string text = add_strip([&](double x, double w, double share) {
    const double h = std::max(1.0, strip_height * share);
    strips.push_back(span_item(role::density, -1, {x, strip_base - h, w, h}, bar));
  });
  labels.push_back(caption(text, {a0_, strip_base + 2}));

  // The axis band, the as-of mark, and the eras behind everything.
  const double x0 = sc(static_cast<double>(in_.first)), x1 = sc(static_cast<double>(in_.last));
  const double reach = 2 * outer_ + t_.leader_channel / 2;
  const std::optional<Rect> clear = add_as_of_mark(ctx_, sc, {x0, x1, band_top, band_h_}, band_top - reach,
                                                   band_top + band_h_, as_of_lines, as_of_labels);
  layout_axis_band(ctx_, sc, {x0, x1, band_top, band_h_}, clear, under, over);
  for (auto* layer : {&lane_items, &under, &strips, &over, &as_of_lines, &leaders, &markers, &labels, &as_of_labels})
    for (scene::Item& it : *layer) body.items.push_back(std::move(it));
  body.swimlanes = lanes_;
  body.height = below_top + (bottom_row > 0 ? zone_ + bottom_row * pitch_ : outer_);
  body.detail = std::move(report_);
  add_eras_horizontal(ctx_, in_, sc, body);
  return body;
}

// The vertical body (frame_vertical has the layout): each label in its column, hanging from its
// stem; its leader runs straight across from the marker, between the nearer columns' labels,
// which never cover its stem (the selection's rule). A marker off its date by more than half a
// px has a tick at the true date beside it, in its colour.
Body Detail::draw_vertical() {
  const model::Document& doc = ctx_.doc;
  const scale::TimeScale& sc = *sc_;
  const SourceLoc nowhere{doc.file, 0, 0};
  Body body;
  body.width = ctx_.width;
  std::vector<scene::Item> under, strips, leaders, markers, labels;
  labels.push_back(summary(report_.labelled, {t_.margin, 0}));
  double bottom = a1_ + outer_;
  for (const SelectedLabel& l : sel_.labels) {
    const int i = order_[l.event];
    const model::Event& e = doc.events[i];
    const double y = xs_[l.event], stem = origin_ + static_cast<double>(l.stem) / units;
    const double column = col0_ + (l.row - 1) * col_pitch_;
    std::vector<scene::Item> block = label_block(l, col_w_);
    move_items(block, {column + t_.flag_pad, stem - lift_});
    bottom = std::max(bottom, block.back().box.bottom());
    for (scene::Item& it : block) labels.push_back(std::move(it));

    const Color c = event_color(ctx_, i);
    const bool tentative = e.status != model::Status::Confirmed;
    const scene::Stroke leader{t_.leader, t_.stem_width, tentative ? t_.tentative_dash : std::vector<double>{}};
    leaders.push_back(line_item(role::leader, i, {{marker_x_ + outer_, stem}, {column + t_.flag_pad / 2, stem}}, leader));
    if (std::abs(stem - y) > 0.5)
      leaders.push_back(line_item(role::date_tick, i, {{strip_x_ + strip_height + 1, y}, {marker_x_ - outer_ - 1, y}},
                                  scene::Stroke{c, t_.date_tick_width, {}}));
    const scene::Stroke ring{tentative ? c : t_.background, t_.marker_stroke, {}};
    markers.push_back(marker_item(role::event_marker, i, {marker_x_, stem}, t_.marker_radius, tentative ? t_.background : c, ring));
    markers.back().shape = group_shape(ctx_, e.group);
    if (e.is_span) {  // a labelled span's extent, down its marker's line
      const double y1 = sc(static_cast<double>(in_.extents[i].end));
      Color tint = c;
      tint.a = static_cast<std::uint8_t>(t_.span_alpha);
      strips.push_back(span_item(role::span, i, {marker_x_ - t_.band_height / 2, y, t_.band_height, std::max(1.0, y1 - y)}, tint));
    }
    if (members_[l.event] > 0) {  // the bracket beside the cluster's markers, a px short of each end
      const double b0 = lo_x_[l.event] + 1, b1 = std::max(b0 + 1, hi_x_[l.event] - 1);
      strips.push_back(line_item(role::cluster, i, {{bracket_x_, b0}, {bracket_x_, b1}}, scene::Stroke{c, bracket_lane, {}}));
    }
  }
  // The density strip: bars from its base beside the brackets, away from the axis; its caption
  // under the summary line.
  Color bar = t_.axis;
  bar.a = 0x99;
  const std::string text = add_strip([&](double y, double h, double share) {
    strips.push_back(span_item(role::density, -1, {strip_x_, y, std::max(1.0, strip_height * share), h}, bar));
  });
  labels.push_back(caption(text, {t_.margin, summary_h_}));
  add_vertical_axis(ctx_, sc, {axis_x_, a0_, a1_, marker_x_ + outer_, era_w_}, under);
  for (auto* layer : {&under, &strips, &leaders, &markers, &labels})
    for (scene::Item& it : *layer) body.items.push_back(std::move(it));
  body.height = bottom;
  body.detail = std::move(report_);
  add_eras_vertical(ctx_, in_, sc, t_.margin, ctx_.width - t_.margin, t_.margin, body);
  return body;
}

}  // namespace

std::optional<Body> layout_detail(const Context& ctx, const TimelineInput& in, AxisInsets insets, double max_height,
                                 bool vertical) {
  return Detail(ctx, in, insets, max_height, vertical).run();
}

}  // namespace factline::layout
