// Hashing helpers shared by MinHash shingling, the deduplicator, the line memo and the small
// hashed tables of the stages.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace pith::internal {

// Fibonacci hashing (Knuth, TAOCP 6.4): a key times 2^64 / golden ratio. The high bits of the
// product depend on every bit of the key, so they pick a slot even for keys that differ only in
// their low bits (code points, packed ASCII words).
constexpr std::uint64_t kFibonacciMultiplier = 0x9E3779B97F4A7C15ULL;
constexpr std::uint64_t FibonacciHash(std::uint64_t key) { return key * kFibonacciMultiplier; }

// The splitmix64 finalizer: spreads every input bit over the output.
inline std::uint64_t Mix64(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// What a hash sees of a text: lowercased, full-width ASCII folded to ASCII, white space and
// zero-width characters squashed to one space and trimmed. Returns the 64-bit hash of that and,
// in *width (unless null), its display width (CJK counts two).
std::uint64_t NormalizedHash(std::string_view text, std::size_t* width);

// sig[i] = min(sig[i], (a[i] * x + b[i]) >> 32) for i < n, with x < 2^32: the inner loop of
// MinHasher::Signature.
void MinInto(std::uint64_t x, const std::uint64_t* a, const std::uint64_t* b, std::size_t n, std::uint32_t* sig);

}  // namespace pith::internal
