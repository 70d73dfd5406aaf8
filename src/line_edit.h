// Rewriting a line span by span, shared by the normalize repairs that cut or replace pieces of a
// line (HTML tags and references, converter pinyin). Private to the library.
#pragma once

#include <string>
#include <string_view>

namespace pith::internal {

// Finds each `trigger` byte in *line at or after the end of the last span replaced; `length`
// (in, at) says how long the span starting there is (0: none), and `emit`(in, at, length, &out)
// appends its replacement after the text before it. The line is rewritten only when a span was
// found, so a line with none costs one search. Returns the number of spans replaced.
template <typename Length, typename Emit>
int ReplaceSpans(std::string* line, char trigger, Length length, Emit emit) {
  const std::string_view in = *line;
  std::string out;
  std::size_t copied = 0;
  int replaced = 0;
  for (std::size_t at = in.find(trigger); at != std::string_view::npos; at = in.find(trigger, at + 1)) {
    if (at < copied) continue;
    const std::size_t n = length(in, at);
    if (n == 0) continue;
    out.append(in, copied, at - copied);
    emit(in, at, n, &out);
    copied = at + n;
    ++replaced;
  }
  if (replaced == 0) return 0;
  out.append(in, copied);
  line->swap(out);
  return replaced;
}

}  // namespace pith::internal
