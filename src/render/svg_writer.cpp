// factline's SVG, written from the scene (docs/embedding.md shows what a report author gets).
// Glyphs are outlines defined once per font face in font units and placed with a scale, so a
// glyph drawn at three sizes is stored once; numbers are rounded to what the picture needs;
// over the outlines lies an invisible layer of real text on the drawn lines, grouped by event,
// for find-in-page, selection, copying and screen readers (the measurements behind its markup:
// the design note on SVG text layers).
#include <pango/pango.h>

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/xml.hpp"
#include "render/glyphs.hpp"
#include "render/render.hpp"
#include "scene/roles.hpp"

namespace factline::render {
namespace {

// Stands for the id prefix until the content, which a default prefix is derived from, is
// written. XML forbids the character, so no escaped user text can hold it.
constexpr char id_mark = '\x01';

// `v` rounded to `decimals` places, without trailing zeros, a leading "0." or "-0".
void put_num(std::string& out, double v, int decimals = 2) {
  static constexpr std::array<double, 7> powers{1, 10, 100, 1e3, 1e4, 1e5, 1e6};
  const double scaled = std::round(v * powers[static_cast<std::size_t>(decimals)]);
  if (!std::isfinite(scaled) || std::abs(scaled) > 9e15 || scaled == 0) {
    out += '0';
    return;
  }
  const long long r = static_cast<long long>(scaled);
  char buf[24];
  const auto res = std::to_chars(buf, buf + sizeof buf, r < 0 ? -r : r);
  std::string digits(buf, res.ptr);
  if (static_cast<int>(digits.size()) <= decimals) digits.insert(0, static_cast<std::size_t>(decimals) + 1 - digits.size(), '0');
  std::string_view whole(digits.data(), digits.size() - static_cast<std::size_t>(decimals));
  std::string_view frac(digits.data() + whole.size(), static_cast<std::size_t>(decimals));
  while (!frac.empty() && frac.back() == '0') frac.remove_suffix(1);
  if (r < 0) out += '-';
  if (!(whole == "0" && !frac.empty())) out += whole;
  if (!frac.empty()) (out += '.') += frac;
}

// A scale factor, exactly (the shortest form that reads back as the same double).
void put_factor(std::string& out, double v) {
  char buf[32];
  const auto res = std::to_chars(buf, buf + sizeof buf, v);
  std::string_view s(buf, res.ptr);
  if (s.starts_with("0.")) s.remove_prefix(1);
  out += s;
}

void put_base36(std::string& out, int n) {
  char buf[16];
  const auto res = std::to_chars(buf, buf + sizeof buf, n, 36);
  out.append(buf, res.ptr);
}

// "#rgb" where it says the same as "#rrggbb".
std::string hex(const Color& c) {
  const Color opaque{c.r, c.g, c.b, 255};
  std::string h = opaque.hex();
  if (h[1] == h[2] && h[3] == h[4] && h[5] == h[6]) return {'#', h[1], h[3], h[5]};
  return h;
}

void put_paint(std::string& out, std::string_view what, const Color& c) {
  out += ' ';
  (((out += what) += "=\"") += hex(c)) += '"';
  if (c.a < 255) {
    (out += ' ') += what;
    out += "-opacity=\"";
    put_num(out, c.a / 255.0, 3);
    out += '"';
  }
}

void put_attr(std::string& out, std::string_view name, double v, int decimals = 2) {
  ((out += ' ') += name) += "=\"";
  put_num(out, v, decimals);
  out += '"';
}

void put_attr(std::string& out, std::string_view name, std::string_view text) {
  ((out += ' ') += name) += "=\"";
  (out += xml_escape(text)) += '"';
}

// An outline's path data in font units: relative commands, a letter only when it changes, no
// space before a minus.
class PathData {
 public:
  explicit PathData(std::string& out, int decimals = 0) : out_(out), decimals_(decimals) {}
  void command(char c) {
    if (c != last_ || c == 'm' || c == 'z') out_ += c, last_ = c, fresh_ = true;
  }
  void number(double v) {
    std::string n;
    put_num(n, v, decimals_);
    if (!fresh_ && n[0] != '-' && !(n[0] == '.' && has_point_)) out_ += ' ';
    has_point_ = n.find('.') != std::string::npos;
    out_ += n;
    fresh_ = false;
  }

