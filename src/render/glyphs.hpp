#pragma once
// A laid-out label as positioned glyph outlines, taken from the fonts with HarfBuzz's draw API:
// what the SVG writer defines once per font and reuses, and what the PNG fills at the glyphs'
// true fractional positions (Cairo 1.16's image surface would put each glyph on a whole pixel).
// The PDF keeps Pango's text drawing, for real, extractable text.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/geometry.hpp"

typedef struct _PangoLayout PangoLayout;
typedef struct _PangoFont PangoFont;
typedef struct hb_face_t hb_face_t;
typedef struct hb_font_t hb_font_t;

namespace factline::text {
class ShapedText;
}

namespace factline::render {

struct PathOp {
  enum Kind : std::uint8_t { Move, Line, Quad, Cubic, Close } kind;
  float p[6];  // the control points then the end point, x y pairs
};

// One glyph's outline in font units, y down (the flip is done here, so a use scales uniformly).
// A colour bitmap glyph (an emoji from a CBDT or sbix font) has no outline but its PNG and the
// box it fills, in the same units.
struct Outline {
  std::vector<PathOp> ops;
  std::string png;
  float x = 0, y = 0, w = 0, h = 0;
  bool drawn() const { return !ops.empty() || !png.empty(); }
};

// Outlines by font face and glyph, each drawn once. One set per output document.
class GlyphSet {
 public:
  GlyphSet() = default;
  ~GlyphSet();
  GlyphSet(const GlyphSet&) = delete;
  GlyphSet& operator=(const GlyphSet&) = delete;

  // The index of `glyph`'s outline in `font`'s face, drawn on first use; its units per em in `upem`.
  int outline(PangoFont* font, unsigned glyph, unsigned& upem);
  const Outline& operator[](int index) const { return outlines_[static_cast<std::size_t>(index)]; }
  std::size_t size() const { return outlines_.size(); }

 private:
  std::map<std::pair<hb_face_t*, unsigned>, int> index_;
  std::vector<Outline> outlines_;
  std::map<hb_face_t*, hb_font_t*> unit_fonts_;  // the faces at upem scale, owned
};

struct PlacedGlyph {
  int outline;
  double x, y;  // the glyph's origin, px
};

// Glyphs of one font at one size on one line.
struct GlyphRun {
  double scale;  // px per font unit
  std::vector<PlacedGlyph> glyphs;
};

// A drawn line, for the text layer: where its first glyph stands, its baseline, the advance
// width of its text without the separators it ends with, and those bytes of the layout's text.
struct LineBox {
  double x, baseline, width;
  std::size_t start, end;  // bytes of the layout's text, trailing separators excluded
};

struct TextGlyphs {
  std::vector<GlyphRun> runs;
  std::vector<LineBox> lines;
};

// The glyphs of `shaped` drawn with its layout's origin at `origin`, as pango_cairo_show_layout
// would place them.
TextGlyphs text_glyphs(const text::ShapedText& shaped, Point origin, GlyphSet& set);

}  // namespace factline::render
