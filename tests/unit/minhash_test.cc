#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <vector>

#include "pith/dedup.h"

namespace {

// Two sets with a known Jaccard similarity: `shared` common elements and `own` elements each.
struct SetPair {
  std::vector<std::uint64_t> a, b;
  double jaccard;
};

SetPair MakePair(std::size_t shared, std::size_t own, std::uint64_t salt) {
  SetPair p;
  std::uint64_t next = salt * 1000003;
  for (std::size_t i = 0; i < shared; ++i, ++next) p.a.push_back(next), p.b.push_back(next);
  for (std::size_t i = 0; i < own; ++i, ++next) p.a.push_back(next);
  for (std::size_t i = 0; i < own; ++i, ++next) p.b.push_back(next);
  p.jaccard = static_cast<double>(shared) / static_cast<double>(shared + 2 * own);
  return p;
}

bool ShareABand(const std::vector<std::uint64_t>& x, const std::vector<std::uint64_t>& y) {
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (x[i] == y[i]) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("Shingles are character 5-grams for CJK and word 5-grams otherwise", "[minhash]") {
  struct Case {
    std::string text;
    std::size_t count;
  };
  const Case cases[] = {
      {"one two three four five six", 2},           // six words
      {"一二三四五六七", 3},                          // seven characters
      {"中文 mixed with 英文 words here", 4},         // 中 文 mixed with 英 文 words here: 8 tokens
      {"just three words", 1},                       // fewer than five: one shingle of all
      {"... !!! ---", 0},                            // no tokens at all
      {"", 0},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(pith::Shingles(c.text, 5).size() == c.count);
  }
  // Case, full-width letters, punctuation and spacing do not change the shingles.
  CHECK(pith::Shingles("Hello, World! How are you", 5) == pith::Shingles("ｈｅｌｌｏ world how   ARE you?", 5));
  CHECK(pith::Shingles("one two three four five", 5) != pith::Shingles("one two three four six", 5));
  // Shingles keep order: the same words in another order are another text.
  CHECK(pith::Shingles("a b c d e", 5) != pith::Shingles("e d c b a", 5));
}

TEST_CASE("MinHash estimates the Jaccard similarity of known sets", "[minhash]") {
  const pith::MinHasher hasher(256, 7);
  // Each row: common and own elements of a pair, so the true Jaccard is known.
  const std::pair<std::size_t, std::size_t> rows[] = {{100, 200}, {200, 100}, {400, 50}, {900, 25}, {0, 300}};
  for (const auto& [shared, own] : rows) {
    const SetPair p = MakePair(shared, own, shared + own);
    const double estimate = pith::EstimateJaccard(hasher.Signature(p.a), hasher.Signature(p.b));
    INFO("jaccard " << p.jaccard << " estimate " << estimate);
    // Standard error is sqrt(J(1-J)/256) <= 0.031; four of them is a loose but real bound.
    CHECK(std::fabs(estimate - p.jaccard) <= 0.125);
  }
  // Unbiased: over many pairs the mean error is small.
  double error = 0;
  for (int i = 0; i < 100; ++i) {
    const SetPair p = MakePair(150, 50, 1000 + i);  // J = 0.6
    error += pith::EstimateJaccard(hasher.Signature(p.a), hasher.Signature(p.b)) - p.jaccard;
  }
  CHECK(std::fabs(error / 100) < 0.02);

  const SetPair same = MakePair(50, 0, 3);
  CHECK(pith::EstimateJaccard(hasher.Signature(same.a), hasher.Signature(same.b)) == 1);
  CHECK(hasher.Signature(std::vector<std::uint64_t>{}).empty());
  CHECK(pith::EstimateJaccard(hasher.Signature(same.a), std::vector<std::uint32_t>(3, 0)) == 0);
}

TEST_CASE("LSH banding follows the S-curve 1-(1-J^r)^b", "[minhash]") {
  CHECK(pith::CandidateProbability(0.8, 16, 8) == Approx(1 - std::pow(1 - std::pow(0.8, 8), 16)));
  CHECK(pith::CandidateProbability(1, 16, 8) == 1);
  CHECK(pith::CandidateProbability(0, 16, 8) == 0);

  // Empirically, pairs of a given similarity become candidates as often as the formula says.
  const pith::MinHasher hasher(128, 11);
  for (const auto& [shared, own] : std::vector<std::pair<std::size_t, std::size_t>>{{160, 20}, {90, 45}, {60, 70}}) {
    int candidates = 0;
    const int pairs = 400;
    double jaccard = 0;
    for (int i = 0; i < pairs; ++i) {
      const SetPair p = MakePair(shared, own, 5000 + i * 7 + shared);
      jaccard = p.jaccard;
      candidates += ShareABand(pith::BandKeys(hasher.Signature(p.a), 16), pith::BandKeys(hasher.Signature(p.b), 16));
    }
    const double expected = pith::CandidateProbability(jaccard, 16, 8);
    INFO("jaccard " << jaccard << " expected " << expected << " got " << candidates / double(pairs));
    CHECK(std::fabs(candidates / double(pairs) - expected) < 0.08);
  }
}

TEST_CASE("Band keys change only for the bands whose rows change", "[minhash]") {
  std::vector<std::uint32_t> sig(128);
  for (std::size_t i = 0; i < sig.size(); ++i) sig[i] = static_cast<std::uint32_t>(i * 2654435761u);
  const std::vector<std::uint64_t> keys = pith::BandKeys(sig, 16);
  REQUIRE(keys.size() == 16);
  sig[20] ^= 1;  // row 4 of band 2
  const std::vector<std::uint64_t> changed = pith::BandKeys(sig, 16);
  for (std::size_t b = 0; b < 16; ++b) CHECK((keys[b] == changed[b]) == (b != 2));
  // Equal rows in different bands still give different keys.
  CHECK(pith::BandKeys(std::vector<std::uint32_t>(8, 5), 2)[0] != pith::BandKeys(std::vector<std::uint32_t>(8, 5), 2)[1]);
  CHECK(pith::BandKeys(sig, 15).empty());  // 128 rows do not split into 15 bands
}
