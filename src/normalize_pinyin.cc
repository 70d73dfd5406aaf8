#include "normalize_pinyin.h"

#include "line_edit.h"

#include <array>
#include <cstdint>

#include <unicode/utf8.h>

#include "char_model.h"
#include "line_edit.h"

namespace pith::internal {
namespace {

constexpr std::u32string_view kTonedVowels = U"āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü";
// Longest syllable is six letters (zhuàng, shuāng); the bracket makes seven.
constexpr std::size_t kMaxSyllable = 6;

// A set of the letters a-z, one bit each.
constexpr std::uint32_t LetterSet(std::string_view letters) {
  std::uint32_t set = 0;
  for (char c : letters) set |= 1U << (c - 'a');
  return set;
}
constexpr std::uint32_t kInitials = LetterSet("bpmfdtnlgkhjqxrzcsyw");
constexpr std::uint32_t kPlainVowels = LetterSet("aeiou");

bool InLetterSet(char32_t c, std::uint32_t set) {
  return c >= 'a' && c <= 'z' && ((set >> (c - 'a')) & 1) != 0;
}
// The toned vowels lie in U+00E0..U+01DC. A table over that range answers with one load, where
// searching the list walked up to 25 characters for every letter of every bracket.
constexpr char32_t kFirstToned = 0xE0;
constexpr char32_t kLastToned = 0x1DC;
constexpr std::array<bool, kLastToned - kFirstToned + 1> kTonedTable = [] {
  std::array<bool, kLastToned - kFirstToned + 1> table{};
  for (char32_t c : kTonedVowels) table[c - kFirstToned] = true;
  return table;
}();
bool IsToned(char32_t c) {
  return c >= kFirstToned && c <= kLastToned && kTonedTable[c - kFirstToned];
}
bool IsVowel(char32_t c) { return InLetterSet(c, kPlainVowels) || IsToned(c); }

// The code point at byte `i` of `s` and the byte after it; U+FFFD for a broken sequence.
char32_t NextChar(std::string_view s, std::size_t* i) {
  UChar32 c = 0;
  std::int32_t pos = static_cast<std::int32_t>(*i);
  U8_NEXT(s.data(), pos, static_cast<std::int32_t>(s.size()), c);
  *i = static_cast<std::size_t>(pos);
  return c < 0 ? 0xFFFD : static_cast<char32_t>(c);
}

// The code point that ends just before byte `i` of `s`.
char32_t PreviousChar(std::string_view s, std::size_t i) {
  UChar32 c = 0;
  std::int32_t pos = static_cast<std::int32_t>(i);
  U8_PREV(s.data(), 0, pos, c);
  return c < 0 ? 0xFFFD : static_cast<char32_t>(c);
}

// If an annotation "(syllable)" starts at byte `open` of `line` (which holds '('), returns its
// byte length and the syllable; otherwise 0.
std::size_t MatchAnnotation(std::string_view line, std::size_t open, std::u32string* syllable) {
  char32_t buffer[kMaxSyllable + 1];
  std::size_t n = 0, i = open + 1;
  while (i < line.size() && n <= kMaxSyllable) {
    buffer[n++] = NextChar(line, &i);
    if (buffer[n - 1] == ')') break;
  }
  if (n == 0 || buffer[n - 1] != ')') return 0;
  const std::u32string_view text(buffer, n);
  const std::size_t length = PinyinSyllableLength(text);
  if (length == 0 || length != n - 1) return 0;
  syllable->assign(text.substr(0, length));
  return i - open;
}

}  // namespace

std::size_t PinyinSyllableLength(std::u32string_view s) {
  std::size_t i = 0;
  if (s.size() >= 2 && (s[0] == 'z' || s[0] == 'c' || s[0] == 's') && s[1] == 'h') {
    i = 2;
  } else if (!s.empty() && InLetterSet(s[0], kInitials)) {
    i = 1;
  }
  const std::size_t vowels_begin = i;
  bool toned = false;
  while (i < s.size() && i - vowels_begin < 3 && IsVowel(s[i])) toned |= IsToned(s[i++]);
  if (i == vowels_begin || !toned) return 0;
  if (i < s.size() && s[i] == 'n') {
    ++i;
    if (i < s.size() && s[i] == 'g') ++i;
  } else if (i < s.size() && s[i] == 'r') {
    ++i;
  }
  // The syllable must end here: a following letter makes it a longer (non-pinyin) word.
  if (i < s.size() && ((s[i] >= 'a' && s[i] <= 'z') || IsVowel(s[i]))) return 0;
  return i;
}

PinyinScan ScanPinyinAnnotations(std::string_view text) {
  PinyinScan scan;
  std::u32string syllable;
  for (std::size_t open = text.find('('); open != std::string_view::npos;
       open = text.find('(', open + 1)) {
    if (open == 0 || !CharModel::IsHan(PreviousChar(text, open))) continue;
    if (MatchAnnotation(text, open, &syllable) == 0) continue;
    ++scan.count;
    std::u32string& chars = scan.chars_by_syllable[syllable];
    const char32_t annotated = PreviousChar(text, open);
    if (chars.find(annotated) == std::u32string::npos) chars.push_back(annotated);
  }
  return scan;
}

int RemovePinyinAnnotations(std::string* line) {
  std::u32string syllable;
  return ReplaceSpans(
      line, '(',
      [&syllable](std::string_view in, std::size_t open) -> std::size_t {
        if (open == 0 || !CharModel::IsHan(PreviousChar(in, open))) return 0;
        return MatchAnnotation(in, open, &syllable);
      },
      [](std::string_view, std::size_t, std::size_t, std::string*) {});
}

}  // namespace pith::internal
