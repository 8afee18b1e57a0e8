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

std::string ongoing_word(Locale l) {
  switch (l) {
    case Locale::Ko: return "진행 중";
    case Locale::En: return "ongoing";
    case Locale::Ja: return "継続中";
    case Locale::Zh: return "至今";
  }
  return "";
}

std::string ungrouped_word(Locale l) {
  switch (l) {
    case Locale::Ko: return "기타";
    case Locale::En: return "Other";
    case Locale::Ja: return "その他";
    case Locale::Zh: return "其他";
  }
  return "";
}

std::string value_axis_title(const std::string& title, const std::string& unit, Locale l) {
  if (unit.empty()) return title;
  std::string u;
  switch (l) {
    case Locale::Ko: u = "단위: " + unit; break;
    case Locale::En: u = (title.empty() ? "Unit: " : "unit: ") + unit; break;
    case Locale::Ja: u = "単位: " + unit; break;
    case Locale::Zh: u = "单位: " + unit; break;
  }
  if (title.empty()) return u;
  return l == Locale::En ? title + " (" + u + ")" : title + "(" + u + ")";
}

std::string as_of_label(const calendar::Date& d, Locale l) {
  const std::string date = calendar::format_date(d, l);
  switch (l) {
    case Locale::Ko: return "기준일 " + date;
    case Locale::En: return "As of " + date;
    case Locale::Ja: return date + "時点";
    case Locale::Zh: return "截至" + date;
  }
  return date;
}

namespace {

// A date text with the event's status: "2024년 9월 예정", "Sep 2024 (planned)", "c. 2024".
std::string with_status(const std::string& date, model::Status status, Locale l) {
  if (status == model::Status::Planned) {
    switch (l) {
      case Locale::Ko: return date + " 예정";
      case Locale::En: return date + " (planned)";
      case Locale::Ja: return date + " 予定";
      case Locale::Zh: return date + " 计划";
    }
  }
  if (status == model::Status::Uncertain) {
    switch (l) {
      case Locale::Ko: return date + " 추정";
      case Locale::En: return "c. " + date;
      case Locale::Ja: return date + "頃";
      case Locale::Zh: return date + "前后";
    }
  }
  return date;
}

}  // namespace

std::string event_date_line(const model::Event& e, Locale l) {
  return with_status(calendar::format_date(e.date, l), e.status, l);
}

std::string span_date_line(const model::Event& e, Locale l) {
  const std::string start = calendar::format_date(e.date, l);
  if (!e.end && e.status == model::Status::Planned) {  // not yet going on: it is to start
    switch (l) {
      case Locale::Ko: return start + " 시작 예정";
      case Locale::En: return "from " + start + " (planned)";
      case Locale::Ja: return start + "開始予定";
      case Locale::Zh: return start + "起 计划";
    }
  }
  return with_status(start + " ~ " + (e.end ? calendar::format_date(*e.end, l) : ongoing_word(l)), e.status, l);
}

}  // namespace factline::layout
