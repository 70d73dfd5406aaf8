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
// Everything here is const and thread-safe. Private to the library.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <unicode/utf8.h>

#include "char_model.h"

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

// The pairs of adjacent Han characters of a document (MojibakeContext::bigrams).
class DocumentBigrams {
 public:
  // An empty set with room for about `capacity` different pairs before it grows.
  explicit DocumentBigrams(std::size_t capacity = 0) : bmp_(capacity) {}

  // Adds a pair of Han characters; adding it again changes nothing. Inline, with Contains: a
  // document profile adds every pair of its text, and a guess looks up hundreds. Insert is
  // forced inline: left to itself the compiler made it a call in the profile's loop, whose
  // locals then lived in memory: a quarter more instructions there.
  __attribute__((always_inline)) void Insert(char32_t first, char32_t second) {
    if (first < 0x10000 && second < 0x10000) {
      bmp_.Insert(first << 16 | second);
    } else {
      astral_.Insert(std::uint64_t{first} << 32 | second);
    }
  }
  bool Contains(char32_t first, char32_t second) const {
    if (first < 0x10000 && second < 0x10000) return bmp_.Contains(first << 16 | second);
    return astral_.Contains(std::uint64_t{first} << 32 | second);
  }

 private:
  // A set of keys, never 0: open addressing with linear probing, at most half full. Built in
  // one pass, where sorting or a node per pair cost more than the search that probes it.
  template <typename Key>
  class KeySet {
   public:
    explicit KeySet(std::size_t capacity = 0) {
      int bits = kFirstBits;
      while ((std::size_t{1} << bits) < 2 * capacity) ++bits;
      slots_.resize(std::size_t{1} << bits);
      shift_ = kKeyBits - bits;
    }

    __attribute__((always_inline)) void Insert(Key key) {
      const std::size_t slot = Find(key);
      if (slots_[slot] != key) Add(slot, key);
    }
    bool Contains(Key key) const { return slots_[Find(key)] == key; }

   private:
    static constexpr int kKeyBits = 8 * sizeof(Key);
    static constexpr int kFirstBits = 6;
    // Fibonacci hashing: the high bits of the product with 2^bits / golden ratio.
    static constexpr Key kMultiplier =
        sizeof(Key) == 8 ? Key(0x9E3779B97F4A7C15ULL) : Key(0x9E3779B9U);

    // The slot that holds `key`, or the empty one where its search ends.
    __attribute__((always_inline)) std::size_t Find(Key key) const {
      const std::size_t mask = slots_.size() - 1;
      auto slot = static_cast<std::size_t>(static_cast<Key>(key * kMultiplier) >> shift_);
      while (slots_[slot] != 0 && slots_[slot] != key) slot = (slot + 1) & mask;
      return slot;
    }
    // Puts `key` in `slot`, the empty one Find returned, doubling the table first when that would
    // fill more than half of it.
    void Add(std::size_t slot, Key key) {
      if (2 * (size_ + 1) > slots_.size()) {
        std::vector<Key> old(2 * slots_.size());
        old.swap(slots_);
        --shift_;
        for (const Key kept : old) {
          if (kept != 0) slots_[Find(kept)] = kept;
        }
        slot = Find(key);
      }
      slots_[slot] = key;
      ++size_;
    }

    std::vector<Key> slots_;
    int shift_ = 0;         // kKeyBits - log2(slots_.size())
    std::size_t size_ = 0;  // slots in use
  };

  // Pairs of BMP characters, first << 16 | second: nearly all, in half the room. Han characters
  // start at U+3400, so no key is 0.
  KeySet<std::uint32_t> bmp_;
  // The rest, first << 32 | second.
  KeySet<std::uint64_t> astral_;
};

// What the repair learns from a whole document, for its MojibakeContext: gathered in one pass
// over the text (UTF-8, decoded with DecodeNext), since a document's lines are repaired one by
// one.
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

// The best realignment of `line` as a GBK or Big5 stream, or nullopt when no decoding beats the
// line as it is. The caller decides whether the gain is large enough.
std::optional<LineRepair> RealignDoubleByte(std::u32string_view line,
                                            const MojibakeContext& context);

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
