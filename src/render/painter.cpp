#include "render/painter.hpp"

#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "render/glyphs.hpp"

namespace factline::render {
namespace {

void set_color(cairo_t* cr, const Color& c) {
  cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0);
}

void apply_stroke(cairo_t* cr, const scene::Stroke& s) {
  set_color(cr, s.color);
  cairo_set_line_width(cr, s.width);
  cairo_set_dash(cr, s.dash.data(), static_cast<int>(s.dash.size()), 0);
  cairo_stroke(cr);
}

void fill_and_stroke(cairo_t* cr, const scene::Item& it) {
  if (it.fill) {
    set_color(cr, *it.fill);
    it.stroke ? cairo_fill_preserve(cr) : cairo_fill(cr);
  }
  if (it.stroke) apply_stroke(cr, *it.stroke);
  cairo_new_path(cr);
}

// The box of a marker includes half its outline; the path runs through the outline's middle.
// The three shapes have one area, the circle's (πr²), so none weighs more than another in a
// greyscale print: a square of side r√π inside the box, a diamond whose box is as wide as its
// diagonal r√(2π) (layout/shapes.hpp, set_marker_shape).
void marker_path(cairo_t* cr, const scene::Item& it) {
  const double inset = it.stroke ? it.stroke->width / 2 : 0;
  const Rect r = it.box.inflated(-inset);
  const double cx = r.x + r.w / 2, cy = r.y + r.h / 2;
  cairo_new_path(cr);  // an arc would otherwise join the current point (left by text) with a line
  switch (it.shape) {
    case scene::MarkerShape::Circle:
      cairo_arc(cr, cx, cy, r.w / 2, 0, 2 * M_PI);
      break;
    case scene::MarkerShape::Square: {
      const double half = r.w / 2 * std::sqrt(M_PI) / 2;
      cairo_rectangle(cr, cx - half, cy - half, 2 * half, 2 * half);
      break;
    }
    case scene::MarkerShape::Diamond:
      cairo_move_to(cr, cx, r.y);
      cairo_line_to(cr, r.right(), cy);
      cairo_line_to(cr, cx, r.bottom());
      cairo_line_to(cr, r.x, cy);
      cairo_close_path(cr);
      break;
  }
}

// Cairo's stroker slows down far faster than linearly on long, self-crossing polylines (a line
// chart of 20,000 noisy values took 4 s to PNG, 100,000 took 79 s). A long solid opaque line is
// stroked in pieces instead, with round caps where they meet, which draws exactly what one
// stroke with round joins draws.
constexpr std::size_t stroke_piece = 256;

}  // namespace

std::vector<Point> column_envelope(const std::vector<Point>& points, double column) {
  if (points.size() < 8 || !(column > 0)) return points;
  for (std::size_t i = 1; i < points.size(); ++i)
    if (points[i].x < points[i - 1].x) return points;  // only a line that runs left to right
  std::vector<Point> out;
  for (std::size_t begin = 0; begin < points.size();) {
    const double col = std::floor(points[begin].x / column);
    std::size_t end = begin + 1, lo = begin, hi = begin;
    for (; end < points.size() && std::floor(points[end].x / column) == col; ++end) {
      if (points[end].y < points[lo].y) lo = end;
      if (points[end].y > points[hi].y) hi = end;
    }
    // The first, the lowest, the highest and the last point, in their order along the line:
    // the polyline through them covers the same pixels of the column, and joins its
    // neighbours at the same points.
    std::size_t keep[] = {begin, std::min(lo, hi), std::max(lo, hi), end - 1};
    for (std::size_t k = 0; k < 4; ++k)
      if (k == 0 || keep[k] != keep[k - 1]) out.push_back(points[keep[k]]);
    begin = end;
  }
  return out;
}

