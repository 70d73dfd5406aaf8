#include "encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

namespace pith::encoding {
namespace {

// Length of the well-formed UTF-8 sequence at p (p[0] >= 0x80, `avail` bytes readable), or minus
// the length of the maximal subpart of an ill-formed one (Unicode 15, table 3-7).
inline int Utf8Sequence(const unsigned char* p, std::size_t avail) {
  const unsigned char b = p[0];
  int len;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b >= 0xC2 && b <= 0xDF) {
    len = 2;
  } else if (b >= 0xE0 && b <= 0xEF) {
    len = 3;
    if (b == 0xE0) lo = 0xA0;
    if (b == 0xED) hi = 0x9F;  // no surrogates
  } else if (b >= 0xF0 && b <= 0xF4) {
    len = 4;
    if (b == 0xF0) lo = 0x90;
    if (b == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return -1;
  }
  if (avail < 2 || p[1] < lo || p[1] > hi) return -1;
  int k = 2;
  while (k < len && static_cast<std::size_t>(k) < avail && (p[k] & 0xC0) == 0x80) ++k;
  return k == len ? len : -k;
}

// Number of ASCII bytes at the start of p[0, n), eight at a time.
inline std::size_t AsciiRun(const unsigned char* p, std::size_t n) {
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t word;
    std::memcpy(&word, p + i, 8);
    if (word & 0x8080808080808080ULL) break;
  }
  while (i < n && p[i] < 0x80) ++i;
  return i;
}

enum class ByteOrder { kNone, kLittle, kBig };

// How much of a file tells BOM-less UTF-16.
constexpr std::size_t kUtf16Head = 4096;

// BOM-less UTF-16: ASCII characters put a NUL in every other byte, on one side.
ByteOrder GuessUtf16(std::string_view head) {
  const std::size_t n = std::min<std::size_t>(head.size(), kUtf16Head) & ~std::size_t{1};
  if (n < 4) return ByteOrder::kNone;
  std::size_t nul[2] = {0, 0};
  for (std::size_t i = 0; i < n; ++i) {
    if (head[i] == '\0') ++nul[i & 1];
  }
  // At least a quarter of one side (and two: one NUL is no pattern), and ten times as many as on
  // the other side.
  const std::size_t quarter = std::max<std::size_t>(2, n / 2 / 4);
  if (nul[1] >= quarter && nul[0] * 10 <= nul[1]) return ByteOrder::kLittle;
  if (nul[0] >= quarter && nul[1] * 10 <= nul[0]) return ByteOrder::kBig;
  return ByteOrder::kNone;
}

// --- Per-thread ICU objects -------------------------------------------------------------------

// Counts the bytes a converter could not decode; each sequence becomes one U+FFFD.
struct ErrorCount {
  std::size_t count = 0;
  std::size_t first = kNoOffset;
  const char* base = nullptr;  // start of the input, for offsets
};

void CountAndSubstitute(const void* context, UConverterToUnicodeArgs* args, const char*,
                        int32_t length, UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;  // reset, close, clone: nothing to decode
  auto* errors = static_cast<ErrorCount*>(const_cast<void*>(context));
  if (errors->count++ == 0 && errors->base != nullptr) {
    const std::ptrdiff_t at = args->source - errors->base - length;
    errors->first = at > 0 ? static_cast<std::size_t>(at) : 0;
  }
  static const UChar kReplacement = 0xFFFD;
  *err = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, &kReplacement, 1, 0, err);
}

// Opening an ICU converter costs far more than decoding a small document, so each thread keeps
// the ones it used.
class ThreadIcu {
 public:
  ThreadIcu() = default;
  ThreadIcu(const ThreadIcu&) = delete;
  ThreadIcu& operator=(const ThreadIcu&) = delete;
  ~ThreadIcu() {
    for (auto& [name, cnv] : converters_) ucnv_close(cnv);
    if (detector_ != nullptr) ucsdet_close(detector_);
  }

