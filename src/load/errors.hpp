#pragma once
// Errors found while reading a fact file, capped so a hostile input (a million unknown keys on
// one line) cannot produce a million diagnostics. Every other error path of the load stage goes
// through report_error.
#include <cstddef>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"

namespace factline::load {

inline constexpr std::size_t max_errors = 100;

// Thrown by report_error once the cap is reached; parse_document catches it. Not derived from
// std::exception, so no generic handler on the way mistakes it for a failure.
struct TooManyErrors {};

// Adds an error. The one past max_errors is replaced by a closing "too many errors" error at
// the same place, and TooManyErrors is thrown.
void report_error(Diagnostics& out, SourceLoc at, std::string message, std::string hint = {});

// User text for a message: control characters escaped, cut to a readable length, in quotes.
std::string quoted(std::string_view text);

}  // namespace factline::load
