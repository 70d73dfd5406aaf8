// Character-level helpers for strip and the rules: UTF-8 decoding without allocation and the
// character classes the line features are made of. Private to the library.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace pith::internal {

// Decodes the code point at s[*i] and advances *i past it. Invalid bytes decode as U+FFFD and
// advance by one, so a loop over any input terminates.
inline char32_t NextCodePoint(std::string_view s, std::size_t* i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[*i + k]); };
  const unsigned char c = b(0);
  const std::size_t left = s.size() - *i;
  auto cont = [&](std::size_t k) { return k < left && (b(k) & 0xC0) == 0x80; };
  if (c < 0x80) {
    *i += 1;
    return c;
  }
  if (c >= 0xC2 && c <= 0xDF && cont(1)) {
    const char32_t cp = ((c & 0x1F) << 6) | (b(1) & 0x3F);
    *i += 2;
    return cp;
  }
  if (c >= 0xE0 && c <= 0xEF && cont(1) && cont(2)) {
    const char32_t cp = ((c & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
      *i += 3;
      return cp;
    }
  }
  if (c >= 0xF0 && c <= 0xF4 && cont(1) && cont(2) && cont(3)) {
    const char32_t cp =
        ((c & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
    if (cp >= 0x10000 && cp <= 0x10FFFF) {
      *i += 4;
      return cp;
    }
  }
  *i += 1;
  return 0xFFFD;
}

// The code point ending at s[end) (the one before `end`), and moves *start to its first byte.
inline char32_t PrevCodePoint(std::string_view s, std::size_t end, std::size_t* start) {
  std::size_t i = end;
  int back = 0;
  while (i > 0 && back < 4) {
    --i;
    ++back;
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) break;
  }
  std::size_t j = i;
  const char32_t cp = NextCodePoint(s, &j);
  if (j != end) {  // invalid sequence: step back one byte only
    *start = end - 1;
    return 0xFFFD;
  }
  *start = i;
  return cp;
}

// The bytes that are not continuation bytes (10xxxxxx). Eight at a time: a continuation byte has
// bit 7 set and bit 6 clear, which `x & ~(x << 1)` leaves in bit 7 of each byte (the shift
// carries bit 6 of a byte into its own bit 7 only); the multiplication adds up those bits.
inline std::size_t CountCodePoints(std::string_view s) {
  constexpr std::uint64_t kHigh = 0x8080808080808080ull, kOnes = 0x0101010101010101ull;
  std::size_t continuations = 0;
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t x;
    std::memcpy(&x, s.data() + i, 8);
    continuations += (((x & ~(x << 1) & kHigh) >> 7) * kOnes) >> 56;
  }
  for (; i < s.size(); ++i) continuations += (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
  return s.size() - continuations;
}

// Han ideographs, kana and hangul: the scripts whose characters are words of their own.
inline bool IsCjk(char32_t c) {
  if (c < 0x3040) return false;  // one test for ASCII, Latin and punctuation, the usual case
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x3040 && c <= 0x30FF) || (c >= 0xAC00 && c <= 0xD7AF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FA1F);
}

// Full-width forms and CJK punctuation and symbols: two columns wide on screen, like CJK
// characters, without being words.
inline bool IsWideForm(char32_t c) {
  return (c >= 0x2E80 && c <= 0x33FF) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6);
}

inline bool IsCjkOrWide(char32_t c) { return IsCjk(c) || IsWideForm(c); }

// Whitespace as pages produce it: ASCII, NBSP, the ideographic space used for indentation,
// the typographic spaces, and the zero-width characters that pad scraped text.
inline bool IsSpace(char32_t c) {
  // ' ' and \t \n \v \f \r (9..13) in two tests; below NBSP nothing else is a space.
  if (c < 0xA0) return c == ' ' || (c >= '\t' && c <= '\r');
  return c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200D) || c == 0x202F || c == 0x205F ||
         c == 0xFEFF || c == 0x2060 || c == 0x1680;
}

inline bool IsAsciiAlpha(char32_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline bool IsDigit(char32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }

// Letters of the alphabetic scripts (Latin with its accents, Greek, Cyrillic, Arabic, Hebrew,
// Thai, ...): what words are made of outside CJK. Approximate by block, which is all a line
// classifier needs and keeps ICU out of the per-character loop.
inline bool IsLetter(char32_t c) {
  if (c < 0x80) return IsAsciiAlpha(c);
  if (c < 0xC0) return c == 0xAA || c == 0xB5 || c == 0xBA;
  if (c == 0xD7 || c == 0xF7) return false;
  if (c < 0x2000) return true;  // Latin-1 letters up to General Punctuation
  if (c >= 0xFF21 && c <= 0xFF5A) return c <= 0xFF3A || c >= 0xFF41;  // full-width Latin
  return false;
}

}  // namespace pith::internal