  // The converter `name`, reset, reporting decoding errors into errors(); nullptr when ICU does
  // not know the name.
  UConverter* Converter(std::string_view name) {
    for (auto& [n, cnv] : converters_) {
      if (n == name) {
        ucnv_reset(cnv);
        return cnv;
      }
    }
    UErrorCode err = U_ZERO_ERROR;
    UConverter* cnv = ucnv_open(std::string(name).c_str(), &err);
    if (U_FAILURE(err)) return nullptr;
    ucnv_setToUCallBack(cnv, CountAndSubstitute, &errors_, nullptr, nullptr, &err);
    converters_.emplace_back(std::string(name), cnv);
    return cnv;
  }

  // ICU's detector's guesses for `sample`, best first, as (charset, confidence 0-100).
  std::vector<std::pair<std::string, int>> Detect(std::string_view sample) {
    std::vector<std::pair<std::string, int>> out;
    UErrorCode err = U_ZERO_ERROR;
    if (detector_ == nullptr) detector_ = ucsdet_open(&err);
    ucsdet_setText(detector_, sample.data(), static_cast<int32_t>(sample.size()), &err);
    int32_t n = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(detector_, &n, &err);
    for (int32_t i = 0; U_SUCCESS(err) && i < n; ++i) {
      out.emplace_back(ucsdet_getName(matches[i], &err), ucsdet_getConfidence(matches[i], &err));
    }
    return out;
  }

  ErrorCount& errors() { return errors_; }
  std::u16string& scratch() { return scratch_; }
  std::vector<UChar32>& code_points() { return code_points_; }

 private:
  std::vector<std::pair<std::string, UConverter*>> converters_;
  UCharsetDetector* detector_ = nullptr;
  ErrorCount errors_;
  std::u16string scratch_;
  std::vector<UChar32> code_points_;
};

ThreadIcu& Icu() {
  thread_local ThreadIcu icu;
  return icu;
}

// --- Which characters are common -------------------------------------------------------------

// The languages of the legacy encodings, as bits in CommonChars.
enum Lang : std::uint8_t { kChinese = 1, kJapanese = 2, kKorean = 4 };

