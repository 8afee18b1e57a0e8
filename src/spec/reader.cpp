#include "spec/reader.hpp"

#include <algorithm>
#include <set>
#include <vector>

#include "core/utf8.hpp"
#include "spec/suggest.hpp"

namespace factline::spec {
namespace {

std::string quoted(std::string_view s) { return "\"" + utf8::escape_for_terminal(s) + "\""; }

std::string type_name(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Null: return "nothing";
    default: return "a scalar";
  }
}

}  // namespace

SourceLoc Reader::loc(const YAML::Node& n) const { return src_.loc(n.Mark().line, n.Mark().column); }

SourceLoc Reader::text_loc(const YAML::Node& n) const {
  SourceLoc l = loc(n);
  if (n.Tag() == "!") ++l.column;  // a quoted scalar: its text starts after the quote
  return l;
}

YAML::Node Reader::value(const YAML::Node& map, std::string_view key) {
  for (auto it = map.begin(); it != map.end(); ++it)
    if (it->first.IsScalar() && it->first.Scalar() == key) return it->second;
  return YAML::Node(YAML::NodeType::Undefined);
}

bool Reader::mapping(const YAML::Node& n, std::string_view what,
                     std::initializer_list<std::string_view> known) {
  if (!n.IsMap()) {
    error(n, std::string(what) + " must be a mapping of keys to values, not " + type_name(n));
    return false;
  }
  const std::vector<std::string_view> keys(known);
  std::set<std::string> seen;
  for (auto it = n.begin(); it != n.end(); ++it) {
    if (!it->first.IsScalar()) {
      error(it->first, "keys must be plain words");
      continue;
    }
    const std::string& key = it->first.Scalar();
    if (!seen.insert(key).second) {
      error(it->first, "duplicate key " + quoted(key) + " in " + std::string(what),
            "each key may appear once; remove one of them");
    } else if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      const std::string near = closest_match(key, keys);
      error(it->first, "unknown key " + quoted(key) + " in " + std::string(what) +
                           (near.empty() ? "" : " — did you mean " + quoted(near) + "?"));
    }
  }
  return true;
}

std::optional<std::string> Reader::string(const YAML::Node& map, std::string_view key,
                                          std::string_view what, bool required) {
  const YAML::Node v = value(map, key);
  if (!v.IsDefined() || v.IsNull()) {
    if (required)
      error(map, std::string(what) + " needs a " + quoted(key), "add " + std::string(key) + ": …");
    return std::nullopt;
  }
  if (!v.IsScalar()) {
    error(v, quoted(key) + " must be text, not " + type_name(v));
    return std::nullopt;
  }
  if (v.Scalar().size() > max_text_bytes) {
    error(v, quoted(key) + " is longer than " + std::to_string(max_text_bytes) + " bytes");
    return std::nullopt;
  }
  if (required && v.Scalar().find_first_not_of(" \t\r\n") == std::string::npos) {
    error(v, quoted(key) + " is empty", "write the " + std::string(key));
    return std::nullopt;
  }
  return v.Scalar();
}

}  // namespace factline::spec
