#include "pith/dedup.h"

#include <algorithm>
#include <cmath>

#include "minhash.h"
#include "pith/error.h"
#include "text_lines.h"

namespace pith {
namespace {

// An open-addressing hash table from 64-bit keys to 32-bit values: 12 bytes a slot, which is
// what keeps an index of a million documents' bands and lines in a few hundred megabytes.
// Key 0 marks an empty slot, so a real key 0 is stored as 1 (one more collision in 2^64).
class FlatTable {
 public:
  // The value for `key`, inserted as `fresh` when absent; *inserted says which.
  std::uint32_t* FindOrInsert(std::uint64_t key, std::uint32_t fresh, bool* inserted) {
    if (2 * (size_ + 1) > keys_.size()) Grow();
    std::size_t i = Slot(key);
    *inserted = keys_[i] == 0;
    if (*inserted) {
      keys_[i] = Stored(key);
      values_[i] = fresh;
      ++size_;
    }
    return &values_[i];
  }
  const std::uint32_t* Find(std::uint64_t key) const {
    if (keys_.empty()) return nullptr;
    const std::size_t i = Slot(key);
    return keys_[i] == 0 ? nullptr : &values_[i];
  }

 private:
  static std::uint64_t Stored(std::uint64_t key) { return key == 0 ? 1 : key; }
  // The slot holding `key`, or the empty slot where it would go (linear probing).
  std::size_t Slot(std::uint64_t key) const {
    key = Stored(key);
    const std::size_t mask = keys_.size() - 1;
    std::size_t i = internal::Mix64(key) & mask;
    while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) & mask;
    return i;
  }
  void Grow() {
    std::vector<std::uint64_t> keys(std::max<std::size_t>(1024, keys_.size() * 2), 0);
    std::vector<std::uint32_t> values(keys.size());
    keys.swap(keys_);
    values.swap(values_);
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (keys[i] == 0) continue;
      const std::size_t j = Slot(keys[i]);
      keys_[j] = keys[i];
      values_[j] = values[i];
    }
  }

  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> values_;
  std::size_t size_ = 0;
};

// The key of one line: its normalized hash with the lowest bit saying whether it is short.
std::uint64_t LineKey(std::string_view line, std::size_t min_width, bool* blank) {
  std::size_t width = 0;
  const std::uint64_t h = internal::NormalizedHash(line, &width);
  *blank = width == 0;
  return (h & ~std::uint64_t{1}) | (width < min_width ? 1 : 0);
}

}  // namespace

// What Add has learned: the unique documents' exact hashes, signatures and bands, and how many
// unique documents each line occurs in.
struct Deduplicator::Index {
  static constexpr std::size_t kChunkDocs = 4096;

  FlatTable exact;   // exact hash -> Add number
  FlatTable bands;   // band key -> position in `signatures`
  FlatTable lines;   // line key -> documents (saturating)
  // The low 16 bits of the indexed documents' signatures (b-bit MinHash: two different minima
  // agree there by chance once in 65,536, which moves a 0.8 estimate by 3e-6 and halves the
  // memory), in chunks so that growing never copies them all.
  std::vector<std::unique_ptr<std::uint16_t[]>> chunks;
  std::vector<std::uint32_t> signature_owner;  // position -> Add number
  std::size_t added = 0;
  std::size_t counted = 0;  // documents whose lines were counted

  // The share of positions where `sig` agrees with the stored signature at `position`.
  double Similarity(std::span<const std::uint32_t> sig, std::size_t position) const {
    const std::uint16_t* stored = chunks[position / kChunkDocs].get() + (position % kChunkDocs) * sig.size();
    std::size_t equal = 0;
    for (std::size_t i = 0; i < sig.size(); ++i) equal += static_cast<std::uint16_t>(sig[i]) == stored[i];
    return static_cast<double>(equal) / static_cast<double>(sig.size());
  }
  std::uint32_t StoreSignature(std::span<const std::uint32_t> sig, std::size_t owner) {
    const std::size_t position = signature_owner.size();
    if (position % kChunkDocs == 0) chunks.push_back(std::make_unique<std::uint16_t[]>(kChunkDocs * sig.size()));
    std::uint16_t* stored = chunks.back().get() + (position % kChunkDocs) * sig.size();
    for (std::size_t i = 0; i < sig.size(); ++i) stored[i] = static_cast<std::uint16_t>(sig[i]);
    signature_owner.push_back(static_cast<std::uint32_t>(owner));
    return static_cast<std::uint32_t>(position);
  }
};

