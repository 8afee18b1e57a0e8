#include "render/glyphs.hpp"

#include <hb-ot.h>
#include <hb.h>
#include <pango/pangocairo.h>

#include "text/shaped_text.hpp"

namespace factline::render {
namespace {

double px(int units) { return static_cast<double>(units) / PANGO_SCALE; }

void move_to(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float x, float y, void*) {
  static_cast<Outline*>(data)->ops.push_back({PathOp::Move, {x, -y}});
}
void line_to(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float x, float y, void*) {
  static_cast<Outline*>(data)->ops.push_back({PathOp::Line, {x, -y}});
}
void quad_to(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float cx, float cy, float x, float y, void*) {
  static_cast<Outline*>(data)->ops.push_back({PathOp::Quad, {cx, -cy, x, -y}});
}
void cubic_to(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float c1x, float c1y, float c2x, float c2y, float x,
              float y, void*) {
  static_cast<Outline*>(data)->ops.push_back({PathOp::Cubic, {c1x, -c1y, c2x, -c2y, x, -y}});
}
void close_path(hb_draw_funcs_t*, void* data, hb_draw_state_t*, void*) {
  static_cast<Outline*>(data)->ops.push_back({PathOp::Close, {}});
}

// Made once, never changed after (HarfBuzz makes such objects safe to share between threads).
hb_draw_funcs_t* draw_funcs() {
  static hb_draw_funcs_t* funcs = [] {
    hb_draw_funcs_t* f = hb_draw_funcs_create();
    hb_draw_funcs_set_move_to_func(f, move_to, nullptr, nullptr);
    hb_draw_funcs_set_line_to_func(f, line_to, nullptr, nullptr);
    hb_draw_funcs_set_quadratic_to_func(f, quad_to, nullptr, nullptr);
    hb_draw_funcs_set_cubic_to_func(f, cubic_to, nullptr, nullptr);
    hb_draw_funcs_set_close_path_func(f, close_path, nullptr, nullptr);
    hb_draw_funcs_make_immutable(f);
    return f;
  }();
  return funcs;
}

}  // namespace

GlyphSet::~GlyphSet() {
  for (auto& [face, font] : unit_fonts_) hb_font_destroy(font);
}

int GlyphSet::outline(PangoFont* font, unsigned glyph, unsigned& upem) {
  hb_font_t* sized = pango_font_get_hb_font(font);
  hb_face_t* face = hb_font_get_face(sized);
  upem = hb_face_get_upem(face);
  const auto [it, added] = index_.try_emplace({face, glyph}, static_cast<int>(outlines_.size()));
  if (!added) return it->second;
  hb_font_t*& unit = unit_fonts_[face];
  if (!unit) {
    // The face at its own units (hb_font_create's default scale), with the sized font's
    // variation coordinates, so one outline serves every size.
    unit = hb_font_create(face);
    unsigned length = 0;
    const int* coords = hb_font_get_var_coords_normalized(sized, &length);
    if (length) hb_font_set_var_coords_normalized(unit, coords, length);
  }
  Outline& o = outlines_.emplace_back();
  hb_font_get_glyph_shape(unit, glyph, draw_funcs(), &o);  // HarfBuzz 7 renames it hb_font_draw_glyph
  if (o.ops.empty()) {
    hb_blob_t* blob = hb_ot_color_glyph_reference_png(unit, glyph);
    unsigned length = 0;
    const char* data = hb_blob_get_data(blob, &length);
    hb_glyph_extents_t e;
    if (length > 0 && hb_font_get_glyph_extents(unit, glyph, &e) && e.width != 0 && e.height != 0) {
      o.png.assign(data, length);
      o.x = static_cast<float>(e.x_bearing), o.y = static_cast<float>(-e.y_bearing);
      o.w = static_cast<float>(e.width), o.h = static_cast<float>(-e.height);
    }
    hb_blob_destroy(blob);
  }
  return it->second;
}

TextGlyphs text_glyphs(const text::ShapedText& shaped, Point origin, GlyphSet& set) {
  TextGlyphs out;
  PangoLayout* layout = shaped.layout();
  const std::vector<std::string>& texts = shaped.lines();
  PangoLayoutIter* iter = pango_layout_get_iter(layout);
  std::size_t line_no = 0;
  do {
    const PangoLayoutLine* line = pango_layout_iter_get_line_readonly(iter);
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter, nullptr, &logical);
    const double baseline = origin.y + px(pango_layout_iter_get_baseline(iter));
    const std::size_t start = static_cast<std::size_t>(line->start_index);
    const std::size_t end = start + (line_no < texts.size() ? texts[line_no].size() : 0);
    LineBox box{origin.x + px(logical.x), baseline, 0, start, end};
    bool first = true;
    int x = logical.x;  // pango units, as Pango's renderer adds them up
    for (GSList* l = line->runs; l; l = l->next) {
      const auto* run = static_cast<const PangoGlyphItem*>(l->data);
      const PangoGlyphString* gs = run->glyphs;
      GlyphRun& r = out.runs.emplace_back();
      unsigned upem = 1000;
      int gx = x + run->start_x_offset;
      for (int g = 0; g < gs->num_glyphs; ++g) {
        const PangoGlyphInfo& info = gs->glyphs[g];
        const std::size_t byte = static_cast<std::size_t>(run->item->offset + gs->log_clusters[g]);
        const double gpx = origin.x + px(gx + info.geometry.x_offset);
        if (byte < end) {
          if (first) box.x = gpx, first = false;
          box.width += px(info.geometry.width);
        }
        if (info.glyph != PANGO_GLYPH_EMPTY && !(info.glyph & PANGO_GLYPH_UNKNOWN_FLAG)) {
          const int index = set.outline(run->item->analysis.font, info.glyph, upem);
          r.glyphs.push_back({index, gpx, baseline + px(run->y_offset + info.geometry.y_offset)});
        }
        gx += info.geometry.width;
      }
      x += pango_glyph_string_get_width(run->glyphs) + run->start_x_offset + run->end_x_offset;
      // Pango sizes its HarfBuzz font in its own units per em, also where a bitmap font's strike
      // (an emoji's 109 px) is scaled down to the text's size.
      int x_scale = 0, y_scale = 0;
      hb_font_get_scale(pango_font_get_hb_font(run->item->analysis.font), &x_scale, &y_scale);
      r.scale = px(x_scale) / upem;
      if (r.glyphs.empty()) out.runs.pop_back();
    }
    out.lines.push_back(box);
    ++line_no;
  } while (pango_layout_iter_next_line(iter));
  pango_layout_iter_free(iter);
  return out;
}

}  // namespace factline::render
