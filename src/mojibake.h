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
//   const DocumentProfile profile(text);
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
#include <vector>

#include "char_model.h"

namespace pith::internal {

// Costs (CharModel::MinCost) that make a Han character a sign of mojibake: rare ones (seen fewer
// than about fifty times) are suspect alone, uncommon ones (fewer than about 3,000) three in four.
inline constexpr float kRareCost = 14.5f;
inline constexpr float kUncommonCost = 10.5f;

// The pairs of adjacent Han characters of a document (MojibakeContext::bigrams).
class DocumentBigrams {
 public:
  // `pairs` as first << 32 | second, repeats allowed.
  explicit DocumentBigrams(const std::vector<std::uint64_t>& pairs = {});

  bool Contains(char32_t first, char32_t second) const;

 private:
  // Open addressing with linear probing, at most half full: built in one pass, where sorting or
  // a node per pair cost more than the search that probes it. A slot holds first << 32 |
  // second; 0, which no pair of Han characters makes, marks it empty.
  std::vector<std::uint64_t> slots_;
  int shift_ = 0;  // 64 - log2(slots_.size()): the hash keeps the high bits
};

// What the repair learns from a whole document, for its MojibakeContext: gathered in one pass
// over the text (UTF-32), since a document's lines are repaired one by one.
struct DocumentProfile {
  explicit DocumentProfile(std::u32string_view text);

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

// Characters of `line` that still look garbled after repair: clusters of rare Han characters and
// private-use code points, U+FFFD, the "锟斤拷" of replacement characters read as GBK.
int CountGarbled(std::u32string_view line, const MojibakeContext& context);

}  // namespace pith::internal
