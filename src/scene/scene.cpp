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

bool same_layout(const Scene& a, const Scene& b) {
  if (a.width != b.width || a.height != b.height || a.items.size() != b.items.size()) return false;
  for (std::size_t i = 0; i < a.items.size(); ++i) {
    const Item &x = a.items[i], &y = b.items[i];
    if (x.type != y.type || x.role != y.role || x.event != y.event || !(x.box == y.box) || x.text != y.text ||
        !(x.origin == y.origin) || x.points != y.points || x.shape != y.shape || x.fill.has_value() != y.fill.has_value() ||
        x.stroke.has_value() != y.stroke.has_value() ||
        (x.stroke && (x.stroke->width != y.stroke->width || x.stroke->dash != y.stroke->dash)))
      return false;
  }
  return true;
}

}  // namespace factline::scene
