#pragma once
#include <string>

namespace factline::cli {
// Reads a whole input file, or standard input for "-". False (errno set) when it cannot.
bool read_input(const std::string& path, std::string& bytes);
}  // namespace factline::cli
