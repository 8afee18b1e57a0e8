#include "render/png_encoder.hpp"

#include <cairo.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "unit/render/png_stream.hpp"

namespace {

using factline::render::encode_png;
using factline::test::read_from_view;

// A Cairo-style ARGB32 buffer: native-endian words, rows `stride` bytes apart.
struct Pixels {
  int width = 0;
  int height = 0;
  int stride = 0;
  std::vector<unsigned char> bytes;

  Pixels(int w, int h, int row_padding = 0)
      : width(w), height(h), stride(4 * w + row_padding),
        bytes(static_cast<std::size_t>(stride) * static_cast<std::size_t>(h), 0) {}

  void set(int x, int y, std::uint32_t a, std::uint32_t r, std::uint32_t g, std::uint32_t b) {
    const std::uint32_t p = a << 24 | r << 16 | g << 8 | b;
    std::memcpy(&bytes[offset(x, y)], &p, sizeof p);
  }
  std::size_t offset(int x, int y) const {
    return static_cast<std::size_t>(y) * static_cast<std::size_t>(stride) +
           4 * static_cast<std::size_t>(x);
  }
  std::string encode(double dpi = 0) const {
    return encode_png(bytes.data(), width, height, stride, dpi);
  }
};

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

Surface decode_with_cairo(const std::string& png) {
  std::string_view rest = png;
  Surface s(cairo_image_surface_create_from_png_stream(read_from_view, &rest));
  REQUIRE(cairo_surface_status(s.get()) == CAIRO_STATUS_SUCCESS);
  cairo_surface_flush(s.get());
  return s;
}

// What Cairo's own writer produces for the same buffer, as the reference encoder.
std::string encode_with_cairo(Pixels& p) {
  Surface s(cairo_image_surface_create_for_data(p.bytes.data(), CAIRO_FORMAT_ARGB32, p.width,
                                                p.height, p.stride));
  REQUIRE(cairo_surface_status(s.get()) == CAIRO_STATUS_SUCCESS);
  std::string png;
  REQUIRE(cairo_surface_write_to_png_stream(s.get(), append_to_string, &png) ==
          CAIRO_STATUS_SUCCESS);
  return png;
}

// Compares only the width * 4 pixel bytes of each row, never the stride padding.
bool same_pixels(cairo_surface_t* s, const unsigned char* data, int width, int height,
                 int stride) {
  if (cairo_image_surface_get_width(s) != width || cairo_image_surface_get_height(s) != height)
    return false;
  const unsigned char* decoded = cairo_image_surface_get_data(s);
  const int decoded_stride = cairo_image_surface_get_stride(s);
  for (int y = 0; y < height; ++y)
    if (std::memcmp(decoded + y * decoded_stride, data + y * stride, 4 * std::size_t(width)) != 0)
      return false;
  return true;
}

bool same_pixels(cairo_surface_t* s, const Pixels& p) {
  return same_pixels(s, p.bytes.data(), p.width, p.height, p.stride);
}

bool same_pixels(cairo_surface_t* a, cairo_surface_t* b) {
  return same_pixels(a, cairo_image_surface_get_data(b), cairo_image_surface_get_width(b),
                     cairo_image_surface_get_height(b), cairo_image_surface_get_stride(b));
}

std::uint32_t be32(const std::string& s, std::size_t pos) {
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < 4; ++i) v = v << 8 | static_cast<unsigned char>(s[pos + i]);
  return v;
}

// Bitwise CRC-32 written out here so chunk CRCs are checked independently of zlib.
std::uint32_t reference_crc32(std::string_view bytes) {
  std::uint32_t crc = 0xFFFFFFFF;
  for (const char ch : bytes) {
    crc ^= static_cast<unsigned char>(ch);
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320 & (0u - (crc & 1)));
  }
  return ~crc;
}

struct Chunk {
  std::string type;
  std::string data;
  bool crc_ok = false;
};

