// Pinyin left in text by broken simplified-to-traditional converters, which write the reading after
// some characters: 網(wǎng), 發(fā), 結(jié)構(gòu). A page that shows the pattern shows it hundreds of times;
// a dictionary entry's 乾(qián) shows it once, so removal is decided per document.
//
// Private to the library.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

namespace pith::internal {

// The length of the pinyin syllable at the start of `s` ("xiàn" in "xiàn)…"), or 0. A syllable is
// an optional initial, one to three vowels and an optional n, ng or r, with at least one tone mark
// or ü, so that English words in brackets never match.
std::size_t PinyinSyllableLength(std::u32string_view s);

// What a document's annotations look like.
struct PinyinScan {
  int count = 0;  // annotations: a Han character, "(", a syllable, ")"
  // The characters each syllable annotates, e.g. "xiàn" → "現". Mojibake repair reads it to
  // recover the byte a converter's annotation displaced.
  std::unordered_map<std::u32string, std::u32string> chars_by_syllable;
};

// Finds the annotations in `text` (UTF-8, any number of lines).
PinyinScan ScanPinyinAnnotations(std::string_view text);

// How many annotations a document needs before they count as converter artifacts.
inline constexpr int kMinPinyinArtifacts = 3;

// Removes the annotations from `line` (UTF-8); returns how many it removed.
int RemovePinyinAnnotations(std::string* line);

}  // namespace pith::internal
