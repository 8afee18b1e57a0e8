#include "render/png_encoder.hpp"

#include <libdeflate.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <stdexcept>

namespace factline::render {
namespace {

constexpr int kCompressionLevel = 1;
// PNG "four-byte unsigned integers" (sizes, chunk lengths, pHYs) are limited to 2^31 - 1.
constexpr std::uint32_t kPngIntMax = 0x7FFFFFFF;
constexpr char kSignature[] = "\x89PNG\r\n\x1A\n";
constexpr unsigned char kColourTypeRgb = 2;
constexpr unsigned char kColourTypeRgba = 6;

struct CompressorDeleter {
  void operator()(libdeflate_compressor* c) const noexcept { libdeflate_free_compressor(c); }
};
using Compressor = std::unique_ptr<libdeflate_compressor, CompressorDeleter>;

Compressor make_compressor() {
  Compressor c(libdeflate_alloc_compressor(kCompressionLevel));
  if (!c) throw std::bad_alloc();  // the level is valid, so only allocation can fail
  return c;
}

void validate(const unsigned char* data, int width, int height, int stride) {
  if (data == nullptr) throw std::invalid_argument("encode_png: null pixel data");
  if (width <= 0 || height <= 0)
    throw std::invalid_argument("encode_png: width and height must be positive");
  if (static_cast<std::int64_t>(stride) < 4 * static_cast<std::int64_t>(width))
    throw std::invalid_argument("encode_png: stride is smaller than 4 * width");
}

std::uint32_t pixels_per_metre(double dpi) {
  const double ppm = std::round(dpi / 0.0254);
  // Written so that NaN fails too.
  if (!(ppm >= 1 && ppm <= kPngIntMax))
    throw std::invalid_argument("encode_png: dpi out of range for a pHYs chunk");
  return static_cast<std::uint32_t>(ppm);
}

// --- pixels -------------------------------------------------------------------------------

const unsigned char* row_at(const unsigned char* data, int stride, int y) {
  return data + static_cast<std::size_t>(y) * static_cast<std::size_t>(stride);
}

// Cairo's ARGB32 is one native-endian word per pixel, so read it as a word, not as bytes.
std::uint32_t pixel_at(const unsigned char* row, int x) {
  std::uint32_t p;
  std::memcpy(&p, row + 4 * static_cast<std::size_t>(x), sizeof p);
  return p;
}

bool all_opaque(const unsigned char* data, int width, int height, int stride) {
  for (int y = 0; y < height; ++y) {
    const unsigned char* row = row_at(data, stride, y);
    for (int x = 0; x < width; ++x)
      if ((pixel_at(row, x) >> 24) != 0xFF) return false;
  }
  return true;
}

unsigned char channel(std::uint32_t p, int shift) {
  return static_cast<unsigned char>((p >> shift) & 0xFF);
}

// Same arithmetic as unpremultiply_data in cairo-png.c (truncation to 8 bits included), so our
// output decodes to the same pixels as cairo_surface_write_to_png's.
unsigned char unpremultiply(std::uint32_t c, std::uint32_t alpha) {
  return static_cast<unsigned char>((c * 255 + alpha / 2) / alpha);
}

void convert_row_rgb(const unsigned char* src, int width, unsigned char* dst) {
  for (int x = 0; x < width; ++x, dst += 3) {
    const std::uint32_t p = pixel_at(src, x);
    dst[0] = channel(p, 16);
    dst[1] = channel(p, 8);
    dst[2] = channel(p, 0);
  }
}

void convert_row_rgba(const unsigned char* src, int width, unsigned char* dst) {
  for (int x = 0; x < width; ++x, dst += 4) {
    const std::uint32_t p = pixel_at(src, x);
    const std::uint32_t a = p >> 24;
    if (a == 0xFF) {  // common case; division would be the identity anyway
      dst[0] = channel(p, 16);
      dst[1] = channel(p, 8);
      dst[2] = channel(p, 0);
    } else if (a == 0) {
      dst[0] = dst[1] = dst[2] = 0;
    } else {
      dst[0] = unpremultiply((p >> 16) & 0xFF, a);
      dst[1] = unpremultiply((p >> 8) & 0xFF, a);
      dst[2] = unpremultiply(p & 0xFF, a);
    }
    dst[3] = static_cast<unsigned char>(a);
  }
}

// The PNG image data before compression: each row is a filter-type byte (0, NONE: flat
// graphics gain nothing from filtering) followed by the row's RGB or RGBA bytes.
struct Scanlines {
  std::unique_ptr<unsigned char[]> bytes;
  std::size_t size = 0;
};

Scanlines make_scanlines(const unsigned char* data, int width, int height, int stride,
                         bool opaque) {
  const std::size_t bpp = opaque ? 3 : 4;
  const std::size_t row_size = 1 + bpp * static_cast<std::size_t>(width);
  Scanlines s;
  s.size = row_size * static_cast<std::size_t>(height);
  s.bytes = std::make_unique_for_overwrite<unsigned char[]>(s.size);  // every byte is written
  for (int y = 0; y < height; ++y) {
    unsigned char* dst = s.bytes.get() + static_cast<std::size_t>(y) * row_size;
    dst[0] = 0;
    if (opaque)
      convert_row_rgb(row_at(data, stride, y), width, dst + 1);
    else
      convert_row_rgba(row_at(data, stride, y), width, dst + 1);
  }
  return s;
}

// --- container ----------------------------------------------------------------------------

void put_u32(std::string& out, std::uint32_t v) {
  out += static_cast<char>(v >> 24);
  out += static_cast<char>((v >> 16) & 0xFF);
  out += static_cast<char>((v >> 8) & 0xFF);
  out += static_cast<char>(v & 0xFF);
}

void set_u32(std::string& out, std::size_t pos, std::uint32_t v) {
  out[pos] = static_cast<char>(v >> 24);
  out[pos + 1] = static_cast<char>((v >> 16) & 0xFF);
  out[pos + 2] = static_cast<char>((v >> 8) & 0xFF);
  out[pos + 3] = static_cast<char>(v & 0xFF);
}

// Writes the length and type; returns where the type starts, since the CRC covers type + data.
std::size_t begin_chunk(std::string& out, std::uint32_t length, const char* type) {
  put_u32(out, length);
  const std::size_t type_pos = out.size();
  out.append(type, 4);
  return type_pos;
}

void end_chunk(std::string& out, std::size_t type_pos) {
  put_u32(out, libdeflate_crc32(0, out.data() + type_pos, out.size() - type_pos));
}

void write_ihdr(std::string& out, int width, int height, bool opaque) {
  const std::size_t t = begin_chunk(out, 13, "IHDR");
  put_u32(out, static_cast<std::uint32_t>(width));
  put_u32(out, static_cast<std::uint32_t>(height));
  out += static_cast<char>(8);  // bit depth
  out += static_cast<char>(opaque ? kColourTypeRgb : kColourTypeRgba);
  out.append(3, '\0');  // compression deflate, filter method 0, no interlace
  end_chunk(out, t);
}

void write_phys(std::string& out, std::uint32_t ppm) {
  const std::size_t t = begin_chunk(out, 9, "pHYs");
  put_u32(out, ppm);
  put_u32(out, ppm);
  out += static_cast<char>(1);  // unit: metre
  end_chunk(out, t);
}

// Compresses straight into `out` (sized to libdeflate's worst-case bound, then trimmed) so the
// compressed stream is never copied.
void write_idat(std::string& out, const Scanlines& s) {
  const Compressor compressor = make_compressor();
  const std::size_t bound = libdeflate_zlib_compress_bound(compressor.get(), s.size);
  const std::size_t length_pos = out.size();
  const std::size_t type_pos = begin_chunk(out, 0, "IDAT");
  const std::size_t data_pos = out.size();
  out.resize(data_pos + bound);
  const std::size_t n = libdeflate_zlib_compress(compressor.get(), s.bytes.get(), s.size,
                                                 out.data() + data_pos, bound);
  if (n == 0) throw std::runtime_error("encode_png: libdeflate exceeded its own output bound");
  if (n > kPngIntMax) throw std::length_error("encode_png: image too large for one IDAT chunk");
  out.resize(data_pos + n);
  set_u32(out, length_pos, static_cast<std::uint32_t>(n));
  end_chunk(out, type_pos);
}

void write_iend(std::string& out) { end_chunk(out, begin_chunk(out, 0, "IEND")); }

}  // namespace

std::string encode_png(const unsigned char* data, int width, int height, int stride,
                       double dpi) {
  validate(data, width, height, stride);
  const bool with_phys = dpi != 0;
  const std::uint32_t ppm = with_phys ? pixels_per_metre(dpi) : 0;
  const bool opaque = all_opaque(data, width, height, stride);
  const Scanlines scanlines = make_scanlines(data, width, height, stride, opaque);

  std::string out(kSignature, sizeof kSignature - 1);
  write_ihdr(out, width, height, opaque);
  if (with_phys) write_phys(out, ppm);  // must precede IDAT
  write_idat(out, scanlines);
  write_iend(out);
  return out;
}

}  // namespace factline::render