Deduplicator::Deduplicator(DedupOptions options)
    : options_(options), hasher_(options.num_perm, options.seed), index_(std::make_unique<Index>()) {
  if (options.bands < 1 || options.num_perm % options.bands != 0)
    throw ConfigError("dedup: num_perm (" + std::to_string(options.num_perm) + ") must be a multiple of bands (" +
                      std::to_string(options.bands) + ")");
  if (!(options.threshold > 0 && options.threshold <= 1))
    throw ConfigError("dedup: threshold must be in (0, 1]");
  if (options.shingle < 1) throw ConfigError("dedup: shingle must be at least 1");
  if (options.line_min_docs < 2) throw ConfigError("dedup: line_min_docs must be at least 2");
  if (!(options.short_line_share >= 0 && options.short_line_share <= 1))
    throw ConfigError("dedup: short_line_share must be in [0, 1]");
}

Deduplicator::~Deduplicator() = default;

Fingerprint Deduplicator::FingerprintOf(std::string_view text) const {
  Fingerprint fp;
  fp.exact = internal::NormalizedHash(text, nullptr);
  if (options_.near) fp.minhash = hasher_.Signature(Shingles(text, options_.shingle));
  if (options_.lines) {
    internal::ForEachRawLine(text, [&](std::string_view line) {
      bool blank = false;
      const std::uint64_t key = LineKey(line, options_.line_min_width, &blank);
      if (!blank) fp.lines.push_back(key);
    });
    std::sort(fp.lines.begin(), fp.lines.end());
    fp.lines.erase(std::unique(fp.lines.begin(), fp.lines.end()), fp.lines.end());
  }
  return fp;
}

DupMatch Deduplicator::Add(const Fingerprint& fp) {
  Index& ix = *index_;
  const std::size_t number = ix.added++;
  if (options_.exact) {
    if (const std::uint32_t* first = ix.exact.Find(fp.exact)) return {DupKind::kExact, *first, 1.0};
  }
  const bool near = options_.near && fp.minhash.size() == static_cast<std::size_t>(options_.num_perm);
  std::vector<std::uint64_t> keys;
  if (near) {
    keys = BandKeys(fp.minhash, options_.bands);
    DupMatch best{DupKind::kUnique, number, 0};
    for (std::uint64_t key : keys) {
      const std::uint32_t* position = ix.bands.Find(key);
      if (!position) continue;
      const std::uint32_t owner = ix.signature_owner[*position];
      if (best.kind == DupKind::kNear && owner >= best.original) continue;
      const double similarity = ix.Similarity(fp.minhash, *position);
      if (similarity >= options_.threshold) best = {DupKind::kNear, owner, similarity};
    }
    if (best.kind == DupKind::kNear) return best;
  }

  bool inserted = false;
  if (options_.exact) ix.exact.FindOrInsert(fp.exact, static_cast<std::uint32_t>(number), &inserted);
  if (near) {
    const std::uint32_t position = ix.StoreSignature(fp.minhash, number);
    // A band already taken keeps its first document: later ones are found through other bands.
    for (std::uint64_t key : keys) ix.bands.FindOrInsert(key, position, &inserted);
  }
  if (options_.lines) {
    for (std::uint64_t key : fp.lines) {
      std::uint32_t* count = ix.lines.FindOrInsert(key, 0, &inserted);
      if (*count < UINT32_MAX) ++*count;
    }
    ++ix.counted;
  }
  return {DupKind::kUnique, number, 0};
}

std::size_t Deduplicator::RemoveRepeatedLines(std::string* text) const {
  if (!options_.lines) return 0;
  const Index& ix = *index_;
  const double short_bar = std::max(static_cast<double>(options_.line_min_docs),
                                    std::ceil(options_.short_line_share * static_cast<double>(ix.counted)));
  std::string kept;
  kept.reserve(text->size());
  std::size_t removed = 0;
  bool first = true;
  internal::ForEachRawLine(*text, [&](std::string_view line) {
    bool blank = false;
    const std::uint64_t key = LineKey(line, options_.line_min_width, &blank);
    if (!blank) {
      const std::uint32_t* count = ix.lines.Find(key);
      const double docs = count ? *count : 0;
      if (docs >= static_cast<double>(options_.line_min_docs) && ((key & 1) == 0 || docs >= short_bar)) {
        ++removed;
        return;
      }
    }
    if (!first) kept.push_back('\n');
    kept.append(line);
    first = false;
  });
  if (removed) text->swap(kept);
  return removed;
}

}  // namespace pith
