#include "load/event_fields.hpp"

#include "load/errors.hpp"
#include "load/trim.hpp"

namespace factline::load {

FieldValue<int> read_importance(std::string_view text) {
  const std::string_view t = trim(text);
  if (t.size() == 1 && t[0] >= '1' && t[0] <= '5') return {t[0] - '0', {}, {}};
  return {std::nullopt, "importance must be a whole number from 1 to 5",
          "5 = must be labelled, 1 = least important; leave it out for the default rule"};
}

FieldValue<model::Status> read_status(std::string_view text) {
  if (text == "confirmed") return {model::Status::Confirmed, {}, {}};
  if (text == "planned") return {model::Status::Planned, {}, {}};
  if (text == "uncertain") return {model::Status::Uncertain, {}, {}};
  return {std::nullopt, "unknown status " + quoted(text), "use confirmed, planned or uncertain"};
}

FieldValue<std::string> read_link(std::string_view text) {
  if (text.starts_with("http://") || text.starts_with("https://")) return {std::string(text), {}, {}};
  return {std::nullopt, "link must start with http:// or https://",
          "write the full address, for example https://example.com/story"};
}

FieldValue<int> read_group(std::string_view id, const model::Document& doc) {
  for (std::size_t i = 0; i < doc.groups.size(); ++i)
    if (doc.groups[i].id == id) return {static_cast<int>(i), {}, {}};
  return {std::nullopt, "no group has the id " + quoted(id),
          doc.groups.empty() ? "define it under groups:" : "use one of the ids under groups:"};
}

void apply_group_importance(model::Document& doc) {
  for (model::Event& e : doc.events)
    if (e.importance == 0 && e.group >= 0) e.importance = doc.groups[e.group].importance;
}

}  // namespace factline::load
