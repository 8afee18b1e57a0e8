#pragma once
// Diagnostics are data: the library returns them, the command prints them.
#include <algorithm>
#include <climits>
#include <cstddef>
#include <string>
#include <tuple>
#include <string_view>
#include <vector>

namespace factline {

enum class Severity { Warning, Error };

struct SourceLoc {
  std::string file;  // as the user named it ("-" is standard input)
  int line = 0;      // 1-based; 0 when unknown
  int column = 0;    // 1-based, in characters; 0 when unknown
  friend bool operator==(const SourceLoc&, const SourceLoc&) = default;
};

struct Diagnostic {
  Severity severity = Severity::Error;
  SourceLoc loc;
  std::string message;  // lowercase, says what is wrong
  std::string hint;     // says what to do; may be empty
  // The line at loc, kept by the library when loc is in a file other than the input (a template,
  // a CSV file) whose lines may be shown: one that reads as what it should be. Empty otherwise;
  // the input's own lines are the caller's to show, and no other file is ever read to show one.
  std::string source_line;
};

class Diagnostics {
 public:
  void error(SourceLoc loc, std::string message, std::string hint = {}) {
    items_.push_back({Severity::Error, std::move(loc), std::move(message), std::move(hint), {}});
  }
  void warning(SourceLoc loc, std::string message, std::string hint = {}) {
    items_.push_back({Severity::Warning, std::move(loc), std::move(message), std::move(hint), {}});
  }
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
  }
  // Keeps, for the diagnostics from index `first` on that are in `file`, the line of `text`
  // (that file's text) each points at.
  void keep_source_lines(std::size_t first, const std::string& file, std::string_view text) {
    for (std::size_t i = first; i < items_.size(); ++i) {
      Diagnostic& d = items_[i];
      if (d.loc.file != file || d.loc.line <= 0) continue;
      std::string_view rest = text;
      for (int l = 1; l < d.loc.line && !rest.empty(); ++l) {
        const std::size_t nl = rest.find('\n');
        rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
      }
      rest = rest.substr(0, rest.find('\n'));
      if (!rest.empty() && rest.back() == '\r') rest.remove_suffix(1);
      d.source_line = std::string(rest);
    }
  }
  bool has_errors() const {
    for (const auto& d : items_)
      if (d.severity == Severity::Error) return true;
    return false;
  }
  bool has_warnings() const {
    for (const auto& d : items_)
      if (d.severity == Severity::Warning) return true;
    return false;
  }
  // Puts the diagnostics in reading order, all of them: by file (`input` first, then the others
  // as they first appear), then line and column, unknown positions last; a "too many errors"
  // stop stays last. Drops exact repeats (text laid out twice, as by both orientations of
  // `auto`, reports its problems once).
  void sort(std::string_view input) {
    std::vector<std::string_view> files{input};
    const auto rank = [&](const Diagnostic& d) {
      const auto at = std::find(files.begin(), files.end(), d.loc.file);
      if (at != files.end()) return static_cast<std::size_t>(at - files.begin());
      files.push_back(d.loc.file);
      return files.size() - 1;
    };
    std::vector<std::tuple<bool, std::size_t, int, int, std::size_t>> keys;
    for (std::size_t i = 0; i < items_.size(); ++i) {
      const Diagnostic& d = items_[i];
      const bool stop = d.message.starts_with("too many errors");
      keys.emplace_back(stop, rank(d), d.loc.line > 0 ? d.loc.line : INT_MAX, d.loc.column, i);
    }
    std::sort(keys.begin(), keys.end());
    std::vector<Diagnostic> sorted;
    for (const auto& k : keys) {
      Diagnostic& d = items_[std::get<4>(k)];
      bool repeat = false;  // repeats share a position, so sorting brought them together
      for (std::size_t j = sorted.size(); j-- > 0 && sorted[j].loc == d.loc && !repeat;)
        repeat = sorted[j].severity == d.severity && sorted[j].message == d.message;
      if (!repeat) sorted.push_back(std::move(d));
    }
    items_ = std::move(sorted);
  }
  // Under --strict a warning fails the run: it is reported as the error it then is.
  void warnings_as_errors() {
    for (Diagnostic& d : items_) d.severity = Severity::Error;
  }
  const std::vector<Diagnostic>& items() const { return items_; }
  bool empty() const { return items_.empty(); }

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace factline
