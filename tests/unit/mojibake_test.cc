// The document-level pieces of mojibake repair, apart from the normalize stage: the UTF-8
// decoder the repairs share and the document profile, each checked against a plain reference
// where a fast path could take another way.
#include <algorithm>
#include <cstring>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>
#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include "mojibake.h"
#include "normalize_text.h"

namespace {

using pith::internal::CharModel;
using pith::internal::DecodeNext;
using pith::internal::DocumentBigrams;
using pith::internal::DocumentProfile;
using pith::internal::Script;
using pith::internal::ToU32;

// `s` decoded by ICU's U8_NEXT alone, a broken sequence as U+FFFD.
std::u32string DecodeWithIcu(std::string_view s) {
  std::u32string out;
  for (std::int32_t i = 0; i < static_cast<std::int32_t>(s.size());) {
    UChar32 c = 0;
    U8_NEXT(s.data(), i, static_cast<std::int32_t>(s.size()), c);
    out.push_back(c < 0 ? U'\uFFFD' : static_cast<char32_t>(c));
  }
  return out;
}

// `text` in the double-byte codec `codec` with the bytes at offsets `lost` gone, decoded again
// the way a lossy decoder does: ASCII bytes alone, other bytes in pairs, and a '?' for a byte
// that begins no pair.
std::u32string LoseBytes(const char* codec, std::u32string_view text,
                         const std::vector<std::size_t>& lost) {
  UErrorCode status = U_ZERO_ERROR;
  // Owned, so that an early return or a failed REQUIRE does not leak it.
  const std::unique_ptr<UConverter, decltype(&ucnv_close)> owner(ucnv_open(codec, &status),
                                                                 &ucnv_close);
  REQUIRE(U_SUCCESS(status));
  UConverter* const cnv = owner.get();
  ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::string bytes;
  for (const char32_t c : text) {
    const UChar unit = static_cast<UChar>(c);
    char out[4];
    status = U_ZERO_ERROR;
    const std::int32_t n = ucnv_fromUChars(cnv, out, 4, &unit, 1, &status);
    REQUIRE(U_SUCCESS(status));
    bytes.append(out, static_cast<std::size_t>(n));
  }
  for (auto offset = lost.rbegin(); offset != lost.rend(); ++offset) {
    if (*offset >= bytes.size()) return {};
    bytes.erase(*offset, 1);
  }
  std::u32string decoded;
  for (std::size_t i = 0; i < bytes.size();) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      decoded.push_back(static_cast<char32_t>(bytes[i++]));
      continue;
    }
    UChar unit[2];
    status = U_ZERO_ERROR;
    const std::int32_t n =
        i + 1 < bytes.size() ? ucnv_toUChars(cnv, unit, 2, bytes.data() + i, 2, &status) : 0;
    if (U_SUCCESS(status) && n == 1) {
      decoded.push_back(unit[0]);
      i += 2;
    } else {
      decoded.push_back(U'?');
      ++i;
    }
  }
  return decoded;
}

// The edits (characters inserted, deleted or replaced) that turn `a` into `b`.
std::size_t EditDistance(std::u32string_view a, std::u32string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// The first Han character at or after `from` that the model finds rare.
char32_t RareHan(char32_t from) {
  const CharModel& model = CharModel::Get();
  for (char32_t c = from;; ++c) {
    if (CharModel::IsHan(c) && model.MinCost(c) >= pith::internal::kRareCost) return c;
  }
}

}  // namespace

