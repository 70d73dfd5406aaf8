// What check measures from the text alone (pith/check.h describes each signal); the checker
// combines it with what earlier stages recorded.
#pragma once

#include <cstddef>
#include <string_view>

namespace pith::internal {

struct TextSignals {
  std::size_t chars = 0;              // code points, line breaks not counted
  std::size_t lines = 0;              // non-blank lines
  std::size_t cjk_chars = 0;
  std::size_t visible_chars = 0;      // code points that are not white space
  std::size_t sentence_end_lines = 0;
  std::size_t dup_lines = 0;          // non-blank lines equal to an earlier one
  std::size_t spam_chars = 0;         // chars of spam-shaped lines
  std::size_t replacement_chars = 0;  // U+FFFD
  std::size_t mojibake_chars = 0;     // code points in common mojibake patterns
  std::size_t invalid_utf8 = 0;       // invalid sequences still in the text
};

// Measures `text`, which may hold invalid UTF-8 (each invalid sequence counts as one code point
// and in invalid_utf8). Thread-safe.
TextSignals MeasureText(std::string_view text);

// True when the code point is Han, kana or Hangul (shared with dedup's shingling).
bool IsCjk(char32_t c);

}  // namespace pith::internal