namespace {

// Where points are denser than device pixels, each pixel column's envelope is drawn: the same
// picture (beyond anti-aliasing) for a fraction of the stroking (bench/README.md, "Charts").
std::vector<Point> drawn_points(cairo_t* cr, const scene::Item& it) {
  double column = 1, unused = 0;
  cairo_device_to_user_distance(cr, &column, &unused);
  return column_envelope(it.points, std::abs(column));
}

void draw_line(cairo_t* cr, const scene::Item& it) {
  if (it.points.empty() || !it.stroke) return;
  const std::vector<Point> points = drawn_points(cr, it);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  const bool pieces = points.size() > stroke_piece && it.stroke->dash.empty() && it.stroke->color.a == 255;
  const std::size_t step = pieces ? stroke_piece : points.size();
  cairo_set_line_cap(cr, pieces ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
  for (std::size_t first = 0; first + 1 < points.size() || first == 0; first += step) {
    const std::size_t last = std::min(first + step, points.size() - 1);  // pieces share their ends
    cairo_move_to(cr, points[first].x, points[first].y);
    for (std::size_t i = first + 1; i <= last; ++i) cairo_line_to(cr, points[i].x, points[i].y);
    apply_stroke(cr, *it.stroke);
  }
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
}

void draw_area(cairo_t* cr, const scene::Item& it) {
  if (it.points.empty()) return;
  cairo_new_path(cr);
  cairo_move_to(cr, it.points[0].x, it.points[0].y);
  for (std::size_t i = 1; i < it.points.size(); ++i) cairo_line_to(cr, it.points[i].x, it.points[i].y);
  cairo_close_path(cr);
  fill_and_stroke(cr, it);
}

void append_glyphs(cairo_t* cr, const GlyphRun& run, const GlyphSet& set) {
  const double s = run.scale;
  for (const PlacedGlyph& g : run.glyphs) {
    double cx = 0, cy = 0;  // the current point, font units
    for (const PathOp& op : set[g.outline].ops) {
      const auto at = [&](int i) { return std::pair{g.x + s * op.p[2 * i], g.y + s * op.p[2 * i + 1]}; };
      switch (op.kind) {
        case PathOp::Move: cairo_move_to(cr, at(0).first, at(0).second), cx = op.p[0], cy = op.p[1]; break;
        case PathOp::Line: cairo_line_to(cr, at(0).first, at(0).second), cx = op.p[0], cy = op.p[1]; break;
        case PathOp::Quad: {
          // The cubic that draws the quadratic: control points 2/3 of the way to its control.
          const double qx = op.p[0], qy = op.p[1], x = op.p[2], y = op.p[3];
          cairo_curve_to(cr, g.x + s * (cx + 2 * (qx - cx) / 3), g.y + s * (cy + 2 * (qy - cy) / 3),
                         g.x + s * (x + 2 * (qx - x) / 3), g.y + s * (y + 2 * (qy - y) / 3), g.x + s * x, g.y + s * y);
          cx = x, cy = y;
          break;
        }
        case PathOp::Cubic:
          cairo_curve_to(cr, at(0).first, at(0).second, at(1).first, at(1).second, at(2).first, at(2).second);
          cx = op.p[4], cy = op.p[5];
          break;
        case PathOp::Close: cairo_close_path(cr); break;
      }
    }
  }
}

// A colour emoji's bitmap, stretched over its box as the SVG's <image> is.
void paint_bitmap(cairo_t* cr, const Outline& o, const PlacedGlyph& g, double scale) {
  struct Reader {
    std::string_view data;
    static cairo_status_t read(void* closure, unsigned char* out, unsigned int length) {
      auto* r = static_cast<Reader*>(closure);
      if (r->data.size() < length) return CAIRO_STATUS_READ_ERROR;
      std::copy_n(r->data.data(), length, out);
      r->data.remove_prefix(length);
      return CAIRO_STATUS_SUCCESS;
    }
  } reader{o.png};
  cairo_surface_t* image = cairo_image_surface_create_from_png_stream(Reader::read, &reader);
  const int w = cairo_image_surface_get_width(image), h = cairo_image_surface_get_height(image);
  if (cairo_surface_status(image) == CAIRO_STATUS_SUCCESS && w > 0 && h > 0) {
    cairo_save(cr);
    cairo_translate(cr, g.x + scale * o.x, g.y + scale * o.y);
    cairo_scale(cr, scale * o.w / w, scale * o.h / h);
    cairo_set_source_surface(cr, image, 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    cairo_paint(cr);
    cairo_restore(cr);
  }
  cairo_surface_destroy(image);
}

// Cairo's link tag takes its URI as a quoted string: quotes and backslashes escaped.
std::string link_attributes(std::string_view uri) {
  std::string out = "uri='";
  for (char c : uri) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

void draw_text(cairo_t* cr, const scene::Scene& scene, const scene::Item& it, TextDrawing mode, GlyphSet& set) {
  if (!it.shaped) return;
  set_color(cr, it.fill.value_or(Color{}));
  if (mode == TextDrawing::Outlines) {
    const TextGlyphs laid = text_glyphs(*it.shaped, it.origin, set);
    cairo_new_path(cr);
    for (const GlyphRun& run : laid.runs) append_glyphs(cr, run, set);
    cairo_fill(cr);
    for (const GlyphRun& run : laid.runs)
      for (const PlacedGlyph& g : run.glyphs)
        if (!set[g.outline].png.empty()) paint_bitmap(cr, set[g.outline], g, run.scale);
    return;
  }
  const std::string* link = it.event >= 0 && static_cast<std::size_t>(it.event) < scene.events.size() &&
                                    !scene.events[static_cast<std::size_t>(it.event)].link.empty()
                                ? &scene.events[static_cast<std::size_t>(it.event)].link
                                : nullptr;
  if (link) cairo_tag_begin(cr, CAIRO_TAG_LINK, link_attributes(*link).c_str());
  cairo_move_to(cr, it.origin.x, it.origin.y);
  // Draw the very layout that layout measured; no pango_cairo_update_layout, which would
  // re-shape it for this surface.
  pango_cairo_show_layout(cr, it.shaped->layout());
  cairo_new_path(cr);
  if (link) cairo_tag_end(cr, CAIRO_TAG_LINK);
}

// Whether a text's ink may reach `visible`: its ink and logical boxes with a margin, since
// Pango measured the ink with FreeType and the outlines drawn come from HarfBuzz.
bool reaches(const scene::Item& it, const Rect& visible) {
  if (!it.shaped) return false;
  constexpr double margin = 8;
  const Rect& ink = it.shaped->ink();
  const Rect& logical = it.shaped->logical();
  const double top = it.origin.y + std::min(ink.y, logical.y) - margin;
  const double bottom = it.origin.y + std::max(ink.bottom(), logical.bottom()) + margin;
  const double left = it.origin.x + std::min(ink.x, logical.x) - margin;
  const double right = it.origin.x + std::max(ink.right(), logical.right()) + margin;
  return bottom > visible.y && top < visible.bottom() && right > visible.x && left < visible.right();
}

// Whether a mark may reach `visible`: its box is its drawn extent (outline, caps and joins
// included), and anti-aliasing reaches at most a pixel past it.
bool box_reaches(const scene::Item& it, const Rect& visible) {
  constexpr double margin = 2;
  const Rect b = it.box.inflated(margin);
  return b.bottom() > visible.y && b.y < visible.bottom() && b.right() > visible.x && b.x < visible.right();
}

void paint_items(cairo_t* cr, const scene::Scene& scene, TextDrawing text, GlyphSet& glyphs, const Rect* visible) {
  set_color(cr, scene.background);
  cairo_paint(cr);
  for (const scene::Item& it : scene.items) {
    // A mark wholly outside the band is not handed to Cairo at all: building and stroking its
    // path only to clip it away was most of a band's drawing on a dense timeline.
    if (visible && it.type != scene::ItemType::Text && !box_reaches(it, *visible)) continue;
    switch (it.type) {
      case scene::ItemType::Text:
        if (!visible || reaches(it, *visible)) draw_text(cr, scene, it, text, glyphs);
        break;
      case scene::ItemType::Line: draw_line(cr, it); break;
      case scene::ItemType::Area: draw_area(cr, it); break;
      case scene::ItemType::Marker:
        marker_path(cr, it);
        fill_and_stroke(cr, it);
        break;
      case scene::ItemType::Span:
        cairo_rectangle(cr, it.box.x, it.box.y, it.box.w, it.box.h);
        fill_and_stroke(cr, it);
        break;
    }
  }
}

}  // namespace

void paint(cairo_t* cr, const scene::Scene& scene, TextDrawing text) {
  GlyphSet glyphs;
  paint_items(cr, scene, text, glyphs, nullptr);
}

void paint_band(cairo_t* cr, const scene::Scene& scene, GlyphSet& glyphs, const Rect& visible) {
  paint_items(cr, scene, TextDrawing::Outlines, glyphs, &visible);
}

}  // namespace factline::render
