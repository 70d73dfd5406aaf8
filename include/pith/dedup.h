// Corpus-level deduplication: exact and near-duplicate documents, and lines repeated across
// many documents (site chrome that no rule knows).
//
// Unlike the per-document stages, dedup needs the whole corpus, so it runs in two passes:
//
//   pith::Deduplicator dedup(pith::DedupOptions{});
//   // Pass one, in input order (FingerprintOf may run on many threads, Add may not):
//   for (const Document& doc : corpus) {
//     pith::DupMatch m = dedup.Add(dedup.FingerprintOf(doc.text));
//     if (m.kind != pith::DupKind::kUnique) ...   // a copy of the m.original-th document
//   }
//   // Pass two, any order and any thread, after every Add:
//   std::size_t removed = dedup.RemoveRepeatedLines(&doc.text);
//
// Memory is proportional to the signatures and line hashes kept, never to the texts: per
// unique document 2 bytes per permutation (the low 16 bits of each value, enough to estimate
// similarity) plus 24 to 48 bytes per band and per distinct line.
//
// How it decides:
// - exact: a 64-bit hash of the text lowercased, full-width ASCII folded to ASCII and white
//   space squashed; equal hashes are duplicates.
// - near: MinHash over shingles of `shingle` consecutive tokens, where a token is one CJK
//   character or one word of letters and digits (so character 5-grams for Chinese and word
//   5-grams for English, and both in mixed text). LSH with `bands` bands of num_perm / bands rows
//   finds candidates; a candidate whose signatures agree on at least `threshold` of the
//   permutations (the MinHash estimate of Jaccard similarity) is a near duplicate.
// - The first document in input order wins; later copies point to it. Only unique documents
//   are indexed, so a copy always points to a document that was kept.
// - lines: each distinct line of a unique document (normalized as for exact; digits are kept,
//   so the lines of templated reports that differ in their figures stay apart) counts once per
//   document. A line
//   found in at least `line_min_docs` documents is site chrome and is removed everywhere. A
//   line narrower than `line_min_width` columns (a CJK character is two) such as "Photo",
//   "Share" or "1." needs, besides, `short_line_share` of the documents, because short lines
//   coincide by chance: "Share" on every page of a site goes, "Yes." in three interviews stays.
//   Copies are not counted, so an article syndicated three times does not erase itself.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pith {

struct DedupOptions {
  bool exact = true;               // drop exact duplicates
  bool near = true;                // drop near duplicates
  double threshold = 0.8;          // Jaccard similarity from which documents are near duplicates
  int num_perm = 128;              // MinHash permutations (signature length)
  int bands = 16;                  // LSH bands; num_perm must be a multiple
  int shingle = 5;                 // tokens per shingle
  std::uint64_t seed = 1;          // of the permutations: signatures compare only under one seed
  bool lines = true;               // remove lines repeated across documents
  std::size_t line_min_docs = 3;   // documents a line must occur in to be removed
  std::size_t line_min_width = 20; // narrower lines are short (columns; CJK counts two)
  double short_line_share = 0.01;  // share of the documents a short line must occur in, too
};

// ---- Building blocks, for tests and for engines that group signatures themselves ----

// 64-bit hashes of the shingles of `text` (see above); one shingle of all tokens when there are
// fewer than k, none when there are no tokens. Thread-safe.
std::vector<std::uint64_t> Shingles(std::string_view text, int k);

// MinHash with num_perm hash functions h(x) = (a*x + b) >> 32 over 32 bits of each value,
// mixed first (multiply-shift: strongly universal, like the (a*x + b) mod p of other tools).
class MinHasher {
 public:
  MinHasher(int num_perm, std::uint64_t seed);
  // The signature of a set of hashes: for each permutation, the least permuted value. Empty for
  // an empty set. Thread-safe.
  std::vector<std::uint32_t> Signature(std::span<const std::uint64_t> hashes) const;
  int num_perm() const { return static_cast<int>(a_.size()); }

 private:
  std::vector<std::uint64_t> a_, b_;
};

// The share of positions where two signatures agree: an unbiased estimate of the Jaccard
// similarity of the two sets. 0 when the lengths differ or are 0.
double EstimateJaccard(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b);

// One 64-bit key per band (the band's index and its rows hashed together): two documents are
// candidates when any key is equal. `signature.size()` must be a multiple of `bands`.
std::vector<std::uint64_t> BandKeys(std::span<const std::uint32_t> signature, int bands);

// The probability that two documents of Jaccard similarity `jaccard` share a band:
// 1 - (1 - jaccard^rows)^bands.
double CandidateProbability(double jaccard, int bands, int rows);

// ---- The deduplicator ----

// What pass one computes per document; independent of every other document.
struct Fingerprint {
  std::uint64_t exact = 0;             // hash of the normalized text
  std::vector<std::uint32_t> minhash;  // empty when near is off or the text has no tokens
  std::vector<std::uint64_t> lines;    // distinct line keys (empty when lines is off)
};

enum class DupKind { kUnique, kExact, kNear };

struct DupMatch {
  DupKind kind = DupKind::kUnique;
  std::size_t original = 0;  // the Add number (0-based) of the first occurrence; own number if unique
  double similarity = 1;     // estimated Jaccard similarity to it (1 for exact)
};

class Deduplicator {
 public:
  // Throws ConfigError for options out of range (num_perm not a multiple of bands, threshold
  // outside (0, 1], shingle < 1, line_min_docs < 2, short_line_share outside [0, 1]).
  explicit Deduplicator(DedupOptions options);
  ~Deduplicator();
  Deduplicator(const Deduplicator&) = delete;
  Deduplicator& operator=(const Deduplicator&) = delete;

  // Pass one, any thread. Never throws for the text (invalid UTF-8 is read as U+FFFD).
  Fingerprint FingerprintOf(std::string_view text) const;
  // Pass one, one thread, input order: numbers the document (0, 1, ...) and says whether it is a
  // copy of an earlier unique one; unique documents are indexed and their lines counted.
  DupMatch Add(const Fingerprint& fingerprint);

  // Pass two, after the last Add, any thread: removes from *text every line that is repeated
  // across documents (see above) and returns how many lines it removed. Other lines, blank lines
  // included, stay as they were.
  std::size_t RemoveRepeatedLines(std::string* text) const;

  const DedupOptions& options() const { return options_; }
  const MinHasher& hasher() const { return hasher_; }

 private:
  struct Index;
  DedupOptions options_;
  MinHasher hasher_;
  std::unique_ptr<Index> index_;
};

}  // namespace pith
