#include "load/template_values.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "core/utf8.hpp"
#include "load/errors.hpp"
#include "load/number.hpp"
#include "load/suggest.hpp"
#include "load/template_keys.hpp"
#include "load/trim.hpp"

namespace factline::load {
namespace {

using model::MarkerShape;
using model::TextRole;
using model::Theme;
using namespace template_keys;

std::string type_name(const YamlNode& n) {
  return n.is_map() ? "a mapping" : n.is_sequence() ? "a list" : "text";
}

// A text role's keys as written: only what the template sets.
struct RolePatch {
  std::optional<std::string> family;
  std::optional<int> weight;
  std::optional<double> size, line_spacing;
  std::optional<Color> color;

  void apply(TextRole& r) const {
    if (family) r.family = *family;
    if (weight) r.weight = *weight;
    if (size) r.size = *size;
    if (line_spacing) r.line_spacing = *line_spacing;
    if (color) r.color = *color;
  }
  // The role keys this patch sets, as "name.key".
  void mark(std::string_view name, std::set<std::string>& given) const {
    const bool set[] = {family.has_value(), weight.has_value(), size.has_value(), line_spacing.has_value(),
                        color.has_value()};
    for (std::size_t i = 0; i < std::size(role_keys); ++i)
      if (set[i]) given.insert(std::string(name) + "." + std::string(role_keys[i]));
  }
};

// Reads one template file's keys into a Theme, reporting every mistake.
class ThemeReader {
 public:
  // `src` is null when the file's text may not be quoted (it does not read as a template).
  ThemeReader(const SourceText* src, NodeReader& read) : src_(src), read_(read) {}

  // Applies every Theme key of `root` to `t`; `given` collects the keys set ("title.size" for
  // a role's key).
  void apply(const YamlNode& root, Theme& t, std::set<std::string>& given) {
    RolePatch all;
    if (const YamlNode v = NodeReader::value(root, "text"); v.defined()) all = role(v, "text");
    for (const Key& k : keys()) {
      const YamlNode v = NodeReader::value(root, k.name);
      if (std::holds_alternative<TextRole Theme::*>(k.field)) {
        TextRole& r = t.*std::get<TextRole Theme::*>(k.field);
        all.apply(r);
        all.mark(k.name, given);
        if (!v.defined()) continue;
        const RolePatch p = role(v, k.name);
        p.apply(r);
        p.mark(k.name, given);
        continue;
      }
      if (!v.defined()) continue;
      given.insert(std::string(k.name));
      set(t, k, root, v);
    }
  }

 private:
  void set(Theme& t, const Key& k, const YamlNode& map, const YamlNode& v) {
    if (const auto* f = std::get_if<Color Theme::*>(&k.field)) {
      if (auto c = color(map, v, k.name)) t.**f = *c;
    } else if (const auto* p = std::get_if<std::vector<Color> Theme::*>(&k.field)) {
      if (auto c = palette(map, v, k.name)) t.**p = std::move(*c);
    } else if (const auto* d = std::get_if<double Theme::*>(&k.field)) {
      if (auto n = number(map, v, k.name, k.range)) t.**d = *n;
    } else if (const auto* i = std::get_if<int Theme::*>(&k.field)) {
      if (auto n = integer(map, v, k.name, k.range)) t.**i = *n;
    } else if (const auto* l = std::get_if<std::vector<double> Theme::*>(&k.field)) {
      if (auto n = dashes(map, v, k.name, k.range)) t.**l = std::move(*n);
    } else if (const auto* m = std::get_if<std::vector<MarkerShape> Theme::*>(&k.field)) {
      if (auto s = marker_shapes(map, v, k.name)) t.**m = std::move(*s);
    }
  }

  // The line of the source a node's key is on, from the key to the line's end.
  std::string_view rest_of_line(const YamlNode& map, std::string_view key) const {
    const YamlNode k = NodeReader::key_node(map, key);
    if (!k.defined() || !src_) return {};
    const std::string_view text = src_->text();
    const std::size_t at = src_->offset(k.mark().line, k.mark().column);
    return text.substr(at, text.find('\n', at) - at);
  }

