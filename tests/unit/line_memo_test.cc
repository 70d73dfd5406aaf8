// LineMemo: what it returns, to whom, and what it declines to keep.
#include <string>

#include <catch2/catch.hpp>

#include "line_memo.h"

namespace {

using Memo = pith::internal::LineMemo<int>;

// Offers `line` twice, as a memo keeps a line the second time it sees it.
void KeepTwice(Memo& memo, std::uint64_t owner, const std::string& line, int value) {
  memo.Keep(owner, line, Memo::Hash(line), value);
  memo.Keep(owner, line, Memo::Hash(line), value);
}

// Looks `line` up for `owner`: the value kept, or -1 when none is.
int Lookup(const Memo& memo, std::uint64_t owner, const std::string& line) {
  const int* found = memo.Find(owner, line, Memo::Hash(line));
  return found ? *found : -1;
}

}  // namespace

TEST_CASE("A memo returns what its owner kept for the very same line", "[memo]") {
  Memo memo;
  KeepTwice(memo, 1, "首页 | 新闻", 7);
  KeepTwice(memo, 2, "Home", 9);
  memo.Keep(1, "Once", Memo::Hash("Once"), 5);
  struct Case {
    std::uint64_t owner;
    const char* line;
    int value;
  };
  const Case cases[] = {
      {1, "首页 | 新闻", 7},
      {2, "Home", 9},
      {2, "首页 | 新闻", -1},  // kept by another owner
      {1, "Home", -1},
      {1, "首页 | 新闻 ", -1},  // one byte more
      {1, "首页", -1},
      {3, "", -1},
      {1, "Once", -1},  // offered once: not kept yet
  };
  for (const Case& c : cases) {
    INFO(c.owner << " " << c.line);
    CHECK(Lookup(memo, c.owner, c.line) == c.value);
  }
}

TEST_CASE("A memo's hash reads every byte of a line, whatever its length", "[memo]") {
  // Lengths on both sides of each way of reading: bytes one by one, two words of four, words of
  // eight with the last one overlapping the one before.
  for (std::size_t length = 0; length <= 40; ++length) {
    std::string line;
    for (std::size_t i = 0; i < length; ++i) line.push_back(static_cast<char>('a' + i % 26));
    INFO("length " << length);
    CHECK(Memo::Hash(line) == Memo::Hash(std::string(line)));
    CHECK(Memo::Hash(line) != Memo::Hash(line + "a"));
    for (std::size_t i = 0; i < length; ++i) {
      std::string changed = line;
      changed[i] = static_cast<char>(changed[i] ^ 0x40);
      INFO("byte " << i);
      CHECK(Memo::Hash(changed) != Memo::Hash(line));
    }
  }
}

TEST_CASE("A memo keeps lines up to its bound, and a line offered again takes the new value",
          "[memo]") {
  Memo memo;
  const std::string at_bound(Memo::kMaxBytes, 'a'), over(Memo::kMaxBytes + 1, 'a');
  KeepTwice(memo, 1, at_bound, 1);
  KeepTwice(memo, 1, over, 2);
  CHECK(Lookup(memo, 1, at_bound) == 1);
  CHECK(Lookup(memo, 1, over) == -1);
  memo.Keep(1, at_bound, Memo::Hash(at_bound), 3);
  CHECK(Lookup(memo, 1, at_bound) == 3);
}

TEST_CASE("A memo stays exact when many lines share its slots", "[memo]") {
  // Far more lines than slots: every slot is taken over many times. Whatever is still found must
  // be the value kept for that line, and the line kept last is always found.
  Memo memo;
  for (int i = 0; i < 50000; ++i) {
    const std::string line = "line " + std::to_string(i);
    KeepTwice(memo, 1, line, i);
    CHECK(Lookup(memo, 1, line) == i);
  }
  int found = 0;
  for (int i = 0; i < 50000; ++i) {
    const int value = Lookup(memo, 1, "line " + std::to_string(i));
    if (value < 0) continue;
    ++found;
    CHECK(value == i);
  }
  CHECK(found > 0);
  CHECK(found < 50000);
}
