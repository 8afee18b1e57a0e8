#include "load/template.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <system_error>
#include <variant>

#include "core/utf8.hpp"
#include "load/errors.hpp"
#include "load/reader.hpp"
#include "load/source_text.hpp"
#include "load/suggest.hpp"
#include "load/yaml_scan.hpp"

namespace factline::load {
namespace {

namespace fs = std::filesystem;
using model::TextRole;
using model::Theme;

constexpr std::size_t max_extends = 16;  // templates in one chain
constexpr std::size_t max_palette = 64;
constexpr std::size_t max_dash = 8;
constexpr std::size_t max_family_bytes = 200;
constexpr std::size_t max_description_bytes = 300;

// The values a number may take.
struct Range {
  double lo, hi;
  bool lo_open;  // lo itself is not allowed
};
constexpr Range length{0, 10000, true};  // a size that must be there
constexpr Range gap{0, 10000, false};    // a distance that may be 0
constexpr Range page{100, 16000, false};
constexpr Range share{0, 1, true};
constexpr Range factor{0, 10, false};
constexpr Range alpha{0, 255, false};
constexpr Range ticks{2, 100, false};
constexpr Range font_size{0, 1000, true};
constexpr Range spacing{0, 10, true};
constexpr Range weight_range{1, 1000, false};

using model::MarkerShape;
using Field = std::variant<Color Theme::*, std::vector<Color> Theme::*, TextRole Theme::*, double Theme::*,
                           int Theme::*, std::vector<double> Theme::*, std::vector<MarkerShape> Theme::*>;

struct Key {
  std::string_view name;
  Field field;
  Range range = length;  // for numbers and dash lengths
};

// Every key of a template that sets a Theme field: the one table to extend with the struct.
const Key keys[] = {
    {"width", &Theme::width, page},
    {"margin", &Theme::margin, gap},
    {"background", &Theme::background},
    {"axis", &Theme::axis},
    {"grid", &Theme::grid},
    {"band", &Theme::band},
    {"leader", &Theme::leader},
    {"axis_band", &Theme::axis_band},
    {"as_of", &Theme::as_of},
    {"lane_fill", &Theme::lane_fill},
    {"era_fill", &Theme::era_fill},
    {"accent", &Theme::accent},
    {"palette", &Theme::palette},
    {"marker_shapes", &Theme::marker_shapes},
    {"title", &Theme::title},
    {"subtitle", &Theme::subtitle},
    {"event_date", &Theme::event_date},
    {"event_title", &Theme::event_title},
    {"event_text", &Theme::event_text},
    {"tick", &Theme::tick},
    {"tick_major", &Theme::tick_major},
    {"note", &Theme::note},
    {"as_of_label", &Theme::as_of_label},
    {"span_label", &Theme::span_label},
    {"group", &Theme::group},
    {"legend", &Theme::legend},
    {"source", &Theme::source},
    {"credit", &Theme::credit},
    {"axis_title", &Theme::axis_title},
    {"category", &Theme::category},
    {"value_label", &Theme::value_label},
    {"series_label", &Theme::series_label},
    {"panel_title", &Theme::panel_title},
    {"header_gap", &Theme::header_gap, gap},
    {"header_bottom", &Theme::header_bottom, gap},
    {"footer_top", &Theme::footer_top, gap},
    {"label_width", &Theme::label_width, length},
    {"label_gap", &Theme::label_gap, gap},
    {"label_inner_gap", &Theme::label_inner_gap, gap},
    {"flag_pad", &Theme::flag_pad, gap},
    {"stem_spacing", &Theme::stem_spacing, gap},
    {"leader_channel", &Theme::leader_channel, gap},
    {"max_nudge_factor", &Theme::max_nudge_factor, factor},
    {"marker_radius", &Theme::marker_radius, length},
    {"marker_stroke", &Theme::marker_stroke, gap},
    {"stem_width", &Theme::stem_width, length},
    {"date_tick_width", &Theme::date_tick_width, length},
    {"as_of_width", &Theme::as_of_width, length},
    {"as_of_dash", &Theme::as_of_dash, length},
    {"tentative_dash", &Theme::tentative_dash, length},
    {"axis_width", &Theme::axis_width, length},
    {"tick_length", &Theme::tick_length, length},
    {"tick_label_gap", &Theme::tick_label_gap, gap},
    {"band_height", &Theme::band_height, length},
    {"axis_band_pad", &Theme::axis_band_pad, gap},
    {"max_ticks", &Theme::max_ticks, ticks},
    {"span_height", &Theme::span_height, length},
    {"span_pad", &Theme::span_pad, gap},
    {"span_edge_width", &Theme::span_edge_width, length},
    {"span_alpha", &Theme::span_alpha, alpha},
    {"vertical_span_width", &Theme::vertical_span_width, length},
    {"lane_gap", &Theme::lane_gap, gap},
    {"group_gutter", &Theme::group_gutter, length},
    {"axis_break", &Theme::axis_break, length},
    {"break_share", &Theme::break_share, share},
    {"legend_swatch", &Theme::legend_swatch, length},
    {"legend_gap", &Theme::legend_gap, gap},
    {"plot_height", &Theme::plot_height, length},
    {"bar_width", &Theme::bar_width, length},
    {"column_width", &Theme::column_width, length},
    {"bar_gap", &Theme::bar_gap, {0, 0.9, false}},
    {"category_share", &Theme::category_share, share},
    {"line_width", &Theme::line_width, length},
    {"point_radius", &Theme::point_radius, gap},
    {"grid_width", &Theme::grid_width, length},
    {"area_alpha", &Theme::area_alpha, alpha},
    {"value_ticks", &Theme::value_ticks, ticks},
};

// Keys of a template besides the Theme's: `text` sets every text role at once.
constexpr std::string_view extra_keys[] = {"description", "extends", "text"};
constexpr std::string_view role_keys[] = {"family", "weight", "size", "line_spacing", "color"};

struct NamedWeight {
  std::string_view name;
  int weight;
};
constexpr NamedWeight weights[] = {{"thin", 100},    {"extralight", 200}, {"light", 300},
                                   {"regular", 400}, {"normal", 400},     {"medium", 500},
                                   {"semibold", 600}, {"bold", 700},      {"extrabold", 800},
                                   {"black", 900},   {"heavy", 900}};

constexpr std::string_view shape_names[] = {"circle", "square", "diamond"};
constexpr MarkerShape shapes[] = {MarkerShape::Circle, MarkerShape::Square, MarkerShape::Diamond};

std::vector<std::string_view> known_keys() {
  std::vector<std::string_view> out;
  for (const Key& k : keys) out.push_back(k.name);
  out.insert(out.end(), std::begin(extra_keys), std::end(extra_keys));
  return out;
}

std::string type_name(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Sequence: return "a list";
    default: return "text";
  }
}

std::string format_number(double v) {
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

std::string_view trim(std::string_view s) {
  const std::size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::optional<double> to_number(std::string_view s) {
  s = trim(s);
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc{} || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

// "more than 0", "between 100 and 16000"
std::string describe(const Range& r) {
  return r.lo_open ? "more than " + format_number(r.lo) + " and at most " + format_number(r.hi)
                   : "between " + format_number(r.lo) + " and " + format_number(r.hi);
}

bool in_range(double v, const Range& r) { return (r.lo_open ? v > r.lo : v >= r.lo) && v <= r.hi; }

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
  ThemeReader(const SourceText& src, Reader& read) : src_(src), read_(read) {}

  // Applies every Theme key of `root` to `t`; `given` collects the keys set ("title.size" for
  // a role's key).
  void apply(const YAML::Node& root, Theme& t, std::set<std::string>& given) {
    RolePatch all;
    if (const YAML::Node v = Reader::value(root, "text"); v.IsDefined()) all = role(v, "text");
    for (const Key& k : keys) {
      const YAML::Node v = Reader::value(root, k.name);
      if (std::holds_alternative<TextRole Theme::*>(k.field)) {
        TextRole& r = t.*std::get<TextRole Theme::*>(k.field);
        all.apply(r);
        all.mark(k.name, given);
        if (!v.IsDefined()) continue;
        const RolePatch p = role(v, k.name);
        p.apply(r);
        p.mark(k.name, given);
        continue;
      }
      if (!v.IsDefined()) continue;
      given.insert(std::string(k.name));
      set(t, k, root, v);
    }
  }

 private:
  void set(Theme& t, const Key& k, const YAML::Node& map, const YAML::Node& v) {
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
  std::string_view rest_of_line(const YAML::Node& map, std::string_view key) const {
    const YAML::Node k = Reader::key_node(map, key);
    if (!k.IsDefined()) return {};
    const std::string_view text = src_.text();
    const std::size_t at = src_.offset(k.Mark().line, k.Mark().column);
    return text.substr(at, text.find('\n', at) - at);
  }

  // True when v holds a scalar; otherwise reports an empty value or the wrong type.
  bool scalar(const YAML::Node& map, const YAML::Node& v, std::string_view key, std::string_view expected,
              std::string example) {
    if (v.IsNull()) {
      // `background: #fff` — YAML takes everything from "#" on as a comment.
      const std::string_view line = rest_of_line(map, key);
      const std::size_t hash = line.find(" #");
      if (hash != std::string_view::npos) {
        const std::string_view written = line.substr(hash + 1, line.find_first_of(" \t\r", hash + 1) - hash - 1);
        read_.error(Reader::key_node(map, key), load::quoted(key) + " is empty",
                    "quote the colour, or YAML reads it as a comment: " + std::string(key) + ": \"" +
                        utf8::escape_for_terminal(written) + "\"");
      } else {
        read_.error(Reader::key_node(map, key), load::quoted(key) + " is empty",
                    "write " + std::string(expected) + ", for example " + std::string(key) + ": " + example);
      }
      return false;
    }
    if (!v.IsScalar()) {
      read_.error(v, load::quoted(key) + " must be " + std::string(expected) + ", not " + type_name(v),
                  "for example " + std::string(key) + ": " + example);
      return false;
    }
    return true;
  }

  std::optional<Color> color_value(const YAML::Node& v) {
    const std::string_view s = trim(v.Scalar());
    if (auto c = Color::parse(s)) return c;
    read_.error(v, load::quoted(s) + " is not a colour",
                "write \"#rgb\", \"#rrggbb\" or \"#rrggbbaa\" in hex digits 0–9 and a–f, for example \"#1f5fbf\"");
    return std::nullopt;
  }

  std::optional<Color> color(const YAML::Node& map, const YAML::Node& v, std::string_view key) {
    if (!scalar(map, v, key, "a colour", "\"#1f5fbf\"")) return std::nullopt;
    return color_value(v);
  }

  std::optional<std::vector<Color>> palette(const YAML::Node& map, const YAML::Node& v, std::string_view key) {
    if (v.IsNull() || !v.IsSequence() || v.size() == 0 || v.size() > max_palette) {
      if (v.IsSequence())
        read_.error(v, load::quoted(key) + " must have 1 to " + std::to_string(max_palette) + " colours");
      else
        read_.error(v.IsNull() ? Reader::key_node(map, key) : v, load::quoted(key) + " must be a list of colours",
                    "for example " + std::string(key) + ": [\"#0072b2\", \"#d55e00\"]");
      return std::nullopt;
    }
    std::vector<Color> out;
    bool ok = true;
    for (const YAML::Node& item : v) {
      if (!item.IsScalar() || item.IsNull()) {
        read_.error(item, "each colour of " + load::quoted(key) + " must be a colour like \"#1f5fbf\"");
        ok = false;
      } else if (auto c = color_value(item)) {
        out.push_back(*c);
      } else {
        ok = false;
      }
    }
    if (!ok) return std::nullopt;
    return out;
  }

  std::optional<double> number_value(const YAML::Node& v, std::string_view what, const Range& r) {
    const std::string_view s = trim(v.Scalar());
    const auto n = to_number(s);
    if (!n) {
      const std::string_view bare = s.ends_with("px") ? trim(s.substr(0, s.size() - 2)) : std::string_view{};
      read_.error(v, std::string(what) + " must be a number, not " + load::quoted(s),
                  to_number(bare) ? "leave out the unit: sizes are in px" : "write a number such as 12 or 1.5");
      return std::nullopt;
    }
    if (!in_range(*n, r)) {
      read_.error(v, std::string(what) + " must be " + describe(r) + ", not " + format_number(*n));
      return std::nullopt;
    }
    return n;
  }

  std::optional<double> number(const YAML::Node& map, const YAML::Node& v, std::string_view key, const Range& r) {
    if (!scalar(map, v, key, "a number", format_number(r.lo_open ? r.lo + 1 : std::max(r.lo, 1.0)))) return std::nullopt;
    return number_value(v, load::quoted(key), r);
  }

  std::optional<int> integer(const YAML::Node& map, const YAML::Node& v, std::string_view key, const Range& r) {
    const auto n = number(map, v, key, r);
    if (!n) return std::nullopt;
    if (*n != std::floor(*n)) {
      read_.error(v, load::quoted(key) + " must be a whole number, not " + format_number(*n));
      return std::nullopt;
    }
    return static_cast<int>(*n);
  }

  std::optional<std::vector<double>> dashes(const YAML::Node& map, const YAML::Node& v, std::string_view key,
                                            const Range& r) {
    if (v.IsNull() || !v.IsSequence() || v.size() == 0 || v.size() > max_dash) {
      read_.error(v.IsNull() ? Reader::key_node(map, key) : v,
                  load::quoted(key) + " must be a list of 1 to " + std::to_string(max_dash) + " lengths in px",
                  "dash, gap, …; for example " + std::string(key) + ": [4, 3]");
      return std::nullopt;
    }
    std::vector<double> out;
    bool ok = true;
    for (const YAML::Node& item : v) {
      if (!item.IsScalar() || item.IsNull()) {
        read_.error(item, "each length of " + load::quoted(key) + " must be a number");
        ok = false;
      } else if (auto n = number_value(item, "each length of " + load::quoted(key), r)) {
        out.push_back(*n);
      } else {
        ok = false;
      }
    }
    if (!ok) return std::nullopt;
    return out;
  }

  std::optional<std::vector<MarkerShape>> marker_shapes(const YAML::Node& map, const YAML::Node& v,
                                                        std::string_view key) {
    if (v.IsNull() || !v.IsSequence() || v.size() == 0 || v.size() > max_palette) {
      read_.error(v.IsNull() ? Reader::key_node(map, key) : v,
                  load::quoted(key) + " must be a list of 1 to " + std::to_string(max_palette) + " shapes",
                  "for example " + std::string(key) + ": [circle, square, diamond]");
      return std::nullopt;
    }
    std::vector<MarkerShape> out;
    bool ok = true;
    for (const YAML::Node& item : v) {
      const std::string_view s = item.IsScalar() ? trim(item.Scalar()) : std::string_view{};
      const auto* at = std::find(std::begin(shape_names), std::end(shape_names), s);
      if (at != std::end(shape_names)) {
        out.push_back(shapes[at - std::begin(shape_names)]);
        continue;
      }
      const std::string near = closest_match(s, shape_names);
      read_.error(item, "unknown marker shape " + load::quoted(s) + (near.empty() ? "" : " — did you mean " + load::quoted(near) + "?"),
                  "use circle, square or diamond");
      ok = false;
    }
    if (!ok) return std::nullopt;
    return out;
  }

  std::optional<int> weight(const YAML::Node& map, const YAML::Node& v) {
    if (!scalar(map, v, "weight", "a font weight", "bold")) return std::nullopt;
    const std::string_view s = trim(v.Scalar());
    if (to_number(s)) {
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

  RolePatch role(const YAML::Node& v, std::string_view name) {
    RolePatch p;
    if (!read_.mapping(v, "the text role " + load::quoted(name), role_keys)) return p;
    if (const YAML::Node f = Reader::value(v, "family"); f.IsDefined() && scalar(v, f, "family", "a font family", "Pretendard")) {
      const std::string_view s = trim(f.Scalar());
      if (s.empty() || s.size() > max_family_bytes)
        read_.error(f, "\"family\" must name a font family", "for example family: Pretendard");
      else
        p.family = std::string(s);
    }
    if (const YAML::Node w = Reader::value(v, "weight"); w.IsDefined()) p.weight = weight(v, w);
    if (const YAML::Node s = Reader::value(v, "size"); s.IsDefined()) p.size = number(v, s, "size", font_size);
    if (const YAML::Node s = Reader::value(v, "line_spacing"); s.IsDefined())
      p.line_spacing = number(v, s, "line_spacing", spacing);
    if (const YAML::Node c = Reader::value(v, "color"); c.IsDefined()) p.color = color(v, c, "color");
    return p;
  }

  const SourceText& src_;
  Reader& read_;
};

// A root template must set every key; lists what it leaves out.
std::vector<std::string> missing_keys(const std::set<std::string>& given) {
  std::vector<std::string> out;
  for (const Key& k : keys) {
    if (!std::holds_alternative<TextRole Theme::*>(k.field)) {
      if (!given.contains(std::string(k.name))) out.emplace_back(k.name);
      continue;
    }
    std::vector<std::string> fields;
    for (std::string_view f : role_keys)
      if (!given.contains(std::string(k.name) + "." + std::string(f))) fields.push_back(std::string(k.name) + "." + std::string(f));
    if (fields.size() == std::size(role_keys))
      out.emplace_back(k.name);
    else
      out.insert(out.end(), fields.begin(), fields.end());
  }
  return out;
}

std::string list_some(const std::vector<std::string>& names, std::size_t most = 8) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < most; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > most) out += " and " + std::to_string(names.size() - most) + " more";
  return out;
}

std::optional<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes{std::istreambuf_iterator<char>(in), {}};
  if (in.bad()) return std::nullopt;
  return bytes;
}

// Nothing but blank lines and comments.
bool blank(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    const std::string_view line = trim(text.substr(at, end - at));
    if (!line.empty() && line.front() != '#') return false;
    at = end + 1;
  }
  return true;
}

// Follows a chain of templates, reporting into one result.
class Loader {
 public:
  Loader(const std::vector<std::string>& dirs, TemplateResult& out) : dirs_(dirs), out_(out) {}

  std::optional<Theme> load(std::string_view name, const std::string& base_dir, const SourceLoc& at) {
    const std::optional<fs::path> path = find(name, base_dir, at);
    if (!path) return std::nullopt;
    std::error_code ec;
    fs::path canonical = fs::weakly_canonical(*path, ec);
    if (ec) canonical = path->lexically_normal();
    if (std::find(chain_.begin(), chain_.end(), canonical) != chain_.end()) {
      std::string circle;
      const auto from = std::find(chain_.begin(), chain_.end(), canonical);
      for (auto it = from; it != chain_.end(); ++it) circle += it->filename().string() + " → ";
      report_error(out_.diagnostics, at, "templates extend each other in a circle: " + circle + canonical.filename().string(),
                   "remove one of the extends:");
      return std::nullopt;
    }
    if (chain_.size() >= max_extends) {
      report_error(out_.diagnostics, at, "more than " + std::to_string(max_extends) + " templates extend one another",
                   "extend a built-in template directly");
      return std::nullopt;
    }
    std::uintmax_t size = fs::file_size(*path, ec);
    if (!ec && size > max_input_bytes) {
      report_error(out_.diagnostics, at, "template \"" + utf8::escape_for_terminal(path->string()) + "\" is larger than 16 MiB");
      return std::nullopt;
    }
    const std::optional<std::string> bytes = read_file(*path);
    if (!bytes) {
      report_error(out_.diagnostics, at, "cannot read template \"" + utf8::escape_for_terminal(path->string()) + "\"");
      return std::nullopt;
    }
    out_.files.push_back(path->string());
    chain_.push_back(canonical);
    std::optional<Theme> theme = parse(*bytes, *path);
    chain_.pop_back();
    return theme;
  }

 private:
  // A built-in name in the search folders, else a path relative to base_dir.
  std::optional<fs::path> find(std::string_view name, const std::string& base_dir, const SourceLoc& at) {
    std::error_code ec;
    if (is_template_name(name))
      for (const std::string& dir : dirs_) {
        fs::path p = fs::path(dir) / (std::string(name) + ".yaml");
        if (fs::is_regular_file(p, ec)) return p;
      }
    const fs::path p = fs::path(name).is_absolute() || base_dir.empty() ? fs::path(name) : fs::path(base_dir) / fs::path(name);
    if (!name.empty() && fs::is_regular_file(p, ec)) return p;
    std::vector<std::string> names;
    for (const TemplateInfo& t : list_templates(dirs_)) names.push_back(t.name);
    std::vector<std::string_view> views(names.begin(), names.end());
    std::string builtins;
    for (std::size_t i = 0; i < names.size(); ++i) builtins += (i ? ", " : "") + names[i];
    const std::string hint = (names.empty() ? std::string("no built-in templates were found")
                                            : "built-in templates: " + builtins) +
                             "; or give the path of a template file";
    if (is_template_name(name)) {
      const std::string near = closest_match(name, views);
      report_error(out_.diagnostics, at,
                   "unknown template " + load::quoted(name) + (near.empty() ? "" : " — did you mean " + load::quoted(near) + "?"),
                   hint);
    } else {
      report_error(out_.diagnostics, at, "there is no template file \"" + utf8::escape_for_terminal(p.string()) + "\"", hint);
    }
    return std::nullopt;
  }

  // One file's mistakes are reported top to bottom, after those of the templates it extends.
  std::optional<Theme> parse(const std::string& bytes, const fs::path& path) {
    Diagnostics mine;
    auto append_sorted = [&] {
      std::vector<Diagnostic> ds = mine.items();
      std::stable_sort(ds.begin(), ds.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::pair(a.loc.line, a.loc.column) < std::pair(b.loc.line, b.loc.column);
      });
      for (Diagnostic& d : ds)
        if (d.severity == Severity::Error) out_.diagnostics.error(std::move(d.loc), std::move(d.message), std::move(d.hint));
        else out_.diagnostics.warning(std::move(d.loc), std::move(d.message), std::move(d.hint));
    };
    std::optional<Theme> theme;
    try {
      theme = parse_file(bytes, path, mine);
    } catch (const TooManyErrors&) {
      append_sorted();
      throw;
    }
    append_sorted();
    return theme;
  }

  std::optional<Theme> parse_file(const std::string& bytes, const fs::path& path, Diagnostics& out) {
    const SourceText src(bytes, path.string());
    src.check_bytes(out);
    if (out.has_errors()) return std::nullopt;
    if (blank(src.text())) {
      report_error(out, {src.file(), 1, 1}, "the template is empty", "start with extends: news and the keys to change");
      return std::nullopt;
    }
    if (!scan_yaml(src, out)) return std::nullopt;
    YAML::Node root;
    try {
      root = YAML::Load(std::string(src.text()));
    } catch (const YAML::Exception& e) {
      report_error(out, src.loc(e.mark.line, e.mark.column), "invalid YAML: " + utf8::escape_for_terminal(e.msg));
      return std::nullopt;
    }
    Reader read(src, out);
    if (root.IsNull()) {
      read.error(SourceLoc{src.file(), 1, 1}, "the template is empty", "start with extends: news and the keys to change");
      return std::nullopt;
    }
    if (!read.mapping(root, "a template", known_keys())) return std::nullopt;
    const bool first = chain_.size() == 1;
    if (const auto d = read.string(root, "description", "a template")) {
      if (d->find('\n') != std::string::npos || d->size() > max_description_bytes)
        read.error(Reader::value(root, "description"),
                   "\"description\" must be one line of at most " + std::to_string(max_description_bytes) + " bytes");
      else if (first)
        out_.description = *d;
    }
    Theme theme;
    const YAML::Node extends = Reader::value(root, "extends");
    if (extends.IsDefined()) {
      const auto base = read.string(root, "extends", "a template");
      if (!base || trim(*base).empty()) {
        if (base) read.error(extends, "\"extends\" is empty", "write extends: news, or a template file's path");
      } else if (auto parent = load(trim(*base), path.parent_path().string(), read.text_loc(extends))) {
        theme = std::move(*parent);
      }
    }
    std::set<std::string> given;
    ThemeReader(src, read).apply(root, theme, given);
    if (!extends.IsDefined())
      if (const auto missing = missing_keys(given); !missing.empty())
        read.error(SourceLoc{src.file(), 1, 1},
                   "the template extends no other and leaves out " + std::to_string(missing.size()) +
                       " keys: " + list_some(missing),
                   "add extends: news to start from the built-in look");
    return theme;
  }

  const std::vector<std::string>& dirs_;
  TemplateResult& out_;
  std::vector<fs::path> chain_;  // the templates being read, outermost first
};

// A template file's description, read with the same guards as any template; empty on error.
std::string description_of(const fs::path& path) {
  std::error_code ec;
  if (fs::file_size(path, ec) > max_input_bytes || ec) return {};
  const auto bytes = read_file(path);
  if (!bytes) return {};
  try {
    Diagnostics ignored;
    const SourceText src(*bytes, path.string());
    src.check_bytes(ignored);
    if (ignored.has_errors() || !scan_yaml(src, ignored)) return {};
    const YAML::Node root = YAML::Load(std::string(src.text()));
    if (!root.IsMap()) return {};
    const YAML::Node d = Reader::value(root, "description");
    return d.IsScalar() ? d.Scalar() : std::string();
  } catch (...) {  // a broken file lists with no description; loading it reports why
    return {};
  }
}

}  // namespace

