#include <doctest/doctest.h>

#include "core/color.hpp"

namespace factline {
namespace {

const Color white{255, 255, 255, 255}, black{0, 0, 0, 255};

}  // namespace

TEST_CASE("contrast ratios follow WCAG 2.1") {
  CHECK(contrast_ratio(black, white) == doctest::Approx(21));
  CHECK(contrast_ratio(white, black) == doctest::Approx(21));
  CHECK(contrast_ratio({0x77, 0x77, 0x77, 255}, white) == doctest::Approx(4.48).epsilon(0.01));
  CHECK(contrast_ratio({0x76, 0x76, 0x76, 255}, white) == doctest::Approx(4.54).epsilon(0.01));
  CHECK(relative_luminance(white) == doctest::Approx(1));
  CHECK(relative_luminance(black) == doctest::Approx(0));
}

TEST_CASE("readable_on keeps legible colours and darkens or lightens the rest just enough") {
  const Color blue{0x00, 0x72, 0xb2, 255};  // Okabe–Ito blue: 5.2:1 on white already
  CHECK(readable_on(blue, white) == blue);
  const Color orange{0xe6, 0x9f, 0x00, 255};  // 2.0:1 on white
  const Color darker = readable_on(orange, white);
  CHECK(contrast_ratio(darker, white) >= min_text_contrast);
  CHECK((darker.r > darker.g && darker.g > darker.b));  // still an orange
  // The least change: one step less would not do.
  const auto lighter_by_a_step = [&](std::uint8_t v, std::uint8_t orig) {
    return static_cast<std::uint8_t>(v + (orig - v) / 2);
  };
  CHECK(contrast_ratio(Color{lighter_by_a_step(darker.r, orange.r), lighter_by_a_step(darker.g, orange.g),
                             lighter_by_a_step(darker.b, orange.b), 255},
                       white) < min_text_contrast);
  const Color night{0x16, 0x19, 0x1d, 255};
  const Color navy{0x1f, 0x3a, 0x93, 255};
  const Color lifted = readable_on(navy, night);
  CHECK(contrast_ratio(lifted, night) >= min_text_contrast);
  CHECK(relative_luminance(lifted) > relative_luminance(navy));
  CHECK(readable_on(Color{0xe6, 0x9f, 0x00, 0x40}, white).a == 255);  // text is drawn opaque
}

}  // namespace factline