  // True when v holds a scalar; otherwise reports an empty value or the wrong type.
  bool scalar(const YamlNode& map, const YamlNode& v, std::string_view key, std::string_view expected,
              std::string example) {
    if (v.is_null()) {
      // `background: #fff` — YAML takes everything from "#" on as a comment.
      const std::string_view line = rest_of_line(map, key);
      const std::size_t hash = line.find(" #");
      if (hash != std::string_view::npos) {
        const std::string_view written = line.substr(hash + 1, line.find_first_of(" \t\r", hash + 1) - hash - 1);
        read_.error(NodeReader::key_node(map, key), load::quoted(key) + " is empty",
                    "quote the colour, or YAML reads it as a comment: " + std::string(key) + ": \"" +
                        utf8::escape_for_terminal(written) + "\"");
      } else {
        read_.error(NodeReader::key_node(map, key), load::quoted(key) + " is empty",
                    "write " + std::string(expected) + ", for example " + std::string(key) + ": " + example);
      }
      return false;
    }
    if (!v.is_scalar()) {
      read_.error(v, load::quoted(key) + " must be " + std::string(expected) + ", not " + type_name(v),
                  "for example " + std::string(key) + ": " + example);
      return false;
    }
    return true;
  }

  // Every item of a list, as `read` gives it; nothing when any is wrong (each one reported).
  template <typename T, typename Read>
  static std::optional<std::vector<T>> each(const YamlNode& list, Read read) {
    std::vector<T> out;
    bool ok = true;
    for (const YamlNode item : list.items()) {
      if (std::optional<T> x = read(item)) out.push_back(std::move(*x));
      else ok = false;
    }
    if (!ok) return std::nullopt;
    return out;
  }

  std::optional<Color> color_value(const YamlNode& v) {
    const std::string_view s = trim(v.scalar());
    if (auto c = Color::parse(s)) return c;
    read_.error(v, load::quoted(s) + " is not a colour",
                "write \"#rgb\", \"#rrggbb\" or \"#rrggbbaa\" in hex digits 0–9 and a–f, for example \"#1f5fbf\"");
    return std::nullopt;
  }

  std::optional<Color> color(const YamlNode& map, const YamlNode& v, std::string_view key) {
    if (!scalar(map, v, key, "a colour", "\"#1f5fbf\"")) return std::nullopt;
    return color_value(v);
  }

  std::optional<std::vector<Color>> palette(const YamlNode& map, const YamlNode& v, std::string_view key) {
    if (v.is_null() || !v.is_sequence() || v.size() == 0 || v.size() > max_list) {
      if (v.is_sequence())
        read_.error(v, load::quoted(key) + " must have 1 to " + std::to_string(max_list) + " colours");
      else
        read_.error(v.is_null() ? NodeReader::key_node(map, key) : v, load::quoted(key) + " must be a list of colours",
                    "for example " + std::string(key) + ": [\"#0072b2\", \"#d55e00\"]");
      return std::nullopt;
    }
    return each<Color>(v, [&](const YamlNode& item) -> std::optional<Color> {
      if (item.is_scalar() && !item.is_null()) return color_value(item);
      read_.error(item, "each colour of " + load::quoted(key) + " must be a colour like \"#1f5fbf\"");
      return std::nullopt;
    });
  }

  std::optional<double> number_value(const YamlNode& v, std::string_view what, const Range& r) {
    const std::string_view s = trim(v.scalar());
    const auto n = read_number(s);
    if (!n) {
      const std::string_view bare = s.ends_with("px") ? trim(s.substr(0, s.size() - 2)) : std::string_view{};
      read_.error(v, std::string(what) + " must be a number, not " + load::quoted(s),
                  read_number(bare) ? "leave out the unit: sizes are in px" : "write a number such as 12 or 1.5");
      return std::nullopt;
    }
    if (!r.contains(*n)) {
      read_.error(v, std::string(what) + " must be " + r.describe() + ", not " + format_number(*n));
      return std::nullopt;
    }
    return n;
  }

  std::optional<double> number(const YamlNode& map, const YamlNode& v, std::string_view key, const Range& r) {
    if (!scalar(map, v, key, "a number", format_number(r.lo_open ? r.lo + 1 : std::max(r.lo, 1.0)))) return std::nullopt;
    return number_value(v, load::quoted(key), r);
  }

  std::optional<int> integer(const YamlNode& map, const YamlNode& v, std::string_view key, const Range& r) {
    const auto n = number(map, v, key, r);
    if (!n) return std::nullopt;
    if (*n != std::floor(*n)) {
      read_.error(v, load::quoted(key) + " must be a whole number, not " + format_number(*n));
      return std::nullopt;
    }
    return static_cast<int>(*n);
  }

