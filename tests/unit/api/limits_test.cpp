// check_output_limits: a page too large for PNG at a scale, or for PDF, names the events drawn
// past the limit (by title) and nothing else.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "layout/fixture.hpp"

namespace factline::test {
namespace {

// A vertical timeline of n events a year apart on a page as tall as allowed: it only grows
// downwards, every event labelled.
std::string tall_timeline(int n) {
  std::string yaml = "title: 긴 연표\nlocale: ko\norientation: vertical\nheight: 16000\nevents:\n";
  for (int k = 0; k < n; ++k)
    yaml += "  - date: \"" + std::to_string(1900 + k) + "\"\n    title: 사건 " + std::to_string(k) + "\n";
  return yaml;
}

}  // namespace

TEST_CASE("a page within every limit can be written in every format") {
  const LayoutResult laid = engine().layout(tall_timeline(3), "short.yaml");
  REQUIRE(laid.scene);
  for (Format f : {Format::Svg, Format::Png, Format::Pdf, Format::Json}) CHECK(check_output_limits(laid, f, 1).empty());
}

TEST_CASE("a page too tall for PNG at a scale names the events past the limit, the first five and a count") {
  const LayoutResult laid = engine().layout(tall_timeline(120), "tall.yaml");
  REQUIRE(laid.scene);
  REQUIRE(laid.event_titles.size() == 120);
  const double scale = 8, limit = 32767 / scale;
  REQUIRE(laid.scene->height > limit);
  const std::string why = check_output_limits(laid, Format::Png, scale);
  CAPTURE(why);
  CHECK(why.find("more than PNG allows (4095 px a side at this --scale)") != std::string::npos);
  CHECK(why.find("\"사건 0\"") == std::string::npos);  // the first event is near the top
  CHECK(why.find("\"사건 119\"") == std::string::npos);  // only five are named
  CHECK(why.find(" more") != std::string::npos);
  // The first event named is the first whose marks or label reach past the limit.
  int first = -1;
  for (const auto& it : laid.scene->items)
    if (it.event >= 0 && it.box.bottom() > limit && (first < 0 || it.event < first)) first = it.event;
  REQUIRE(first > 0);
  CHECK(why.find("events that would not fit: \"사건 " + std::to_string(first) + "\"") != std::string::npos);
  CHECK(check_output_limits(laid, Format::Svg, scale).empty());  // SVG has no such limit
}

TEST_CASE("a PNG holds at most 64 million pixels, counted after --scale") {
  const LayoutResult laid = engine().layout(tall_timeline(120), "tall.yaml");
  REQUIRE(laid.scene);
  const double w = laid.scene->width, h = laid.scene->height;
  REQUIRE(w * h < 64e6);
  REQUIRE(h < 32767);
  // The scale at which the page passes 64 million pixels while each side stays within 32,767.
  const double scale = std::sqrt(64e6 / (w * h)) * 1.05;
  REQUIRE(h * scale < 32767);
  CHECK(check_output_limits(laid, Format::Png, scale / 1.1).empty());
  const std::string why = check_output_limits(laid, Format::Png, scale);
  CAPTURE(why);
  CHECK(why.find("million pixels at this --scale, more than a PNG may hold (64 million)") != std::string::npos);
  CHECK(why.find("119 \"사건 119\"") == std::string::npos);  // five are named, the rest counted
  CHECK(why.find("0 \"사건 0\"") == std::string::npos);      // the top of the page fits
  CHECK(check_output_limits(laid, Format::Svg, scale).empty());
}


TEST_CASE("a paged timeline whose page a format cannot hold is refused before layout, naming the page size") {
  std::string yaml = "title: 긴 연표\nlocale: ko\ndetail: all\norientation: vertical\nevents:\n";
  for (int k = 0; k < 300; ++k)
    yaml += "  - date: \"" + std::to_string(1700 + k) + "\"\n    title: 사건 " + std::to_string(k) + "\n";
  RenderOptions options;
  options.encode.png_scale = 8;  // 3,600 px pages are 28,800 px tall: within a side, past 64 million pixels
  const std::vector<OutputFile> png{{"out.png", Format::Png}};
  const Rendered r = engine().render(yaml, "tall.yaml", png, options);
  CHECK(r.failed());
  std::string errors;
  for (const Diagnostic& d : r.diagnostics.items()) errors += d.message + "\n";
  CAPTURE(errors);
  CHECK(errors.find("cannot write \"out.png\": its pages are 1200×3600 px, 276 million pixels") != std::string::npos);
  // At scale 1 the same pages are written, one PNG each.
  options.encode.png_scale = 1;
  const Rendered ok = engine().render(yaml, "tall.yaml", png, options);
  REQUIRE_FALSE(ok.failed());
  CHECK(ok.pages.at(0).size() >= 2);
}

TEST_CASE("one event whose label alone makes a page too large is refused before layout, at the event") {
  // Its title and text at the 4,096-byte limit, on a narrow page: a page of its own that is
  // surely taller than a PNG at --scale 8 may hold (64 million pixels).
  std::string words;
  for (int k = 0; words.size() < 3900; ++k) words += std::string(k ? " " : "") + (k % 2 ? "반도체" : "수출통제");
  std::string yaml = "title: 긴 사건\nwidth: 400\norientation: vertical\ndetail: all\nevents:\n";
  yaml += "  - {date: \"2024-01-01\", title: 첫 사건}\n";
  yaml += "  - date: \"2024-02-01\"\n    title: \"" + words + "\"\n    text: \"" + words + "\"\n";
  yaml += "  - {date: \"2024-03-01\", title: 셋째 사건}\n";
  RenderOptions options;
  options.encode.png_scale = 8;
  const std::vector<OutputFile> png{{"out.png", Format::Png}};
  const Rendered r = engine().render(yaml, "tall.yaml", png, options);
  REQUIRE(r.failed());
  REQUIRE(r.diagnostics.items().size() == 1);
  const Diagnostic& d = r.diagnostics.items().front();
  CAPTURE(d.message);
  CHECK(d.message.find("cannot write \"out.png\": this event's page alone would be at least 400×") == 0);
  CHECK(d.loc.line == 7);  // the event, which no check after layout could name so
  // SVG has no such limit: the same file is written, that event's page taller than the others.
  const Rendered svg = engine().render(yaml, "tall.yaml", std::vector<OutputFile>{{"out.svg", Format::Svg}}, {});
  REQUIRE_FALSE(svg.failed());
  CHECK(svg.pages.at(0).size() == 3);
}

}  // namespace factline::test
