// Converter pinyin on one line: which brackets after a Han character are annotations, down to
// the letters that only look like toned vowels.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "normalize_pinyin.h"

namespace {

struct Case {
  std::string input;
  std::string expected;
  int removed;
};

TEST_CASE("RemovePinyinAnnotations removes syllables and keeps look-alikes", "[normalize]") {
  const std::vector<Case> cases = {
      // Every tone of every vowel, ü alone, no initial, the longest syllables.
      {"阿(ā)阿(á)阿(ǎ)阿(à)", "阿阿阿阿", 4},
      {"額(ē)額(é)額(ě)額(è)", "額額額額", 4},
      {"衣(ī)衣(í)衣(ǐ)衣(ì)", "衣衣衣衣", 4},
      {"喔(ō)哦(ó)哦(ǒ)哦(ò)", "喔哦哦哦", 4},
      {"屋(ū)無(wú)五(wǔ)物(wù)", "屋無五物", 4},
      {"綠(lǖ)驢(lǘ)女(nǚ)綠(lǜ)略(lüè)旅(lü)", "綠驢女綠略旅", 6},
      {"兒(ér)子二(èr)", "兒子二", 2},
      {"壯(zhuàng)雙(shuāng)", "壯雙", 2},
      {"網(wǎng)站結(jié)構(gòu)", "網站結構", 3},
      // Not annotations: no tone, a letter that only looks toned (circumflex, tilde, breve,
      // grave on a consonant), too many vowels, a letter after the syllable, no Han before, no
      // closing bracket, nothing before.
      {"網(wang)站", "網(wang)站", 0},
      {"網(wâng)網(wãng)網(wăng)網(wǹg)", "網(wâng)網(wãng)網(wăng)網(wǹg)", 0},
      {"網(wång)網(wæng)網(wçng)網(ŵng)", "網(wång)網(wæng)網(wçng)網(ŵng)", 0},
      {"網(wßng)網(wǝng)", "網(wßng)網(wǝng)", 0},  // just outside the toned vowels' range
      {"網(ǖǖǖǖ)", "網(ǖǖǖǖ)", 0},
      {"網(wǎngg)咖啡(café)", "網(wǎngg)咖啡(café)", 0},
      {"word(wǎng) 1(fā)", "word(wǎng) 1(fā)", 0},
      {"網(wǎng", "網(wǎng", 0},
      {"(wǎng)網", "(wǎng)網", 0},
  };
  for (const Case& c : cases) {
    INFO("line: " << c.input);
    std::string line = c.input;
    CHECK(pith::internal::RemovePinyinAnnotations(&line) == c.removed);
    CHECK(line == c.expected);
  }
}

}  // namespace
