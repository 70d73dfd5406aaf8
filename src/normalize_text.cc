#include "normalize_text.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdlib>
#include <cstring>
#include <map>
#include <unordered_map>

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "char_model.h"
#include "html_residue.h"
#include "mojibake.h"
#include "normalize_pinyin.h"

namespace pith::internal {
namespace {

// What CleanSpaces does with a character.
enum class SpaceKind { kNone, kSpace, kInvisible, kControl };

SpaceKind SpaceKindOf(char32_t c) {
  if (c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
      c == 0x202F || c == 0x205F || c == 0x3000 || c == '\v' || c == '\f') {
    return SpaceKind::kSpace;  // a space other than ASCII's: made one
  }
  if ((c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF) {
    return SpaceKind::kInvisible;  // zero-width: removed
  }
  if ((c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F)) {
    return SpaceKind::kControl;  // removed
  }
  return SpaceKind::kNone;
}

// What a character asks of a line, one bit each; see CharClasses.
enum : std::uint16_t {
  kOddSpace = 1,      // CleanSpaces replaces or removes it (SpaceKindOf)
  kLatinImage = 2,    // Â..ô: may start Latin mojibake
  kGarbleSign = 4,    // rare Han, private use, U+FFFD: may be CJK mojibake
  kHan = 8,
  kUncommon = 16,     // uncommon Han or a non-Han letter: three in four look like mojibake
  kKana = 32,         // kana and Hangul
  kMaybeNotNfc = 64,  // NFC may change text holding it (quick check not "yes", or combining)
  kMaybeNotNfkc = 128,  // the same for NFKC
  kAstral = 256,        // above the BMP: not in the table, checked the slow way
};

// The class bits of every BMP code point, computed once. One byte each, so that the part
// Chinese text uses stays in the first-level cache while ScanLine looks up every character.
const std::vector<std::uint8_t>& CharClasses() {
  static const std::vector<std::uint8_t> table = [] {
    std::vector<std::uint8_t> t(0x10000, 0);
    const CharModel& model = CharModel::Get();
    for (char32_t c = 0; c < 0x10000; ++c) {
      std::uint8_t bits = SpaceKindOf(c) != SpaceKind::kNone ? kOddSpace : 0;
      if (c >= 0xC2 && c <= 0xF4) bits |= kLatinImage;
      if (CharModel::IsHan(c)) {
        bits |= kHan;
        if (model.MinCost(c) >= kRareCost) bits |= kGarbleSign;
        if (model.MinCost(c) >= kUncommonCost) bits |= kUncommon;
      } else if (c >= 0x80 && model.MinCost(c) >= kUncommonCost) {
        // Kana, Cyrillic, Latin letters with accents: in Chinese text, as telling as uncommon
        // Han, where they interrupt it.
        bits |= kUncommon;
      }
      if ((c >= 0xE000 && c <= 0xF8FF) || c == 0xFFFD) bits |= kGarbleSign;
      if ((c >= 0x3040 && c <= 0x30FF) || (c >= 0xAC00 && c <= 0xD7AF)) bits |= kKana;
      t[c] = bits;
    }
// The characters NFC (or NFKC) may change: quick check not "yes", or combining. ICU builds
    // the sets from its property data far faster than it answers for each code point; should
    // it fail, every character is left to ICU's own check, slower but never wrong.
    for (const auto& [pattern, bit] : {std::pair{u"[[:^NFC_QC=Y:][:^ccc=0:]]", kMaybeNotNfc},
                                       std::pair{u"[[:^NFKC_QC=Y:][:^ccc=0:]]", kMaybeNotNfkc}}) {
      UErrorCode status = U_ZERO_ERROR;
      const icu::UnicodeSet set(icu::UnicodeString(pattern), status);
      if (U_FAILURE(status)) {
        for (std::uint8_t& bits : t) bits |= bit;
        continue;
      }
      for (std::int32_t r = 0; r < set.getRangeCount(); ++r) {
        const UChar32 end = std::min<UChar32>(set.getRangeEnd(r), 0xFFFF);
        for (UChar32 c = set.getRangeStart(r); c <= end; ++c) t[static_cast<std::size_t>(c)] |= bit;
      }
    }
    return t;
  }();
  return table;
}

// What a line needs, found in one pass over its bytes.
struct LineScan {
  std::uint16_t seen = 0;  // class bits of all its characters
  bool untrimmed = false;      // leading or trailing spaces or tabs
  bool ascii_control = false;  // ASCII control characters other than the tab
  bool entity = false;
  bool tag = false;
  bool paren = false;
  bool garbled = false;  // signs of CJK mojibake
  int han = 0;
  int kana = 0;

  // Characters CleanSpaces replaces or removes.
  bool OddSpaces() const {
    return ascii_control || (seen & kOddSpace) != 0;
  }
  bool Whitespace() const { return untrimmed || OddSpaces(); }
  bool Latin() const { return (seen & kLatinImage) != 0; }
};

// True when none of the eight bytes at `p` needs a look from ScanLine away from Han: all are
// ASCII, none is a control character, '&', '<' or '('. Each test is exact for the whole word
// ("Bit Twiddling Hacks": haszero, hasless).
bool PlainAscii8(const unsigned char* p) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
  std::uint64_t w = 0;
  std::memcpy(&w, p, sizeof w);
  if ((w & kHighs) != 0) return false;  // from here on every byte is below 0x80
  const auto has_zero = [&](std::uint64_t v) { return ((v - kOnes) & ~v & kHighs) != 0; };
  const bool control = ((w - 0x20 * kOnes) & ~w & kHighs) != 0 ||  // a byte below 0x20
                       ((w + kOnes) & kHighs) != 0;                 // 0x7F, the only one to carry
  return !control && !has_zero(w ^ ('&' * kOnes)) && !has_zero(w ^ ('<' * kOnes)) &&
         !has_zero(w ^ ('(' * kOnes));
}

// PlainAscii8's test for sixteen bytes at once, in a vector of the width every x86-64 CPU has
// (GCC's vector extension, compiled to what each target has). As signed bytes, those from 0x80 up
// are negative: one comparison takes them with the control characters.
bool PlainAscii16(const unsigned char* p) {
  using Bytes = signed char __attribute__((vector_size(16)));
  Bytes v;
  std::memcpy(&v, p, sizeof v);
  const Bytes asks = (v < 0x20) | (v == 0x7F) | (v == '&') | (v == '<') | (v == '(');
  std::uint64_t halves[2];
  std::memcpy(halves, &asks, sizeof halves);
  return (halves[0] | halves[1]) == 0;
}

// What an ASCII byte asks of a line, one bit each.
enum : std::uint8_t { kAsciiControl = 1, kAmpersand = 2, kLessThan = 4, kOpenParen = 8 };
constexpr std::array<std::uint8_t, 0x80> kAsciiFlags = [] {
  std::array<std::uint8_t, 0x80> flags{};
  for (int b = 0; b < 0x20; ++b) flags[b] = b == '\t' ? 0 : kAsciiControl;
  flags[0x7F] = kAsciiControl;
  flags['&'] = kAmpersand;
  flags['<'] = kLessThan;
  flags['('] = kOpenParen;
  return flags;
}();

LineScan ScanLine(std::string_view line) {
  const std::uint8_t* classes = CharClasses().data();
  // Accumulated in locals, not in the returned struct: stores to it could alias the bytes read
  // through `p`, and the compiler would keep it in memory.
  std::uint8_t ascii = 0;
  std::uint16_t seen = 0;
  bool garbled = false;
  int han = 0, kana = 0;
  bool after_han = false;
  // One bit per character, the newest in bit 0: uncommon or not. Three in the last four make
  // the line garbled; kThreeOfFour has bit k set for the four-bit windows k with three or more.
  unsigned uncommon = 0;
  constexpr unsigned kThreeOfFour = 1U << 0b0111 | 1U << 0b1011 | 1U << 0b1101 | 1U << 0b1110 |
                                    1U << 0b1111;
  const auto* p = reinterpret_cast<const unsigned char*>(line.data());
  const auto size = static_cast<std::int32_t>(line.size());
  // After eight bytes that were not plain, byte by byte up to here: retrying at every byte would
  // cost more than it saves.
  std::int32_t bytewise_until = 0;
  // The code point of the three-byte sequence at p[k].
  const auto three_bytes = [p](std::int32_t k) {
    return ((p[k] & 0x0F) << 12) | ((p[k + 1] & 0x3F) << 6) | (p[k + 2] & 0x3F);
  };
  for (std::int32_t i = 0; i < size;) {
    const unsigned char b = p[i];
    if (b < 0x80) {
      ++i;
      ascii |= kAsciiFlags[b];
      // A '?' between a Han character and ASCII punctuation or letters ("重點?!", "當?shù)") is
      // where a decoder lost a byte; a question mark ends a clause or stands before Han.
      garbled |= b == '?' && after_han && i < size && p[i] > ' ' && p[i] < 0x7F;
      after_han = false;
      uncommon <<= 1;
      // The rest of an ASCII run, most of English text, sixteen and then eight bytes at a time
      // while they ask for nothing (a '?' counts only right after Han).
      if (i >= bytewise_until) {
        while (i + 16 <= size && PlainAscii16(p + i)) {
          i += 16;
          uncommon <<= 16;
        }
        while (i + 8 <= size && PlainAscii8(p + i)) {
          i += 8;
          uncommon <<= 8;
        }
        bytewise_until = i + 8;
      }
      continue;
    }
    UChar32 c = 0;
    if ((b & 0xF0) == 0xE0 && i + 2 < size) {
      // Three bytes, the bulk of Chinese text: decoded without the general macro's checks (text
      // reaching a stage is valid UTF-8; a broken sequence only gets a wrong class here).
      c = three_bytes(i);
      i += 3;
      if (classes[c] == kHan) {
        // A run of common Han characters, most of Chinese text, asks only for its length: each
        // shifts a 0 into `uncommon`, which never makes three in four where there were none. The
        // run ends at the first character of another class, which the general path takes. Two
        // characters are decoded from one word while both are three bytes long.
        const auto han_at = [&](std::uint64_t w) {
          return classes[ThreeByteCodePoint(w)] == kHan;
        };
        std::int32_t run = 1;
        while (true) {
          if (i + 8 <= size) {
            std::uint64_t w = 0;
            std::memcpy(&w, p + i, sizeof w);
            if constexpr (std::endian::native == std::endian::big) w = __builtin_bswap64(w);
            if ((w & 0xC0C0F0C0C0F0ULL) == 0x8080E08080E0ULL && han_at(w)) {
              const bool second = han_at(w >> 24);
              i += second ? 6 : 3;
              run += second ? 2 : 1;
              if (second) continue;
            }
            break;
          }
          if (i + 2 < size && (p[i] & 0xF0) == 0xE0 && classes[three_bytes(i)] == kHan) {
            i += 3;
            ++run;
            continue;
          }
          break;
        }
        seen |= kHan;
        uncommon <<= run < 32 ? run : 31;
        after_han = true;
        han += run;
        continue;
      }
    } else {
      U8_NEXT(line.data(), i, size, c);
      if (c < 0) c = 0xFFFD;
    }
    std::uint16_t bits = 0;
    if (c < 0x10000) {
      bits = classes[c];
    } else {
      bits = kAstral | (CharModel::IsHan(static_cast<char32_t>(c)) ? kHan : 0);
    }
    seen |= bits;
    // Letters of other alphabets count only where they interrupt Han: words of their own are
    // no sign of damage.
    const bool odd = (bits & kUncommon) != 0 && ((bits & kHan) != 0 || after_han);
    uncommon = uncommon << 1 | static_cast<unsigned>(odd);
    garbled |= ((kThreeOfFour >> (uncommon & 0xF)) & 1) != 0;
    after_han = (bits & kHan) != 0;
    han += after_han;
    kana += (bits & kKana) != 0;
  }
  LineScan scan;
  scan.seen = seen;
  scan.untrimmed = !line.empty() && (line.front() == ' ' || line.front() == '\t' ||
                                     line.back() == ' ' || line.back() == '\t');
  scan.ascii_control = (ascii & kAsciiControl) != 0;
  scan.entity = (ascii & kAmpersand) != 0;
  scan.tag = (ascii & kLessThan) != 0;
  scan.paren = (ascii & kOpenParen) != 0;
  scan.garbled = garbled || (seen & kGarbleSign) != 0;
  scan.han = han;
  scan.kana = kana;
  return scan;
}

// Spaces other than ASCII's made ASCII spaces, invisible and control characters removed; into
// `out` (cleared first).
void CleanSpaces(std::string_view line, std::string* out, NormalizeReport* report) {
  const auto& classes = CharClasses();
  out->clear();
  std::size_t copied = 0;
  for (std::int32_t i = 0; i < static_cast<std::int32_t>(line.size());) {
    const auto start = static_cast<std::size_t>(i);
    const char32_t c = DecodeNext(line, &i);
    if (c >= 0x10000 || (classes[c] & kOddSpace) == 0) continue;
    out->append(line, copied, start - copied);
    copied = static_cast<std::size_t>(i);
    switch (SpaceKindOf(c)) {
      case SpaceKind::kSpace:
        out->push_back(' ');
        ++report->spaces;
        break;
      case SpaceKind::kInvisible:
        ++report->invisible;
        break;
      default:
        ++report->controls;
    }
  }
  out->append(line, copied);
}

// Indentation and trailing spaces removed.
void Trim(std::string* line, NormalizeReport* report) {
  const std::size_t first = line->find_first_not_of(" \t");
  const std::size_t last = line->find_last_not_of(" \t");
  if (first == std::string::npos) {
    if (!line->empty()) ++report->trimmed;
    line->clear();
  } else if (first > 0 || last + 1 < line->size()) {
    ++report->trimmed;
    line->erase(last + 1);
    line->erase(0, first);
  }
}

// Repairs that need no more than the line; `line` holds the result.
void RepairLine(std::string* line, const LineScan& scan, bool pinyin_artifacts,
                std::string* scratch, NormalizeReport* report) {
  if (scan.entity) report->entities += DecodeHtmlEntities(line);
  if (scan.tag || scan.entity) report->html_tags += RemoveHtmlTags(line);
  if (scan.paren && pinyin_artifacts) report->pinyin += RemovePinyinAnnotations(line);
  // The other repairs only remove characters, but a decoded reference may be a space to clean.
  if (scan.OddSpaces() || scan.entity) {
    CleanSpaces(*line, scratch, report);
    line->swap(*scratch);
  }
  Trim(line, report);
}

// Gains, in nats, that make a realignment a repair: a strong one on its own, a weak one when the
// document already has a strong one (the damage came from one cause).
constexpr double kStrongGain = 12.0;
constexpr double kWeakGain = 3.0;
// Longer lines are not searched: the search keeps a path per character.
constexpr std::size_t kMaxRealignChars = 20000;
// Japanese or Korean rather than Chinese: a few kana or Hangul syllables, and more than one per
// five Han characters. Mojibake of Chinese shows a kana now and then (GBK rows A4 and A5 hold
// them), Japanese text more kana than Han.
bool MostlyKana(int kana, int han) { return kana >= 3 && kana * 5 > han; }
// Text whose Han characters fill less than a quarter of its bytes is not Chinese.
constexpr std::size_t kMinHanShare = 4;

}  // namespace

LineSigns ScanLineSigns(std::string_view line) {
  const LineScan scan = ScanLine(line);
  return {scan.han, scan.kana, scan.garbled};
}

std::vector<std::pair<const char*, int>> NormalizeReport::Counts() const {
  std::vector<std::pair<const char*, int>> counts;
  for (const auto& [name, value] :
       {std::pair{"html_tags", html_tags}, {"entities", entities}, {"pinyin", pinyin},
        {"spaces", spaces}, {"invisible", invisible}, {"controls", controls},
        {"trimmed", trimmed}, {"unicode", unicode}, {"mojibake_repaired", mojibake_repaired},
        {"script", script}}) {
    if (value != 0) counts.emplace_back(name, value);
  }
  return counts;
}

struct TextNormalizer::Impl {
  NormalizeOptions options;
  const icu::Normalizer2* normalizer = nullptr;
  std::string transliterator_id;  // "" for no script conversion

