// libFuzzer target: the whole pipeline in memory, fact file → layout → SVG and PNG (and the
// scene JSON), with the bundled fonts. Every SVG must be well-formed XML (libxml2 parses it):
// an escape that breaks it is a finding, reported by abort().
#include <libxml/parser.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <string>
#include <string_view>

#include "api/factline.hpp"

namespace {

const factline::Engine& engine() {
  static const factline::Engine e([] {
    factline::EngineOptions o;
    o.font_dirs = {std::string(factline::bundled_font_dir())};
    return o;
  }());
  return e;
}

void no_xml_errors(void*, const char*, ...) {}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  xmlSetGenericErrorFunc(nullptr, no_xml_errors);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace factline;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const OutputFile outputs[] = {{"fuzz.svg", Format::Svg}, {"fuzz.png", Format::Png}, {"fuzz.json", Format::Json}};
  RenderOptions options;
  options.encode.png_scale = 0.25;  // the same drawing, a sixteenth of the pixels to encode
  const Rendered r = engine().render(bytes, "fuzz.yaml", outputs, options);
  if (r.failed()) return 0;
  const std::string& svg = r.encoded[0];
  xmlDocPtr doc = xmlReadMemory(svg.data(), static_cast<int>(svg.size()), "fuzz.svg", nullptr, XML_PARSE_NONET);
  if (!doc) {
    std::fprintf(stderr, "the SVG is not well-formed XML\n");
    std::abort();
  }
  xmlFreeDoc(doc);
  return 0;
}
