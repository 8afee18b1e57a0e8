#include "layout/text_estimate.hpp"

#include <algorithm>
#include <cmath>

namespace factline::layout {

TextEstimate::TextEstimate(const Context& ctx, const model::TextRole& style) : ctx_(ctx), style_(style) {
  const SourceLoc nowhere{ctx.doc.file, 0, 0};
  space_ = shaped_width("0 0", nowhere) - 2 * ctx_.word_width("0", style_, nowhere);
  line_ = ctx.shape("가", style, 0, text::Wrap::Greedy, nowhere)->height();
  pitch_ = ctx.shape("가\n가", style, 0, text::Wrap::Greedy, nowhere)->height() - line_;
}

double TextEstimate::shaped_width(std::string_view s, const SourceLoc& loc) const {
  return s.empty() ? 0 : ctx_.shape(s, style_, 0, text::Wrap::Greedy, loc)->width();
}

double TextEstimate::line_width(std::string_view s, const SourceLoc& loc) {
  // (find_first_of would search the set once per character.)
  if (std::any_of(s.begin(), s.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }))
    return shaped_width(s, loc);
  double w = 0;
  int count = 0;
  for (std::size_t at = 0; at <= s.size();) {
    const std::size_t end = std::min(s.find(' ', at), s.size());
    if (end > at) {
      const std::string_view word = s.substr(at, end - at);
      auto it = words_.find(word);
      if (it == words_.end()) it = words_.emplace(std::string(word), ctx_.word_width(word, style_, loc)).first;
      w += it->second;
      ++count;
    }
    at = end + 1;
  }
  return w + std::max(0, count - 1) * space_ + std::ceil(w / 100) + 1;
}

double TextEstimate::wrapped_height(std::string_view s, double max_width, const SourceLoc& loc) {
  if (s.empty()) return 0;
  double lines = 0;
  for (std::size_t at = 0; at <= s.size();) {
    const std::size_t end = std::min(s.find('\n', at), s.size());
    lines += std::max(1.0, std::ceil(line_width(s.substr(at, end - at), loc) / max_width));
    at = end + 1;
  }
  return line_ + (lines - 1) * pitch_;
}

}  // namespace factline::layout
