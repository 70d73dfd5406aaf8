// Hashing helpers shared by MinHash shingling and the deduplicator.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace pith::internal {

// The splitmix64 finalizer: spreads every input bit over the output.
inline std::uint64_t Mix64(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// What a hash sees of a text: lowercased, full-width ASCII folded to ASCII, white space and
// zero-width characters squashed to one space and trimmed; with fold_digits every digit is 0.
// Returns the 64-bit hash of that and, in *width, its display width (CJK counts two).
std::uint64_t NormalizedHash(std::string_view text, bool fold_digits, std::size_t* width);

}  // namespace pith::internal
