#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "pith/dedup.h"
#include "pith/error.h"

namespace {

std::string Seed(const std::string& name) {
  std::ifstream in(std::string(PITH_TESTDATA_DIR) + "/seeds/" + name + ".txt");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Replaces `count` code points spread over a UTF-8 text with 'X'.
std::string ChangeChars(const std::string& text, int count, std::size_t every) {
  std::string out;
  std::size_t seen = 0;
  int changed = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 1;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0xF0) len = 4;
    else if (c >= 0xE0) len = 3;
    else if (c >= 0xC0) len = 2;
    if (c > ' ' && ++seen % every == 0 && changed < count) {
      out += 'X';
      ++changed;
    } else {
      out.append(text, i, len);
    }
    i += len;
  }
  return out;
}

std::vector<pith::DupMatch> AddAll(pith::Deduplicator& dedup, const std::vector<std::string>& texts) {
  std::vector<pith::DupMatch> matches;
  for (const std::string& t : texts) matches.push_back(dedup.Add(dedup.FingerprintOf(t)));
  return matches;
}

}  // namespace

TEST_CASE("Dedup finds exact duplicates after normalization", "[dedup]") {
  pith::Deduplicator dedup{pith::DedupOptions{}};
  const auto m = AddAll(dedup, {"Hello  World\nsecond line", "hello world second line", "ＨＥＬＬＯ world\tsecond   line ",
                                "Hello World, second line"});
  CHECK(m[0].kind == pith::DupKind::kUnique);
  CHECK(m[1].kind == pith::DupKind::kExact);
  CHECK(m[1].original == 0);
  CHECK(m[2].kind == pith::DupKind::kExact);
  // Punctuation is text: not an exact copy, but the same shingles make it a near one.
  CHECK(m[3].kind == pith::DupKind::kNear);
}

TEST_CASE("Dedup finds near duplicates of Chinese and English text and nothing else", "[dedup]") {
  const std::string zh = Seed("003_e7dda7ece2839c9e");
  const std::string other = Seed("004_818f87899bbaae80");
  std::string en;
  for (int i = 0; i < 80; ++i) {
    en += "In paragraph " + std::to_string(i) + " the writer adds " + std::to_string(i * i) + " new details. ";
  }
  pith::Deduplicator dedup{pith::DedupOptions{}};
  const auto m = AddAll(dedup, {zh, other, en, ChangeChars(zh, 30, 100), ChangeChars(en, 12, 40),
                                ChangeChars(other, 2000, 2)});
  CHECK(m[0].kind == pith::DupKind::kUnique);
  CHECK(m[1].kind == pith::DupKind::kUnique);
  CHECK(m[2].kind == pith::DupKind::kUnique);
  CHECK(m[3].kind == pith::DupKind::kNear);  // 30 characters changed
  CHECK(m[3].original == 0);
  CHECK(m[3].similarity >= 0.8);
  CHECK(m[4].kind == pith::DupKind::kNear);  // 12 words changed
  CHECK(m[4].original == 2);
  CHECK(m[5].kind == pith::DupKind::kUnique);  // every other character changed
}

TEST_CASE("Dedup keeps the first occurrence and points copies to a kept document", "[dedup]") {
  std::string a;
  for (int i = 0; i < 200; ++i) a += "word" + std::to_string(i) + " ";
  const std::string b = ChangeChars(a, 2, 500);  // near a
  pith::Deduplicator dedup{pith::DedupOptions{}};
  const auto m = AddAll(dedup, {a, b, b});
  CHECK(m[1].kind == pith::DupKind::kNear);
  CHECK(m[1].original == 0);
  // b was not kept, so its exact copy is matched to a, the document that was.
  CHECK(m[2].kind == pith::DupKind::kNear);
  CHECK(m[2].original == 0);

  pith::DedupOptions off;
  off.exact = false;
  off.near = false;
  pith::Deduplicator keep_all(off);
  for (const auto& match : AddAll(keep_all, {a, a, b})) CHECK(match.kind == pith::DupKind::kUnique);
}