bool IsPrivateUse(UChar32 c) { return (c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000; }

// A small notion of character frequency that needs no data files: the blocks that the national
// standards themselves set apart as the frequent characters, read through ICU's own converters.
class CommonChars {
 public:
  CommonChars() {
    // GB2312 level 1: the 3,755 most frequent simplified characters.
    AddDoubleByte("GB2312", 0xB0A1, 0xD7F9, kChinese);
    // Big5's frequent block: 5,401 traditional characters.
    AddDoubleByte("Big5", 0xA440, 0xC67E, kChinese);
    // JIS X 0208 level 1 kanji (2,965), and the kana.
    AddDoubleByte("Shift_JIS", 0x889F, 0x9872, kJapanese);
    AddRange(0x3041, 0x3096, kJapanese);
    AddRange(0x30A1, 0x30FC, kJapanese);
    // KS X 1001's 2,350 Hangul syllables, not the 8,822 rare ones windows-949 adds.
    AddDoubleByte("EUC-KR", 0xB0A1, 0xC8FE, kKorean);
  }

  bool IsCommon(UChar32 c, std::uint8_t lang) const {
    return c >= 0 && static_cast<std::size_t>(c) < flags_.size() && (flags_[c] & lang) != 0;
  }

 private:
  void AddRange(UChar32 first, UChar32 last, std::uint8_t lang) {
    for (UChar32 c = first; c <= last; ++c) flags_[c] |= lang;
  }
  void AddDoubleByte(const char* charset, unsigned first, unsigned last, std::uint8_t lang) {
    UErrorCode err = U_ZERO_ERROR;
    UConverter* cnv = ucnv_open(charset, &err);
    if (U_FAILURE(err)) return;
    for (unsigned code = first; code <= last; ++code) {
      const char bytes[2] = {static_cast<char>(code >> 8), static_cast<char>(code & 0xFF)};
      UChar out[4];
      err = U_ZERO_ERROR;
      const int32_t n = ucnv_toUChars(cnv, out, 4, bytes, 2, &err);
      // Holes in the block decode to substitution characters or private use: not characters.
      if (U_SUCCESS(err) && n == 1 && out[0] != 0xFFFD && out[0] != 0x1A && !IsPrivateUse(out[0]))
        flags_[out[0]] |= lang;
    }
    ucnv_close(cnv);
  }

  std::array<std::uint8_t, 0x10000> flags_{};
};

const CommonChars& Common() {
  static const CommonChars common;
  return common;
}

// --- Choosing a legacy encoding --------------------------------------------------------------

struct Candidate {
  const char* name;       // reported in signals.encoding; also ICU's detector's name
  const char* converter;  // the ICU converter that decodes it
  std::uint8_t lang;
};

// In order of preference when they score the same. windows-950 and windows-949 are the supersets
// that Big5 and EUC-KR pages are really written in.
constexpr Candidate kCjk[] = {
    {"GB18030", "GB18030", kChinese},      {"Big5", "windows-950", kChinese},
    {"Shift_JIS", "Shift_JIS", kJapanese}, {"EUC-JP", "EUC-JP", kJapanese},
    {"EUC-KR", "windows-949", kKorean},
};

constexpr std::size_t kSampleBytes = 64 * 1024;
constexpr std::size_t kQuickSampleBytes = 1024;
// A decoding error costs as much as this many common characters earn.
constexpr double kErrorWeight = 5.0;
// A CJK candidate is believed only with at least this score (the share of common characters,
// less the errors).
constexpr double kAcceptScore = 0.5;
// Candidates this close to the best are a tie, broken by ICU's detector.
constexpr double kTieScore = 0.05;
// On the first lines, a best candidate this far ahead of all others is taken at once.
constexpr double kClearMargin = 0.25;
// ICU's detector is believed for other encodings only from this confidence on.
constexpr int kMinConfidence = 10;
// Among non-ASCII sequences, UTF-8 with this many well-formed ones per ill-formed one is UTF-8
// with a few bad bytes; legacy CJK text is well-formed UTF-8 by accident less than one time in
// three, windows-1252 text almost never.
constexpr std::size_t kUtf8Majority = 4;

// Lines that hold non-ASCII bytes, up to kSampleBytes: what tells the encodings apart, without the
// ASCII that all of them share. Newlines are a safe cut in every candidate encoding.
std::string Sample(std::string_view bytes) {
  std::string sample;
  std::size_t pos = 0;
  while (pos < bytes.size() && sample.size() < kSampleBytes) {
    std::size_t end = bytes.find('\n', pos);
    end = end == std::string_view::npos ? bytes.size() : end + 1;
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data()) + pos;
    if (AsciiRun(p, end - pos) < end - pos) {
      sample.append(bytes.substr(pos, std::min(end - pos, kSampleBytes - sample.size())));
    }
    pos = end;
  }
  return sample;
}

// Punctuation and symbols that every CJK encoding has: they tell the candidates nothing.
bool IsNeutral(UChar32 c) {
  return (c >= 0xA0 && c <= 0xBF) || (c >= 0x2000 && c <= 0x206F) || (c >= 0x2460 && c <= 0x27BF) ||
         (c >= 0x3000 && c <= 0x303F) || (c >= 0xFE30 && c <= 0xFE4F) ||
         (c >= 0xFF01 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6);
}

