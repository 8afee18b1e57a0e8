// libFuzzer target: the CSV reader and the number reader on every cell, as a chart's `data:`
// file goes through them.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "load/csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace factline;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  Diagnostics out;
  const auto table = load::read_csv(bytes, "fuzz.csv", out);
  if (!table) return 0;
  for (std::size_t row = 0; row < table->rows(); ++row)
    for (std::size_t column = 0; column < table->columns(); ++column) load::number_in_cell(*table, row, column, out);
  return 0;
}
