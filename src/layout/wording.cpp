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
  // English names the unit as a reader says it: "Revenue (dollars)", "In dollars", "Percent".
  if (l == Locale::En) {
    if (!title.empty()) return title + " (" + unit + ")";
    if (unit == "%") return "Percent";
    const bool word = (unit[0] >= 'A' && unit[0] <= 'Z') || (unit[0] >= 'a' && unit[0] <= 'z');
    return word ? "In " + unit : unit;
  }
  std::string u;
  switch (l) {
    case Locale::Ko: u = "단위: " + unit; break;
    case Locale::En: break;
    case Locale::Ja: u = "単位: " + unit; break;
    case Locale::Zh: u = "单位: " + unit; break;
  }
  if (title.empty()) return u;
  return title + "(" + u + ")";
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

std::string page_line(const calendar::Date& from, const calendar::Date& to, int page, int pages, Locale l) {
  const std::string a = calendar::format_date(from, l), b = calendar::format_date(to, l);
  const std::string i = std::to_string(page), n = std::to_string(pages);
  switch (l) {
    case Locale::Ko: return a + " ~ " + b + " · " + i + "/" + n + "쪽";
    case Locale::En: return a + " – " + b + " · page " + i + " of " + n;
    case Locale::Ja: return a + "～" + b + " · " + i + "/" + n + "ページ";
    case Locale::Zh: return a + "至" + b + " · 第" + i + "/" + n + "页";
  }
  return a + " – " + b;
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

// English ranges with an en dash: closed between years ("1950–1953", "221–206 BCE", which says
// its era once), spaced between longer dates ("Oct 2022 – Jan 2023"); an ongoing span "since
// Oct 2022", a planned one that has not begun "from Jul 1, 2024 (planned)".
std::string english_range(const model::Event& e) {
  const std::string start = calendar::format_date(e.date, Locale::En);
  if (!e.end) {
    if (e.status == model::Status::Planned) return "from " + start + " (planned)";
    return with_status("since " + start, e.status, Locale::En);
  }
  const calendar::Date& a = e.date;
  const calendar::Date& b = *e.end;
  std::string range;
  const bool years = a.precision == calendar::Precision::Year && b.precision == calendar::Precision::Year;
  if (years && a.year < 0 && b.year < 0) {
    range = std::to_string(-static_cast<long long>(a.year)) + "\u2013" + calendar::format_date(b, Locale::En);
  } else if (years && (a.year > 0) == (b.year > 0)) {
    range = start + "\u2013" + calendar::format_date(b, Locale::En);
  } else {
    range = start + " \u2013 " + calendar::format_date(b, Locale::En);
  }
  return with_status(range, e.status, Locale::En);
}

}  // namespace

std::string event_date_line(const model::Event& e, Locale l) {
  return with_status(calendar::format_date(e.date, l), e.status, l);
}

std::string span_date_line(const model::Event& e, Locale l) {
  const std::string start = calendar::format_date(e.date, l);
  if (l == Locale::En) return english_range(e);
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

std::string date_line(const model::Event& e, Locale l) {
  return e.is_span ? span_date_line(e, l) : event_date_line(e, l);
}

}  // namespace factline::layout