bool IsAsciiLetter(UChar32 c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// How plausible a sample is in one candidate encoding.
struct Plausibility {
  // The share of the telling characters (non-ASCII, not neutral) that are common in the
  // candidate's language, less kErrorWeight per error: undecodable bytes, C1 controls, private use.
  double score = 0;
  std::size_t telling = 0;
  std::size_t errors = 0;
};

Plausibility Score(const Candidate& candidate, std::string_view sample) {
  ThreadIcu& icu = Icu();
  UConverter* cnv = icu.Converter(candidate.converter);
  if (cnv == nullptr) return {-1, 0, 0};
  icu.errors() = ErrorCount{};  // errors show in the output as U+FFFD; no offsets needed
  std::u16string& out = icu.scratch();
  out.resize(sample.size() + 1);  // these encodings never yield more UTF-16 units than bytes
  UChar* target = out.data();
  const char* source = sample.data();
  UErrorCode err = U_ZERO_ERROR;
  ucnv_toUnicode(cnv, &target, out.data() + out.size(), &source, sample.data() + sample.size(),
                 nullptr, true, &err);
  std::vector<UChar32>& text = icu.code_points();
  text.clear();
  const std::int32_t n = static_cast<std::int32_t>(target - out.data());
  for (std::int32_t i = 0; i < n;) {
    UChar32 c;
    U16_NEXT(out.data(), i, n, c);
    text.push_back(c);
  }
  const CommonChars& common = Common();
  Plausibility p;
  std::size_t good = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const UChar32 c = text[i];
    if (c < 0x80 || IsNeutral(c)) continue;
    ++p.telling;
    if (c == 0xFFFD || c == 0x1A || c < 0xA0 || IsPrivateUse(c) || U_IS_SURROGATE(c)) {
      ++p.errors;
      continue;
    }
    // A lone character next to an ASCII letter is what an accented letter of Latin text becomes
    // when read as a double-byte encoding ("s\xE9cur" -> "s閏ur"); in CJK text it is rare.
    const UChar32 before = i == 0 ? ' ' : text[i - 1];
    const UChar32 after = i + 1 == text.size() ? ' ' : text[i + 1];
    const bool lone =
        before < 0x80 && after < 0x80 && (IsAsciiLetter(before) || IsAsciiLetter(after));
    if (!lone && common.IsCommon(c, candidate.lang)) ++good;
  }
  if (p.telling > 0) {
    p.score = (static_cast<double>(good) - kErrorWeight * static_cast<double>(p.errors)) /
              static_cast<double>(p.telling);
  }
  return p;
}

// Korean separates words with spaces; Chinese and Japanese do not. True when there is at least
// one space between words (not indentation) before a non-ASCII byte per eight double-byte
// characters.
bool SpacedLikeKorean(std::string_view sample) {
  std::size_t spaced = 0, high = 0;
  for (std::size_t i = 0; i < sample.size(); ++i) {
    const auto b = static_cast<unsigned char>(sample[i]);
    if (b >= 0x80) ++high;
    if (b == ' ' && i > 0 && i + 1 < sample.size() && sample[i - 1] != ' ' &&
        sample[i - 1] != '\n' && static_cast<unsigned char>(sample[i + 1]) >= 0x80)
      ++spaced;
  }
  return spaced > 0 && spaced * 16 >= high;
}

// ICU's detector for what is neither UTF nor CJK (Cyrillic, Greek, Central European code pages),
// else windows-1252, the most common legacy encoding of web text.
bool IsCjkCandidate(std::string_view name) {
  return std::any_of(std::begin(kCjk), std::end(kCjk),
                     [name](const Candidate& c) { return name == c.name; });
}

std::string FallbackEncoding(std::string_view sample) {
  for (const auto& [name, confidence] : Icu().Detect(sample)) {
    if (confidence < kMinConfidence) break;
    // UTF is not possible here, IBM* are EBCDIC, and the CJK ones were weighed and found wanting.
    if (name.rfind("UTF", 0) == 0 || name.rfind("ISO-2022", 0) == 0 || name.rfind("IBM", 0) == 0 ||
        IsCjkCandidate(name))
      continue;
    // Browsers read ISO-8859-1 as windows-1252, its superset.
    if (name == "ISO-8859-1") return "windows-1252";
    if (Icu().Converter(name) != nullptr) return name;
  }
  return "windows-1252";
}

// The first lines of `sample`, about `bytes` long.
std::string_view Head(std::string_view sample, std::size_t bytes) {
  if (sample.size() <= bytes) return sample;
  const std::size_t nl = sample.rfind('\n', bytes);
  return sample.substr(0, nl == std::string_view::npos || nl < bytes / 2 ? bytes : nl + 1);
}