std::vector<Chunk> chunks_of(const std::string& png) {
  std::vector<Chunk> chunks;
  for (std::size_t pos = 8; pos + 12 <= png.size();) {
    const std::uint32_t length = be32(png, pos);
    REQUIRE(pos + 12 + length <= png.size());
    const std::string_view type_and_data = std::string_view(png).substr(pos + 4, 4 + length);
    chunks.push_back({png.substr(pos + 4, 4), png.substr(pos + 8, length),
                      reference_crc32(type_and_data) == be32(png, pos + 8 + length)});
    pos += 12 + length;
  }
  return chunks;
}

unsigned char colour_type(const std::string& png) {
  return static_cast<unsigned char>(png.at(25));  // 8 signature + 8 chunk header + 4 + 4 + depth
}

// Smoothly varying colours, like anti-aliased edges and gradients, all opaque.
Pixels opaque_pattern(int w, int h, int row_padding = 0) {
  Pixels p(w, h, row_padding);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      p.set(x, y, 255, (x * 7 + y) & 0xFF, (x * y) & 0xFF, (255 - x - 3 * y) & 0xFF);
  return p;
}

// Every alpha value (row) against many valid premultiplied colour values (c <= alpha).
Pixels translucent_pattern() {
  Pixels p(256, 256);
  for (std::uint32_t a = 0; a < 256; ++a)
    for (std::uint32_t x = 0; x < 256; ++x) {
      const std::uint32_t r = x % (a + 1);
      const std::uint32_t g = (x * 37 + 11) % (a + 1);
      p.set(int(x), int(a), a, r, g, a - r);
    }
  return p;
}

}  // namespace

TEST_CASE("an opaque image with varied colours decodes to exactly the original pixels") {
  const Pixels p = opaque_pattern(97, 64);
  const std::string png = p.encode();
  CHECK(colour_type(png) == 2);
  const Surface decoded = decode_with_cairo(png);
  CHECK(same_pixels(decoded.get(), p));
}

TEST_CASE("a partially transparent image decodes to the same pixels as Cairo's own PNG writer") {
  Pixels p = translucent_pattern();
  const std::string png = p.encode();
  CHECK(colour_type(png) == 6);
  const Surface ours = decode_with_cairo(png);
  const Surface cairos = decode_with_cairo(encode_with_cairo(p));
  CHECK(same_pixels(ours.get(), cairos.get()));
}

TEST_CASE("a 1x1 image round-trips whether opaque or translucent") {
  Pixels opaque(1, 1);
  opaque.set(0, 0, 255, 12, 200, 7);
  CHECK(same_pixels(decode_with_cairo(opaque.encode()).get(), opaque));

  Pixels translucent(1, 1);
  translucent.set(0, 0, 3, 1, 2, 3);
  const Surface ours = decode_with_cairo(translucent.encode());
  CHECK(same_pixels(ours.get(), decode_with_cairo(encode_with_cairo(translucent)).get()));
}

TEST_CASE("an odd width with stride padding round-trips and ignores the padding bytes") {
  Pixels padded = opaque_pattern(7, 5, 12);
  const Pixels tight = opaque_pattern(7, 5);
  for (int y = 0; y < padded.height; ++y)  // garbage, including a non-opaque alpha byte
    std::memset(&padded.bytes[padded.offset(7, y)], 0x5A, 12);
  const std::string png = padded.encode();
  CHECK(colour_type(png) == 2);
  CHECK(same_pixels(decode_with_cairo(png).get(), padded));
  CHECK(png == tight.encode());
}

TEST_CASE("the IHDR colour type is RGB for opaque images and RGBA as soon as one pixel is not") {
  Pixels p = opaque_pattern(16, 16);
  CHECK(colour_type(p.encode()) == 2);
  p.set(15, 15, 254, 1, 2, 3);
  CHECK(colour_type(p.encode()) == 6);
  p.set(15, 15, 0, 0, 0, 0);
  CHECK(colour_type(p.encode()) == 6);
}

TEST_CASE("the output is a well-formed chunk sequence with correct CRCs") {
  const std::string png = translucent_pattern().encode();
  CHECK(png.substr(0, 8) == std::string("\x89PNG\r\n\x1A\n", 8));
  const std::vector<Chunk> chunks = chunks_of(png);
  REQUIRE(chunks.size() == 3);
  CHECK(chunks[0].type == "IHDR");
  CHECK(chunks[1].type == "IDAT");
  CHECK(chunks[2].type == "IEND");
  for (const Chunk& c : chunks) CHECK(c.crc_ok);
  CHECK(be32(chunks[0].data, 0) == 256);
  CHECK(be32(chunks[0].data, 4) == 256);
  CHECK(chunks[0].data.substr(8) == std::string("\x08\x06\x00\x00\x00", 5));
}

