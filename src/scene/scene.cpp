#include "scene/scene.hpp"

namespace factline::scene {

Item text_item(std::string role, int event, std::string source, text::ShapedTextPtr shaped,
               Point top_left, Color color) {
  Item it;
  it.type = ItemType::Text;
  it.role = std::move(role);
  it.event = event;
  it.text = std::move(source);
  const Rect& logical = shaped->logical();
  it.origin = {top_left.x - logical.x, top_left.y - logical.y};
  it.box = {top_left.x, top_left.y, logical.w, logical.h};
  it.fill = color;
  it.shaped = std::move(shaped);
  return it;
}

}  // namespace factline::scene
