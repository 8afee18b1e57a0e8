#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <future>
#include <memory>
#include <stdexcept>

#include "render/glyphs.hpp"
#include "render/painter.hpp"
#include "render/png_encoder.hpp"
#include "render/render.hpp"

namespace factline::render {
namespace {

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

using SurfacePtr = std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)>;

// A PNG is painted this many rows at a time (1200 px wide: 0.6 MB a band).
constexpr int kBandRows = 128;

// Draws each scene on its own page (sized for it), then finishes the surface.
void paint_and_finish(cairo_surface_t* surface, std::span<const scene::Scene> pages, double scale) {
  cairo_status_t status = CAIRO_STATUS_SUCCESS;
  for (std::size_t k = 0; k < pages.size() && status == CAIRO_STATUS_SUCCESS; ++k) {
    if (k > 0) {
      cairo_surface_show_page(surface);
      cairo_pdf_surface_set_size(surface, pages[k].width * scale, pages[k].height * scale);
    }
    cairo_t* cr = cairo_create(surface);
    cairo_scale(cr, scale, scale);
    paint(cr, pages[k], TextDrawing::Text);
    status = cairo_status(cr);
    cairo_destroy(cr);
  }
  cairo_surface_finish(surface);
  if (status != CAIRO_STATUS_SUCCESS || cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string("drawing failed: ") + cairo_status_to_string(status));
}

// Cairo 1.16 stamps the current local time as /CreationDate unless given one, and writes a given
// date without PDF's "D:" prefix. So it is given a fixed placeholder (the same length in every
// time zone), which is then rewritten in place with the real time in UTC padded with spaces, or
// with spaces only; an unchanged length keeps every xref offset valid.
constexpr const char* date_placeholder = "1970-01-01T00:00:00+00:00";

void set_creation_date(std::string& pdf, std::optional<std::int64_t> seconds) {
  const std::string key = "/CreationDate (";
  const std::size_t at = pdf.find(key);
  const std::size_t end = at == std::string::npos ? at : pdf.find(')', at);
  if (end == std::string::npos) return;
  std::string entry(end + 1 - at, ' ');
  if (seconds) {
    const std::time_t t = static_cast<std::time_t>(*seconds);
    std::tm tm{};
    char buf[64];
    if (gmtime_r(&t, &tm))
      if (const std::size_t n = std::strftime(buf, sizeof buf, "/CreationDate (D:%Y%m%d%H%M%SZ)", &tm);
          n > 0 && n <= entry.size())
        entry.replace(0, n, buf, n);
  }
  pdf.replace(at, entry.size(), entry);
}

// Cairo 1.16 cannot set the document's language, which screen readers and text extraction
// use. It is added to the catalog, and the cross-reference table's offsets after it (and the
// table's own) move by as many bytes. Cairo writes one classic table: "xref", "0 N", then
// N lines of exactly 20 bytes.
void set_language(std::string& pdf, std::string_view language) {
  if (language.empty() || !std::all_of(language.begin(), language.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
      }))
    return;
  const std::string key = "<< /Type /Catalog\n";
  const std::size_t at = pdf.find(key);
  const std::size_t xref = pdf.rfind("\nxref\n");
  const std::size_t startxref = pdf.rfind("\nstartxref\n");
  if (at == std::string::npos || xref == std::string::npos || startxref == std::string::npos || xref < at) return;
  const std::string entry = "   /Lang (" + std::string(language) + ")\n";
  const std::size_t insert_at = at + key.size();
  std::size_t line = pdf.find('\n', xref + 6) + 1;  // after "0 N"
  for (; line + 20 <= startxref && pdf.compare(line + 17, 3, "n \n") == 0; line += 20) {
    const std::size_t offset = std::stoull(pdf.substr(line, 10));
    if (offset <= insert_at) continue;
    char buf[11];
    std::snprintf(buf, sizeof buf, "%010zu", offset + entry.size());
    pdf.replace(line, 10, buf);
  }
  const std::size_t number = startxref + 11;
  const std::size_t number_end = pdf.find('\n', number);
  const std::size_t table = std::stoull(pdf.substr(number, number_end - number));
  pdf.replace(number, number_end - number, std::to_string(table + entry.size()));
  pdf.insert(insert_at, entry);
}

}  // namespace

std::string to_png(const scene::Scene& scene, double scale) {
  const int w = static_cast<int>(std::ceil(scene.width * scale));
  const int h = static_cast<int>(std::ceil(scene.height * scale));
  // Everything is drawn over the background, so the image is opaque exactly when it is.
  const bool opaque = scene.background.a == 255;
  // Two parts, the top and the bottom half of the bands, painted and compressed on two threads;
  // each paints a band at a time into one band-sized surface, so no image-sized buffer exists.
  const int bands = (h + kBandRows - 1) / kBandRows;
  const int split = std::min(h, (bands + 1) / 2 * kBandRows);
  PngPart top(w, opaque), bottom(w, opaque);
  const auto paint_rows = [&](int from, int to, PngPart& part) {
    SurfacePtr band(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, std::min(kBandRows, to - from)),
                    cairo_surface_destroy);
    if (cairo_surface_status(band.get()) != CAIRO_STATUS_SUCCESS)
      throw std::runtime_error("cannot allocate a " + std::to_string(w) + "×" + std::to_string(kBandRows) +
                               " image band");
    GlyphSet glyphs;
    for (int y = from; y < to; y += kBandRows) {
      const int rows = std::min(kBandRows, to - y);
      cairo_t* cr = cairo_create(band.get());
      cairo_set_operator(cr, CAIRO_OPERATOR_CLEAR);  // the previous band's pixels
      cairo_paint(cr);
      cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
      cairo_translate(cr, 0, -y);
      cairo_scale(cr, scale, scale);
      paint_band(cr, scene, glyphs, {0, y / scale, w / scale, rows / scale});
      cairo_destroy(cr);
      cairo_surface_flush(band.get());
      part.add(cairo_image_surface_get_data(band.get()), rows, cairo_image_surface_get_stride(band.get()));
    }
    part.finish(to == h);
  };
  // The bottom half on a second thread (its future waits for it however this thread leaves, and
  // get() rethrows what it threw).
  std::future<void> helper;
  if (split < h) helper = std::async(std::launch::async, [&] { paint_rows(split, h, bottom); });
  paint_rows(0, split, top);
  if (helper.valid()) helper.get();
  const PngPart* halves[] = {&top, &bottom};
  return png_from_parts(w, h, opaque, 96 * scale, std::span(halves, split < h ? 2 : 1));
}

std::string to_pdf(const scene::Scene& scene, std::optional<std::int64_t> creation_time) {
  return to_pdf(std::span(&scene, 1), creation_time);
}

std::string to_pdf(std::span<const scene::Scene> pages, std::optional<std::int64_t> creation_time) {
  const scene::Scene& scene = pages.front();
  std::string out;
  constexpr double pt_per_px = 0.75;  // CSS: 96 px per inch, 72 pt per inch
  SurfacePtr surface(cairo_pdf_surface_create_for_stream(append_to_string, &out, scene.width * pt_per_px,
                                                         scene.height * pt_per_px),
                     cairo_surface_destroy);
  cairo_surface_t* s = surface.get();
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, scene.title.c_str());
  if (!scene.description.empty())
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, scene.description.c_str());
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "factline");
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date_placeholder);
  paint_and_finish(s, pages, pt_per_px);
  surface.reset();
  set_creation_date(out, creation_time);
  set_language(out, scene.language);
  return out;
}

}  // namespace factline::render