TEST_CASE("encoding the same pixels twice gives byte-identical output") {
  const Pixels p = translucent_pattern();
  CHECK(p.encode() == p.encode());
  const Pixels q = opaque_pattern(33, 21, 4);
  CHECK(q.encode(150) == q.encode(150));
}

TEST_CASE("a dpi writes a pHYs chunk in pixels per metre before IDAT") {
  const Pixels p = opaque_pattern(4, 4);
  const std::vector<Chunk> chunks = chunks_of(p.encode(96));
  REQUIRE(chunks.size() == 4);
  CHECK(chunks[1].type == "pHYs");
  CHECK(chunks[1].crc_ok);
  CHECK(be32(chunks[1].data, 0) == 3780);  // 96 / 0.0254 = 3779.53
  CHECK(be32(chunks[1].data, 4) == 3780);
  CHECK(chunks[1].data[8] == 1);  // metre
  CHECK(same_pixels(decode_with_cairo(p.encode(96)).get(), p));
  CHECK(chunks_of(p.encode()).size() == 3);
}

TEST_CASE("invalid sizes, strides, data and dpi throw invalid_argument") {
  const Pixels p = opaque_pattern(4, 4);
  const unsigned char* d = p.bytes.data();
  CHECK_THROWS_AS(encode_png(d, 0, 4, 16), std::invalid_argument);
  CHECK_THROWS_AS(encode_png(d, 4, 0, 16), std::invalid_argument);
  CHECK_THROWS_AS(encode_png(d, -1, 4, 16), std::invalid_argument);
  CHECK_THROWS_AS(encode_png(d, 4, -3, 16), std::invalid_argument);
  CHECK_THROWS_AS(encode_png(d, 4, 4, 15), std::invalid_argument);
  CHECK_THROWS_AS(encode_png(nullptr, 4, 4, 16), std::invalid_argument);
  CHECK_THROWS_AS(encode_png(d, 4, 4, 16, -72), std::invalid_argument);
  CHECK_THROWS_AS(encode_png(d, 4, 4, 16, 1e300), std::invalid_argument);
  CHECK_THROWS_AS(encode_png(d, 4, 4, 16, 0.001), std::invalid_argument);
}

TEST_CASE("an image written in parts, split at any row, decodes to the same pixels as in one") {
  using factline::render::PngPart;
  for (const bool opaque : {true, false}) {
    const Pixels p = opaque ? opaque_pattern(37, 23, 8) : translucent_pattern();
    const std::string whole = p.encode(96);
    for (const int split : {1, 5, p.height / 2, p.height - 1}) {
      CAPTURE(opaque);
      CAPTURE(split);
      PngPart top(p.width, opaque), bottom(p.width, opaque);
      top.add(p.bytes.data(), split, p.stride);
      // The bottom part in two calls, as bands are added.
      bottom.add(p.bytes.data() + p.offset(0, split), 1, p.stride);
      bottom.add(p.bytes.data() + p.offset(0, split + 1), p.height - split - 1, p.stride);
      top.finish(false);
      bottom.finish(true);
      const PngPart* parts[] = {&top, &bottom};
      const std::string joined = factline::render::png_from_parts(p.width, p.height, opaque, 96, parts);
      CHECK(colour_type(joined) == colour_type(whole));
      for (const Chunk& c : chunks_of(joined)) CHECK(c.crc_ok);
      CHECK(same_pixels(decode_with_cairo(joined).get(), decode_with_cairo(whole).get()));
      CHECK(joined == factline::render::png_from_parts(p.width, p.height, opaque, 96, parts));
      CHECK_THROWS_AS(factline::render::png_from_parts(p.width, p.height + 1, opaque, 96, parts),
                      std::invalid_argument);
    }
  }
}
