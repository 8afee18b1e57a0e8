#include "load/node_reader.hpp"

#include <algorithm>
#include <set>
#include <utility>
#include <variant>
#include <vector>

#include "core/utf8.hpp"
#include "load/suggest.hpp"
#include "load/text_rules.hpp"

namespace factline::load {
namespace {

std::string type_name(const YamlNode& n) {
  return n.is_map() ? "a mapping" : n.is_sequence() ? "a list" : n.is_null() ? "nothing" : "a scalar";
}

}  // namespace

std::string listed_or(std::span<const std::string_view> words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i)
    out += (i == 0 ? "" : i + 1 == words.size() ? " or " : ", ") + std::string(words[i]);
  return out;
}

SourceLoc NodeReader::loc(const YamlNode& n) const { return src_.loc(n.mark().line, n.mark().column); }

std::size_t NodeReader::text_offset(const YamlNode& n) const {
  const std::size_t at = src_.offset(n.mark().line, n.mark().column);
  // A quoted scalar's mark is its opening quote, seen in the source (the tree keeps no style; a
  // scalar written with the non-specific tag "! " is marked at its "!").
  const bool quote = at < src_.text().size() && (src_.text()[at] == '"' || src_.text()[at] == '\'');
  return n.is_scalar() && quote ? at + 1 : at;
}

SourceLoc NodeReader::text_loc(const YamlNode& n) const { return src_.loc_at_offset(text_offset(n)); }

std::string_view NodeReader::source_from(const YamlNode& n) const {
  return src_.text().substr(text_offset(n));
}

YamlNode NodeReader::value(const YamlNode& map, std::string_view key) {
  for (const auto& [k, v] : map.entries())
    if (k.is_scalar() && k.scalar() == key) return v;
  return YamlNode();
}

YamlNode NodeReader::key_node(const YamlNode& map, std::string_view key) {
  for (const auto& [k, v] : map.entries())
    if (k.is_scalar() && k.scalar() == key) return k;
  return YamlNode();
}

YamlNode NodeReader::later(const YamlNode& a, const YamlNode& b) {
  return std::pair(a.mark().line, a.mark().column) > std::pair(b.mark().line, b.mark().column) ? a : b;
}

bool NodeReader::suggested(const YamlNode& map, std::string_view key) const {
  return std::any_of(suggested_.begin(), suggested_.end(),
                     [&](const auto& s) { return s.second == key && s.first == map; });
}

bool NodeReader::mapping(const YamlNode& n, std::string_view what, std::span<const std::string_view> known) {
  if (!n.is_map()) {
    error(n, std::string(what) + " must be a mapping of keys to values, not " + type_name(n));
    return false;
  }
  // One pass over the keys (this runs once per event: 100,000 times for a long list). Mappings
  // are small, so duplicates are found by a linear search; the keys absent, for suggestions,
  // only when an unknown key needs one.
  std::vector<std::string_view> seen;
  std::vector<YamlNode> unknown;
  for (const auto& [k, v] : n.entries()) {
    if (!k.is_scalar()) {
      error(k, "keys must be plain words");
      continue;
    }
    const std::string_view key = k.scalar();
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
      error(k, "duplicate key " + quoted(key) + " in " + std::string(what), "each key may appear once; remove one of them");
      continue;
    }
    seen.push_back(key);
    if (std::find(known.begin(), known.end(), key) == known.end()) unknown.push_back(k);
  }
  // Suggest only keys the mapping does not already have: "titel" next to a "title" is not
  // a misspelling of it.
  std::vector<std::string_view> absent;
  if (!unknown.empty())
    for (std::string_view k : known)
      if (std::find(seen.begin(), seen.end(), k) == seen.end()) absent.push_back(k);
  for (const YamlNode& k : unknown) {
    const std::string_view key = k.scalar();
    const std::string near = closest_match(key, absent);
    if (!near.empty()) suggested_.emplace_back(n, near);
    error(k, "unknown key " + quoted(key) + " in " + std::string(what) +
                 (near.empty() ? "" : " — did you mean " + quoted(near) + "?"));
  }
  return true;
}

