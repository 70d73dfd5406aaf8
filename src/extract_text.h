// Helpers for extract: UTF-8 code points, spaces and punctuation around values, line splitting,
// built-in patterns.
// Private to the library. All functions are pure and thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace pith::internal {

// The code point starting at s[i] and its length in bytes (*len >= 1 even for invalid bytes,
// which decode as U+FFFD), so that loops always advance. Inline: the loops over whole bodies
// call it once per character.
inline char32_t DecodeAt(std::string_view s, std::size_t i, std::size_t* len) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const auto tail = [&](std::size_t k) { return (b(k) & 0xC0) == 0x80; };
  const unsigned char c = b(0);
  *len = 1;
  if (c < 0x80) return c;
  if (c < 0xC0) return 0xFFFD;
  // One branch per sequence length, unrolled: this decodes every character of long texts.
  if (c < 0xE0) {
    if (i + 2 > s.size() || !tail(1)) return 0xFFFD;
    *len = 2;
    return (char32_t{c & 0x1Fu} << 6) | (b(1) & 0x3F);
  }
  if (c < 0xF0) {
    if (i + 3 > s.size() || !tail(1) || !tail(2)) return 0xFFFD;
    *len = 3;
    return (char32_t{c & 0x0Fu} << 12) | (char32_t{b(1) & 0x3Fu} << 6) | (b(2) & 0x3F);
  }
  // 0xF8..0xFF are not UTF-8 leads but decode like 0xF0..0xF7, their low three bits kept.
  if (i + 4 > s.size() || !tail(1) || !tail(2) || !tail(3)) return 0xFFFD;
  *len = 4;
  return (char32_t{c & 0x07u} << 18) | (char32_t{b(1) & 0x3Fu} << 12) | (char32_t{b(2) & 0x3Fu} << 6) |
         (b(3) & 0x3F);
}

// The code point ending just before byte `end`; 0 when end == 0.
char32_t DecodeBefore(std::string_view s, std::size_t end);
// Code points in `s` (bytes that are not UTF-8 continuation bytes), counting no further than
// `limit`: CodePointCount(s, n + 1) <= n tells whether a long `s` is short enough without reading
// all of it.
std::size_t CodePointCount(std::string_view s, std::size_t limit = SIZE_MAX);

// CJK ideographs (the ranges score.py counts as CJK words, minus kana and hangul).
inline bool IsHan(char32_t c) {
  return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FA1F);
}
// ASCII whitespace, NBSP, U+3000 and the other Unicode spaces, zero-width space and BOM.
bool IsSpace(char32_t c);
// Punctuation, brackets, quotes and symbols that never begin or end a metadata value.
bool IsTrimmable(char32_t c);
// A code point that can be part of a word (letters, digits, ideographs): not space, not
// punctuation.
bool IsWordChar(char32_t c);
// An ASCII or fullwidth digit.
bool IsDigitChar(char32_t c);
// Calls visit(start, len) for each Han character of `s`, in order, until it returns false. The
// characters are those a walk over `s` with DecodeAt finds, invalid bytes included.
template <typename Visit>
void ForEachHan(std::string_view s, Visit visit) {
  for (std::size_t i = 0, len; i < s.size(); i += len) {
    // Han code points (U+3400 and up) take three or four bytes, so a byte below 0xE0 (ASCII, a
    // two-byte lead, a continuation byte) never starts one. Stepping over it alone reaches the
    // same characters as decoding it would: decoding only ever skips continuation bytes, and
    // those cannot start a character either.
    if (static_cast<unsigned char>(s[i]) < 0xE0) {
      len = 1;
      continue;
    }
    if (IsHan(DecodeAt(s, i, &len)) && !visit(i, len)) return;
  }
}

// Han characters in `s`, counting no further than `limit`: HanCount(s, n) < n tells whether a
// long `s` holds fewer than n without reading all of it.
std::size_t HanCount(std::string_view s, std::size_t limit = SIZE_MAX);

// Whether `s` ends like the name of a news organisation or site: 新华社, 晨光網, 人民日报,
// 央视新闻, BBC News, The Times, example.com.
bool HasOrgSuffix(std::string_view s);

// Whether `word` occurs in `s` at byte `i` (<= s.size()), compared byte by byte: for the short
// literals of extract's tables a call to memcmp, which string_view's comparisons make, costs
// more than the comparison.
inline bool HasAt(std::string_view s, std::size_t i, std::string_view word) {
  if (word.size() > s.size() - i) return false;
  for (std::size_t k = 0; k < word.size(); ++k) {
    if (s[i + k] != word[k]) return false;
  }
  return true;
}

// s.rfind(needle), for a non-empty needle. libstdc++'s rfind calls memcmp at every position of
// `s`; this compares only where the first byte matches.
inline std::size_t RFind(std::string_view s, std::string_view needle) {
  if (needle.size() > s.size()) return std::string_view::npos;
  for (std::size_t i = s.size() - needle.size() + 1; i-- > 0;) {
    if (s[i] == needle[0] && HasAt(s, i, needle)) return i;
  }
  return std::string_view::npos;
}

// The first `max_bytes` bytes of `s`, or fewer so as not to split a UTF-8 sequence.
std::string_view Prefix(std::string_view s, std::size_t max_bytes);

// `s` without leading and trailing spaces.
std::string_view TrimSpaces(std::string_view s);
// `s` without leading and trailing spaces and IsTrimmable punctuation.
std::string_view TrimPunct(std::string_view s);
// Runs of spaces (any IsSpace) become one ASCII space; the ends are trimmed.
std::string CollapseSpaces(std::string_view s);

// The decimal value of ASCII or fullwidth digits; -1 when `s` holds anything else.
int ParseDigits(std::string_view s);

// Compiles one of extract's built-in patterns (quiet, UTF-8). Throws RuleError naming `what` when
// it does not compile, which is a defect of the pattern tables, caught by the unit tests.
std::unique_ptr<const re2::RE2> CompileBuiltIn(std::string_view pattern, std::string_view what);

// The lines of `text` (split on '\n', a trailing '\r' removed), blank ones included.
std::vector<std::string_view> SplitLines(std::string_view text);

}  // namespace pith::internal