 private:
  std::string& out_;
  int decimals_;
  char last_ = 0;
  bool fresh_ = true, has_point_ = false;
};

double rounded(double v) { return std::round(v); }

void put_outline(std::string& out, const Outline& o) {
  PathData d(out);
  double cx = 0, cy = 0, sx = 0, sy = 0;  // current point and subpath start, rounded
  for (std::size_t i = 0; i < o.ops.size(); ++i) {
    const PathOp& op = o.ops[i];
    const auto rel = [&](int k) {
      d.number(rounded(op.p[2 * k]) - cx);
      d.number(rounded(op.p[2 * k + 1]) - cy);
    };
    const int last = op.kind == PathOp::Cubic ? 2 : op.kind == PathOp::Quad ? 1 : 0;
    const double x = rounded(op.p[2 * last]), y = rounded(op.p[2 * last + 1]);
    switch (op.kind) {
      case PathOp::Move:
        d.command('m');
        rel(0);
        sx = x, sy = y;
        break;
      case PathOp::Line: {
        const bool closes = i + 1 < o.ops.size() && o.ops[i + 1].kind == PathOp::Close && x == sx && y == sy;
        if ((x == cx && y == cy) || closes) continue;  // z draws the closing line itself
        if (y == cy) d.command('h'), d.number(x - cx);
        else if (x == cx) d.command('v'), d.number(y - cy);
        else d.command('l'), rel(0);
        break;
      }
      case PathOp::Quad: d.command('q'), rel(0), rel(1); break;
      case PathOp::Cubic: d.command('c'), rel(0), rel(1), rel(2); break;
      case PathOp::Close:
        d.command('z');
        cx = sx, cy = sy;
        continue;
    }
    cx = x, cy = y;
  }
}

// A polyline in px: absolute, H and V for axis-parallel steps.
void put_polyline(std::string& out, const std::vector<Point>& pts, bool closed) {
  PathData d(out, 2);
  for (std::size_t i = 0; i < pts.size(); ++i) {
    const Point& p = pts[i];
    if (i == 0) d.command('M'), d.number(p.x), d.number(p.y);
    else if (p.y == pts[i - 1].y) d.command('H'), d.number(p.x);
    else if (p.x == pts[i - 1].x) d.command('V'), d.number(p.y);
    else d.command('L'), d.number(p.x), d.number(p.y);
  }
  if (closed) d.command('z');
}

// Places in font units for a use: within 1/100 px at the run's scale.
int unit_decimals(double scale) { return std::max(0, static_cast<int>(std::ceil(std::log10(scale / 0.02)))); }

struct FontStyle {
  std::string family;
  int weight = 400;
  double size = 0;
};

FontStyle font_style(const text::ShapedText& shaped) {
  const PangoFontDescription* d = pango_layout_get_font_description(shaped.layout());
  if (!d) return {};
  const char* family = pango_font_description_get_family(d);
  return {family ? family : "", static_cast<int>(pango_font_description_get_weight(d)),
          static_cast<double>(pango_font_description_get_size(d)) / PANGO_SCALE};
}

bool is_event_role(std::string_view role) {
  return role == scene::role::event_date || role == scene::role::event_title || role == scene::role::event_text ||
         role == scene::role::event_label;
}

std::uint32_t fnv1a(std::string_view s) {
  std::uint32_t h = 2166136261u;
  for (unsigned char c : s) h = (h ^ c) * 16777619u;
  return h;
}

class Writer {
 public:
  Writer(const scene::Scene& scene, const SvgOptions& options, const scene::Scene* dark)
      : scene_(scene), options_(options), dark_(dark) {}

