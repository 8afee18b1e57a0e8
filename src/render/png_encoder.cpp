#include "render/png_encoder.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <new>
#include <stdexcept>

namespace factline::render {
namespace {

// PNG "four-byte unsigned integers" (sizes, chunk lengths, pHYs) are limited to 2^31 - 1.
constexpr std::uint32_t kPngIntMax = 0x7FFFFFFF;
constexpr char kSignature[] = "\x89PNG\r\n\x1A\n";
constexpr unsigned char kColourTypeRgb = 2;
constexpr unsigned char kColourTypeRgba = 6;
// Level 1: on the article sample as fast as libdeflate's fastest useful level and 11 % larger
// (docs/design.md, "Rendering").
constexpr int kCompressionLevel = 1;
// Rows converted to scanlines and handed to zlib at a time.
constexpr int kRowsPerStep = 16;
constexpr std::size_t kOutputStep = 1 << 16;

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

// --- container ----------------------------------------------------------------------------

void put_u32(std::string& out, std::uint32_t v) {
  out += static_cast<char>(v >> 24);
  out += static_cast<char>((v >> 16) & 0xFF);
  out += static_cast<char>((v >> 8) & 0xFF);
  out += static_cast<char>(v & 0xFF);
}

// Writes the length and type; returns where the type starts, since the CRC covers type + data.
std::size_t begin_chunk(std::string& out, std::uint32_t length, const char* type) {
  put_u32(out, length);
  const std::size_t type_pos = out.size();
  out.append(type, 4);
  return type_pos;
}

void end_chunk(std::string& out, std::size_t type_pos) {
  put_u32(out, static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(out.data() + type_pos),
                                                static_cast<uInt>(out.size() - type_pos))));
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

void write_iend(std::string& out) { end_chunk(out, begin_chunk(out, 0, "IEND")); }

std::size_t row_size(int width, bool opaque) { return 1 + (opaque ? 3u : 4u) * static_cast<std::size_t>(width); }

}  // namespace

PngPart::PngPart(int width, bool opaque) : width_(width), opaque_(opaque), adler_(static_cast<std::uint32_t>(adler32(0, nullptr, 0))) {
  if (width <= 0) throw std::invalid_argument("encode_png: width and height must be positive");
  // Raw deflate (negative window bits): the zlib header and checksum are written once for all parts.
  if (deflateInit2(&z_, kCompressionLevel, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) throw std::bad_alloc();
}

PngPart::~PngPart() { deflateEnd(&z_); }

void PngPart::deflate_pending(int flush) {
  int status;
  do {
    const std::size_t used = out_.size();
    out_.resize(used + kOutputStep);
    z_.next_out = reinterpret_cast<Bytef*>(out_.data() + used);
    z_.avail_out = static_cast<uInt>(kOutputStep);
    status = deflate(&z_, flush);
    if (status == Z_STREAM_ERROR) throw std::runtime_error("encode_png: zlib refused its own stream");
    out_.resize(used + kOutputStep - z_.avail_out);
  } while (z_.avail_out == 0 || (flush == Z_FINISH && status != Z_STREAM_END));
}

void PngPart::add(const unsigned char* data, int rows, int stride) {
  const std::size_t size = row_size(width_, opaque_);
  scanlines_.resize(size * static_cast<std::size_t>(std::min(rows, kRowsPerStep)));
  for (int y = 0; y < rows; y += kRowsPerStep) {
    const int n = std::min(kRowsPerStep, rows - y);
    for (int k = 0; k < n; ++k) {
      unsigned char* dst = scanlines_.data() + static_cast<std::size_t>(k) * size;
      dst[0] = 0;  // filter NONE
      const unsigned char* src = row_at(data, stride, y + k);
      if (opaque_)
        convert_row_rgb(src, width_, dst + 1);
      else
        convert_row_rgba(src, width_, dst + 1);
    }
    const std::size_t bytes = size * static_cast<std::size_t>(n);
    adler_ = static_cast<std::uint32_t>(adler32(adler_, scanlines_.data(), static_cast<uInt>(bytes)));
    length_ += bytes;
    z_.next_in = scanlines_.data();
    z_.avail_in = static_cast<uInt>(bytes);
    deflate_pending(Z_NO_FLUSH);
  }
  rows_ += rows;
}

void PngPart::finish(bool last) { deflate_pending(last ? Z_FINISH : Z_SYNC_FLUSH); }

std::string png_from_parts(int width, int height, bool opaque, double dpi, std::span<const PngPart* const> parts) {
  if (width <= 0 || height <= 0) throw std::invalid_argument("encode_png: width and height must be positive");
  const bool with_phys = dpi != 0;
  const std::uint32_t ppm = with_phys ? pixels_per_metre(dpi) : 0;
  std::size_t stream = 2 + 4;  // zlib header and Adler-32
  int rows = 0;
  for (const PngPart* p : parts) stream += p->compressed().size(), rows += p->rows();
  if (rows != height) throw std::invalid_argument("encode_png: the parts do not hold the image's rows");
  if (stream > kPngIntMax) throw std::length_error("encode_png: image too large for one IDAT chunk");

  std::string out(kSignature, sizeof kSignature - 1);
  write_ihdr(out, width, height, opaque);
  if (with_phys) write_phys(out, ppm);  // must precede IDAT
  out.reserve(out.size() + 12 + stream + 12);
  const std::size_t type_pos = begin_chunk(out, static_cast<std::uint32_t>(stream), "IDAT");
  out += '\x78', out += '\x01';  // deflate, 32 KiB window, fastest; (0x7801 % 31 == 0)
  std::uint32_t adler = static_cast<std::uint32_t>(adler32(0, nullptr, 0));
  for (const PngPart* p : parts) {
    out += p->compressed();
    adler = static_cast<std::uint32_t>(adler32_combine(adler, p->adler(), static_cast<z_off_t>(p->length())));
  }
  put_u32(out, adler);
  end_chunk(out, type_pos);
  write_iend(out);
  return out;
}

std::string encode_png(const unsigned char* data, int width, int height, int stride, double dpi) {
  validate(data, width, height, stride);
  if (dpi != 0) pixels_per_metre(dpi);  // throws before any work
  const bool opaque = all_opaque(data, width, height, stride);
  PngPart part(width, opaque);
  part.add(data, height, stride);
  part.finish(true);
  const PngPart* parts[] = {&part};
  return png_from_parts(width, height, opaque, dpi, parts);
}

}  // namespace factline::render
