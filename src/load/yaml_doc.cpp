#include "load/yaml_doc.hpp"

#include <yaml.h>

#include <algorithm>
#include <string>

#include "core/utf8.hpp"
#include "load/errors.hpp"

namespace factline::load {
namespace {

// libyaml's parser, freed however reading ends.
struct Parser {
  yaml_parser_t p;
  Parser() { yaml_parser_initialize(&p); }
  ~Parser() { yaml_parser_delete(&p); }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
};

struct Event {
  yaml_event_t e{};
  ~Event() { yaml_event_delete(&e); }
};

// Characters libyaml reads otherwise than YAML 1.2 (and the loader's checks) do: U+2028 and
// U+2029 break lines in YAML 1.1 but are text that "title" and an event's text may hold;
// libyaml skips U+FEFF at the start of any line, where it is part of the text after it (a
// leading byte order mark is not in SourceText::text()); and it refuses the noncharacters
// U+FFFE and U+FFFF outright, where the text checks name them. Before libyaml sees them they
// become noncharacters it takes, of the same length (3 bytes, one character, so every mark
// stays where it was), and back in the scalars read. Input that holds a stand-in itself is
// read as it is.
struct StandIn {
  std::string_view character, stand_in;
};
constexpr StandIn stand_ins[] = {
    {"\u2028", "\uFDD0"}, {"\u2029", "\uFDD1"}, {"\uFEFF", "\uFDD2"},
    {"\uFFFE", "\uFDD3"}, {"\uFFFF", "\uFDD4"}};

// Whether text holds any of the characters, or of their stand-ins.
bool holds_any(std::string_view text, std::string_view StandIn::*which) {
  for (const StandIn& s : stand_ins)
    if (text.find(s.*which) != std::string_view::npos) return true;
  return false;
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

}  // namespace

// Checks each of libyaml's events and adds its node to the document: a mapping's children are
// key, value, key, value…
class YamlDoc::Builder {
 public:
  Builder(const SourceText& src, Diagnostics& out, YamlDoc& doc, bool stand_ins)
      : src_(src), out_(out), doc_(doc), stand_ins_(stand_ins) {}

