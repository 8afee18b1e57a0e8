#pragma once
// Diagnostics are data: the library returns them, the command prints them.
#include <string>
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
};

class Diagnostics {
 public:
  void error(SourceLoc loc, std::string message, std::string hint = {}) {
    items_.push_back({Severity::Error, std::move(loc), std::move(message), std::move(hint)});
  }
  void warning(SourceLoc loc, std::string message, std::string hint = {}) {
    items_.push_back({Severity::Warning, std::move(loc), std::move(message), std::move(hint)});
  }
  void append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
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
  const std::vector<Diagnostic>& items() const { return items_; }
  bool empty() const { return items_.empty(); }

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace factline
