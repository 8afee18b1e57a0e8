// Diagnostics come out in reading order, each once; under --strict warnings are errors.
#include <doctest/doctest.h>

#include <string>

#include "core/diagnostic.hpp"

namespace factline {
namespace {

std::string listed(const Diagnostics& d) {
  std::string out;
  for (const Diagnostic& x : d.items())
    out += x.loc.file + ":" + std::to_string(x.loc.line) + ":" + std::to_string(x.loc.column) +
           (x.severity == Severity::Error ? " error " : " warning ") + x.message + "\n";
  return out;
}

}  // namespace

TEST_CASE("diagnostics sort by file (the input first), line and column, each once") {
  Diagnostics d;
  d.error({"data.csv", 3, 4}, "bad cell");
  d.warning({"facts.yaml", 9, 2}, "no font");
  d.error({"facts.yaml", 0, 0}, "too dense");
  d.error({"facts.yaml", 2, 7}, "bad key");
  d.warning({"facts.yaml", 9, 2}, "no font");  // the same text laid out twice
  d.error({"facts.yaml", 9, 2}, "no font");    // not a repeat: another severity
  d.error({"data.csv", 2, 1}, "short row");
  d.error({"facts.yaml", 1, 1}, "too many errors; stopping after 100");
  d.sort("facts.yaml");
  CHECK(listed(d) ==
        "facts.yaml:2:7 error bad key\n"
        "facts.yaml:9:2 warning no font\n"
        "facts.yaml:9:2 error no font\n"
        "facts.yaml:0:0 error too dense\n"
        "data.csv:2:1 error short row\n"
        "data.csv:3:4 error bad cell\n"
        "facts.yaml:1:1 error too many errors; stopping after 100\n");
}

TEST_CASE("under --strict every warning is reported as an error") {
  Diagnostics d;
  d.warning({"f.yaml", 1, 1}, "w");
  d.warnings_as_errors();
  CHECK(d.has_errors());
  CHECK_FALSE(d.has_warnings());
}

}  // namespace factline
