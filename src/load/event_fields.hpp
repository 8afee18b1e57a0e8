#pragma once
// The values of an event's fields that a fact file's events: list and an events CSV file share:
// each reader reports at its own positions, with these words.
#include <optional>
#include <string>
#include <string_view>

#include "model/document.hpp"

namespace factline::load {

// A field's value, or what is wrong with it.
template <typename T>
struct FieldValue {
  std::optional<T> value;
  std::string message, hint;  // empty when value is set
};

// importance: a whole number from 1 to 5.
FieldValue<int> read_importance(std::string_view text);
// status: confirmed, planned or uncertain.
FieldValue<model::Status> read_status(std::string_view text);
// link: an http(s) address.
FieldValue<std::string> read_link(std::string_view text);
// The index of the group with this id.
FieldValue<int> read_group(std::string_view id, const model::Document& doc);

// Events without an importance of their own take their group's.
void apply_group_importance(model::Document& doc);

}  // namespace factline::load
