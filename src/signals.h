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

// True when the code point is Han, kana or Hangul (shared with dedup's shingling). Inline: check
// and dedup ask it of every character, up to three times each.
inline bool IsCjk(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x323AF) || (c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) ||
         (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F);
}

}  // namespace pith::internal