TEST_CASE("DecodeNext reads UTF-8 as ICU does, broken sequences included", "[mojibake]") {
  // The short path takes well-formed three-byte sequences; everything else goes to ICU.
  const std::vector<std::string> cases = {
      "",
      "plain ASCII",
      "caf\xC3\xA9",                  // two bytes
      "\xE4\xB8\xAD\xE6\x96\x87",     // 中文
      "\xE0\xA0\x80",                 // U+0800, the first three-byte code point
      "\xE0\x9F\xBF",                 // overlong
      "\xED\x9F\xBF",                 // U+D7FF, below the surrogates
      "\xED\xA0\x80",                 // a surrogate
      "\xEF\xBF\xBD\xEF\xBF\xBF",     // U+FFFD, U+FFFF
      "\xE4\xB8",                     // cut short at the end
      "\xE4\xB8" "A",                 // cut short by ASCII
      "\xE4\x41\xE4\xB8\xAD",         // a lead byte, then ASCII
      "\xE4\xB8\xE4\xB8\xAD",         // a lead byte and one continuation, then a character
      "\xF0\xA0\x80\x80",             // U+20000, four bytes
      "\xF0\x8F\xBF\xBF",             // overlong four bytes
      "\x80\xBF\xC0\xC1\xF5\xFF",     // bytes that start nothing
      "\xE4\xB8\xAD\n\xE4\xB8\xAD",   // a line break between characters
  };
  for (const std::string& s : cases) {
    INFO("bytes: " << s);
    CHECK(ToU32(s) == DecodeWithIcu(s));
  }
}

TEST_CASE("DecodeNext agrees with ICU on every three-byte lead", "[mojibake]") {
  // Each lead byte E0..EF with every second byte and third bytes at the edges of the
  // continuation range, then ASCII.
  for (int lead = 0xE0; lead <= 0xEF; ++lead) {
    for (int second = 0; second <= 0xFF; ++second) {
      for (const int third : {0x41, 0x7F, 0x80, 0xBF, 0xC0}) {
        const std::string s = {static_cast<char>(lead), static_cast<char>(second),
                               static_cast<char>(third), 'x'};
        std::u32string ours;
        for (std::int32_t i = 0; i < static_cast<std::int32_t>(s.size());) {
          ours.push_back(DecodeNext(s, &i));
        }
        if (ours != DecodeWithIcu(s)) FAIL("bytes " << lead << " " << second << " " << third);
      }
    }
  }
}

TEST_CASE("ToUtf8 writes what ICU writes and leaves out what UTF-8 cannot hold", "[mojibake]") {
  // Every encoded length at its edges, surrogates, and code points past U+10FFFF.
  const std::u32string text = {0x00,   0x7F,   0x80,   0x7FF,   0x800,    0xD7FF,   0xD800,
                               0xDFFF, 0xE000, 0xFFFF, 0x10000, 0x10FFFF, 0x110000, U'中'};
  std::string expected;
  for (const char32_t c : text) {
    char buffer[4];
    std::int32_t n = 0;
    UBool error = false;
    U8_APPEND(buffer, n, 4, static_cast<UChar32>(c), error);
    if (!error) expected.append(buffer, static_cast<std::size_t>(n));
  }
  CHECK(pith::internal::ToUtf8(text) == expected);
}

TEST_CASE("The search by bound finds the cheapest byte, the smallest of a tie", "[mojibake]") {
  using pith::internal::BoundedByte;
  // Bytes with their bound and true cost; the cost function may answer anything above the best
  // for a byte that cannot beat or tie it, as a guess does when it skips a lookup.
  struct Case {
    const char* name;
    std::vector<std::pair<float, double>> by_byte;  // bound and cost of bytes 0, 1, ...
    int byte;
    double cost;
  };
  const std::vector<Case> cases = {
      {"none", {}, -1, 100.0},
      {"one", {{1, 2}}, 0, 2.0},
      {"the cheapest, listed after a lower bound", {{1, 9}, {3, 4}, {2, 7}}, 1, 4.0},
      // Byte 2 ties byte 0 and comes first by bound: the smaller byte wins, as in byte order.
      {"a tie across bounds", {{6, 6}, {8, 9}, {2, 6}}, 0, 6.0},
      {"a tie at one bound", {{3, 5}, {3, 5}}, 0, 5.0},
      // A bound equal to the best is still costed: its byte may tie and be smaller.
      {"a bound at the best", {{5, 5}, {4, 5}}, 0, 5.0},
      {"nothing fits below none", {{200, 300}}, -1, 100.0},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    std::vector<BoundedByte> candidates;
    for (std::size_t b = 0; b < c.by_byte.size(); ++b) {
      candidates.push_back({c.by_byte[b].first, static_cast<std::uint8_t>(b)});
    }
    std::sort(candidates.begin(), candidates.end(), [](const BoundedByte& x, const BoundedByte& y) {
      return x.bound != y.bound ? x.bound < y.bound : x.byte < y.byte;
    });
    std::vector<int> costed;
    const auto [byte, cost] =
        pith::internal::CheapestByBound(candidates, 100.0, [&](int b, double best) {
          costed.push_back(b);
          const double true_cost = c.by_byte[static_cast<std::size_t>(b)].second;
          return true_cost <= best ? true_cost : best + 1000;
        });
    CHECK(byte == c.byte);
    CHECK(cost == c.cost);
    // Nothing whose bound is above the answer was costed.
    for (int b : costed) CHECK(c.by_byte[static_cast<std::size_t>(b)].first <= cost);
  }
}

