// libFuzzer target: the fact-file loader (YAML → model, with the built-in templates), as
// `factline check` runs it. Any input must end in diagnostics or a document, never a crash,
// a sanitizer report or a hang.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "api/factline.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)factline::check_fact_file(bytes, "fuzz.yaml");
  return 0;
}