  // Repairs CJK and Latin mojibake line by line; `lines` holds each line's range in `text`,
  // `pinyin` the annotations of `text`. A repaired line goes to `repaired` and is marked in
  // `changed`.
  void RepairMojibake(std::string_view text, const std::vector<std::string_view>& lines,
                      const PinyinScan& pinyin, std::vector<LineScan>* scans,
                      std::vector<std::string>* repaired, std::vector<bool>* changed,
                      bool known_mojibake, NormalizeReport* report) const;
  void NormalizeUnicode(std::string* text, NormalizeReport* report) const;
  void ConvertScript(std::string* text, NormalizeReport* report) const;
};

TextNormalizer::TextNormalizer(const NormalizeOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  UErrorCode status = U_ZERO_ERROR;
  impl->normalizer = options.nfkc ? icu::Normalizer2::getNFKCInstance(status)
                                  : icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) {
    throw ConfigError(std::string("normalize: ICU normalization data missing: ") +
                      u_errorName(status));
  }
  if (options.to_script == "hans") {
    impl->transliterator_id = "Hant-Hans";
  } else if (options.to_script == "hant") {
    impl->transliterator_id = "Hans-Hant";
  } else if (!options.to_script.empty()) {
    throw ConfigError("normalize: --to: expected hans or hant, got \"" + options.to_script + "\"");
  }
  if (!impl->transliterator_id.empty()) {
    // Fail at setup, not per document, when ICU lacks the transliterator.
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        icu::UnicodeString::fromUTF8(impl->transliterator_id), UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !t) {
      throw ConfigError("normalize: ICU transliterator " + impl->transliterator_id +
                        " unavailable: " + u_errorName(status));
    }
  }
  // Every document needs the character classes: built with the normalizer, not by the first
  // document, so that a pipeline builds them alongside its other stages' setup.
  CharClasses();
  impl_ = std::move(impl);
}

