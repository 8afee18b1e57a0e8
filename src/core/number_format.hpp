#pragma once
// Numbers for readers, by locale, as newsrooms write them:
// - thousands separators in every locale: "12,345" (ko, en, ja, zh all group by three with ",");
// - negative numbers take U+2212 MINUS SIGN ("−42"), the typographic minus that lines up with
//   "+" and digits in tabular figures (Pretendard has it); never the ASCII hyphen;
// - a unit after the number: no space before symbols ("12.5%", "5㎚", "300W"), a space before
//   words ("1.2조 원", "312 테라플롭스"); see UnitSpace;
// - for ko, optional Korean large-number units 만 (10^4), 억 (10^8), 조 (10^12).
// Rounding is exact decimal rounding of the double's value (std::to_chars), never printf's.
#include <string>

#include "core/locale.hpp"

namespace factline {

enum class KoreanUnits {
  Off,      // "350,000,000"
  Full,     // every non-zero group, exact: "1만 2,000", "3억 5,000만", "1조 2,000억"
  Compact,  // the largest unit alone, for ticks and labels: "1.2만", "3.5억", "1.2조", "5,000만"
};

enum class UnitSpace {
  // ja, zh: never a space. ko: a space when the unit starts with Hangul ("원", "명",
  // "테라플롭스"), none otherwise ("%", "㎚", "W", "km"). en: a space when the unit starts with
  // a letter ("300 W", "5 nm", "12 people"), none before symbols ("12.5%", "20°", "5㎚").
  Auto,
  Space,
  None,
};

struct NumberStyle {
  static constexpr int auto_decimals = -1;
  // Digits after the point, 0 to 20. auto_decimals: as few as the value needs (15 significant
  // digits at most, so 0.1 + 0.2 shows as "0.3"; at most 20 decimals). In Compact Korean units,
  // auto is at most one decimal of the unit ("1.2조"), trailing zeros dropped.
  int decimals = auto_decimals;
  // A tick step (> 0) overrides `decimals`: as many as multiples of the step need (0.25 → 2,
  // 0.5 → 1, 5 → 0), kept on every tick ("0.0", "0.5", "1.0"). In Compact Korean units the step
  // is taken in the tick's own unit and trailing zeros are dropped ("5,000억", "1조", "1.5조").
  double step = 0;
  bool grouping = true;  // thousands separators
  KoreanUnits korean_units = KoreanUnits::Off;  // used for Locale::Ko only
  std::string unit;  // after the number: "%", "원", "W"; empty for none
  UnitSpace unit_space = UnitSpace::Auto;
};

// v for a reader. NaN is "NaN" and infinities are "∞" and "−∞" (they should never reach a
// chart, but formatting them is not undefined). A value that rounds to zero has no sign.
std::string format_number(double v, Locale locale, const NumberStyle& style = {});

// Decimals that multiples of `step` need: 0.25 → 2, 0.1 → 1, 2.5 → 1, 5 → 0, 0.0002 → 4.
// Tolerates floating noise (0.30000000000000004 → 1). 0 for non-positive or non-finite steps;
// at most 20.
int decimals_for_step(double step);

}  // namespace factline