  // False to stop reading: the input is not YAML, or going on is pointless or unsafe.
  bool on(const yaml_event_t& e) {
    switch (e.type) {
      case YAML_DOCUMENT_START_EVENT:
        if (++documents == 2) {
          error(e.start_mark, "more than one YAML document in the file",
                "a fact file is one document; remove the extra \"---\"");
          return false;
        }
        return true;
      case YAML_ALIAS_EVENT:
        error(e.start_mark, "aliases (*name) are not supported", "write the value out in full");
        return true;
      case YAML_SCALAR_EVENT: scalar(e); return true;
      case YAML_SEQUENCE_START_EVENT:
        return open(Kind::Sequence, e.start_mark, e.data.sequence_start.anchor, e.data.sequence_start.tag);
      case YAML_MAPPING_START_EVENT:
        return open(Kind::Map, e.start_mark, e.data.mapping_start.anchor, e.data.mapping_start.tag);
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT: close(); return true;
      default: return true;  // stream start and end, document end
    }
  }
  // libyaml's report of why the input is not YAML.
  void syntax_error(const yaml_parser_t& p) {
    failed_ = true;
    const std::string problem = p.problem ? p.problem : "the input cannot be read";
    // A reader error (a character libyaml does not take) has a byte offset and no mark.
    if (p.error == YAML_READER_ERROR) {
      const std::string name = utf8::codepoint_name(static_cast<char32_t>(p.problem_value));
      report_error(out_, src_.loc_at_offset(p.problem_offset), "invalid YAML: " + problem + " (" + name + ")",
                   "remove it");
      return;
    }
    const std::size_t offset = byte_offset(p.problem_mark);
    const std::string_view rest = src_.text().substr(offset);
    // Anything after the document's top node: a stray character or a second document.
    if (problem == "did not find expected <document start>") {
      if (!rest.empty() && (rest[0] == ',' || rest[0] == ']' || rest[0] == '}'))
        error(p.problem_mark, "invalid YAML: unexpected \"" + std::string(1, rest[0]) + "\" after the end of the document",
              "remove it");
      else
        error(p.problem_mark, "more than one YAML document in the file",
              "a fact file is one document; remove the extra \"---\"");
      return;
    }
    // A quote never closed: the file's end is where libyaml notices, the quote is what to fix.
    if (problem == "found unexpected end of stream" && p.context &&
        std::string_view(p.context) == "while scanning a quoted scalar") {
      error(p.context_mark, "invalid YAML: this quoted text is never closed", "add the closing quote");
      return;
    }
    std::string message = "invalid YAML: " + problem;
    // The character or escape found, as written.
    if (problem == "found character that cannot start any token" && !rest.empty()) {
      std::size_t end = 0;
      utf8::next(rest, end);
      message += " " + quoted(rest.substr(0, end));
    } else if (problem == "found unknown escape character" && rest.size() >= 2) {
      std::size_t end = 1;
      utf8::next(rest, end);
      message += " " + quoted(rest.substr(0, end));
    } else if (problem.starts_with("did not find expected")) {
      const std::size_t word = std::min(rest.find_first_of(" \t\r\n"), rest.size());
      message += word == 0 ? (rest.empty() ? " but the file ends" : " but a line ends")
                           : " but found " + quoted(rest.substr(0, word));
    }
    // The context names what was being read and, when that began elsewhere, where: "did not
    // find expected key (reading a block mapping that starts at line 2, column 1)".
    const SourceLoc at = loc(p.problem_mark);
    // "while scanning for the next token" says nothing more.
    if (p.context && std::string_view(p.context) != "while scanning for the next token") {
      const SourceLoc from = loc(p.context_mark);
      std::string context = p.context;
      if (context.starts_with("while parsing ") || context.starts_with("while scanning "))
        context = "reading " + context.substr(context.find(' ', 6) + 1);
      message += " (" + context;
      if (from.line != at.line || from.column != at.column)
        message +=
            " that starts at line " + std::to_string(from.line) + ", column " + std::to_string(from.column);
      message += ")";
    }
    std::string hint;
    if (!rest.empty() && rest[0] == '\t')
      hint = "YAML indents with spaces; replace the tab";
    else if (problem == "mapping values are not allowed in this context")
      hint = "put text that holds \": \" in quotes; keys of one mapping line up under each other";
    // libyaml's own texts are ASCII; the input's text in the message is quoted (escaped).
    report_error(out_, at, message, hint);
  }
  bool ok() const { return !failed_; }
  int documents = 0;

 private:
  // A container being read: its node, and where its children start in pending_.
  struct Open {
    std::uint32_t node;
    std::size_t first_child;
  };

  // libyaml counts characters; the document keeps 0-based line and byte column, from the
  // source's own lines.
  std::size_t byte_offset(const yaml_mark_t& m) const { return src_.offset_of_char(m.index); }
  YamlMark mark(const yaml_mark_t& m) {
    // Nodes come in the order written, near each other: walk on from the last one, a
    // character at a time (the text is valid UTF-8: a character starts at each byte that is
    // not 10xxxxxx), or look the mark up when it lies behind.
    const std::string_view text = src_.text();
    if (m.index < cursor_chars_) {
      cursor_bytes_ = byte_offset(m);
      cursor_chars_ = m.index;
    }
    for (; cursor_chars_ < m.index && cursor_bytes_ < text.size(); ++cursor_chars_)
      do ++cursor_bytes_;
      while (cursor_bytes_ < text.size() && (static_cast<unsigned char>(text[cursor_bytes_]) & 0xC0) == 0x80);
    const auto [line, column] = src_.line_and_column(cursor_bytes_);
    return {line, column};
  }
  SourceLoc loc(const yaml_mark_t& m) const { return src_.loc_at_offset(byte_offset(m)); }

