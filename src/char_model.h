// A unigram model of the characters of Chinese text: how surprising each code point is. Mojibake
// repair uses it to tell a plausible decoding of a byte stream from a garbled one.
//
//   const CharModel& model = CharModel::Get();
//   model.Cost(U'的', Script::kSimplified);   // small: a very common character
//   model.Cost(U'瑢', Script::kTraditional);  // large: next to never seen in running text
//
// Private to the library.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

namespace pith::internal {

enum class Script { kSimplified, kTraditional };

class CharModel {
 public:
  // The model built from the embedded frequency table (src/data/char_freq.txt), once per process.
  // Thread-safe.
  static const CharModel& Get();

  // -log P(c) in nats for text written in `script`: about 3-5 for the commonest characters and
  // punctuation, 15 for Han characters seen a few dozen times, 20 and more for Han characters the
  // table never saw, private-use code points and scripts that do not belong in Chinese text.
  // A character of the other script costs a few nats more than in its own.
  float Cost(char32_t c, Script script) const {
    if (c >= kBmp) return kAstralCost;
    return script == Script::kSimplified ? simplified_[c] : traditional_[c];
  }

  // The smaller of the two scripts' costs: how rare `c` is in any Chinese text.
  float MinCost(char32_t c) const {
    if (c >= kBmp) return kAstralCost;
    return std::min(simplified_[c], traditional_[c]);
  }

  // The cost of `c` right after `previous`: a letter that continues a word of its alphabet
  // (Cyrillic after Cyrillic, kana after kana, é after a Latin letter) costs what an ASCII letter
  // costs, so that words in other scripts look like words, not like stray garbage.
  float Cost(char32_t c, char32_t previous, Script script) const {
    const float cost = Cost(c, script);
    // Every alphabet lies in the BMP.
    return c < kBmp ? CostAfter(cost, alphabets_[c], previous) : cost;
  }

  // Cost(c, previous, script) for a character of the BMP whose Cost(c, script) and Alphabet(c)
  // are known: a table of them per codec pair spares the realignment search two lookups.
  float CostAfter(float cost, int alphabet, char32_t previous) const {
    if (alphabet != 0 && previous < kBmp && alphabet == alphabets_[previous]) {
      return std::min(cost, kWordLetterCost);
    }
    return cost;
  }

  // Cost(c, previous, script) at its least over every previous character: a bound for searches.
  float LeastCost(char32_t c, Script script) const {
    const float cost = Cost(c, script);
    return c < kBmp && alphabets_[c] != 0 ? std::min(cost, kWordLetterCost) : cost;
  }

  // True for Han characters: the blocks the model scores from its table.
  static bool IsHan(char32_t c) {
    return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F);
  }

  // The alphabet `c` is a letter of (Latin, Greek, Cyrillic, Arabic, kana, Hangul, ...), as a
  // small number; 0 for anything else, Han included.
  static int Alphabet(char32_t c);

  // +1 for a character only simplified text uses, -1 for one only traditional text uses, 0 for
  // the rest: summed over a text, the sign says its script.
  int ScriptLean(char32_t c) const { return c < kBmp ? script_only_[c] : 0; }

 private:
  static constexpr char32_t kBmp = 0x10000;
  static constexpr float kAstralCost = 20.0f;
  static constexpr float kWordLetterCost = 6.0f;  // what an ASCII letter costs

  CharModel();
  // Costs of the BMP, one table per script; code points above it use kAstralCost. The lookups
  // are inline: mojibake repair makes several for every byte it tries.
  std::vector<float> simplified_;
  std::vector<float> traditional_;
  // Alphabet() of every BMP code point.
  std::vector<std::uint8_t> alphabets_;
  // ScriptLean() of every BMP code point.
  std::vector<signed char> script_only_;
};

}  // namespace pith::internal