  std::string write() {
    laid_.resize(scene_.items.size());
    for (std::size_t i = 0; i < scene_.items.size(); ++i) {
      const scene::Item& it = scene_.items[i];
      if (it.type == scene::ItemType::Text && it.shaped) laid_[i] = text_glyphs(*it.shaped, it.origin, glyphs_);
    }
    std::string drawing;
    for (std::size_t i = 0; i < scene_.items.size(); ++i) item(drawing, i);
    std::string layer;
    if (options_.text != SvgText::Outline) text_layer(layer);
    std::string svg = head();
    if (options_.text != SvgText::Text) defs(svg);
    if (scene_.background.a > 0) {
      svg += "<rect";
      put_attr(svg, "width", scene_.width);
      put_attr(svg, "height", scene_.height);
      put_paint(svg, "fill", scene_.background);
      put_class(svg, dark_class("fill", scene_.background, dark_ ? std::optional(dark_->background) : std::nullopt));
      svg += "/>\n";
    }
    svg += drawing;
    svg += layer;
    dark_style(svg);
    svg += "</svg>\n";
    return with_prefix(svg);
  }

 private:
  std::string head() const {
    std::string s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"";
    put_attr(s, "width", scene_.width);
    put_attr(s, "height", scene_.height);
    s += " viewBox=\"0 0 ";
    put_num(s, scene_.width);
    s += ' ';
    put_num(s, scene_.height);
    s += '"';
    // The viewBox keeps the aspect ratio at any width; height:auto lets a page's width:100% set it.
    s += " style=\"max-width:100%;height:auto\"";
    s += " role=\"graphics-document\" aria-labelledby=\"";
    (s += id_mark) += "-title\"";
    if (!scene_.description.empty()) (s += " aria-describedby=\"") += id_mark, s += "-desc\"";
    if (!scene_.language.empty()) put_attr(s, "xml:lang", scene_.language);
    s += ">\n<title id=\"";
    (s += id_mark) += "-title\">";
    (s += xml_escape(scene_.title)) += "</title>\n";
    if (!scene_.description.empty()) {
      s += "<desc id=\"";
      (s += id_mark) += "-desc\">";
      (s += xml_escape(scene_.description)) += "</desc>\n";
    }
    return s;
  }

  void glyph_id(std::string& out, int index) const {
    out += id_mark;
    out += '_';
    put_base36(out, index);
  }

  void defs(std::string& out) const {
    out += "<defs>";
    for (std::size_t i = 0; i < glyphs_.size(); ++i) {
      const Outline& o = glyphs_[static_cast<int>(i)];
      if (!o.png.empty()) {  // a colour emoji: its bitmap, embedded
        out += "<image id=\"";
        glyph_id(out, static_cast<int>(i));
        out += '"';
        put_attr(out, "x", o.x, 0);
        put_attr(out, "y", o.y, 0);
        put_attr(out, "width", o.w, 0);
        put_attr(out, "height", o.h, 0);
        out += " preserveAspectRatio=\"none\" href=\"data:image/png;base64,";
        gchar* b64 = g_base64_encode(reinterpret_cast<const guchar*>(o.png.data()), o.png.size());
        out += b64;
        g_free(b64);
        out += "\"/>\n";
        continue;
      }
      if (o.ops.empty()) continue;
      out += "<path id=\"";
      glyph_id(out, static_cast<int>(i));
      out += "\" d=\"";
      put_outline(out, o);
      out += "\"/>\n";
    }
    out += "</defs>\n";
  }

  const std::string& link_of(const scene::Item& it) const {
    static const std::string none;
    if (it.event < 0 || static_cast<std::size_t>(it.event) >= scene_.events.size()) return none;
    return scene_.events[static_cast<std::size_t>(it.event)].link;
  }

