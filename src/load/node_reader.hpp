#pragma once
// Typed access to the values of YAML nodes (yaml_doc.hpp) (strings, choices, flags, colours, dates) that
// reports every problem as a diagnostic and keeps going.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "calendar/date.hpp"
#include "core/color.hpp"
#include "core/diagnostic.hpp"
#include "load/errors.hpp"
#include "load/source_text.hpp"
#include "load/text_rules.hpp"
#include "load/yaml_doc.hpp"

namespace factline::load {

inline constexpr std::size_t max_text_bytes = 4096;

// "news, minimal, dark or print"
std::string listed_or(std::span<const std::string_view> words);

// Reads the values of a YAML document's nodes.
class NodeReader {
 public:
  NodeReader(const SourceText& src, Diagnostics& out) : src_(src), out_(out) {}

  SourceLoc loc(const YamlNode& n) const;
  // Where a scalar's text starts (past an opening quote).
  SourceLoc text_loc(const YamlNode& n) const;
  // The source from where a scalar's text starts to the end of the input.
  std::string_view source_from(const YamlNode& n) const;
  void error(const YamlNode& at, std::string message, std::string hint = {}) {
    report_error(out_, loc(at), std::move(message), std::move(hint));
  }
  void error(SourceLoc at, std::string message, std::string hint = {}) {
    report_error(out_, std::move(at), std::move(message), std::move(hint));
  }

  // True when n is a mapping; reports duplicate keys and unknown keys (with a suggestion).
  bool mapping(const YamlNode& n, std::string_view what, std::span<const std::string_view> known);
  // True when `key` was offered as "did you mean" for a misspelt key of `map`: a missing
  // required key is then not reported again.
  bool suggested(const YamlNode& map, std::string_view key) const;
  // A string value, its escapes decoded and its text checked (text_rules.hpp: one line unless
  // `kind` allows more); nullopt (and an error when `required`) when absent or not a string, and
  // with an error when it is too long, holds what text may not, or — when `required` — shows
  // nothing. A required key that is absent but was suggested for a misspelt key is not reported
  // again.
  std::optional<std::string> string(const YamlNode& map, std::string_view key, std::string_view what,
                                    bool required = false, TextKind kind = TextKind::Line);
  // A scalar's decoded text when check_text finds nothing wrong with it; else an error at the
  // offending character, `what` naming the value ("\"family\"").
  std::optional<std::string> text(const YamlNode& scalar, std::string_view what, TextKind kind = TextKind::Line);
  // The index of a text value among `options`; nullopt (and an error naming them) otherwise,
  // and when absent (an error too when `required_in` names the mapping, as `what` does for
  // string()).
  std::optional<std::size_t> one_of(const YamlNode& map, std::string_view key, std::string_view noun,
                                    std::span<const std::string_view> options,
                                    std::string_view required_in = {});
  // A boolean key, written false or true (not YAML 1.1's yes/no/on/off); nullopt when absent.
  std::optional<bool> flag(const YamlNode& map, std::string_view key);
  // A colour (#rgb, #rrggbb or #rrggbbaa); nullopt when absent, and with an error when it is
  // not one.
  std::optional<Color> color(const YamlNode& map, std::string_view key, std::string_view what);
  // The date a scalar's text (`text`, as read) gives; an error when none, pointing at the
  // offending part of the text, its hint after `hint_start` (what the value should be).
  std::optional<calendar::Date> date(const YamlNode& scalar, std::string_view text, std::string_view hint_start = {});
  // The value node of key (the first, if repeated), or an undefined node.
  static YamlNode value(const YamlNode& map, std::string_view key);
  // The key node itself, or an undefined node.
  static YamlNode key_node(const YamlNode& map, std::string_view key);
  // Of two nodes, the one written later (where "not both" errors point).
  static YamlNode later(const YamlNode& a, const YamlNode& b);

 private:
  std::size_t text_offset(const YamlNode& n) const;
  std::optional<std::string> text(const YamlNode& scalar, std::string decoded, std::string_view what, TextKind kind);
  // Where byte `offset` of a scalar's decoded `text` is in the source.
  SourceLoc char_loc(const YamlNode& scalar, std::string_view text, std::size_t offset) const;

  const SourceText& src_;
  Diagnostics& out_;
  // (mapping, key) pairs offered as "did you mean" for a misspelt key.
  std::vector<std::pair<YamlNode, std::string>> suggested_;
};

}  // namespace factline::load
