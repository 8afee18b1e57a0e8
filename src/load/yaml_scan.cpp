#include "load/yaml_scan.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <sstream>

#include "core/utf8.hpp"
#include "load/errors.hpp"

namespace factline::load {
namespace {

// Thrown from the event handler to stop the parse where going on is pointless or unsafe.
struct StopScan {};

class Scanner : public YAML::EventHandler {
 public:
  Scanner(const SourceText& src, Diagnostics& out) : src_(src), out_(out) {}
  int documents = 0;

  void OnDocumentStart(const YAML::Mark& m) override {
    if (++documents == 2) {
      // yaml-cpp starts a new document at a stray "," after the first one ("[a],"), and
      // another, and another, without end: stop here in any case.
      const std::size_t at = src_.offset(m.line, m.column);
      const char c = at < src_.text().size() ? src_.text()[at] : '\0';
      if (c == ',' || c == ']' || c == '}')
        error(m, "invalid YAML: unexpected \"" + std::string(1, c) + "\" after the end of the document",
              "remove it");
      else
        error(m, "more than one YAML document in the file",
              "a fact file is one document; remove the extra \"---\"");
      throw StopScan{};
    }
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t a) override { anchor(m, a); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override {
    error(m, "aliases (*name) are not supported", "write the value out in full");
  }
  void OnScalar(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a, const std::string&) override {
    anchor(m, a), check_tag(m, tag);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a,
                       YAML::EmitterStyle::value) override {
    open(m, tag, a);
  }
  void OnSequenceEnd() override { --depth_; }
  void OnMapStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a,
                  YAML::EmitterStyle::value) override {
    open(m, tag, a);
  }
  void OnMapEnd() override { --depth_; }
  bool ok() const { return !failed_; }

 private:
  void open(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a) {
    anchor(m, a), check_tag(m, tag);
    if (++depth_ > max_nesting_depth) {
      error(m, "nesting deeper than " + std::to_string(max_nesting_depth) + " levels",
            "a fact file needs only a few levels");
      // Stop here: yaml-cpp recurses once per level, so reading on would let a file of
      // 100,000 "[" run its parser deep into the stack.
      throw StopScan{};
    }
  }
  void anchor(const YAML::Mark& m, YAML::anchor_t a) {
    if (a != YAML::NullAnchor)
      error(m, "anchors (&name) are not supported", "write the value out in full");
  }
  void check_tag(const YAML::Mark& m, const std::string& tag) {
    // "?" is a plain scalar's, "!" a quoted scalar's (or the non-specific "! " tag).
    if (!tag.empty() && tag != "?" && tag != "!")
      error(m, "explicit YAML tags are not supported", "remove the \"!\" tag");
  }
  void error(const YAML::Mark& m, std::string message, std::string hint) {
    failed_ = true;
    report_error(out_, src_.loc(m.line, m.column), std::move(message), std::move(hint));
  }

  const SourceText& src_;
  Diagnostics& out_;
  int depth_ = 0;
  bool failed_ = false;
};

}  // namespace

bool scan_yaml(const SourceText& src, Diagnostics& out) {
  std::istringstream in{std::string(src.text())};
  Scanner scanner(src, out);
  try {
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(scanner)) {
    }
  } catch (const StopScan&) {
    return false;
  } catch (const YAML::Exception& e) {
    // yaml-cpp's messages can carry input text ("unknown escape character: <DEL>").
    report_error(out, src.loc(e.mark.line, e.mark.column), "invalid YAML: " + utf8::escape_for_terminal(e.msg));
    return false;
  }
  if (scanner.documents == 0) {
    report_error(out, {src.file(), 1, 1}, "the fact file is empty", "start with a title: and an events: list");
    return false;
  }
  return scanner.ok();
}

}  // namespace factline::load