  void item(std::string& out, std::size_t index) {
    const scene::Item& it = scene_.items[index];
    switch (it.type) {
      case scene::ItemType::Text: return text_outlines(out, index);
      case scene::ItemType::Line:
        if (it.points.empty() || !it.stroke) return;
        out += "<path d=\"";
        put_polyline(out, it.points, false);
        out += "\" fill=\"none\"";
        {
          std::string cls;
          stroke(out, cls, it);
          put_class(out, cls);
        }
        if (it.points.size() > 2) out += " stroke-linejoin=\"round\"";
        out += "/>\n";
        return;
      case scene::ItemType::Area:
        if (it.points.empty()) return;
        out += "<path d=\"";
        put_polyline(out, it.points, true);
        out += '"';
        fill_and_stroke(out, it);
        if (it.stroke) out += " stroke-miterlimit=\"10\"";  // Cairo's, not SVG's 4
        out += "/>\n";
        return;
      case scene::ItemType::Span:
        rect(out, it.box, it);
        return;
      case scene::ItemType::Marker: return marker(out, it);
    }
  }

  void rect(std::string& out, const Rect& r, const scene::Item& it) {
    out += "<rect";
    put_attr(out, "x", r.x);
    put_attr(out, "y", r.y);
    put_attr(out, "width", r.w);
    put_attr(out, "height", r.h);
    fill_and_stroke(out, it);
    out += "/>\n";
  }

  // The box of a marker includes half its outline; the shape runs through the outline's middle.
  void marker(std::string& out, const scene::Item& it) {
    const double inset = it.stroke ? it.stroke->width / 2 : 0;
    const Rect r = it.box.inflated(-inset);
    const double cx = r.x + r.w / 2, cy = r.y + r.h / 2;
    switch (it.shape) {
      case scene::MarkerShape::Circle:
        out += "<circle";
        put_attr(out, "cx", cx);
        put_attr(out, "cy", cy);
        put_attr(out, "r", r.w / 2);
        fill_and_stroke(out, it);
        out += "/>\n";
        return;
      case scene::MarkerShape::Square: return rect(out, r, it);
      case scene::MarkerShape::Diamond:
        out += "<path d=\"";
        put_polyline(out, {{cx, r.y}, {r.right(), cy}, {cx, r.bottom()}, {r.x, cy}}, true);
        out += '"';
        fill_and_stroke(out, it);
        out += "/>\n";
        return;
    }
  }

  void stroke(std::string& out, std::string& cls, const scene::Item& it) {
    const scene::Stroke& s = *it.stroke;
    put_paint(out, "stroke", s.color);
    const scene::Item* d = dark_item(it);
    add_class(cls, dark_class("stroke", s.color, d && d->stroke ? std::optional(d->stroke->color) : std::nullopt));
    if (s.width != 1) put_attr(out, "stroke-width", s.width);
    if (!s.dash.empty()) {
      out += " stroke-dasharray=\"";
      for (std::size_t i = 0; i < s.dash.size(); ++i) {
        if (i) out += ' ';
        put_num(out, s.dash[i]);
      }
      out += '"';
    }
  }

  void fill_and_stroke(std::string& out, const scene::Item& it) {
    std::string cls;
    if (it.fill) {
      put_paint(out, "fill", *it.fill);
      const scene::Item* d = dark_item(it);
      add_class(cls, dark_class("fill", *it.fill, d ? d->fill : std::nullopt));
    } else {
      out += " fill=\"none\"";
    }
    if (it.stroke) stroke(out, cls, it);
    put_class(out, cls);
  }

  void text_fill(std::string& out, const scene::Item& it) {
    const Color fill = it.fill.value_or(Color{});
    put_paint(out, "fill", fill);
    const scene::Item* d = dark_item(it);
    put_class(out, dark_class("fill", fill, d ? std::optional(d->fill.value_or(Color{})) : std::nullopt));
  }

