// Renders a fact file through the installed library's public header: prints the SVG's size.
#include <factline/api/factline.hpp>

#include <iostream>

int main() {
  const std::string data = FACTLINE_DATA_DIR;
  factline::EngineOptions options;
  options.font_dirs = {data + "/fonts"};
  options.template_dirs = {data + "/templates"};
  const factline::Engine engine(options);
  const factline::OutputFile svg{"out.svg", factline::Format::Svg};
  const factline::Rendered r = engine.render("title: t\nevents:\n  - date: 2024-01\n    title: x\n", "inline.yaml",
                                             {&svg, 1}, {});
  if (r.failed()) return 1;
  std::cout << "factline " << factline::version() << " rendered " << r.encoded.front().size() << " bytes of SVG\n";
  return r.encoded.front().starts_with("<?xml") ? 0 : 1;
}