TEST_CASE("DocumentBigrams answers for its text, whatever its filter lets through",
          "[mojibake]") {
  // Each text's pairs of adjacent Han characters are noted, as the profile notes them, and so
  // are the `extra` pairs, which the text lacks: the filter then says yes to them, and the text
  // must say no. The long text fills the filter of a few thousand characters, so that many pairs
  // never noted get through it too; every pair of its characters is asked about, far more than
  // the searches of the text before the set gathers its pairs in a list.
  struct Case {
    std::string name;
    std::u32string text;
    std::vector<std::pair<char32_t, char32_t>> extra;
  };
  std::u32string crowded;
  for (char32_t i = 0; i < 3000; ++i) {
    crowded.push_back(0x4E00 + (i * 7) % 400);
    if (i % 5 == 0) crowded.push_back(0x20000 + i % 3);  // above the BMP: four bytes
    if (i % 11 == 0) crowded.push_back(U'\n');
  }
  const std::vector<Case> cases = {
      {"BMP and astral Han", U"中文\U00020000字", {}},
      {"noted pairs the text lacks", U"中文", {{U'文', U'中'}, {U'中', U'字'}, {0x20000, U'中'}}},
      // The bytes of "中a" are in the text, but 'a' is no Han character.
      {"a pair with a letter", U"中a文", {{U'中', U'a'}}},
      {"pairs across a line break", U"中\n文", {{U'中', U'文'}}},
      {"a crowded filter", crowded, {}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    const std::string text = pith::internal::ToUtf8(c.text);
    DocumentBigrams bigrams(text);
    std::set<std::pair<char32_t, char32_t>> adjacent;
    for (std::size_t i = 1; i < c.text.size(); ++i) {
      if (CharModel::IsHan(c.text[i - 1]) && CharModel::IsHan(c.text[i])) {
        bigrams.Note(c.text[i - 1], c.text[i]);
        adjacent.emplace(c.text[i - 1], c.text[i]);
      }
    }
    for (const auto& [first, second] : c.extra) bigrams.Note(first, second);
    std::set<char32_t> chars(c.text.begin(), c.text.end());
    for (const auto& [first, second] : c.extra) chars.insert({first, second});
    for (const char32_t first : chars) {
      for (const char32_t second : chars) {
        INFO(std::hex << static_cast<std::uint32_t>(first) << " "
                      << static_cast<std::uint32_t>(second));
        // Asked twice: the second answer comes from what the first search learned.
        const bool expected = adjacent.count({first, second}) == 1;
        CHECK(bigrams.Contains(first, second) == expected);
        CHECK(bigrams.Contains(first, second) == expected);
      }
    }
  }
}

TEST_CASE("DocumentProfile reads the script, familiar characters and pairs of its text",
          "[mojibake]") {
  const CharModel& model = CharModel::Get();
  const char32_t rare = RareHan(0x4E00);
  const char32_t other_rare = RareHan(rare + 1);
  const std::string r = pith::internal::ToUtf8(std::u32string(1, rare));
  const std::string o = pith::internal::ToUtf8(std::u32string(1, other_rare));
  struct Case {
    std::string text;
    Script script;
    std::vector<char32_t> familiar;
  };
  const auto codes = [](const std::vector<char32_t>& chars) {
    return std::vector<std::uint32_t>(chars.begin(), chars.end());
  };
  const std::vector<Case> cases = {
      {"", Script::kSimplified, {}},
      {"这个们说", Script::kSimplified, {}},
      {"這個們說", Script::kTraditional, {}},
      {"English only, no Han at all.", Script::kSimplified, {}},
      // Three uses make a rare character familiar; two do not.
      {"甲" + r + "乙\n" + r + r + "丙" + o + o, Script::kSimplified, {rare}},
      // Overlong and surrogate three-byte forms, and a form cut short at the end, are no Han
      // and keep the Han characters around them apart.
      {"中\xE0\x80\x80文\xED\xA0\x80中\xE4\xB8", Script::kSimplified, {}},
      // A character above the BMP is Han and rare; broken bytes are no Han.
      {"\xF0\xA0\x80\x80\xE4\xB8\xAD\xE4\xB8\xE4\xB8\xAD\xF0\xA0\x80\x80\xF0\xA0\x80\x80",
       Script::kSimplified, {0x20000}},
      // Long runs, read two characters a word: the counts, the pairs across words and the forms
      // that are no Han inside a run, at odd and even offsets.
      {"這個們說這個們說這個們說這個", Script::kTraditional, {}},
      {"这个们说這個這個们说这个", Script::kSimplified, {}},
      {"甲乙丙" + r + "丁戊" + r + "己庚" + r + "辛" + o + "壬癸" + o, Script::kSimplified, {rare}},
      {"中文中文\xE0\x80\x80中文中文中\xED\xA0\x80中文中文a中文\xF0\xA0\x80\x80中文中",
       Script::kSimplified, {}},
  };
  for (const Case& c : cases) {
    INFO("text: " << c.text);
    const DocumentProfile profile(c.text);
    CHECK(profile.script == c.script);
    CHECK(codes(profile.familiar) == codes(c.familiar));
    // Every pair of adjacent Han characters of the decoded text, and no other pair of them.
    const std::u32string all = ToU32(c.text);
    for (std::size_t i = 0; i < all.size(); ++i) {
      for (std::size_t j = 0; j < all.size(); ++j) {
        if (!CharModel::IsHan(all[i]) || !CharModel::IsHan(all[j])) continue;
        bool adjacent = false;
        for (std::size_t k = 1; k < all.size(); ++k) {
          adjacent |= all[k - 1] == all[i] && all[k] == all[j];
        }
        CHECK(profile.bigrams.Contains(all[i], all[j]) == adjacent);
      }
    }
  }
  CHECK(model.MinCost(rare) >= pith::internal::kRareCost);
}

TEST_CASE("The line scan counts Han and finds three uncommon characters in four across runs",
          "[mojibake][normalize]") {
  // Letters stand for characters: C common Han, U uncommon Han (not rare), k kana, '.' the full
  // stop 。, a and ? themselves. Common Han takes the scan's fast path, in runs of any length and
  // at any distance from the end of the line.
  const CharModel& model = CharModel::Get();
  char32_t uncommon = 0;
  for (char32_t c = 0x4E00; c <= 0x9FFF && uncommon == 0; ++c) {
    const float cost = model.MinCost(c);
    if (cost >= pith::internal::kUncommonCost && cost < pith::internal::kRareCost) uncommon = c;
  }
  REQUIRE(uncommon != 0);
  REQUIRE(model.MinCost(U'的') < pith::internal::kUncommonCost);
  const auto spell = [&](std::string_view letters) {
    std::u32string s;
    for (char l : letters) {
      s += l == 'C' ? U'的' : l == 'U' ? uncommon : l == 'k' ? U'あ' : l == '.' ? U'。' : char32_t(l);
    }
    return pith::internal::ToUtf8(s);
  };
  struct Case {
    const char* letters;
    int han;
    bool garbled;
  };
  const Case cases[] = {
      {"C", 1, false},
      {"CC", 2, false},
      {"CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC", 47, false},
      {"aCCCa", 3, false},
      {"CC.CC.CCC.", 7, false},
      // Three uncommon in the last four, whatever ran before them.
      {"UUU", 3, true},
      {"CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCUUU", 44, true},
      {"UCUU", 4, true},
      {"UUCU", 4, true},
      {"UUCCU", 5, false},
      {"UCCUU", 5, false},
      {"UUCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCU", 47, false},
      {"UU.U", 3, true},  // the full stop is not uncommon, and takes a place in the window
      {"U.U.U", 3, false},
      {"CCCCCCCCkk", 8, false},
      // A question mark between Han and ASCII is where a decoder lost a byte.
      {"CCCCCCC?a", 7, true},
      {"CCCCCCC?", 7, false},
  };
  for (const Case& c : cases) {
    const std::string line = spell(c.letters);
    INFO(c.letters);
    const pith::internal::LineSigns signs = pith::internal::ScanLineSigns(line);
    CHECK(signs.han == c.han);
    CHECK(signs.garbled == c.garbled);
    CHECK(signs.kana == static_cast<int>(std::count(c.letters, c.letters + std::strlen(c.letters), 'k')));
  }
}

TEST_CASE("Realignment reads text far from damage as it stands, and finds what a full search does",
          "[mojibake]") {
  // Each text, in its codec, loses one byte at every offset in turn, then two bytes at once;
  // each garbled line is realigned both ways. Clean text runs far past the stretch a lost byte
  // garbles (up to the next ASCII byte) on both sides, and the texts have stretches of common
  // characters, whose out-of-step pairs are common more often.
  struct Text {
    const char* codec;
    Script script;
    std::u32string text;
  };
  const std::vector<Text> texts = {
      {"windows-936", Script::kSimplified,
       U"政府工作报告提出要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，"
       U"着力推动高质量发展，全年经济增长5.2%。各地区各部门认真落实党中央决策部署，扎实推进各项"
       U"工作，经济社会发展主要目标任务圆满完成，民生保障有力有效，社会大局保持稳定。"},
      {"windows-950", Script::kTraditional,
       U"這個問題我們已經討論了很久，大家都認為應該盡快解決，不然的話以後會越來越麻煩。"
       U"他說今年的目標是把3個項目都做完，然後再來看看下一步要怎麼走，我們都覺得這樣比較好。"},
  };
  for (const Text& t : texts) {
    std::size_t garbled_lines = 0, repaired = 0;
    pith::internal::MojibakeContext context;
    context.script = t.script;
    const std::size_t bytes = LoseBytes(t.codec, t.text, {}).size() * 2;  // at least
    std::vector<std::vector<std::size_t>> losses;
    for (std::size_t b = 0; b < bytes; ++b) losses.push_back({b});
    for (std::size_t b = 0; b + 90 < bytes; b += 7) losses.push_back({b, b + 90});
    for (const std::vector<std::size_t>& lost : losses) {
      const std::u32string garbled = LoseBytes(t.codec, t.text, lost);
      if (garbled.empty()) continue;  // past the end
      ++garbled_lines;
      INFO(t.codec << ", lost byte " << lost[0] << (lost.size() > 1 ? " and more" : "")
                   << ": " << pith::internal::ToUtf8(garbled));
      const auto settled = pith::internal::RealignDoubleByte(garbled, context);
      const auto full = pith::internal::RealignDoubleByte(garbled, context, SIZE_MAX);
      REQUIRE(settled.has_value() == full.has_value());
      if (!full) continue;
      CHECK(pith::internal::ToUtf8(settled->text) == pith::internal::ToUtf8(full->text));
      CHECK(settled->gain == Approx(full->gain));
      // The character that lost a byte, the one before the ASCII byte or the line's end where
      // the decoder fell back in step, and one to spare, for each lost byte.
      repaired += EditDistance(full->text, t.text) <= 3 * lost.size();
    }
    // Most losses are repaired, in the text's own codec.
    INFO(t.codec);
    CHECK(repaired > garbled_lines / 2);
  }
}