  // The glyphs of a text item: a group per run, scaled from font units, with a use per glyph.
  void text_outlines(std::string& out, std::size_t index) {
    const scene::Item& it = scene_.items[index];
    if (options_.text == SvgText::Text || !it.shaped) return;
    std::vector<const GlyphRun*> runs;
    for (const GlyphRun& r : laid_[index].runs) {
      bool drawn = false;
      for (const PlacedGlyph& g : r.glyphs) drawn = drawn || glyphs_[g.outline].drawn();
      if (drawn) runs.push_back(&r);
    }
    if (runs.empty()) return;
    const std::string& link = link_of(it);
    const bool linked = !link.empty() && options_.text == SvgText::Outline;  // else the text layer links
    if (linked) (out += "<a href=\"") += xml_escape(link), out += "\">";
    out += "<g";
    text_fill(out, it);
    if (runs.size() > 1) out += '>';
    for (const GlyphRun* r : runs) {
      const double x0 = r->glyphs.front().x, y0 = r->glyphs.front().y;
      if (runs.size() > 1) out += "<g";
      out += " transform=\"matrix(";
      put_factor(out, r->scale);
      out += " 0 0 ";
      put_factor(out, r->scale);
      out += ' ';
      put_num(out, x0);
      out += ' ';
      put_num(out, y0);
      out += ")\">";
      const int decimals = unit_decimals(r->scale);
      for (const PlacedGlyph& g : r->glyphs) {
        if (!glyphs_[g.outline].drawn()) continue;
        out += "<use href=\"#";
        glyph_id(out, g.outline);
        out += '"';
        const double ux = (g.x - x0) / r->scale, uy = (g.y - y0) / r->scale;
        std::string n;
        put_num(n, ux, decimals);
        if (n != "0") ((out += " x=\"") += n) += '"';
        n.clear();
        put_num(n, uy, decimals);
        if (n != "0") ((out += " y=\"") += n) += '"';
        out += "/>";
      }
      out += "</g>";
    }
    if (runs.size() > 1) out += "</g>";
    if (linked) out += "</a>";
    out += '\n';
  }

  // One <text> per item, a <tspan> per line when it wraps, on the drawn lines: x and y where
  // the line's first glyph stands, its advance width as textLength so the viewer's font, which
  // may differ, fills the same space. Between two lines exactly one space when the break took
  // one, so a title on two lines is found whole.
  void text_element(std::string& out, std::size_t index, const std::string& id) {
    const scene::Item& it = scene_.items[index];
    const TextGlyphs& laid = laid_[index];
    if (laid.lines.empty()) return;
    const std::string_view source = pango_layout_get_text(it.shaped->layout());
    const FontStyle style = font_style(*it.shaped);
    const auto position = [&](const LineBox& l) {
      put_attr(out, "x", l.x);
      put_attr(out, "y", l.baseline);
      if (l.width > 0) {
        put_attr(out, "textLength", l.width);
        out += " lengthAdjust=\"spacingAndGlyphs\"";
      }
    };
    out += "<text";
    if (!id.empty()) (((out += " id=\"") += id_mark) += id) += '"';
    if (laid.lines.size() == 1) position(laid.lines.front());
    put_attr(out, "font-size", style.size);
    if (style.weight != 400) put_attr(out, "font-weight", style.weight, 0);
    if (style.family != family_) put_attr(out, "font-family", style.family + ", sans-serif");
    if (options_.text == SvgText::Text) text_fill(out, it);
    out += " aria-hidden=\"true\">";
    const auto slice = [&](std::size_t a, std::size_t b) {
      return source.substr(std::min(a, source.size()), b > a ? b - a : 0);
    };
    if (laid.lines.size() == 1) {
      out += xml_escape(slice(laid.lines[0].start, laid.lines[0].end));
    } else {
      for (std::size_t k = 0; k < laid.lines.size(); ++k) {
        const LineBox& l = laid.lines[k];
        if (k > 0 && laid.lines[k - 1].end < l.start) out += ' ';  // the break's separator, as one space
        out += "<tspan";
        position(l);
        out += '>';
        out += xml_escape(slice(l.start, l.end));
        out += "</tspan>";
      }
    }
    out += "</text>\n";
  }

