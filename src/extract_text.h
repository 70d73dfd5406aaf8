// Helpers for extract: UTF-8 code points, spaces and punctuation around values, line splitting,
// built-in patterns.
// Private to the library. All functions are pure and thread-safe.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace pith::internal {

// The code point starting at s[i] and its length in bytes (*len >= 1 even for invalid bytes,
// which decode as U+FFFD), so that loops always advance.
char32_t DecodeAt(std::string_view s, std::size_t i, std::size_t* len);
// The code point ending just before byte `end`; 0 when end == 0.
char32_t DecodeBefore(std::string_view s, std::size_t end);
std::size_t CodePointCount(std::string_view s);

// CJK ideographs (the ranges score.py counts as CJK words, minus kana and hangul).
bool IsHan(char32_t c);
// ASCII whitespace, NBSP, U+3000 and the other Unicode spaces, zero-width space and BOM.
bool IsSpace(char32_t c);
// Punctuation, brackets, quotes and symbols that never begin or end a metadata value.
bool IsTrimmable(char32_t c);
// A code point that can be part of a word (letters, digits, ideographs): not space, not
// punctuation.
bool IsWordChar(char32_t c);
// An ASCII or fullwidth digit.
bool IsDigitChar(char32_t c);
// Han characters in `s`.
std::size_t HanCount(std::string_view s);

// Whether `s` ends like the name of a news organisation or site: 新华社, 晨光網, 人民日报,
// 央视新闻, BBC News, The Times, example.com.
bool HasOrgSuffix(std::string_view s);

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