std::optional<std::string> NodeReader::string(const YamlNode& map, std::string_view key,
                                              std::string_view what, bool required, TextKind kind) {
  const YamlNode v = value(map, key);
  if (!v.defined()) {
    if (required && !suggested(map, key))
      error(map, std::string(what) + (std::string_view("aeiou").find(key.front()) == std::string_view::npos
                                          ? " needs a "
                                          : " needs an ") +
                     quoted(key),
            "add " + std::string(key) + ": …");
    return std::nullopt;
  }
  if (v.is_null()) {  // "title:" with nothing after it
    if (required) error(key_node(map, key), quoted(key) + " is empty", "write the " + std::string(key));
    return std::nullopt;
  }
  if (!v.is_scalar()) {
    error(v, quoted(key) + " must be text, not " + type_name(v));
    return std::nullopt;
  }
  if (v.scalar().size() > max_text_bytes) {
    error(v, quoted(key) + " is longer than " + std::to_string(max_text_bytes) + " bytes");
    return std::nullopt;
  }
  const std::string s(v.scalar());
  const bool blank = s.find_first_not_of(" \t\r\n") == std::string::npos;
  if (required && blank) {
    error(v, quoted(key) + " is empty", "write the " + std::string(key));
    return std::nullopt;
  }
  auto checked = text(v, s, quoted(key), kind);
  if (checked && required && looks_empty(*checked)) {
    error(v,
          quoted(key) + " shows nothing: it holds only invisible characters, such as " +
              utf8::codepoint_name(first_invisible(*checked)),
          "write the " + std::string(key));
    return std::nullopt;
  }
  return checked;
}

std::optional<std::string> NodeReader::text(const YamlNode& scalar, std::string decoded, std::string_view what,
                                            TextKind kind) {
  const std::optional<TextProblem> problem = check_text(decoded, kind, what);
  if (!problem) return decoded;
  error(char_loc(scalar, decoded, problem->offset), problem->message, problem->hint);
  return std::nullopt;
}

std::optional<std::string> NodeReader::text(const YamlNode& scalar, std::string_view what, TextKind kind) {
  return text(scalar, std::string(scalar.scalar()), what, kind);
}

SourceLoc NodeReader::char_loc(const YamlNode& scalar, std::string_view text, std::size_t offset) const {
  SourceLoc at = text_loc(scalar);
  // Exact when the source spells the text up to the character out as read; an escape or a
  // folded line before it would shift the column, so then the start of the value.
  const std::string_view before = text.substr(0, std::min(offset, text.size()));
  if (source_from(scalar).starts_with(before)) at.column += static_cast<int>(utf8::count(before));
  return at;
}

std::optional<std::size_t> NodeReader::one_of(const YamlNode& map, std::string_view key, std::string_view noun,
                                          std::span<const std::string_view> options,
                                          std::string_view required_in) {
  const auto s = string(map, key, required_in, !required_in.empty());
  if (!s) return std::nullopt;
  for (std::size_t i = 0; i < options.size(); ++i)
    if (*s == options[i]) return i;
  error(value(map, key), "unknown " + std::string(noun) + " " + quoted(*s), "use " + listed_or(options));
  return std::nullopt;
}

std::optional<bool> NodeReader::flag(const YamlNode& map, std::string_view key) {
  static constexpr std::string_view flags[] = {"false", "true"};
  const auto i = one_of(map, key, std::string(key) + " setting", flags);
  if (!i) return std::nullopt;
  return *i == 1;
}

std::optional<Color> NodeReader::color(const YamlNode& map, std::string_view key, std::string_view what) {
  const auto text = string(map, key, what);
  if (!text) return std::nullopt;
  const auto c = Color::parse(*text);
  if (!c) error(value(map, key), quoted(*text) + " is not a colour", "write #rrggbb, for example #1f5fbf");
  return c;
}

std::optional<calendar::Date> NodeReader::date(const YamlNode& scalar, std::string_view text,
                                               std::string_view hint_start) {
  const calendar::DateResult r = calendar::parse_date(text);
  if (const auto* d = std::get_if<calendar::Date>(&r)) return *d;
  const auto& err = std::get<calendar::DateError>(r);
  error(char_loc(scalar, text, err.offset), err.message, std::string(hint_start) + err.hint);
  return std::nullopt;
}

}  // namespace factline::load
