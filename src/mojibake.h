// Mojibake: text decoded with the wrong codec or the wrong byte alignment, and its repair.
//
// Three kinds are repaired:
//  - Latin: UTF-8 read as windows-1252 ("Ã©" → "é", "â€™" → "’"), as ftfy does.
//  - UTF-8 read as GBK ("鍙傝€冩秷鎭" → "参考消息"): the span re-encoded as GBK is valid UTF-8.
//  - Double-byte streams decoded out of step: a GBK (or Big5) page whose decoder lost a byte, or
//    whose bytes a converter shifted by inserting text in the middle of a character, decodes every
//    pair across two characters ("??此聘咝ы憫瑢崉t" for "。看似高效響應，實則") until an ASCII byte
//    brings it back in step. The span is re-encoded and decoded again in every alignment; the
//    decoding the character model finds far more plausible wins. A byte that the first decoder
//    replaced with '?' is guessed from its partner and the model; a byte nothing can recover
//    becomes U+FFFD.
//
//   const DocumentProfile profile(text);  // the whole document, UTF-8
//   MojibakeContext context;
//   context.script = profile.script;
//   if (auto repair = RealignDoubleByte(line, context); repair && repair->gain > 10) ...
//
// Everything here is const and thread-safe but DocumentBigrams, which serves one document (see
// there). Private to the library.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <unicode/utf8.h>

#include "char_model.h"
#include "minhash.h"