TextNormalizer::~TextNormalizer() = default;

void TextNormalizer::Impl::RepairMojibake(std::string_view text,
                                          const std::vector<std::string_view>& lines,
                                          const PinyinScan& pinyin, std::vector<LineScan>* scans,
                                          std::vector<std::string>* repaired,
                                          std::vector<bool>* changed, bool known_mojibake,
                                          NormalizeReport* report) const {
  bool garbled = false;
  int han = 0, kana = 0;
  for (const LineScan& s : *scans) {
    garbled |= s.garbled;
    han += s.han;
    kana += s.kana;
  }
  std::vector<int> mojibake_lines;
  // Latin first: it needs nothing from the rest of the document.
  for (std::size_t n = 0; n < lines.size(); ++n) {
    if (!(*scans)[n].Latin() || !options.repair_mojibake) continue;
    std::string line(lines[n]);
    if (const int count = RepairLatinMojibake(&line); count > 0) {
      report->mojibake_repaired += count;
      (*repaired)[n] = std::move(line);
      (*changed)[n] = true;
      mojibake_lines.push_back(static_cast<int>(n));
    }
  }
  // CJK repair is for Chinese text. Japanese and Korean text uses Han characters Chinese rarely
  // does (mojibake of Chinese shows a few kana, Japanese text a great many), and text in other
  // scripts has too little Han to judge by.
  const bool chinese = !MostlyKana(kana, han) &&
                       static_cast<std::size_t>(han) * 3 >= text.size() / kMinHanShare;
  if (garbled && chinese) {
    MojibakeContext context;
    const DocumentProfile profile(text);
    context.script = profile.script;
    context.annotations = &pinyin.chars_by_syllable;
    context.familiar = &profile.familiar;
    context.bigrams = &profile.bigrams;
    struct Candidate {
      std::size_t line;
      std::u32string text;       // after UTF-8-as-GBK repair
      std::u32string realigned;  // after realignment too, when it gained kWeakGain
      double gain;
      int spans;
    };
    std::vector<Candidate> candidates;
    std::vector<std::pair<std::size_t, int>> replacement_only;
    bool strong = false;
    // Documents repeat lines (titles, captions, whole paragraphs), and what the repairs make of a
    // line depends only on its text and the document: each distinct line is repaired once.
    std::unordered_map<std::u32string, std::size_t> first_candidate;  // text → its candidate
    for (std::size_t n = 0; n < lines.size(); ++n) {
      const LineScan& scan = (*scans)[n];
      if (!scan.garbled || MostlyKana(scan.kana, scan.han)) continue;
      std::u32string text = ToU32((*changed)[n] ? std::string_view((*repaired)[n]) : lines[n]);
      if (const auto it = first_candidate.find(text); it != first_candidate.end()) {
        Candidate repeat = candidates[it->second];
        repeat.line = n;
        candidates.push_back(std::move(repeat));
        continue;
      }
      if (!LooksGarbled(text)) continue;
      first_candidate.emplace(text, candidates.size());
      Candidate candidate{n, std::move(text), {}, 0, 0};
      if (options.repair_mojibake) {
        candidate.spans = RepairUtf8ReadAsGbk(&candidate.text, context);
        if (candidate.spans > 0) strong = true;
        if (candidate.text.size() <= kMaxRealignChars) {
          if (auto realigned = RealignDoubleByte(candidate.text, context)) {
            if (realigned->gain >= kWeakGain) {
              candidate.realigned = std::move(realigned->text);
              candidate.gain = realigned->gain;
              strong |= candidate.gain >= kStrongGain;
            }
          }
        }
      }
      candidates.push_back(std::move(candidate));
    }
    for (Candidate& c : candidates) {
      // A weak realignment in a document without strong evidence is not applied; a
      // UTF-8-as-GBK repair made before it stands.
      const bool realigned = c.gain >= kStrongGain || (strong && c.gain >= kWeakGain);
      const std::u32string_view final_text = realigned ? c.realigned : c.text;
      const int spans = c.spans + (realigned ? 1 : 0);
      const int garbled_chars = CountGarbled(final_text, context);
      if (spans == 0 && garbled_chars == 0) continue;
      if (spans == 0 && garbled_chars ==
                            std::count(final_text.begin(), final_text.end(), U'\uFFFD')) {
        // Replacement characters alone say bytes were lost somewhere, not that the text was
        // decoded wrongly; they count only in a document with mojibake of its own.
        replacement_only.emplace_back(c.line, garbled_chars);
        continue;
      }
      report->mojibake_chars += garbled_chars;
      report->mojibake_repaired += spans;
      mojibake_lines.push_back(static_cast<int>(c.line));
      if (spans > 0) {
        (*repaired)[c.line] = ToUtf8(final_text);
        (*changed)[c.line] = true;
      }
    }
    if (known_mojibake || !mojibake_lines.empty()) {
      for (const auto& [line, count] : replacement_only) {
        report->mojibake_chars += count;
        mojibake_lines.push_back(static_cast<int>(line));
      }
    }
  }
  std::sort(mojibake_lines.begin(), mojibake_lines.end());
  mojibake_lines.erase(std::unique(mojibake_lines.begin(), mojibake_lines.end()),
                       mojibake_lines.end());
  for (int n : mojibake_lines) {
    report->mojibake_lines.push_back(n + 1);
    if ((*changed)[n]) (*scans)[n] = ScanLine((*repaired)[n]);
  }
}