  std::optional<std::vector<double>> dashes(const YamlNode& map, const YamlNode& v, std::string_view key,
                                            const Range& r) {
    if (v.is_null() || !v.is_sequence() || v.size() == 0 || v.size() > max_dash) {
      read_.error(v.is_null() ? NodeReader::key_node(map, key) : v,
                  load::quoted(key) + " must be a list of 1 to " + std::to_string(max_dash) + " lengths in px",
                  "dash, gap, …; for example " + std::string(key) + ": [4, 3]");
      return std::nullopt;
    }
    return each<double>(v, [&](const YamlNode& item) -> std::optional<double> {
      if (item.is_scalar() && !item.is_null()) return number_value(item, "each length of " + load::quoted(key), r);
      read_.error(item, "each length of " + load::quoted(key) + " must be a number");
      return std::nullopt;
    });
  }

  std::optional<std::vector<MarkerShape>> marker_shapes(const YamlNode& map, const YamlNode& v,
                                                        std::string_view key) {
    if (v.is_null() || !v.is_sequence() || v.size() == 0 || v.size() > max_list) {
      read_.error(v.is_null() ? NodeReader::key_node(map, key) : v,
                  load::quoted(key) + " must be a list of 1 to " + std::to_string(max_list) + " shapes",
                  "for example " + std::string(key) + ": [circle, square, diamond]");
      return std::nullopt;
    }
    return each<MarkerShape>(v, [&](const YamlNode& item) -> std::optional<MarkerShape> {
      const std::string_view s = item.is_scalar() ? trim(item.scalar()) : std::string_view{};
      const auto* at = std::find(std::begin(shape_names), std::end(shape_names), s);
      if (at != std::end(shape_names)) return shapes[at - std::begin(shape_names)];
      const std::string near = closest_match(s, shape_names);
      read_.error(item, "unknown marker shape " + load::quoted(s) + (near.empty() ? "" : " — did you mean " + load::quoted(near) + "?"),
                  "use circle, square or diamond");
      return std::nullopt;
    });
  }

  std::optional<int> weight(const YamlNode& map, const YamlNode& v) {
    if (!scalar(map, v, "weight", "a font weight", "bold")) return std::nullopt;
    const std::string_view s = trim(v.scalar());
    if (read_number(s)) {
      const auto n = number_value(v, "\"weight\"", weight_range);
      if (!n) return std::nullopt;
      if (*n != std::floor(*n)) {
        read_.error(v, "\"weight\" must be a whole number, not " + format_number(*n));
        return std::nullopt;
      }
      return static_cast<int>(*n);
    }
    for (const NamedWeight& w : weights)
      if (w.name == s) return w.weight;
    std::vector<std::string_view> names;
    for (const NamedWeight& w : weights) names.push_back(w.name);
    const std::string near = closest_match(s, names);
    read_.error(v, "unknown weight " + load::quoted(s) + (near.empty() ? "" : " — did you mean " + load::quoted(near) + "?"),
                "use a number from 1 to 1000 (400 regular, 700 bold) or thin, extralight, light, regular, "
                "medium, semibold, bold, extrabold, black");
    return std::nullopt;
  }

  RolePatch role(const YamlNode& v, std::string_view name) {
    RolePatch p;
    if (!read_.mapping(v, "the text role " + load::quoted(name), role_keys)) return p;
    if (const YamlNode f = NodeReader::value(v, "family"); f.defined() && scalar(v, f, "family", "a font family", "Pretendard")) {
      const std::string_view s = trim(f.scalar());
      if (s.empty() || s.size() > max_family_bytes)
        read_.error(f, "\"family\" must name a font family", "for example family: Pretendard");
      else if (read_.text(f, "\"family\""))
        p.family = std::string(s);
    }
    if (const YamlNode w = NodeReader::value(v, "weight"); w.defined()) p.weight = weight(v, w);
    if (const YamlNode s = NodeReader::value(v, "size"); s.defined()) p.size = number(v, s, "size", font_size);
    if (const YamlNode s = NodeReader::value(v, "line_spacing"); s.defined())
      p.line_spacing = number(v, s, "line_spacing", spacing);
    if (const YamlNode c = NodeReader::value(v, "color"); c.defined()) p.color = color(v, c, "color");
    return p;
  }

  const SourceText* src_;
  NodeReader& read_;
};

}  // namespace

void read_theme_keys(const SourceText* src, NodeReader& read, const YamlNode& root, model::Theme& theme,
                     std::set<std::string>& given) {
  ThemeReader(src, read).apply(root, theme, given);
}

}  // namespace factline::load
