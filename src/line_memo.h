// A memo of work done on short lines, for strip's hot path. Private to the library.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "minhash.h"

namespace pith::internal {

// Remembers a Value computed from a line, for lines that come back. Boilerplate is the text that
// repeats: a site prints the same menus, notices and list headers on every page, so across a
// corpus most short lines have been seen before, and a lookup (a hash and a compare) is far
// cheaper than measuring a line or running it through the rules' DFAs. Paragraphs rarely repeat
// and would push the short lines out, so lines over kMaxBytes are not kept: 512 bytes holds a
// Chinese reprint notice or disclaimer of 170 characters (three bytes each), and such notices
// run past 100 characters.
//
// The table is direct-mapped and fixed in size, so memory stays flat however long the corpus;
// a newer line takes its slot's place. A line is kept the second time it is seen: on pages of
// many sites most lines are new, and writing each into the table would only evict the lines
// that do come back (and the matcher's own working set from the cache) for nothing. Until then
// it costs a word in a small array of hashes. `owner` tells apart the producers sharing one table
// (a RuleSet's number): a Find by one owner never returns what another kept. Not thread-safe:
// keep one per thread.
template <typename Value>
class LineMemo {
 public:
  static constexpr std::size_t kMaxBytes = 512;

  // Eight bytes a step, the last eight (or the bytes of a shorter line) read overlapping, and
  // Mix64 to spread them over the low bits that pick a slot. std::hash took twice the
  // instructions on the short lines that make most of a page, and a hash here only has to spread
  // lines over slots: the line itself is compared before a value is returned.
  static std::uint64_t Hash(std::string_view line) {
    const char* p = line.data();
    const std::size_t n = line.size();
    std::uint64_t h = FibonacciHash(n);
    const auto load = [](const char* at, auto word) {
      std::memcpy(&word, at, sizeof word);
      return static_cast<std::uint64_t>(word);
    };
    if (n >= 8) {
      for (std::size_t i = 0; i + 8 < n; i += 8) {
        h = FibonacciHash(h ^ load(p + i, std::uint64_t{}));
      }
      h ^= load(p + n - 8, std::uint64_t{});
    } else if (n >= 4) {
      h ^= load(p, std::uint32_t{}) << 32 | load(p + n - 4, std::uint32_t{});
    } else if (n > 0) {
      const auto byte = [p](std::size_t i) {
        return std::uint64_t{static_cast<unsigned char>(p[i])};
      };
      h ^= byte(0) << 16 | byte(n / 2) << 8 | byte(n - 1);
    }
    return Mix64(h);
  }

  // Sets `*value` for `line`: what `owner` kept for it, or what `compute(value)` makes, kept in
  // turn. A line too long to keep is not hashed at all.
  template <typename Compute>
  void Recall(std::uint64_t owner, std::string_view line, Value* value, Compute&& compute) {
    if (line.size() > kMaxBytes) {
      compute(value);
      return;
    }
    const std::uint64_t hash = Hash(line);
    if (const Value* known = Find(owner, line, hash)) {
      *value = *known;
      return;
    }
    compute(value);
    Keep(owner, line, hash, *value);
  }

  // What was kept for `line` (whose Hash is `hash`) by `owner`, or nullptr.
  const Value* Find(std::uint64_t owner, std::string_view line, std::uint64_t hash) const {
    const std::size_t at = hash % kSlots;
    if (tags_[at] != hash) return nullptr;
    const Slot& slot = slots_[at];
    if (slot.owner != owner || slot.line != line) return nullptr;
    return &slot.value;
  }

  // Keeps `value` for `line` if the line was offered before and is not too long to be worth it.
  // `owner` must not be 0.
  void Keep(std::uint64_t owner, std::string_view line, std::uint64_t hash, const Value& value) {
    if (line.size() > kMaxBytes) return;
    std::uint64_t& seen = seen_[hash % kSeen];
    if (seen != hash) {
      seen = hash;
      return;
    }
    const std::size_t at = hash % kSlots;
    tags_[at] = hash;
    Slot& slot = slots_[at];
    slot.owner = owner;
    slot.line.assign(line);
    slot.value = value;
  }

 private:
  static constexpr std::size_t kSlots = 4096, kSeen = 8192;
  struct Slot {
    std::uint64_t owner = 0;  // 0: empty
    std::string line;
    Value value{};
  };
  // Hashes apart from the slots, so that a line not kept costs one load from a small array.
  // A tag of 0 on an empty slot may equal a line's hash; the owner check then fails.
  std::vector<std::uint64_t> tags_ = std::vector<std::uint64_t>(kSlots);
  std::vector<std::uint64_t> seen_ = std::vector<std::uint64_t>(kSeen);
  std::vector<Slot> slots_ = std::vector<Slot>(kSlots);
};

}  // namespace pith::internal