// Whether text that is not valid UTF-8 is UTF-8 with a few bad bytes rather than a legacy
// encoding. The first lines of the sample are enough for legacy text, which is mostly ill-formed.
bool LooksLikeUtf8(std::string_view sample) {
  const std::string_view head = Head(sample, kQuickSampleBytes);
  Utf8Scan scan = ScanUtf8(head);
  if (scan.invalid >= 16 && scan.multibyte < scan.invalid) return false;
  if (head.size() < sample.size()) scan = ScanUtf8(sample);
  return scan.multibyte >= kUtf8Majority * scan.invalid;
}

// The encoding of text that is neither UTF-8 nor UTF-16; returns (reported name, converter name).
std::pair<std::string, std::string> DetectLegacy(std::string_view sample) {
  Plausibility scores[std::size(kCjk)];
  std::size_t best = 0;
  auto score_all = [&](std::string_view text) {
    for (std::size_t i = 0; i < std::size(kCjk); ++i) {
      scores[i] = Score(kCjk[i], text);
      if (scores[i].score > scores[best].score) best = i;
    }
  };
  // Most documents are decided by their first lines; the whole sample is read only when these
  // leave a doubt.
  const std::string_view head = Head(sample, kQuickSampleBytes);
  score_all(head);
  const bool clear = scores[best].score >= kAcceptScore &&
                     std::all_of(std::begin(scores), std::end(scores), [&](const Plausibility& p) {
                       return &p == &scores[best] || p.score <= scores[best].score - kClearMargin;
                     });
  if (clear) return {kCjk[best].name, kCjk[best].converter};
  if (head.size() < sample.size()) score_all(sample);

  // Text whose only non-ASCII characters are punctuation is believed CJK when it decodes cleanly.
  const bool plausible =
      scores[best].score >= kAcceptScore || (scores[best].telling == 0 && scores[best].errors == 0);
  if (!plausible) {
    std::string name = FallbackEncoding(sample);
    return {name, name};
  }
  std::vector<std::size_t> tied;
  for (std::size_t i = 0; i < std::size(kCjk); ++i) {
    if (scores[i].score >= scores[best].score - kTieScore && scores[i].errors == 0)
      tied.push_back(i);
  }
  if (tied.size() <= 1) return {kCjk[best].name, kCjk[best].converter};
  // Korean text also reads as plausible GB2312 and Big5, and Japanese EUC-JP as Big5: ICU's
  // n-gram statistics decide, and on a few characters, where they have no say, the spacing.
  const auto guesses = Icu().Detect(sample);
  auto confidence = [&](std::size_t i) {
    for (const auto& [name, c] : guesses) {
      if (name == kCjk[i].name) return c;
    }
    return 0;
  };
  std::size_t chosen = tied.front();
  bool decided = false;
  for (std::size_t i : tied) {
    decided = decided || confidence(i) != confidence(chosen);
    if (confidence(i) > confidence(chosen)) chosen = i;
  }
  if (!decided && SpacedLikeKorean(sample)) {
    for (std::size_t i : tied) {
      if (kCjk[i].lang == kKorean) chosen = i;
    }
  }
  return {kCjk[chosen].name, kCjk[chosen].converter};
}

// Decodes `bytes` with the ICU converter `converter` into d->text, counting replacements.
// `offset` is where `bytes` start in the document, for d->first_bad.
void Convert(const std::string& converter, std::string_view bytes, std::size_t offset, Decoded* d) {
  ThreadIcu& icu = Icu();
  UConverter* from = icu.Converter(converter);
  if (from == nullptr) from = icu.Converter("windows-1252");
  UConverter* to = icu.Converter("UTF-8");
  ErrorCount& errors = icu.errors();
  errors = ErrorCount{0, kNoOffset, bytes.data()};

  std::string& out = d->text;
  out.resize(bytes.size() + bytes.size() / 2 + 16);  // 2-byte CJK characters take 3 in UTF-8
  char* target = out.data();
  const char* source = bytes.data();
  UChar pivot[4096];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
  bool reset = true;
  while (true) {
    UErrorCode err = U_ZERO_ERROR;
    ucnv_convertEx(to, from, &target, out.data() + out.size(), &source, bytes.data() + bytes.size(),
                   pivot, &pivot_source, &pivot_target, pivot + std::size(pivot), reset, true,
                   &err);
    reset = false;
    if (err != U_BUFFER_OVERFLOW_ERROR) break;
    const std::size_t used = target - out.data();
    out.resize(out.size() * 2);
    target = out.data() + used;
  }
  out.resize(target - out.data());
  d->replaced = errors.count;
  d->first_bad = errors.count ? errors.first + offset : kNoOffset;
}

