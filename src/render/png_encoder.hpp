#pragma once
// PNG writer for Cairo's ARGB32 pixels, on zlib. cairo_surface_write_to_png spends most of its
// time in libpng's adaptive filtering, which buys nothing for flat infographics; this is several
// times faster (docs/design.md, "Rendering", has the figures). Takes raw pixels, not a
// cairo_surface_t, so it has no Cairo dependency and is easy to test.
//
// The image data can be written in parts: each part is a run of consecutive rows compressed as
// its own deflate stream that ends on a byte boundary (a sync flush; the last part ends the
// stream), so parts compressed on different threads, and rows painted a band at a time, join
// into the one zlib stream of an IDAT chunk. zlib, not libdeflate: libdeflate compresses a
// whole buffer into a finished stream, which can neither be fed in bands nor joined.
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace factline::render {

// Rows of one part of a PNG's image data, `width` pixels each: RGB scanlines when `opaque`
// (every pixel's alpha must then be 255), else RGBA un-premultiplied with the same rounding as
// Cairo's own PNG writer. Filter NONE (flat graphics gain nothing from filtering), zlib level 1.
class PngPart {
 public:
  PngPart(int width, bool opaque);
  ~PngPart();
  PngPart(const PngPart&) = delete;  // zlib's state points back at its stream
  PngPart& operator=(const PngPart&) = delete;

  // Appends `rows` rows of Cairo ARGB32 pixels (premultiplied, native-endian words) read
  // `stride` bytes apart.
  void add(const unsigned char* data, int rows, int stride);
  // Ends the part; the last part of an image ends the deflate stream.
  void finish(bool last);

  int rows() const { return rows_; }
  const std::string& compressed() const { return out_; }
  std::uint32_t adler() const { return adler_; }
  std::size_t length() const { return length_; }  // bytes before compression

 private:
  void deflate_pending(int flush);

  int width_;
  bool opaque_;
  int rows_ = 0;
  z_stream z_{};
  std::vector<unsigned char> scanlines_;  // a few rows at a time
  std::string out_;
  std::uint32_t adler_;
  std::size_t length_ = 0;
};

// The PNG of `height` rows from finished parts that hold them in order. dpi == 0 writes no pHYs
// chunk; otherwise a pHYs chunk records round(dpi / 0.0254) pixels per metre. Deterministic: no
// time or text chunks.
std::string png_from_parts(int width, int height, bool opaque, double dpi, std::span<const PngPart* const> parts);

// Encodes a whole buffer of Cairo ARGB32 pixels (`stride` bytes per row) in one part: colour type
// 2 (RGB) when every pixel is opaque, 6 (RGBA) otherwise, 8 bits per channel.
// Throws std::invalid_argument for null data, non-positive width or height, a stride smaller than
// 4 * width, or a dpi that is negative, not finite or out of pHYs range; std::bad_alloc when
// memory runs out.
std::string encode_png(const unsigned char* data, int width, int height, int stride, double dpi = 0);

}  // namespace factline::render
