#pragma once
#include <string>

#include "scene/scene.hpp"

namespace factline::scene {
// The scene as JSON (docs/scene-json.md): stable key order, coordinates rounded to 1/100 px,
// so identical input gives identical bytes.
std::string to_json(const Scene& scene);
}  // namespace factline::scene
