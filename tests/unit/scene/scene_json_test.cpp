#include "scene/scene_json.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

namespace scene = factline::scene;

TEST_CASE("the placement report's lines are the bytes a JSON library writes for them") {
  scene::Scene s;
  s.width = 100;
  s.height = 50;
  scene::DetailReport d;
  d.mode = "auto";
  using As = scene::EventPlacement::As;
  d.status = {{As::Labelled, false, false, 1, -1},   {As::Labelled, true, true, 12, -1},
              {As::Labelled, true, false, 3, -1},    {As::Labelled, false, true, 2147483647, -1},
              {As::Clustered, false, false, 0, 0},   {As::Clustered, false, false, 0, -1},
              {As::Clustered, false, false, 0, 99999}, {As::Counted, false, false, 0, -1},
              {As::Era, false, false, 0, -1}};
  for (const bool vertical : {false, true}) {
    d.vertical = vertical;
    s.detail = d;
    const std::string json = scene::to_json(s);

    // Each line as the report wrote it before it was written directly: an object, then dump().
    std::string want;
    for (std::size_t i = 0; i < d.status.size(); ++i) {
      const scene::EventPlacement& p = d.status[i];
      nlohmann::ordered_json j;
      j["event"] = i;
      switch (p.as) {
        case As::Labelled:
          j["as"] = "labelled";
          j["variant"] = p.short_title ? "short" : "full";
          j["side"] = vertical ? "right" : p.below ? "below" : "above";
          j["row"] = p.row;
          break;
        case As::Clustered:
          j["as"] = "clustered";
          j["cluster"] = p.cluster;
          break;
        case As::Counted: j["as"] = "counted"; break;
        case As::Era: j["as"] = "era"; break;
      }
      want += (i ? ",\n  " : "\n  ") + j.dump();
    }
    const std::size_t at = json.find("\"status\": [");
    REQUIRE(at != std::string::npos);
    CHECK(json.substr(at + 11) == want + "\n ]}}\n");
    CHECK(json.find(std::string("{\"event\":1,\"as\":\"labelled\",\"variant\":\"short\",\"side\":\"") +
                    (vertical ? "right" : "below") + "\",\"row\":12}") != std::string::npos);
  }
}
