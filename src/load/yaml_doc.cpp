#include "load/yaml_doc.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <sstream>

#include "core/utf8.hpp"
#include "load/errors.hpp"

namespace factline::load {
namespace {

// Thrown from the event handler to stop the parse where going on is pointless or unsafe.
struct StopRead {};

}  // namespace

// Checks each event and adds its node to the document, in the order yaml-cpp's own node
// builder would (a mapping's children: key, value, key, value…).
class YamlDoc::Builder : public YAML::EventHandler {
 public:
  Builder(const SourceText& src, Diagnostics& out, YamlDoc& doc) : src_(src), out_(out), doc_(doc) {}
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
      throw StopRead{};
    }
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t a) override {
    anchor(m, a);
    add(Kind::Null, m);
  }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override {
    error(m, "aliases (*name) are not supported", "write the value out in full");
  }
  void OnScalar(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a, const std::string& value) override {
    anchor(m, a), check_tag(m, tag);
    Node& n = doc_.nodes_[add(Kind::Scalar, m)];
    n.first = static_cast<std::uint32_t>(doc_.text_.size());
    n.count = static_cast<std::uint32_t>(value.size());
    doc_.text_ += value;
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a,
                       YAML::EmitterStyle::value) override {
    open(Kind::Sequence, m, tag, a);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a,
                  YAML::EmitterStyle::value) override {
    open(Kind::Map, m, tag, a);
  }
  void OnMapEnd() override { close(); }
  bool ok() const { return !failed_; }

 private:
  // A container being read: its node, and where its children start in pending_.
  struct Open {
    std::uint32_t node;
    std::size_t first_child;
  };

  std::uint32_t add(Kind kind, const YAML::Mark& m) {
    const auto index = static_cast<std::uint32_t>(doc_.nodes_.size());
    doc_.nodes_.push_back({kind, m.line, m.column});
    if (!open_.empty()) pending_.push_back(index);
    return index;
  }
  void open(Kind kind, const YAML::Mark& m, const std::string& tag, YAML::anchor_t a) {
    anchor(m, a), check_tag(m, tag);
    if (static_cast<int>(open_.size()) + 1 > max_nesting_depth) {
      error(m, "nesting deeper than " + std::to_string(max_nesting_depth) + " levels",
            "a fact file needs only a few levels");
      // Stop here: yaml-cpp recurses once per level, so reading on would let a file of
      // 100,000 "[" run its parser deep into the stack.
      throw StopRead{};
    }
    open_.push_back({add(kind, m), pending_.size()});
  }
  // A container's children are complete: they move from pending_ to one run of children_.
  void close() {
    const Open o = open_.back();
    open_.pop_back();
    Node& n = doc_.nodes_[o.node];
    n.first = static_cast<std::uint32_t>(doc_.children_.size());
    n.count = static_cast<std::uint32_t>(pending_.size() - o.first_child);
    doc_.children_.insert(doc_.children_.end(), pending_.begin() + static_cast<std::ptrdiff_t>(o.first_child),
                          pending_.end());
    pending_.resize(o.first_child);
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
  YamlDoc& doc_;
  std::vector<Open> open_;
  // The children of the open containers, innermost last.
  std::vector<std::uint32_t> pending_;
  bool failed_ = false;
};

bool read_yaml(const SourceText& src, Diagnostics& out, YamlDoc& doc) {
  std::istringstream in{std::string(src.text())};
  YamlDoc::Builder builder(src, out, doc);
  bool ok = false;
  try {
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(builder)) {
    }
    if (builder.documents == 0)
      report_error(out, {src.file(), 1, 1}, "the fact file is empty", "start with a title: and an events: list");
    else
      ok = builder.ok();
  } catch (const StopRead&) {
  } catch (const YAML::Exception& e) {
    // yaml-cpp's messages can carry input text ("unknown escape character: <DEL>").
    report_error(out, src.loc(e.mark.line, e.mark.column), "invalid YAML: " + utf8::escape_for_terminal(e.msg));
  }
  if (!ok) {
    doc.nodes_.clear();
    doc.children_.clear();
    doc.text_.clear();
  }
  return ok;
}

}  // namespace factline::load
