// libFuzzer target: the template loader on a template file (its keys, values, colours,
// `extends:` of the built-in templates). The input is written to a file in a folder of its own,
// since templates are read from disk through the confined, bounded reader.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>

#include "api/factline.hpp"
#include "load/template.hpp"

namespace {

const std::string& folder() {
  static const std::string dir = [] {
    std::string pattern = (std::getenv("TMPDIR") ? std::string(std::getenv("TMPDIR")) : "/tmp") + "/fl-fuzz-XXXXXX";
    if (!::mkdtemp(pattern.data())) std::abort();
    return pattern;
  }();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace factline;
  const std::string path = folder() + "/look.yaml";
  std::ofstream(path, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data),
                                                                 static_cast<std::streamsize>(size));
  const load::TemplatePlaces places{{std::string(bundled_template_dir())}, {folder()}, false};
  (void)load::load_template(path, folder(), places);
  return 0;
}