  void text_layer(std::string& out) {
    // The family most labels use is said once, on the layer.
    for (const scene::Item& it : scene_.items)
      if (it.type == scene::ItemType::Text && it.shaped) {
        family_ = font_style(*it.shaped).family;
        break;
      }
    const bool visible = options_.text == SvgText::Text;
    if (!visible) {
      // Selected text lights up lightly, so the outlines under it stay readable.
      out += "<style>#";
      out += id_mark;
      out += "-text ::selection{background-color:rgba(51,144,255,.3)}</style>\n";
    }
    out += "<g id=\"";
    out += id_mark;
    out += "-text\"";
    if (!visible) out += " fill-opacity=\"0\"";
    put_attr(out, "font-family", family_ + ", sans-serif");
    out += ">\n";

    std::vector<std::vector<std::size_t>> by_event(scene_.events.size());
    std::vector<std::size_t> header, rest;
    for (std::size_t i = 0; i < scene_.items.size(); ++i) {
      const scene::Item& it = scene_.items[i];
      if (it.type != scene::ItemType::Text || !it.shaped) continue;
      if (it.event >= 0 && static_cast<std::size_t>(it.event) < by_event.size() && is_event_role(it.role))
        by_event[static_cast<std::size_t>(it.event)].push_back(i);
      else if (it.role == scene::role::title || it.role == scene::role::subtitle)
        header.push_back(i);
      else
        rest.push_back(i);
    }
    for (std::size_t i : header) text_element(out, i, {});
    bool any = false;
    for (std::size_t e = 0; e < by_event.size(); ++e) {
      if (by_event[e].empty()) continue;
      if (!any) out += "<g role=\"list\">\n", any = true;
      const scene::EventInfo& info = scene_.events[e];
      std::string body_id;
      for (std::size_t i : by_event[e])
        if (scene_.items[i].role == scene::role::event_text) body_id = "-e" + std::to_string(e) + "-text";
      out += "<g role=\"listitem\"";
      put_attr(out, "aria-label", info.date.empty() ? info.title : info.date + " — " + info.title);
      if (!body_id.empty()) (((out += " aria-describedby=\"") += id_mark) += body_id) += '"';
      out += '>';
      if (!info.link.empty()) {
        out += "<a";
        put_attr(out, "href", info.link);
        put_attr(out, "aria-label", info.title);
        out += '>';
      }
      out += '\n';
      for (std::size_t i : by_event[e])
        text_element(out, i, scene_.items[i].role == scene::role::event_text ? body_id : std::string());
      if (!info.link.empty()) out += "</a>";
      out += "</g>\n";
    }
    if (any) out += "</g>\n";
    charts(out);
    for (std::size_t i : rest) text_element(out, i, {});
    out += "</g>\n";
  }

  // Each chart a named group, each series a named list of its values ("2023년: 1,234억 달러");
  // a long series is named by its first and last values and its count.
  void charts(std::string& out) const {
    for (const scene::ChartInfo& c : scene_.charts) {
      out += "<g role=\"group\"";
      if (!c.name.empty()) put_attr(out, "aria-label", c.name);
      out += ">\n";
      for (const scene::ChartInfo::Series& series : c.series) {
        const bool whole = series.values.size() == series.count;
        std::string name = series.name;
        if (!whole && series.values.size() == 2)
          name += (name.empty() ? "" : " — ") + series.values.front() + " … " + series.values.back() + " (" +
                  std::to_string(series.count) + ")";
        out += "<g role=\"list\"";
        if (!name.empty()) put_attr(out, "aria-label", name);
        out += '>';
        if (whole)
          for (const std::string& v : series.values) {
            out += "<g role=\"listitem\"";
            put_attr(out, "aria-label", v);
            out += "/>";
          }
        out += "</g>\n";
      }
      out += "</g>\n";
    }
  }