void TextNormalizer::Impl::NormalizeUnicode(std::string* text, NormalizeReport* report) const {
  UErrorCode status = U_ZERO_ERROR;
  if (normalizer->isNormalizedUTF8(*text, status) || U_FAILURE(status)) return;
  // Line by line, so that the count says how many lines changed.
  std::string out;
  out.reserve(text->size());
  std::size_t begin = 0;
  while (begin <= text->size()) {
    const std::size_t end = std::min(text->find('\n', begin), text->size());
    const std::string_view line(text->data() + begin, end - begin);
    status = U_ZERO_ERROR;
    if (normalizer->isNormalizedUTF8(line, status)) {
      out.append(line);
    } else {
      icu::StringByteSink<std::string> sink(&out);
      status = U_ZERO_ERROR;
      normalizer->normalizeUTF8(0, line, sink, nullptr, status);
      ++report->unicode;
    }
    if (end == text->size()) break;
    out.push_back('\n');
    begin = end + 1;
  }
  text->swap(out);
}

void TextNormalizer::Impl::ConvertScript(std::string* text, NormalizeReport* report) const {
  // Transliterators are costly to build and not thread-safe to share: one per thread and id.
  thread_local std::map<std::string, std::unique_ptr<icu::Transliterator>> cache;
  std::unique_ptr<icu::Transliterator>& t = cache[transliterator_id];
  if (!t) {
    UErrorCode status = U_ZERO_ERROR;
    t.reset(icu::Transliterator::createInstance(icu::UnicodeString::fromUTF8(transliterator_id),
                                                UTRANS_FORWARD, status));
    if (U_FAILURE(status)) {
      t.reset();
      return;
    }
  }
  icu::UnicodeString before = icu::UnicodeString::fromUTF8(*text);
  icu::UnicodeString after = before;
  t->transliterate(after);
  if (after == before) return;
  const int32_t n = std::min(before.length(), after.length());
  for (int32_t i = 0; i < n; ++i) report->script += before[i] != after[i];
  report->script += std::abs(before.length() - after.length());
  text->clear();
  after.toUTF8String(*text);
}