  void scalar(const yaml_event_t& e) {
    const auto& s = e.data.scalar;
    const std::string_view value(reinterpret_cast<const char*>(s.value), s.length);
    check_anchor(e.start_mark, s.anchor);
    check_tag(e.start_mark, s.tag);
    // Only a plain scalar without a tag can be null; libyaml itself types nothing.
    const bool null = s.style == YAML_PLAIN_SCALAR_STYLE && !s.tag &&
                      (value.empty() || value == "~" || value == "null" || value == "Null" || value == "NULL");
    if (null) {
      add(Kind::Null, e.start_mark);
      return;
    }
    Node& n = doc_.nodes_[add(Kind::Scalar, e.start_mark)];
    n.first = static_cast<std::uint32_t>(doc_.text_.size());
    doc_.text_ += value;
    if (stand_ins_) {
      std::string text = doc_.text_.substr(n.first);
      for (const StandIn& c : stand_ins) replace_all(text, c.stand_in, c.character);
      doc_.text_.replace(n.first, std::string::npos, text);
    }
    n.count = static_cast<std::uint32_t>(doc_.text_.size() - n.first);
  }
  std::uint32_t add(Kind kind, const yaml_mark_t& m) {
    const auto index = static_cast<std::uint32_t>(doc_.nodes_.size());
    const YamlMark at = mark(m);
    doc_.nodes_.push_back({kind, at.line, at.column});
    if (!open_.empty()) pending_.push_back(index);
    return index;
  }
  bool open(Kind kind, const yaml_mark_t& m, const yaml_char_t* anchor, const yaml_char_t* tag) {
    check_anchor(m, anchor);
    check_tag(m, tag);
    if (static_cast<int>(open_.size()) + 1 > max_nesting_depth) {
      // Stop here: nothing a fact file holds is this deep, and each level costs memory.
      error(m, "nesting deeper than " + std::to_string(max_nesting_depth) + " levels",
            "a fact file needs only a few levels");
      return false;
    }
    open_.push_back({add(kind, m), pending_.size()});
    return true;
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
  void check_anchor(const yaml_mark_t& m, const yaml_char_t* anchor) {
    if (anchor) error(m, "anchors (&name) are not supported", "write the value out in full");
  }
  void check_tag(const yaml_mark_t& m, const yaml_char_t* tag) {
    // The non-specific tag "!" ("! text") only says "not typed", as every node here is.
    if (tag && std::string_view(reinterpret_cast<const char*>(tag)) != "!")
      error(m, "explicit YAML tags are not supported", "remove the \"!\" tag");
  }
  void error(const yaml_mark_t& m, std::string message, std::string hint) {
    failed_ = true;
    report_error(out_, loc(m), std::move(message), std::move(hint));
  }

  const SourceText& src_;
  Diagnostics& out_;
  YamlDoc& doc_;
  const bool stand_ins_;
  std::vector<Open> open_;
  // The last node's mark: a character index and its byte offset.
  std::size_t cursor_chars_ = 0, cursor_bytes_ = 0;
  // The children of the open containers, innermost last.
  std::vector<std::uint32_t> pending_;
  bool failed_ = false;
};

bool read_yaml(const SourceText& src, Diagnostics& out, YamlDoc& doc) {
  std::string_view text = src.text();
  std::string replaced;
  const bool stand_in = holds_any(text, &StandIn::character) && !holds_any(text, &StandIn::stand_in);
  if (stand_in) {
    replaced = text;
    for (const StandIn& c : stand_ins) replace_all(replaced, c.character, c.stand_in);
    text = replaced;
  }
  YamlDoc::Builder builder(src, out, doc, stand_in);
  Parser parser;
  yaml_parser_set_input_string(&parser.p, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  yaml_parser_set_encoding(&parser.p, YAML_UTF8_ENCODING);
  for (;;) {
    Event event;
    if (!yaml_parser_parse(&parser.p, &event.e)) {
      builder.syntax_error(parser.p);
      break;
    }
    if (!builder.on(event.e) || event.e.type == YAML_STREAM_END_EVENT) break;
  }
  const bool ended = builder.ok() && builder.documents == 1;
  if (builder.ok() && builder.documents == 0)
    report_error(out, {src.file(), 1, 1}, "the fact file is empty", "start with a title: and an events: list");
  if (!ended) {
    doc.nodes_.clear();
    doc.children_.clear();
    doc.text_.clear();
  }
  return ended;
}

}  // namespace factline::load