void RepairUtf8(std::string_view bytes, std::size_t offset, Decoded* d) {
  d->encoding = "UTF-8";
  d->text.reserve(bytes.size() + 16);
  const Utf8Scan scan = ScanUtf8(bytes, &d->text);
  d->replaced = scan.invalid;
  d->first_bad = scan.invalid ? scan.first_invalid + offset : kNoOffset;
}

}  // namespace

bool IsValidUtf8(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    if (p[i] < 0x80) {
      i += AsciiRun(p + i, n - i);
      continue;
    }
    const int len = Utf8Sequence(p + i, n - i);
    if (len < 0) return false;
    i += len;
  }
  return true;
}

Utf8Scan ScanUtf8(std::string_view bytes, std::string* repaired) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  Utf8Scan scan;
  std::size_t i = 0, copied = 0;  // bytes[copied, i) are well-formed and not yet appended
  while (i < n) {
    if (p[i] < 0x80) {
      i += AsciiRun(p + i, n - i);
      continue;
    }
    const int len = Utf8Sequence(p + i, n - i);
    if (len > 0) {
      ++scan.multibyte;
      i += len;
      continue;
    }
    if (scan.invalid++ == 0) scan.first_invalid = i;
    if (repaired != nullptr) {
      repaired->append(bytes.substr(copied, i - copied)).append(kReplacement);
    }
    i += -len;
    copied = i;
  }
  if (repaired != nullptr) repaired->append(bytes.substr(copied));
  return scan;
}

bool LooksLikeUtf16(std::string_view head) {
  return head.substr(0, 2) == "\xFF\xFE" || head.substr(0, 2) == "\xFE\xFF" ||
         GuessUtf16(head) != ByteOrder::kNone;
}

Decoded ToUtf8(std::string bytes) {
  Decoded d;
  const std::string_view view = bytes;
  if (view.substr(0, 3) == "\xEF\xBB\xBF") {
    if (IsValidUtf8(view.substr(3))) {
      d.encoding = "UTF-8";
      bytes.erase(0, 3);
      d.text = std::move(bytes);
    } else {
      RepairUtf8(view.substr(3), 3, &d);
    }
    return d;
  }
  // BOM-less UTF-16 of ASCII text is also valid UTF-8, with a NUL in every other byte.
  const std::string_view head = view.substr(0, kUtf16Head);
  const ByteOrder utf16 =
      head.find('\0') == std::string_view::npos ? ByteOrder::kNone : GuessUtf16(head);
  if (utf16 == ByteOrder::kNone && IsValidUtf8(view)) {
    d.encoding = "UTF-8";
    d.text = std::move(bytes);
    return d;
  }
  if (view.substr(0, 2) == "\xFF\xFE" || view.substr(0, 2) == "\xFE\xFF") {
    d.encoding = view[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    Convert(d.encoding, view.substr(2), 2, &d);
    return d;
  }
  if (utf16 != ByteOrder::kNone) {
    d.encoding = utf16 == ByteOrder::kLittle ? "UTF-16LE" : "UTF-16BE";
    Convert(d.encoding, view, 0, &d);
    return d;
  }
  const std::string sample = Sample(view);
  if (LooksLikeUtf8(sample)) {
    RepairUtf8(view, 0, &d);
    return d;
  }
  auto [name, converter] = DetectLegacy(sample);
  d.encoding = std::move(name);
  Convert(converter, view, 0, &d);
  return d;
}

}  // namespace pith::encoding
