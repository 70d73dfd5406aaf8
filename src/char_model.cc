#include "char_model.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <utility>

#include <unicode/utf8.h>

namespace pith::internal {

extern const std::string_view kCharFreqData;

namespace {

constexpr float kForeignScriptCost = 18.0f;
constexpr float kPrivateUseCost = 25.0f;
// A character of the other script is seen about as often as one in twenty of its own uses (a
// simplified page quoting a traditional name, a converter that missed a character).
constexpr double kOtherScriptShare = 1.0 / 20;
// The count given to a Han character the table never saw.
constexpr double kUnseenCount = 0.3;

// Punctuation is missing from a word list, so its costs are set by hand: roughly how often each
// mark appears in running Chinese text relative to its commonest characters. Fullwidth forms of
// ASCII marks (，：？) cost what their ASCII forms cost, plus a little: text is often folded to
// ASCII, and a repair must not prefer one form over the other.
constexpr std::pair<char32_t, float> kPunctuationCosts[] = {
    {U'。', 3.5f}, {U'、', 4.5f}, {U'“', 4.5f}, {U'”', 4.5f}, {U'《', 6.5f}, {U'》', 6.5f},
    {U'…', 7.0f}, {U'—', 7.0f}, {U'·', 8.0f}, {U'‘', 8.0f}, {U'’', 8.0f},
    {U'「', 8.0f}, {U'」', 8.0f}, {U'【', 8.0f}, {U'】', 8.0f}, {U'　', 9.0f},
};

bool IsPrivateUse(char32_t c) { return c >= 0xE000 && c <= 0xF8FF; }

// Costs of everything that is not a Han character, the same for both scripts.
float NonHanCost(char32_t c) {
  for (const auto& [mark, cost] : kPunctuationCosts) {
    if (c == mark) return cost;
  }
  if (c < 0x20 || c == 0x7F) return c == '\t' ? 7.0f : kPrivateUseCost;
  if (c < 0x80) return (std::isalnum(static_cast<int>(c)) || c == ' ') ? 6.0f : 7.0f;
  if (c >= 0xFF01 && c <= 0xFF5E) return NonHanCost(c - 0xFEE0) + 0.5f;  // fullwidth ASCII
  if (c < 0xA0) return kPrivateUseCost;                                  // C1 controls
  if (c < 0x250) return 14.0f;  // Latin-1 and Latin Extended: accents, pinyin tone marks
  if (IsPrivateUse(c)) return kPrivateUseCost;
  if (c >= 0x2010 && c <= 0x2027) return 12.0f;  // dashes, quotes, bullets
  if (c >= 0x3000 && c <= 0x303F) return 12.0f;  // CJK symbols and punctuation
  return kForeignScriptCost;  // Cyrillic, Greek, kana, Hangul, box drawing, ...
}

}  // namespace

int CharModel::Alphabet(char32_t c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7)) {
    return 1;
  }
  if (c >= 0x370 && c <= 0x3FF) return 2;
  if (c >= 0x400 && c <= 0x52F) return 3;
  if (c >= 0x600 && c <= 0x6FF) return 4;
  if (c >= 0x3041 && c <= 0x30FF) return 5;
  if ((c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F)) {
    return 6;
  }
  if (c >= 0x590 && c <= 0x5FF) return 7;
  if (c >= 0xE00 && c <= 0xE7F) return 8;
  return 0;
}

CharModel::CharModel()
    : simplified_(kBmp), traditional_(kBmp), alphabets_(kBmp), script_only_(kBmp, 0) {
  std::vector<std::pair<double, double>> counts(kBmp, {0.0, 0.0});
  double total_simplified = 0, total_traditional = 0;
  // Lines are "CHAR SIMPLIFIED-COUNT TRADITIONAL-COUNT"; '#' starts a comment line.
  std::string_view data = kCharFreqData;
  while (!data.empty()) {
    const std::size_t end = std::min(data.find('\n'), data.size());
    const std::string_view line = data.substr(0, end);
    data.remove_prefix(std::min(end + 1, data.size()));
    if (line.empty() || line[0] == '#') continue;
    std::int32_t i = 0;
    UChar32 c = 0;
    U8_NEXT(line.data(), i, static_cast<std::int32_t>(line.size()), c);
    if (c < 0 || static_cast<std::size_t>(c) >= kBmp) continue;
    double s = 0, t = 0;
    const char* p = line.data() + i + 1;
    const char* last = line.data() + line.size();
    auto r = std::from_chars(p, last, s);
    std::from_chars(r.ptr + 1, last, t);
    counts[c] = {s, t};
    total_simplified += s;
    total_traditional += t;
  }
  for (std::size_t c = 0; c < kBmp; ++c) {
    alphabets_[c] = static_cast<std::uint8_t>(Alphabet(static_cast<char32_t>(c)));
    if (!IsHan(static_cast<char32_t>(c))) {
      simplified_[c] = traditional_[c] = NonHanCost(static_cast<char32_t>(c));
      continue;
    }
    const auto [s, t] = counts[c];
    simplified_[c] = static_cast<float>(
        -std::log(std::max({s, t * kOtherScriptShare, kUnseenCount}) / total_simplified));
    traditional_[c] = static_cast<float>(
        -std::log(std::max({t, s * kOtherScriptShare, kUnseenCount}) / total_traditional));
    // A character one script uses a hundred times more than the other belongs to that script.
    if (s > 100 * t) script_only_[c] = 1;
    if (t > 100 * s) script_only_[c] = -1;
  }
}

const CharModel& CharModel::Get() {
  static const CharModel model;
  return model;
}

}  // namespace pith::internal
