#pragma once
// The few words factline writes itself, per locale (NEWS_STYLE.md conventions).
#include <string>

#include "core/locale.hpp"
#include "model/document.hpp"

namespace factline::layout {

std::string source_prefix(Locale l);  // "자료: ", "Source: ", …
std::string credit_prefix(Locale l);  // "" for ko (credits are written "그래픽=…" in full)
// An event's date line: its date by its own precision, marked when planned or uncertain
// ("2024년 9월 예정", "Sep 2024 (planned)", "~2023").
std::string event_date_line(const model::Event& e, Locale l);

}  // namespace factline::layout
