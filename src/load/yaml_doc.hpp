#pragma once
// A fact file's or template's YAML, read in one pass over libyaml's event stream. The pass
// refuses what a fact file never needs and what could make loading blow up (anchors and
// aliases, explicit tags, several documents, deep nesting), each with its position, and builds
// a tree of plain data as it goes: the nodes in one vector, their scalars in one string, read
// through YamlNode handles. No reference counts and no allocation per node: yaml-cpp's node
// tree cost as much to build, read and free as the parse itself on a long event list.
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/diagnostic.hpp"
#include "load/source_text.hpp"

namespace factline::load {

inline constexpr int max_nesting_depth = 32;

class YamlDoc;

// Where a node starts: 0-based line and byte column of the source's lines (SourceText::loc
// turns it into what users see); -1 for no node.
struct YamlMark {
  int line = -1, column = -1;
};

// One node of a YamlDoc, or none: "undefined", what looking up an absent key gives. Cheap to
// copy; valid while its YamlDoc lives.
class YamlNode {
 public:
  struct Entry;
  // A run of a node's children: a sequence's items (YamlNode) or a mapping's entries (Entry).
  template <class T>
  class Range;

  YamlNode() = default;
  bool defined() const { return doc_ != nullptr; }
  // "key:" with nothing after it, "~" or "null".
  bool is_null() const;
  bool is_scalar() const;
  bool is_sequence() const;
  bool is_map() const;
  // A scalar's text as written (quotes removed, escapes decoded, lines folded); empty for any other
  // node.
  std::string_view scalar() const;
  YamlMark mark() const;
  // The number of a sequence's items or a mapping's entries; 0 for any other node.
  std::size_t size() const;
  // A sequence's items; none for any other node.
  Range<YamlNode> items() const;
  // A mapping's entries in the order written, a repeated key each time; none for any other node.
  Range<Entry> entries() const;
  // The same node of the same document.
  bool operator==(const YamlNode&) const = default;

 private:
  friend class YamlDoc;
  YamlNode(const YamlDoc* doc, std::uint32_t index) : doc_(doc), index_(index) {}

  const YamlDoc* doc_ = nullptr;
  std::uint32_t index_ = 0;
};

struct YamlNode::Entry {
  YamlNode key, value;
};

template <class T>
class YamlNode::Range {
 public:
  class iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = T;

    iterator() = default;
    iterator(const YamlDoc* doc, const std::uint32_t* at) : doc_(doc), at_(at) {}
    T operator*() const {
      if constexpr (std::is_same_v<T, Entry>)
        return {YamlNode(doc_, at_[0]), YamlNode(doc_, at_[1])};
      else
        return YamlNode(doc_, *at_);
    }
    iterator& operator++() {
      at_ += step;
      return *this;
    }
    iterator operator++(int) {
      iterator was = *this;
      ++*this;
      return was;
    }
    bool operator==(const iterator&) const = default;

   private:
    const YamlDoc* doc_ = nullptr;
    const std::uint32_t* at_ = nullptr;
  };

  Range() = default;
  Range(const YamlDoc* doc, const std::uint32_t* first, std::size_t count)
      : begin_(doc, first), end_(doc, first + count * step) {}
  iterator begin() const { return begin_; }
  iterator end() const { return end_; }

 private:
  // A mapping's children are its keys and values in turn.
  static constexpr std::size_t step = std::is_same_v<T, Entry> ? 2 : 1;
  iterator begin_, end_;
};

class YamlDoc {
 public:
  YamlDoc() = default;
  // Handles point at the document: it stays where it was read.
  YamlDoc(const YamlDoc&) = delete;
  YamlDoc& operator=(const YamlDoc&) = delete;

  // The document's top node (a null node for "---" alone); none when reading failed.
  YamlNode root() const { return nodes_.empty() ? YamlNode() : YamlNode(this, 0); }

 private:
  friend class YamlNode;
  friend bool read_yaml(const SourceText& src, Diagnostics& out, YamlDoc& doc);
  class Builder;

  enum class Kind : std::uint8_t { Null, Scalar, Sequence, Map };
  struct Node {
    Kind kind;
    int line, column;
    // A scalar's text in text_; a sequence's or mapping's children in children_.
    std::uint32_t first = 0, count = 0;
  };

  std::vector<Node> nodes_;
  // Each container's children, a run per container: items, or keys and values in turn.
  std::vector<std::uint32_t> children_;
  std::string text_;
};

// Reads src's YAML into doc (a new one); false when it is malformed, empty or uses a refused
// feature (diagnostics added; doc then holds nothing to read).
bool read_yaml(const SourceText& src, Diagnostics& out, YamlDoc& doc);

inline bool YamlNode::is_null() const { return doc_ && doc_->nodes_[index_].kind == YamlDoc::Kind::Null; }
inline bool YamlNode::is_scalar() const { return doc_ && doc_->nodes_[index_].kind == YamlDoc::Kind::Scalar; }
inline bool YamlNode::is_sequence() const { return doc_ && doc_->nodes_[index_].kind == YamlDoc::Kind::Sequence; }
inline bool YamlNode::is_map() const { return doc_ && doc_->nodes_[index_].kind == YamlDoc::Kind::Map; }

inline std::string_view YamlNode::scalar() const {
  if (!is_scalar()) return {};
  const YamlDoc::Node& n = doc_->nodes_[index_];
  return std::string_view(doc_->text_).substr(n.first, n.count);
}

inline YamlMark YamlNode::mark() const {
  if (!doc_) return {};
  return {doc_->nodes_[index_].line, doc_->nodes_[index_].column};
}

inline std::size_t YamlNode::size() const {
  if (is_sequence()) return doc_->nodes_[index_].count;
  if (is_map()) return doc_->nodes_[index_].count / 2;
  return 0;
}

inline YamlNode::Range<YamlNode> YamlNode::items() const {
  if (!is_sequence()) return {};
  const YamlDoc::Node& n = doc_->nodes_[index_];
  return {doc_, doc_->children_.data() + n.first, n.count};
}

inline YamlNode::Range<YamlNode::Entry> YamlNode::entries() const {
  if (!is_map()) return {};
  const YamlDoc::Node& n = doc_->nodes_[index_];
  return {doc_, doc_->children_.data() + n.first, n.count / 2};
}

}  // namespace factline::load