void TextNormalizer::Normalize(std::string* text, bool known_mojibake,
                               NormalizeReport* report) const {
  const Impl& impl = *impl_;
  // Line ranges and what each needs, in one pass.
  std::vector<std::string_view> lines;
  std::vector<LineScan> scans;
  bool any_work = false, any_mojibake_sign = false, any_paren = false;
  std::uint16_t seen = 0;
  for (std::size_t begin = 0;;) {
    const std::size_t end = std::min(text->find('\n', begin), text->size());
    lines.emplace_back(text->data() + begin, end - begin);
    scans.push_back(ScanLine(lines.back()));
    const LineScan& scan = scans.back();
    seen |= scan.seen;
    any_work |= scan.Whitespace() || scan.entity || scan.tag || scan.Latin() || scan.garbled;
    any_mojibake_sign |= scan.Latin() || scan.garbled;
    any_paren |= scans.back().paren;
    if (end == text->size()) break;
    begin = end + 1;
  }
  // Without a '(' there are no annotations to find.
  PinyinScan pinyin;
  if (any_paren) pinyin = ScanPinyinAnnotations(*text);
  bool pinyin_artifacts = pinyin.count >= kMinPinyinArtifacts;
  any_work |= pinyin_artifacts;
  std::string out;
  if (any_work) {
    std::vector<std::string> repaired(lines.size());
    std::vector<bool> changed(lines.size(), false);
    if (any_mojibake_sign) {
      impl.RepairMojibake(*text, lines, pinyin, &scans, &repaired, &changed, known_mojibake,
                          report);
      // A repair can bring back the character an annotation followed (掳l(fā) → 發(fā)), so
      // count the annotations again on the repaired lines; otherwise a second run would remove
      // what the first left.
      if (!pinyin_artifacts && std::find(changed.begin(), changed.end(), true) != changed.end()) {
        int count = 0;
        for (std::size_t n = 0; n < lines.size(); ++n) {
          if (changed[n]) scans[n].paren |= repaired[n].find('(') != std::string::npos;
          if (scans[n].paren) count += ScanPinyinAnnotations(changed[n] ? repaired[n] : lines[n]).count;
        }
        pinyin_artifacts = count >= kMinPinyinArtifacts;
      }
    }
    out.reserve(text->size());
    std::string line, scratch;
    // What the repaired text holds, for NormalizeUnicode below. The repairs of RepairLine only
    // remove characters or make ASCII spaces, except decoded references, whose lines are scanned
    // again; RepairMojibake scanned again the lines it changed.
    seen = 0;
    for (std::size_t n = 0; n < lines.size(); ++n) {
      if (n > 0) out.push_back('\n');
      const LineScan& scan = scans[n];
      if (!scan.Whitespace() && !scan.entity && !scan.tag && !(scan.paren && pinyin_artifacts) &&
          !changed[n]) {
        out.append(lines[n]);
        seen |= scan.seen;
        continue;
      }
      // Assigned, not built anew, so that the line's buffer is reused from line to line.
      if (changed[n]) line = repaired[n];
      else line.assign(lines[n]);
      RepairLine(&line, scans[n], pinyin_artifacts, &scratch, report);
      out.append(line);
      seen |= scan.entity ? ScanLine(line).seen : scan.seen;
    }
    text->swap(out);
  }
  // Most text holds no character that NFC (or NFKC) could change: then ICU need not look.
  if ((seen & (kAstral | (impl.options.nfkc ? kMaybeNotNfkc : kMaybeNotNfc))) != 0) {
    impl.NormalizeUnicode(text, report);
  }
  if (!impl.transliterator_id.empty()) impl.ConvertScript(text, report);
}

}  // namespace pith::internal