  std::string with_prefix(const std::string& svg) const {
    std::string prefix = options_.id_prefix;
    if (prefix.empty()) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "fl%08x", fnv1a(svg));
      prefix = buf;
    }
    std::string out;
    out.reserve(svg.size() + svg.size() / 8);
    for (char c : svg) c == id_mark ? out += prefix : out += c;
    return out;
  }

  // A colour that changes in the dark: a class whose rule sets the dark one (the light one stays
  // in the attribute, for viewers without CSS). Empty when it does not change.
  std::string dark_class(std::string_view what, const Color& light, const std::optional<Color>& dark) {
    if (!dark || *dark == light) return {};
    std::string rule(what);
    (rule += ':') += hex(*dark);
    if (dark->a < 255 || light.a < 255) {
      ((rule += ';') += what) += "-opacity:";
      put_num(rule, dark->a / 255.0, 3);
    }
    std::string light_rule(what);
    (light_rule += ':') += hex(light);
    if (dark->a < 255 || light.a < 255) {
      ((light_rule += ';') += what) += "-opacity:";
      put_num(light_rule, light.a / 255.0, 3);
    }
    for (std::size_t k = 0; k < dark_rules_.size(); ++k)
      if (dark_rules_[k] == std::pair{rule, light_rule}) return class_name(k);
    dark_rules_.emplace_back(rule, light_rule);
    return class_name(dark_rules_.size() - 1);
  }

  static std::string class_name(std::size_t k) {
    std::string c(1, id_mark);
    c += "-k";
    put_base36(c, static_cast<int>(k));
    return c;
  }

  // The dark rules: for a system that asks for dark unless the page says light, and for a page
  // whose own switch puts .dark or [data-theme=dark] on an ancestor.
  void dark_style(std::string& out) const {
    if (dark_rules_.empty()) return;
    const auto rules = [&](std::string_view prefix, bool light) {
      for (std::size_t k = 0; k < dark_rules_.size(); ++k)
        ((((out += prefix) += '.') += class_name(k)) += '{') += (light ? dark_rules_[k].second : dark_rules_[k].first),
            out += '}';
    };
    out += "<style>@media (prefers-color-scheme:dark){";
    rules("", false);
    rules(":is(.light,[data-theme=light]) ", true);
    out += "}\n";
    rules(":is(.dark,[data-theme=dark]) ", false);
    out += "</style>\n";
  }

  const scene::Item* dark_item(const scene::Item& it) const {
    if (!dark_) return nullptr;
    const std::size_t i = static_cast<std::size_t>(&it - scene_.items.data());
    return i < dark_->items.size() ? &dark_->items[i] : nullptr;
  }

  static void put_class(std::string& out, const std::string& cls) {
    if (!cls.empty()) ((out += " class=\"") += cls) += '"';
  }

  static void add_class(std::string& cls, const std::string& c) {
    if (c.empty()) return;
    if (!cls.empty()) cls += ' ';
    cls += c;
  }

  const scene::Scene& scene_;
  const SvgOptions& options_;
  const scene::Scene* dark_;
  std::vector<std::pair<std::string, std::string>> dark_rules_;  // per class: the dark rule, the light one
  GlyphSet glyphs_;
  std::vector<TextGlyphs> laid_;  // per item: its glyphs and lines (text items only)
  std::string family_;
};

}  // namespace

bool valid_id_prefix(std::string_view p) {
  const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  if (p.empty() || p.size() > 64 || !letter(p[0])) return false;
  for (char c : p)
    if (!letter(c) && !(c >= '0' && c <= '9') && c != '-') return false;
  return true;
}

std::string to_svg(const scene::Scene& scene, const SvgOptions& options, const scene::Scene* dark) {
  if (!options.id_prefix.empty() && !valid_id_prefix(options.id_prefix))
    throw std::invalid_argument("invalid SVG id prefix");  // it would be written unescaped
  return Writer(scene, options, dark).write();
}

}  // namespace factline::render