bool is_template_name(std::string_view s) {
  return !s.empty() && s.size() <= 64 && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

TemplateResult load_template(std::string_view name_or_path, const std::string& base_dir,
                             const std::vector<std::string>& search_dirs, const SourceLoc& named_at) {
  TemplateResult result;
  try {
    Loader loader(search_dirs, result);
    std::optional<Theme> theme = loader.load(name_or_path, base_dir, named_at);
    if (theme && !result.diagnostics.has_errors()) result.theme = std::move(theme);
  } catch (const TooManyErrors&) {
    // The closing diagnostic is already there.
  } catch (const std::exception& e) {
    result.diagnostics.error(named_at, std::string("cannot read the template: ") + e.what());
  }
  if (result.diagnostics.has_errors()) result.theme.reset();
  return result;
}

std::vector<TemplateInfo> list_templates(const std::vector<std::string>& search_dirs) {
  std::vector<TemplateInfo> out;
  for (const std::string& dir : search_dirs) {
    std::error_code ec;
    std::vector<fs::path> files;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
      if (it->path().extension() == ".yaml" && is_template_name(it->path().stem().string()))
        files.push_back(it->path());
    for (const fs::path& p : files) {
      const std::string name = p.stem().string();
      if (std::none_of(out.begin(), out.end(), [&](const TemplateInfo& t) { return t.name == name; }))
        out.push_back({name, description_of(p), p.string()});
    }
  }
  std::sort(out.begin(), out.end(), [](const TemplateInfo& a, const TemplateInfo& b) { return a.name < b.name; });
  return out;
}

std::vector<std::string_view> theme_keys() {
  std::vector<std::string_view> out;
  for (const Key& k : keys) out.push_back(k.name);
  return out;
}

}  // namespace factline::load