TEST_CASE("Dedup removes lines repeated across documents", "[dedup]") {
  const std::string chrome = "Copyright Example News Corporation, all rights reserved";
  const std::string chrome_spaced = "  copyright   Example News Corporation, ALL rights reserved";
  const std::string pair_line = "A quotation that two articles happen to share with each other";
  std::vector<std::string> texts;
  for (int i = 0; i < 10; ++i) {
    std::string t = "Article " + std::to_string(i) + " begins with words of its own about topic " +
                    std::to_string(i * 7919) + ".\n";
    if (i < 4) t += (i % 2 ? chrome : chrome_spaced) + "\n";  // 4 documents, once normalized
    if (i < 2) t += pair_line + "\n";                             // 2 documents only
    if (i < 3) t += "Share\n";                                    // short, in 3 of 10 documents
    texts.push_back(t);
  }
  pith::DedupOptions options;
  options.short_line_share = 0.5;  // a short line must be in half the documents
  pith::Deduplicator dedup(options);
  for (const auto& m : AddAll(dedup, texts)) REQUIRE(m.kind == pith::DupKind::kUnique);

  std::string t0 = texts[0];
  CHECK(dedup.RemoveRepeatedLines(&t0) == 1);
  CHECK(t0 == "Article 0 begins with words of its own about topic 0.\n" + pair_line + "\nShare\n");
  // Lines that differ in their numbers are different lines.
  std::string t9 = texts[9];
  CHECK(dedup.RemoveRepeatedLines(&t9) == 0);
  CHECK(t9 == texts[9]);

  // With the default share, "Share" in 3 of 10 documents is chrome too.
  pith::Deduplicator defaults{pith::DedupOptions{}};
  AddAll(defaults, texts);
  std::string t1 = texts[1];
  CHECK(defaults.RemoveRepeatedLines(&t1) == 2);
  CHECK(t1 == "Article 1 begins with words of its own about topic 7919.\n" + pair_line + "\n");
}

TEST_CASE("Dedup counts lines of unique documents only", "[dedup]") {
  const std::string text = "An article syndicated word for word by three different sites\nits second line\n";
  pith::Deduplicator dedup{pith::DedupOptions{}};
  const auto m = AddAll(dedup, {text, text, text});
  CHECK(m[2].kind == pith::DupKind::kExact);
  std::string copy = text;
  CHECK(dedup.RemoveRepeatedLines(&copy) == 0);
  CHECK(copy == text);
}

TEST_CASE("Dedup keeps blank lines and the final line break when it removes lines", "[dedup]") {
  const std::string chrome = "Follow us on every social network for more news like this";
  std::vector<std::string> texts;
  for (int i = 0; i < 3; ++i) texts.push_back(chrome + "\n\nbody " + std::to_string(i) + " differs from the rest\n" + chrome);
  pith::DedupOptions options;
  options.near = false;  // documents this short that share two long lines are near duplicates
  pith::Deduplicator dedup(options);
  for (const auto& m : AddAll(dedup, texts)) REQUIRE(m.kind == pith::DupKind::kUnique);
  CHECK(dedup.RemoveRepeatedLines(&texts[0]) == 2);
  CHECK(texts[0] == "\nbody 0 differs from the rest");
  std::string ends = "keep me please, I am unique\n" + chrome + "\n";
  CHECK(dedup.RemoveRepeatedLines(&ends) == 1);
  CHECK(ends == "keep me please, I am unique\n");
}

TEST_CASE("Dedup rejects options out of range", "[dedup]") {
  const auto with = [](auto set) {
    pith::DedupOptions o;
    set(o);
    return o;
  };
  CHECK_THROWS_AS(pith::Deduplicator(with([](auto& o) { o.bands = 15; })), pith::ConfigError);
  CHECK_THROWS_AS(pith::Deduplicator(with([](auto& o) { o.threshold = 0; })), pith::ConfigError);
  CHECK_THROWS_AS(pith::Deduplicator(with([](auto& o) { o.shingle = 0; })), pith::ConfigError);
  CHECK_THROWS_AS(pith::Deduplicator(with([](auto& o) { o.line_min_docs = 1; })), pith::ConfigError);
  CHECK_THROWS_AS(pith::Deduplicator(with([](auto& o) { o.num_perm = 0; })), pith::ConfigError);
  CHECK_NOTHROW(pith::Deduplicator(with([](auto& o) { o.num_perm = 120, o.bands = 20; })));
}
