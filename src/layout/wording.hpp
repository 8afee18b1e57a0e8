#pragma once
// The few words factline writes itself, per locale, as Korean newsrooms write them ("자료: ",
// "기준일", "단위: ") and their usual equivalents elsewhere.
#include <string>

#include "core/locale.hpp"
#include "model/document.hpp"

namespace factline::layout {

std::string source_prefix(Locale l);  // "자료: ", "Source: ", …
std::string ongoing_word(Locale l);   // "진행 중", "ongoing", …
std::string ungrouped_word(Locale l); // the lane of events without a group: "기타", "Other", …
// "기준일 2024년 6월 30일", "As of Jun 30, 2024"
std::string as_of_label(const calendar::Date& d, Locale l);
// A chart's value-axis title with its unit, newsroom style: "매출(단위: 억 달러)", "단위: %",
// "Revenue (unit: $bn)"; the title alone without a unit, empty without either.
std::string value_axis_title(const std::string& title, const std::string& unit, Locale l);
// An event's date line: its date by its own precision, marked when planned or uncertain
// ("2024년 9월 예정", "Sep 2024 (planned)", "2023 추정", "c. 2023").
std::string event_date_line(const model::Event& e, Locale l);
// A span's dates, marked as an event's are: "2022년 10월 ~ 2023년 10월", "2022년 10월 ~ 진행 중",
// "2025년 ~ 2026년 예정", "c. 1200 ~ 1300"; an ongoing planned one "2024년 7월 시작 예정".
std::string span_date_line(const model::Event& e, Locale l);
// An event's date line as its label writes it: a span's range (span_date_line) or a point's
// date (event_date_line).
std::string date_line(const model::Event& e, Locale l);
// A page of a paged timeline: the dates it covers and its number, "2001년 3월 ~ 2004년 5월 · 2/14쪽",
// "Mar 2001 – May 2004 · page 2 of 14".
std::string page_line(const calendar::Date& from, const calendar::Date& to, int page, int pages, Locale l);

}  // namespace factline::layout
