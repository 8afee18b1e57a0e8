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
  Detail(const Context& ctx, const TimelineInput& in, AxisInsets insets, double max_height)
      : ctx_(ctx), t_(ctx.theme()), in_(in), insets_(insets), max_height_(max_height) {
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
  std::string date_line(int i) const {
    const model::Event& e = ctx_.doc.events[i];
    return e.is_span ? span_date_line(e, ctx_.doc.locale) : event_date_line(e, ctx_.doc.locale);
  }
  std::string badge(int count) const { return "+" + std::to_string(count); }
  // The label's title for a variant: the full title fitted to two lines at the label width
  // (cut at a word with "…" when longer), or the short title.
  scene::Item title_item(int i, bool short_title) const;

  const Context& ctx_;
  const model::Theme& t_;
  const TimelineInput& in_;
  AxisInsets insets_;
  double max_height_;
  double outer_ = 0;
  std::vector<int> order_;  // events (eras excluded) in time order
};

scene::Item Detail::title_item(int i, bool short_title) const {
  const model::Event& e = ctx_.doc.events[i];
  if (short_title)
    return ctx_.text(role::event_title, i, e.short_title, t_.event_title, t_.label_width, text::Wrap::Greedy,
                     e.title_loc, {0, 0});
  scene::Item it = ctx_.text(role::event_title, i, e.title, t_.event_title, t_.label_width, text::Wrap::Balanced,
                             e.title_loc, {0, 0});
  if (it.shaped->lines().size() <= 2) return it;
  // Longer than two lines: the longest prefix ending at a word that fits two lines with "…",
  // else (one long word) the longest such prefix ending at a character; by binary search.
  auto longest_fitting = [&](const std::vector<std::size_t>& cuts) -> std::optional<scene::Item> {
    std::size_t lo = 0, hi = cuts.size();  // cuts[0, lo) fit; [hi, …) do not
    std::optional<scene::Item> best;
    while (lo < hi) {
      const std::size_t mid = (lo + hi) / 2;
      std::string cut = e.title.substr(0, cuts[mid]) + "…";
      std::replace(cut.begin(), cut.end(), '\n', ' ');
      scene::Item t = ctx_.text(role::event_title, i, cut, t_.event_title, t_.label_width, text::Wrap::Balanced,
                                e.title_loc, {0, 0});
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
  for (std::size_t k = 1; k < e.title.size(); ++k) {
    if ((e.title[k] == ' ' || e.title[k] == '\n') && e.title[k - 1] != ' ') words.push_back(k);
    if ((static_cast<unsigned char>(e.title[k]) & 0xC0) != 0x80) chars.push_back(k);
  }
  if (auto t = longest_fitting(words)) return *t;
  if (auto t = longest_fitting(chars)) return *t;
  return ctx_.text(role::event_title, i, "…", t_.event_title, t_.label_width, text::Wrap::Greedy, e.title_loc, {0, 0});
}

std::optional<Body> Detail::run() {
  const model::Document& doc = ctx_.doc;
  const int n = static_cast<int>(order_.size());
  const double W = ctx_.width;
  const SourceLoc nowhere{doc.file, 0, 0};

  // Metrics, from font metrics alone: a label is a date line and at most two title lines.
  const double date_h = ctx_.shape("0", t_.event_date, 0, text::Wrap::Greedy, nowhere)->height();
  const double title2_h = ctx_.shape("가\n가", t_.event_title, 0, text::Wrap::Greedy, nowhere)->height();
  const double pitch = date_h + t_.label_inner_gap + title2_h + t_.label_gap;
  const double plus_w = width_of("+", t_.event_date, nowhere), digit_w = width_of("0", t_.event_date, nowhere);
  const double space_w = width_of("0 0", t_.event_date, nowhere) - 2 * digit_w;

  // Cheap widths (TextEstimate): only the chosen labels are shaped at full quality afterwards,
  // never wider than measured here (a title wraps at the label width).
  TextEstimate title_words(ctx_, t_.event_title), date_words(ctx_, t_.event_date);
  std::vector<double> title_w(doc.events.size()), short_w(doc.events.size(), -1), date_w(doc.events.size());
  double median_w = 0;
  {
    std::vector<double> ws;
    for (int i : order_) {
      const model::Event& e = doc.events[i];
      title_w[i] = std::min(title_words.line_width(e.title, e.title_loc), t_.label_width);
      if (!e.short_title.empty()) short_w[i] = std::min(title_words.line_width(e.short_title, e.title_loc), t_.label_width);
      date_w[i] = date_words.line_width(date_line(i), e.loc);
      ws.push_back(std::max(title_w[i], date_w[i]) + t_.flag_pad);
    }
    std::nth_element(ws.begin(), ws.begin() + static_cast<std::ptrdiff_t>(ws.size() / 2), ws.end());
    median_w = ws.empty() ? 0 : ws[ws.size() / 2];
  }

  // The axis: between the margins, with room past its end for a label to hang right.
  const double left = t_.margin + insets_.left, wall = W - t_.margin - insets_.right;
  const double end_room = std::min(median_w, end_room_share * (wall - left));
  const double a0 = left + outer_, a1 = std::max(a0 + 1, wall - end_room);
  const scale::TimeScale sc(in_.first, in_.last, a0, a1, in_.breaks, t_.axis_break);
  const double cell_px = std::max(t_.stem_spacing, std::ceil((wall - left) / max_cells));

  // Markers, px, and the badge each label reserves for the largest cluster it could carry.
  std::vector<double> xs(n);
  for (int k = 0; k < n; ++k) xs[k] = sc(anchor(order_[k]));
  const double radius = cluster_cells * cell_px;
  std::vector<int> near(n);
  for (int k = 0; k < n; ++k) {
    const auto lo = std::lower_bound(xs.begin(), xs.end(), xs[k] - radius);
    const auto hi = std::upper_bound(xs.begin(), xs.end(), xs[k] + radius);
    near[k] = static_cast<int>(hi - lo) - 1;
  }
  auto badge_w = [&](int most) {
    return most == 0 ? 0.0 : space_w + plus_w + digit_w * static_cast<double>(std::to_string(most).size());
  };

  // Rows: what the height budget leaves after the summary line, the axis band, the strip and
  // the marker rows and leader channels of both sides.
  const double summary_h = date_h + t_.label_gap;
  // The axis band, with the as-of label's own row under the ticks when it needs one.
  const double band_h = time_axis_band_height(ctx_, sc, sc(static_cast<double>(in_.first)), sc(static_cast<double>(in_.last)));
  const double strip_band = bracket_lane + 2 + strip_height + 2 + date_h + t_.axis_band_pad;
  const double zone = 2 * outer_ + t_.leader_channel;
  const double fixed = summary_h + band_h + strip_band + 2 * zone;
  const int rows = std::clamp(static_cast<int>(std::floor((max_height_ - fixed) / (2 * pitch))), 1, max_rows);

  // Weights and candidates, in time order.
  std::vector<WeightInput> wi;
  std::vector<LabelCandidate> cand(n);
  for (int k = 0; k < n; ++k) {
    const int i = order_[k];
    const model::Event& e = doc.events[i];
    const bool coarse = !e.is_span && e.date.precision != calendar::Precision::Day;
    wi.push_back({static_cast<std::int64_t>(std::llround(anchor(i))), e.importance, e.is_span || coarse,
                  !e.text.empty(), short_w[i] >= 0});
    const double date_full = date_w[i] + badge_w(near[k]);
    cand[k].x = std::max<std::int64_t>(0, to_units(xs[k] - left));
    cand[k].width[0] = to_units(std::max(date_full, title_w[i]) + t_.flag_pad) + 1;
    if (short_w[i] >= 0 && short_w[i] < title_w[i])
      cand[k].width[1] = to_units(std::max(date_full, short_w[i]) + t_.flag_pad) + 1;
    cand[k].must = e.importance == 5;
  }
  const auto weights = label_weights(wi, in_.first, in_.last);
  for (int k = 0; k < n; ++k) cand[k].weight = weights[k];
  SelectionOptions opt;
  opt.cell = to_units(cell_px), opt.gap = to_units(t_.label_gap), opt.wall = to_units(wall - left);
  opt.rows = rows;
  opt.two_sided = true;
  Selection sel = select_labels(cand, opt);
  if (!sel.must_missing.empty()) {
    std::string names;
    for (std::size_t k = 0; k < sel.must_missing.size() && k < 5; ++k)
      names += (k ? ", " : "") + std::string("\"") + doc.events[order_[sel.must_missing[k]]].title + "\"";
    if (sel.must_missing.size() > 5) names += " and " + std::to_string(sel.must_missing.size() - 5) + " more";
    ctx_.diagnostics.error(doc.events[order_[sel.must_missing.front()]].loc,
                           "these importance-5 events cannot all be labelled on this page: " + names,
                           "give them short: titles, mark fewer of them 5, or make the page wider");
    return std::nullopt;
  }
  // detail: N keeps the N heaviest labels (dropping one never breaks the others) in their rows.
  if (doc.detail == model::Detail::Count && static_cast<int>(sel.labels.size()) > doc.detail_count) {
    std::vector<SelectedLabel> keep = sel.labels;
    std::stable_sort(keep.begin(), keep.end(), [&](const auto& a, const auto& b) {
      return cand[a.event].weight[a.variant] > cand[b.event].weight[b.variant];
    });
    keep.resize(static_cast<std::size_t>(doc.detail_count));
    std::sort(keep.begin(), keep.end(), [](const auto& a, const auto& b) { return a.event < b.event; });
    for (int side = 0; side < 2; ++side) {
      std::vector<std::pair<std::int64_t, std::int64_t>> sw;
      for (const auto& l : keep)
        if (l.side == side) sw.emplace_back(l.stem, cand[l.event].width[l.variant]);
      const std::vector<int> r = lowest_rows(sw, opt.gap);
      std::size_t k = 0;
      for (auto& l : keep)
        if (l.side == side) l.row = r[k++];
    }
    sel.labels = std::move(keep);
    sel.objective = 0;
    for (const auto& l : sel.labels) sel.objective += cand[l.event].weight[l.variant];
  }

  // Clusters: each unlabelled event joins the labelled marker nearest it (ties: the earlier)
  // within the radius, else it is counted only. Nearest-marker regions on a line are intervals,
  // so each cluster is one run in time and runs never overlap.
  scene::DetailReport report;
  report.mode = doc.detail == model::Detail::Count ? "count" : "auto";
  report.events = n;
  report.status.resize(doc.events.size());
  for (int i : in_.eras) report.status[i].as = scene::EventPlacement::As::Era;
  report.cell = cell_px;
  report.rows_above = report.rows_below = rows;
  report.objective = sel.objective, report.bound = sel.bound;
  std::vector<int> labelled_k;  // positions in time order (sel.labels is in candidate order)
  for (const SelectedLabel& l : sel.labels) {
    labelled_k.push_back(l.event);
    scene::EventPlacement& st = report.status[order_[l.event]];
    st.as = scene::EventPlacement::As::Labelled;
    st.short_title = l.variant == 1, st.below = l.side == 1, st.row = l.row;
    ++report.labelled;
  }
  std::vector<int> members(n, 0);
  std::vector<double> lo_x(xs), hi_x(xs);  // per label: its cluster's first and last marker
  std::vector<calendar::Days> first_day(n), last_day(n);
  for (int k = 0; k < n; ++k) first_day[k] = last_day[k] = in_.extents[order_[k]].first;
  for (int k = 0; k < n; ++k) {
    const auto pos = std::lower_bound(labelled_k.begin(), labelled_k.end(), k);
    if (pos != labelled_k.end() && *pos == k) continue;
    int best = -1;
    double best_d = radius;
    if (pos != labelled_k.begin() && xs[k] - xs[*(pos - 1)] <= best_d) best = *(pos - 1), best_d = xs[k] - xs[best];
    if (pos != labelled_k.end() && xs[*pos] - xs[k] <= radius && (best < 0 || xs[*pos] - xs[k] < best_d)) best = *pos;
    scene::EventPlacement& st = report.status[order_[k]];
    if (best < 0) {
      ++report.counted;
      continue;
    }
    st.as = scene::EventPlacement::As::Clustered;
    st.cluster = order_[best];
    ++members[best];
    ++report.clustered;
    lo_x[best] = std::min(lo_x[best], xs[k]), hi_x[best] = std::max(hi_x[best], xs[k]);
    first_day[best] = std::min(first_day[best], first_day[k]), last_day[best] = std::max(last_day[best], first_day[k]);
  }
  for (int k : labelled_k)
    if (members[k] > 0) report.clusters.push_back({order_[k], members[k], iso_date(first_day[k]), iso_date(last_day[k])});

  // The body, top to bottom: the summary line, the labels above, their leader channel and
  // markers, the axis band, the cluster brackets and density strip, the markers, channel and
  // labels below.
  int top_row = 0, bottom_row = 0;
  for (const SelectedLabel& l : sel.labels) (l.side == 0 ? top_row : bottom_row) = std::max(l.side == 0 ? top_row : bottom_row, l.row);
  const double band_top = summary_h + top_row * pitch + zone;
  const double strip_top = band_top + band_h;
  const double below_top = strip_top + strip_band;
  Body body;
  body.width = W;
  body.scale = sc;
  std::vector<scene::Item> under, over, strips, as_of_lines, leaders, markers, labels, as_of_labels;
  labels.push_back(ctx_.text(role::detail_summary, -1, summary_line(report.labelled, n, doc.locale), t_.event_date, 0,
                             text::Wrap::Greedy, nowhere, {left, 0}));

  for (const SelectedLabel& l : sel.labels) {
    const int i = order_[l.event];
    const model::Event& e = doc.events[i];
    const bool above = l.side == 0;
    const double dir = above ? -1 : 1;
    const double centre = above ? band_top - outer_ : below_top + outer_;
    const double base = above ? band_top - zone : below_top + zone;
    const double x = xs[l.event], stem = left + static_cast<double>(l.stem) / units;
    // The label: date line (with the cluster's count) and title.
    std::vector<scene::Item> block;
    block.push_back(ctx_.text(role::event_date, i, date_line(i), t_.event_date, 0, text::Wrap::Greedy, e.loc, {0, 0}));
    if (members[l.event] > 0)
      block.push_back(ctx_.text(role::cluster_count, i, badge(members[l.event]), t_.event_date, 0, text::Wrap::Greedy,
                                nowhere, {block[0].box.w + space_w, 0}));
    scene::Item title = title_item(i, l.variant == 1);
    move_item(title, {0, date_h + t_.label_inner_gap});
    const double h = title.box.bottom();
    block.push_back(std::move(title));
    const double near_y = base + dir * (l.row - 1) * pitch, far_y = near_y + dir * h;
    move_items(block, {stem + t_.flag_pad, std::min(near_y, far_y)});
    for (scene::Item& it : block) labels.push_back(std::move(it));

    const Color c = event_color(ctx_, i);
    const bool tentative = e.status != model::Status::Confirmed;
    const scene::Stroke leader{t_.leader, t_.stem_width, tentative ? t_.tentative_dash : std::vector<double>{}};
    const double marker_far = centre + dir * outer_;
    std::vector<Point> pts{{x, marker_far}};
    if (std::abs(stem - x) > 0.01) pts.insert(pts.end(), {{x, marker_far + dir * t_.leader_channel / 4}, {stem, base}});
    pts.push_back({stem, far_y});
    leaders.push_back(line_item(role::leader, i, std::move(pts), leader));
    const scene::Stroke ring{tentative ? c : t_.background, t_.marker_stroke, {}};
    markers.push_back(marker_item(role::event_marker, i, {x, centre}, t_.marker_radius, tentative ? t_.background : c, ring));
    markers.back().shape = group_shape(ctx_, e.group);
    if (e.is_span) {  // a labelled span's extent, along its marker row toward the axis
      const double x1 = sc(static_cast<double>(in_.extents[i].end));
      Color tint = c;
      tint.a = static_cast<std::uint8_t>(t_.span_alpha);
      const double y = above ? band_top - t_.band_height : strip_top + strip_band - t_.band_height;
      strips.push_back(span_item(role::span, i, {x, y, std::max(1.0, x1 - x), t_.band_height}, tint));
    }
    if (members[l.event] > 0) {  // the bracket under the cluster's markers, a px short of each end
      const double y = strip_top + bracket_lane / 2;  // so that neighbouring clusters stay apart
      const double b0 = lo_x[l.event] + 1, b1 = std::max(b0 + 1, hi_x[l.event] - 1);
      strips.push_back(line_item(role::cluster, i, {{b0, y}, {b1, y}}, scene::Stroke{c, bracket_lane, {}}));
    }
  }

  // The density strip: every event counted once in the finest bin at least min_bin_px wide.
  const double px_per_day = (a1 - a0 - t_.axis_break * static_cast<double>(in_.breaks.size())) /
                            std::max(1.0, static_cast<double>(in_.last - in_.first));
  calendar::Days days = bin_days[std::size(bin_days) - 1];
  for (calendar::Days d : bin_days)
    if (static_cast<double>(d) * px_per_day >= min_bin_px) {
      days = d;
      break;
    }
  std::vector<int> bins(static_cast<std::size_t>((in_.last - in_.first) / days + 1), 0);
  for (int i : order_) {
    const auto day = static_cast<calendar::Days>(std::floor(anchor(i)));
    ++bins[static_cast<std::size_t>(std::clamp<calendar::Days>((day - in_.first) / days, 0, static_cast<calendar::Days>(bins.size()) - 1))];
  }
  const int most = bins.empty() ? 0 : *std::max_element(bins.begin(), bins.end());
  const double strip_base = strip_top + bracket_lane + 2 + strip_height;
  Color bar = t_.axis;
  bar.a = 0x99;
  for (std::size_t b = 0; b < bins.size(); ++b) {
    if (bins[b] == 0) continue;
    const double x0 = sc(static_cast<double>(in_.first + static_cast<calendar::Days>(b) * days));
    const double x1 = std::min(a1, sc(static_cast<double>(in_.first + static_cast<calendar::Days>(b + 1) * days)));
    const double h = std::max(1.0, strip_height * bins[b] / std::max(1, most));
    strips.push_back(span_item(role::density, -1, {x0, strip_base - h, std::max(0.5, x1 - x0), h}, bar));
  }
  labels.push_back(ctx_.text(role::density_caption, -1, strip_caption(most, days, doc.locale), t_.tick, 0,
                             text::Wrap::Greedy, nowhere, {a0, strip_base + 2}));

  // The axis band, the as-of mark, and the eras behind everything.
  const double x0 = sc(static_cast<double>(in_.first)), x1 = sc(static_cast<double>(in_.last));
  const double reach = 2 * outer_ + t_.leader_channel / 2;
  const std::optional<Rect> clear = add_as_of_mark(ctx_, sc, {x0, x1, band_top, band_h}, band_top - reach,
                                                   band_top + band_h, as_of_lines, as_of_labels);
  layout_axis_band(ctx_, sc, {x0, x1, band_top, band_h}, clear, under, over);
  for (auto* layer : {&under, &strips, &over, &as_of_lines, &leaders, &markers, &labels, &as_of_labels})
    for (scene::Item& it : *layer) body.items.push_back(std::move(it));
  body.height = below_top + (bottom_row > 0 ? zone + bottom_row * pitch : outer_);
  body.detail = std::move(report);
  add_eras_horizontal(ctx_, in_, sc, body);
  return body;
}

}  // namespace

std::optional<Body> layout_detail(const Context& ctx, const TimelineInput& in, AxisInsets insets, double max_height) {
  return Detail(ctx, in, insets, max_height).run();
}

}  // namespace factline::layout
