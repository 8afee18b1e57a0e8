#pragma once
// The key table of templates: every key that sets a model::Theme field with the values it may
// take, and the other words a template uses (text-role keys, weight and marker-shape names).
// docs/templates.md lists the keys for users.
#include <cstddef>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/theme.hpp"

namespace factline::load::template_keys {

inline constexpr std::size_t max_list = 64;  // colours of a palette, marker shapes
inline constexpr std::size_t max_dash = 8;   // lengths of a dash pattern
inline constexpr std::size_t max_family_bytes = 200;

// The values a number may take.
struct Range {
  double lo, hi;
  bool lo_open;  // lo itself is not allowed

  bool contains(double v) const { return (lo_open ? v > lo : v >= lo) && v <= hi; }
  // "more than 0 and at most 10000", "between 100 and 16000"
  std::string describe() const;
};
inline constexpr Range length{0, 10000, true};  // a size that must be there
inline constexpr Range gap{0, 10000, false};    // a distance that may be 0
inline constexpr Range font_size{0, 1000, true};
inline constexpr Range spacing{0, 10, true};
inline constexpr Range weight_range{1, 1000, false};

using Field = std::variant<Color model::Theme::*, std::vector<Color> model::Theme::*, model::TextRole model::Theme::*,
                           double model::Theme::*, int model::Theme::*, std::vector<double> model::Theme::*,
                           std::vector<model::MarkerShape> model::Theme::*>;

struct Key {
  std::string_view name;
  Field field;
  Range range = length;  // for numbers and dash lengths
};

// Every key of a template that sets a Theme field: the one table to extend with the struct.
std::span<const Key> keys();
// The text-role keys (title, tick, …) with their fields, in the table's order.
struct TextRoleKey {
  std::string_view name;
  model::TextRole model::Theme::*role;
};
std::vector<TextRoleKey> text_roles();
// Every key a template may have: the table's, and description, extends and text (every text
// role at once).
std::vector<std::string_view> known_keys();

// The keys of a text role, such as title: {family, weight, size, line_spacing, color}.
inline constexpr std::string_view role_keys[] = {"family", "weight", "size", "line_spacing", "color"};

struct NamedWeight {
  std::string_view name;
  int weight;
};
inline constexpr NamedWeight weights[] = {{"thin", 100},    {"extralight", 200}, {"light", 300},
                                          {"regular", 400}, {"normal", 400},     {"medium", 500},
                                          {"semibold", 600}, {"bold", 700},      {"extrabold", 800},
                                          {"black", 900},   {"heavy", 900}};

inline constexpr std::string_view shape_names[] = {"circle", "square", "diamond"};
inline constexpr model::MarkerShape shapes[] = {model::MarkerShape::Circle, model::MarkerShape::Square,
                                                model::MarkerShape::Diamond};

// The keys a template that extends no other leaves out, given those it sets ("title.size" for a
// role's key): a role none of whose keys is set is listed once by its name.
std::vector<std::string> missing_keys(const std::set<std::string>& given);

// A number as messages write it: the shortest form that reads back the same (12, 0.5).
std::string format_number(double v);

}  // namespace factline::load::template_keys
