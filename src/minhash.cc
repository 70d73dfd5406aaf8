#include "minhash.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "pith/dedup.h"
#include "pith/error.h"
#include "signals.h"

namespace pith {
namespace internal {
namespace {

constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
constexpr std::uint64_t kFnvPrime = 0x100000001b3ULL;

// Walks the code points of UTF-8 text as hashes see them: lowercased, full-width ASCII folded to
// ASCII; an invalid sequence reads as U+FFFD.
class FoldedCodePoints {
 public:
  explicit FoldedCodePoints(std::string_view s)
      : p_(reinterpret_cast<const std::uint8_t*>(s.data())), n_(static_cast<std::int32_t>(s.size())) {}
  bool Next(UChar32* c) {
    if (i_ >= n_) return false;
    if (p_[i_] < 0x80) {  // ASCII without ICU: most of the calls
      *c = p_[i_++];
      if (*c >= 'A' && *c <= 'Z') *c += 'a' - 'A';
      return true;
    }
    U8_NEXT(p_, i_, n_, *c);
    if (*c < 0) *c = 0xFFFD;
    if (*c >= 0xFF01 && *c <= 0xFF5E) *c -= 0xFEE0;
    if (!IsCjk(static_cast<char32_t>(*c))) *c = u_tolower(*c);
    return true;
  }

 private:
  const std::uint8_t* p_;
  std::int32_t n_;
  std::int32_t i_ = 0;
};

bool IsBlank(UChar32 c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return !IsCjk(static_cast<char32_t>(c)) &&
         (u_isUWhiteSpace(c) || c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF);
}

bool IsWide(UChar32 c) {
  if (c < 0x1100) return false;
  if (IsCjk(static_cast<char32_t>(c))) return true;
  const int width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return width == U_EA_WIDE || width == U_EA_FULLWIDTH;
}

bool IsWordChar(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
  return u_isalnum(c);
}

}  // namespace

// Multiply-shift on 32 bits is a strongly universal family, as the usual (a*x + b) mod p is,
// at a fraction of the cost, and the loop vectorizes; the AVX2 clone doubles its speed where the
// processor has it.
__attribute__((target_clones("avx2", "default")))
void MinInto(std::uint64_t x, const std::uint64_t* a, const std::uint64_t* b, std::size_t n, std::uint32_t* sig) {
  for (std::size_t i = 0; i < n; ++i) {
    const auto v = static_cast<std::uint32_t>((a[i] * x + b[i]) >> 32);
    sig[i] = v < sig[i] ? v : sig[i];
  }
}

std::uint64_t NormalizedHash(std::string_view text, std::size_t* width) {
  std::uint64_t h = kFnvOffset;
  std::size_t w = 0;
  bool pending_space = false;  // a run of blanks seen after visible text
  FoldedCodePoints it(text);
  for (UChar32 c; it.Next(&c);) {
    if (IsBlank(c)) {
      pending_space = w > 0;
      continue;
    }
    if (pending_space) {
      h = (h ^ ' ') * kFnvPrime;
      ++w;
      pending_space = false;
    }
    h = (h ^ static_cast<std::uint64_t>(c)) * kFnvPrime;
    w += IsWide(c) ? 2 : 1;
  }
  if (width) *width = w;
  return Mix64(h);
}

}  // namespace internal

std::vector<std::uint64_t> Shingles(std::string_view text, int k) {
  using internal::kFnvOffset;
  using internal::kFnvPrime;
  using internal::Mix64;
  // Tokens: one per CJK character, one per run of letters and digits; the rest separates.
  std::vector<std::uint64_t> tokens;
  std::uint64_t word = kFnvOffset;
  bool in_word = false;
  auto end_word = [&] {
    if (in_word) tokens.push_back(Mix64(word));
    word = kFnvOffset;
    in_word = false;
  };
  internal::FoldedCodePoints it(text);
  for (UChar32 c; it.Next(&c);) {
    if (internal::IsCjk(static_cast<char32_t>(c))) {
      end_word();
      tokens.push_back(Mix64(static_cast<std::uint64_t>(c) ^ 0x636a6bULL));
    } else if (internal::IsWordChar(c)) {
      word = (word ^ static_cast<std::uint64_t>(c)) * kFnvPrime;
      in_word = true;
    } else {
      end_word();
    }
  }
  end_word();

  std::vector<std::uint64_t> shingles;
  if (tokens.empty() || k < 1) return shingles;
  const std::size_t width = std::min(tokens.size(), static_cast<std::size_t>(k));
  shingles.reserve(tokens.size() - width + 1);
  for (std::size_t i = 0; i + width <= tokens.size(); ++i) {
    std::uint64_t h = width;
    for (std::size_t j = 0; j < width; ++j) h = Mix64(h + tokens[i + j]);
    shingles.push_back(h);
  }
  return shingles;
}

MinHasher::MinHasher(int num_perm, std::uint64_t seed) {
  if (num_perm < 1) throw ConfigError("minhash: num_perm must be at least 1");
  std::uint64_t state = seed;
  auto next = [&state] { return internal::Mix64(state += 0x9e3779b97f4a7c15ULL); };
  for (int i = 0; i < num_perm; ++i) {
    a_.push_back(next() | 1);
    b_.push_back(next());
  }
}

std::vector<std::uint32_t> MinHasher::Signature(std::span<const std::uint64_t> hashes) const {
  std::vector<std::uint32_t> signature;
  if (hashes.empty()) return signature;
  signature.assign(a_.size(), std::numeric_limits<std::uint32_t>::max());
  for (std::uint64_t h : hashes) {
    // Mixing first makes any set of distinct values (not only good hashes) behave.
    internal::MinInto(internal::Mix64(h) >> 32, a_.data(), b_.data(), a_.size(), signature.data());
  }
  return signature;
}

double EstimateJaccard(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
  if (a.size() != b.size() || a.empty()) return 0;
  std::size_t equal = 0;
  for (std::size_t i = 0; i < a.size(); ++i) equal += a[i] == b[i];
  return static_cast<double>(equal) / static_cast<double>(a.size());
}

std::vector<std::uint64_t> BandKeys(std::span<const std::uint32_t> signature, int bands) {
  std::vector<std::uint64_t> keys;
  if (bands < 1 || signature.empty() || signature.size() % bands != 0) return keys;
  const std::size_t rows = signature.size() / bands;
  for (int band = 0; band < bands; ++band) {
    std::uint64_t h = internal::Mix64(static_cast<std::uint64_t>(band) + 1);
    for (std::size_t r = 0; r < rows; ++r) h = internal::Mix64(h ^ signature[band * rows + r]);
    keys.push_back(h);
  }
  return keys;
}

double CandidateProbability(double jaccard, int bands, int rows) {
  return 1 - std::pow(1 - std::pow(jaccard, rows), bands);
}

}  // namespace pith
