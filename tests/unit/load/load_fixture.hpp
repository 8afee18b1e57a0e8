#pragma once
// Shared helpers for the load-stage tests: parse text, and compare diagnostics as
// "line:column: message" lines in file order, so a failure shows every one of them.
#include <doctest/doctest.h>


#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "load/parse.hpp"
#include "unit/temp_dir.hpp"

namespace doctest {
template <>
struct StringMaker<factline::SourceLoc> {
  static String convert(const factline::SourceLoc& l) {
    return (l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.column)).c_str();
  }
};
}  // namespace doctest

namespace factline::load::test {

inline ParseResult parse(std::string_view text, const std::string& file = "facts.yaml") {
  ParseResult r;
  CHECK_NOTHROW(r = parse_document(text, file));
  // An input with errors never yields a document, and a document never comes with errors.
  CHECK(r.document.has_value() == !r.diagnostics.has_errors());
  return r;
}

// Diagnostics as "line:column: message", ordered by position (then as reported).
inline std::string listed(const ParseResult& r) {
  std::vector<const Diagnostic*> ds;
  for (const Diagnostic& d : r.diagnostics.items()) ds.push_back(&d);
  std::stable_sort(ds.begin(), ds.end(), [](const Diagnostic* a, const Diagnostic* b) {
    return std::pair(a->loc.line, a->loc.column) < std::pair(b->loc.line, b->loc.column);
  });
  std::string out;
  for (const Diagnostic* d : ds)
    out += std::to_string(d->loc.line) + ":" + std::to_string(d->loc.column) + ": " + d->message + "\n";
  return out;
}

// Diagnostics as "file:line:column: message", one a line, in the order reported.
inline std::string located(const Diagnostics& d) {
  std::string out;
  for (const Diagnostic& x : d.items())
    out += x.loc.file + ":" + std::to_string(x.loc.line) + ":" + std::to_string(x.loc.column) + ": " + x.message + "\n";
  return out;
}

// The diagnostics of parsing `text`, listed; the text must not parse.
inline std::string errors_of(std::string_view text) {
  const ParseResult r = parse(text);
  CHECK_FALSE(r.document.has_value());
  return listed(r);
}

// The only diagnostic; fails the test when there is not exactly one.
inline Diagnostic only(const ParseResult& r) {
  REQUIRE_MESSAGE(r.diagnostics.items().size() == 1, listed(r));
  return r.diagnostics.items().front();
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot open " << path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline std::string sample_text() { return read_file(FACTLINE_SOURCE_DIR "/samples/ai-chip-race.yaml"); }

using factline::test::TempDir;

// A small valid file to build on: the events list is last, so a test can append events.
inline constexpr std::string_view kHead = "title: 연표\nevents:\n";

}  // namespace factline::load::test