namespace pith::internal {

// UTF-8 as the repairs read it: the code point at s[*i], advancing *i past it. A broken sequence
// decodes as U+FFFD and takes the bytes ICU's U8_NEXT gives it, never a line break, so a
// document decodes line for line. ASCII and well-formed three-byte sequences, nearly all of
// Chinese text, take a short path.
inline char32_t DecodeNext(std::string_view s, std::int32_t* i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + *i;
  if (p[0] < 0x80) {
    ++*i;
    return p[0];
  }
  if (static_cast<std::int32_t>(s.size()) - *i >= 3) {
    // A lead byte E0..EF and two continuation bytes (80..BF, so each XOR 80 is below 40), neither
    // overlong (below U+0800) nor a surrogate.
    const auto c =
        static_cast<char32_t>(((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F));
    if ((p[0] & 0xF0) == 0xE0 && ((p[1] ^ 0x80) | (p[2] ^ 0x80)) < 0x40 && c >= 0x800 &&
        (c < 0xD800 || c > 0xDFFF)) {
      *i += 3;
      return c;
    }
  }
  UChar32 c = 0;
  U8_NEXT(s.data(), *i, static_cast<std::int32_t>(s.size()), c);
  return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

// The code point of the three-byte UTF-8 sequence in the low three bytes of `w`, its first byte
// lowest, unchecked: the caller has tested the lead and continuation bits. An overlong or
// surrogate form gives a code point below U+0800 or in D800..DFFF, which is no Han.
inline char32_t ThreeByteCodePoint(std::uint64_t w) {
  return static_cast<char32_t>(((w & 0x0F) << 12) | ((w >> 2) & 0xFC0) | ((w >> 16) & 0x3F));
}

// `s` decoded with DecodeNext.
std::u32string ToU32(std::string_view s);

// `s` encoded as UTF-8; a code point UTF-8 cannot hold (a surrogate) is left out.
std::string ToUtf8(std::u32string_view s);

// Costs (CharModel::MinCost) that make a Han character a sign of mojibake: rare ones (seen fewer
// than about fifty times) are suspect alone, uncommon ones (fewer than about 3,000) three in four.
inline constexpr float kRareCost = 14.5f;
inline constexpr float kUncommonCost = 10.5f;

// The pairs of adjacent Han characters of a document's text (MojibakeContext::bigrams). A guess
// asks about a hundred pairs a document, and about one in a hundred is there, while the document
// has a pair per Han character to note. So noting a pair only sets two bits of a word of a
// filter, with no branch and no probe (a hash set's probe cannot be predicted: a pair is as often
// new as seen); a pair whose bits are set is then looked for in the text itself, which decides,
// since the filter lets through a few pairs in a thousand that the text lacks. A long document
// that asks many questions would read its text again for each: each pair is searched for once,
// and after kMaxSearches pairs the text's pairs are gathered once, in a sorted list, which
// answers the rest. Not thread-safe (Contains keeps what it learns): a set serves the one
// document it was built for.
class DocumentBigrams {
 public:
  // An empty set over `text` (UTF-8), which must outlive it: Note must then be given every pair
  // of adjacent Han characters of the text, as DocumentProfile does.
  explicit DocumentBigrams(std::string_view text);

  // Forced inline: left to itself the compiler made it a call in the profile's loop, whose locals
  // then lived in memory.
  __attribute__((always_inline)) void Note(char32_t first, char32_t second) {
    const std::uint64_t h = Hash(Key(first, second));
    filter_[h >> shift_] |= Bits(h);
  }

  // True when the text holds Han character `first` followed at once by Han character `second`.
  bool Contains(char32_t first, char32_t second) const;

 private:
  // A pair as one number, for the filter's hash and the gathered list alike.
  static std::uint64_t Key(char32_t first, char32_t second) {
    return std::uint64_t{first} << 32 | second;
  }
  // Fibonacci hashing: the product's high bits choose a word of the filter and its middle bits
  // two bits of it.
  static std::uint64_t Hash(std::uint64_t key) { return FibonacciHash(key); }
  static std::uint64_t Bits(std::uint64_t hash) {
    return std::uint64_t{1} << (hash >> 20 & 63) | std::uint64_t{1} << (hash >> 26 & 63);
  }

  // Pairs searched for in the text before its pairs are gathered: documents of the bench corpus
  // search for one or two, and gathering and sorting the pairs of a text takes about as long as
  // searching it fifty times.
  static constexpr std::size_t kMaxSearches = 32;

  std::string_view text_;
  std::vector<std::uint64_t> filter_;
  int shift_ = 0;  // 64 - log2(words of the filter)
  mutable std::vector<std::pair<std::uint64_t, bool>> searched_;  // pair key, found
  mutable bool gathered_ = false;
  // The Key of every pair of the text, sorted; gathered after kMaxSearches searches.
  mutable std::vector<std::uint64_t> pairs_;
};

// What the repair learns from a whole document, for its MojibakeContext: gathered in one pass
// over the text (UTF-8, decoded with DecodeNext), since a document's lines are repaired one by
// one. The text must outlive the profile, whose bigrams look in it.
struct DocumentProfile {
  explicit DocumentProfile(std::string_view text);

  // The script most of its characters that exist in only one script belong to (simplified when
  // there are none).
  Script script = Script::kSimplified;
  // Its rare Han characters that it uses at least three times, sorted.
  std::vector<char32_t> familiar;
  // Its pairs of adjacent Han characters.
  DocumentBigrams bigrams;
};

// What the repair knows about the document a line comes from.
struct MojibakeContext {
  Script script = Script::kSimplified;
  // Pinyin annotations the document shows (syllable → annotated characters; see
  // normalize_pinyin.h), or nullptr. A converter that annotates characters byte by byte also
  // annotates false matches that straddle two characters; the syllable then tells which byte
  // was there.
  const std::unordered_map<std::u32string, std::u32string>* annotations = nullptr;
  // Rare characters the document uses often (DocumentProfile::familiar), or nullptr: its own
  // vocabulary, not damage.
  const std::vector<char32_t>* familiar = nullptr;
  // Pairs of adjacent Han characters the document uses (DocumentProfile::bigrams), or nullptr.
  // A document repeats its words, so a guessed character that makes one of them wins a tie.
  const DocumentBigrams* bigrams = nullptr;
};

// A repaired line.
struct LineRepair {
  std::u32string text;
  double gain = 0;     // nats the repair saves under the character model
  int unrepaired = 0;  // U+FFFD written for bytes that could not be recovered
};

// Repairs UTF-8 read as windows-1252 (or Latin-1) in `line` (UTF-8) in place; returns the number
// of sequences repaired. English text with real accents ("café") is left alone.
int RepairLatinMojibake(std::string* line);

// True when `line` has characters worth trying the CJK repairs on: characters the model finds
// rare, private-use code points, or a '?' stuck to Han characters.
bool LooksGarbled(std::u32string_view line);

// Repairs spans of UTF-8 read as GBK in place; returns the number of spans repaired.
int RepairUtf8ReadAsGbk(std::u32string* line, const MojibakeContext& context);

// How far, in characters (a pinyin annotation counts as one), from every sign of damage (a
// character uncommon in any Chinese text, a '?' that may stand for a lost byte) the realignment
// takes a character as it stands instead of searching its readings. A stretch that a decoder
// read out of step decodes to pairs across characters, most of them uncommon, so that signs of
// damage are seldom more than a few characters apart in it. Against the search of every
// reading, on the bundled dumps and on every lost byte of the unit tests' lines, 4 found the
// same repairs and 3 did not; 8 leaves room.
inline constexpr std::size_t kSettledDistance = 8;

// The best realignment of `line` as a GBK or Big5 stream, or nullopt when no decoding beats the
// line as it is. The caller decides whether the gain is large enough. A GBK realignment that
// leaves nothing garbled (CountGarbled) is taken without trying Big5. Characters further than
// `settled_distance` from any sign of damage are read as they stand; SIZE_MAX searches every
// reading of every character.
std::optional<LineRepair> RealignDoubleByte(std::u32string_view line,
                                            const MojibakeContext& context,
                                            std::size_t settled_distance = kSettledDistance);

// A byte, with a bound at or below the cost of what it makes (see CheapestByBound).
struct BoundedByte {
  float bound;
  std::uint8_t byte;
};

// The byte of `candidates` (sorted by bound, then by byte) for which `cost(byte, best)` is least,
// and that cost; ties go to the smaller byte, as when every byte is tried in order. `best` is the
// least cost so far: `cost` must return the true cost when that is at most `best`, and may return
// any cost above `best` otherwise (spare work that cannot decide). The search stops at the first
// bound above the best, so that cheap candidates listed first spare costing the rest. Returns
// {-1, none_cost} when no candidate costs less than none_cost.
template <typename Cost>
std::pair<int, double> CheapestByBound(const std::vector<BoundedByte>& candidates, double none_cost,
                                       Cost&& cost) {
  int best_byte = -1;
  double best_cost = none_cost;
  for (const BoundedByte& candidate : candidates) {
    if (candidate.bound > best_cost) break;
    const double c = cost(candidate.byte, best_cost);
    if (c < best_cost || (c == best_cost && candidate.byte < best_byte)) {
      best_byte = candidate.byte;
      best_cost = c;
    }
  }
  return {best_byte, best_cost};
}

// Characters of `line` that still look garbled after repair: clusters of rare Han characters and
// private-use code points, U+FFFD, the "锟斤拷" of replacement characters read as GBK.
int CountGarbled(std::u32string_view line, const MojibakeContext& context);

}  // namespace pith::internal
