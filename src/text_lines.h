// How the library splits a text into lines. Private to the library.
#pragma once

#include <string_view>

namespace pith::internal {

// Calls fn(line) for each line of `text`, split on "\n", the "\n" left out. A text that ends
// in "\n" has an empty last line, so that joining the lines with "\n" gives the text back.
template <typename Fn>
void ForEachRawLine(std::string_view text, Fn&& fn) {
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    fn(text.substr(start, end - start));
    start = end + 1;
  }
}

// As ForEachRawLine, with a "\r" before the "\n" left out too: lines as a reader sees them,
// whether the text came with Windows or Unix line ends.
template <typename Fn>
void ForEachLine(std::string_view text, Fn&& fn) {
  ForEachRawLine(text, [&fn](std::string_view line) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    fn(line);
  });
}

}  // namespace pith::internal
