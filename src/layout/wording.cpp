#include "layout/wording.hpp"

namespace factline::layout {

std::string source_prefix(Locale l) {
  switch (l) {
    case Locale::Ko: return "자료: ";
    case Locale::En: return "Source: ";
    case Locale::Ja: return "出典: ";
    case Locale::Zh: return "资料来源: ";
  }
  return "";
}

std::string credit_prefix(Locale l) { return l == Locale::En ? "Graphic: " : ""; }

std::string event_date_line(const model::Event& e, Locale l) {
  const std::string date = calendar::format_date(e.date, l);
  if (e.status == model::Status::Planned) {
    switch (l) {
      case Locale::Ko: return date + " 예정";
      case Locale::En: return date + " (planned)";
      case Locale::Ja: return date + " 予定";
      case Locale::Zh: return date + " 计划";
    }
  }
  if (e.status == model::Status::Uncertain) {
    switch (l) {
      case Locale::Ko: return date + " 추정";
      case Locale::En: return "c. " + date;
      case Locale::Ja: return date + "頃";
      case Locale::Zh: return date + "前后";
    }
  }
  return date;
}

}  // namespace factline::layout
