#pragma once
#include <ostream>
#include <string>

#include "diagnostic_printer.hpp"

namespace factline::cli {
// Reads an input file, or standard input for "-", as api's read_input does. When it cannot,
// prints why and returns the exit status (InvalidInput for one over the size limit, else
// UsageOrIo); Ok when read.
int read_input_or_report(const std::string& path, std::string& bytes, DiagnosticFormat format, std::ostream& err);
}  // namespace factline::cli
