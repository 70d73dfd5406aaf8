#include "pith/document.h"

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include "document_scan.h"
#include "json_message.h"
#include "pith/error.h"

namespace pith {
namespace {

constexpr std::array<std::string_view, 6> kLabelNames = {"body", "title", "meta",
                                                         "spam", "chrome", "notice"};

// The fields Document types; everything else goes to `extra`.
enum class Field { kId, kSource, kText, kMetadata, kLines, kMetaLines, kFlags, kSignals, kOther };

Field FieldOf(std::string_view key, std::string_view text_field, std::string_view id_field) {
  if (key == id_field) return Field::kId;
  if (key == text_field) return Field::kText;
  if (key == "source") return Field::kSource;
  if (key == "metadata") return Field::kMetadata;
  if (key == "lines") return Field::kLines;
  if (key == "meta_lines") return Field::kMetaLines;
  if (key == "flags") return Field::kFlags;
  if (key == "signals") return Field::kSignals;
  return Field::kOther;
}

// Length of the valid UTF-8 sequence at p (p < end), or 0 if it is invalid: overlong forms,
// surrogates and code points above U+10FFFF are invalid, as in RFC 3629.
inline std::size_t Utf8SequenceLength(const unsigned char* p, const unsigned char* end) {
  const unsigned c = p[0];
  if (c < 0x80) return 1;
  const std::size_t left = static_cast<std::size_t>(end - p);
  auto cont = [p](std::size_t k) { return (p[k] & 0xC0) == 0x80; };
  if (c < 0xC2) return 0;
  if (c < 0xE0) return left >= 2 && cont(1) ? 2 : 0;
  if (c < 0xF0) {
    if (left < 3 || !cont(1) || !cont(2)) return 0;
    if (c == 0xE0 && p[1] < 0xA0) return 0;  // overlong
    if (c == 0xED && p[1] > 0x9F) return 0;  // surrogate
    return 3;
  }
  if (c > 0xF4 || left < 4 || !cont(1) || !cont(2) || !cont(3)) return 0;
  if (c == 0xF0 && p[1] < 0x90) return 0;  // overlong
  if (c == 0xF4 && p[1] > 0x8F) return 0;  // above U+10FFFF
  return 4;
}

// A mask with the high bit set in each of the 8 bytes of `x` that is non-ASCII, a control
// character, '"' or '\\'. A borrow may also mark a byte above a marked one, never below, so the
// lowest mark is exact.
inline std::uint64_t SpecialBytes(std::uint64_t x) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  auto has_zero = [](std::uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  const std::uint64_t below_space = (x - 0x20 * kOnes) & ~x & kHigh;
  return (x & kHigh) | below_space | has_zero(x ^ ('"' * kOnes)) | has_zero(x ^ ('\\' * kOnes));
}

#if defined(__x86_64__)
// SSE2 is part of every x86-64 CPU, so no flag or run-time check is needed for it; AVX2 doubles
// the block and is used where the CPU has it.
namespace sse2 {
using Bytes = std::int8_t __attribute__((vector_size(16)));
std::uint32_t Mask(Bytes a) { return static_cast<std::uint32_t>(_mm_movemask_epi8(__m128i(a))); }
// The bytes `k` places before each byte of block `b`, whose previous block is `prev`.
template <int k>
Bytes Before(Bytes b, Bytes prev) {
  return Bytes(_mm_or_si128(_mm_slli_si128(__m128i(b), k), _mm_srli_si128(__m128i(prev), 16 - k)));
}
#include "plain_blocks.inc"
}  // namespace sse2

// GCC's pragma compiles what follows for AVX2 without the flag for the whole file (Clang has no
// such pragma: there the narrow blocks do all the work).
#if !defined(__clang__)
#define PITH_AVX2_BLOCKS 1
#pragma GCC push_options
#pragma GCC target("avx2")
namespace avx2 {
using Bytes = std::int8_t __attribute__((vector_size(32)));
std::uint32_t Mask(Bytes a) { return static_cast<std::uint32_t>(_mm256_movemask_epi8(__m256i(a))); }
// AVX2 moves bytes within each 16-byte half only; the halves before b's are [prev's high, b's low].
template <int k>
Bytes Before(Bytes b, Bytes prev) {
  const __m256i halves_before = _mm256_permute2x128_si256(__m256i(prev), __m256i(b), 0x21);
  return Bytes(_mm256_alignr_epi8(__m256i(b), halves_before, 16 - k));
}
using Table = std::uint8_t __attribute__((vector_size(32)));
// The shuffle looks up within each 16-byte half: the table is in both.
Table Lookup16(Table indices, const std::uint8_t (&table)[16]) {
  const __m128i half = _mm_loadu_si128(reinterpret_cast<const __m128i*>(table));
  return Table(_mm256_shuffle_epi8(_mm256_broadcastsi128_si256(half), __m256i(indices)));
}
Table SubSaturated(Table a, std::uint8_t b) {
  return Table(_mm256_subs_epu8(__m256i(a), _mm256_set1_epi8(static_cast<char>(b))));
}
#define PITH_BLOCK_LOOKUP 1
#include "plain_blocks.inc"
#undef PITH_BLOCK_LOOKUP
}  // namespace avx2
#pragma GCC pop_options
#endif

const unsigned char* SkipPlainBlocks(const unsigned char* u, const unsigned char* end) {
#if defined(PITH_AVX2_BLOCKS)
  static const bool has_avx2 = __builtin_cpu_supports("avx2");
  // What the wide blocks leave (under 32 bytes, or from a block that is not plain) the narrow
  // ones take on: they stop at the same byte.
  if (has_avx2) {
    u = avx2::SkipPlainBlocks(u, end);
    // A special byte where the blocks stop is the first one: everything before it is plain. The
    // narrow blocks would check a block of 16 before finding it again.
    if (u != end && (*u < 0x20 || *u == '"' || *u == '\\')) return u;
  }
#endif
  return sse2::SkipPlainBlocks(u, end);
}
#endif

// The first byte at or after p that a JSON string cannot hold as it is: '"', '\\', a control
// character, or the start of an invalid UTF-8 sequence; `end` if there is none. Both reading
// and writing go through here: it is the loop every byte of every text passes, so ASCII is
// skipped eight bytes at a time and runs of multi-byte characters (CJK) without going back to
// the ASCII test.
const char* SkipPlain(const char* p, const char* end) {
  auto u = reinterpret_cast<const unsigned char*>(p);
  const auto uend = reinterpret_cast<const unsigned char*>(end);
#if defined(__x86_64__)
  u = SkipPlainBlocks(u, uend);
#endif
  while (true) {
    while (uend - u >= 8) {
      std::uint64_t x;
      std::memcpy(&x, u, 8);
      const std::uint64_t special = SpecialBytes(x);
      if (special != 0) {
        // Straight to the first special byte; elsewhere the loop below walks to it.
        if constexpr (std::endian::native == std::endian::little) u += std::countr_zero(special) / 8;
        break;
      }
      u += 8;
    }
    while (u != uend && *u < 0x80 && *u >= 0x20 && *u != '"' && *u != '\\') ++u;
    if (u == uend || *u < 0x80) break;
    do {
      // Most CJK: a lead byte E1-EC or EE-EF and two continuation bytes, with no further check;
      // two such characters are tested at once.
      if (uend - u >= 8) {
        std::uint64_t x;
        std::memcpy(&x, u, 8);
        const unsigned n0 = x & 0x0F, n3 = (x >> 24) & 0x0F;
        if ((x & 0xC0C0F0C0C0F0ULL) == 0x8080E08080E0ULL && n0 != 0 && n0 != 0x0D && n3 != 0 &&
            n3 != 0x0D) {
          u += 6;
          continue;
        }
      }
      const unsigned lead = *u;
      if (lead >= 0xE1 && lead != 0xED && lead <= 0xEF && uend - u >= 3) {
        std::uint16_t tail;
        std::memcpy(&tail, u + 1, 2);
        if ((tail & 0xC0C0) == 0x8080) {
          u += 3;
          continue;
        }
      }
      const std::size_t len = Utf8SequenceLength(u, uend);
      if (len == 0) return reinterpret_cast<const char*>(u);
      u += len;
    } while (u != uend && *u >= 0x80);
  }
  return reinterpret_cast<const char*>(u);
}

// Writes `s` as a JSON string: the short escapes JSON has, \u00XX for other control
// characters, U+FFFD for each byte that is not part of valid UTF-8, everything else as it is
// (the form nlohmann/json and Python's json.dumps(ensure_ascii=False) write).
void AppendJsonString(std::string_view s, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  const char* p = s.data();
  const char* const end = p + s.size();
  while (true) {
    const char* stop = SkipPlain(p, end);
    out->append(p, stop);
    if (stop == end) break;
    const auto c = static_cast<unsigned char>(*stop);
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      default:
        if (c < 0x20) {
          out->append("\\u00");
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 15]);
        } else {
          out->append("\xEF\xBF\xBD");  // invalid UTF-8 byte
        }
    }
    p = stop + 1;
  }
  out->push_back('"');
}

void AppendJson(const Json& value, std::string* out) {
  out->append(value.dump(-1, ' ', false, Json::error_handler_t::replace));
}

void AppendLines(const std::vector<LineLabel>& lines, std::string* out) {
  out->push_back('[');
  bool first = true;
  for (const LineLabel& l : lines) {
    if (!first) out->push_back(',');
    first = false;
    out->append("{\"n\":");
    out->append(std::to_string(l.n));
    out->append(",\"label\":\"");
    out->append(LabelName(l.label));
    out->append("\"");
    if (!l.rule.empty()) {
      out->append(",\"rule\":");
      AppendJsonString(l.rule, out);
    }
    if (!l.text.empty()) {
      out->append(",\"text\":");
      AppendJsonString(l.text, out);
    }
    out->push_back('}');
  }
  out->push_back(']');
}

void AppendStrings(const std::vector<std::string>& items, std::string* out) {
  out->push_back('[');
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out->push_back(',');
    AppendJsonString(items[i], out);
  }
  out->push_back(']');
}

// Appends `"key":value` for one known field; returns false when the field is to be omitted.
bool AppendKnown(const Document& doc, Field field, bool present_in_input, std::string* out,
                 bool* first) {
  auto key = [&](std::string_view k) {
    if (!*first) out->push_back(',');
    *first = false;
    AppendJsonString(k, out);
    out->push_back(':');
  };
  switch (field) {
    case Field::kId: key("id"); AppendJsonString(doc.id, out); return true;
    case Field::kSource:
      if (doc.source.empty() && !present_in_input) return false;
      key("source"); AppendJsonString(doc.source, out); return true;
    case Field::kText: key("text"); AppendJsonString(doc.text, out); return true;
    case Field::kMetadata:
      if (doc.metadata.empty() && !present_in_input) return false;
      key("metadata"); AppendJson(doc.metadata, out); return true;
    case Field::kLines:
      if (doc.lines.empty() && !present_in_input) return false;
      key("lines"); AppendLines(doc.lines, out); return true;
    case Field::kMetaLines:
      // Consumed by extract: once empty it disappears from the record.
      if (doc.meta_lines.empty()) return false;
      key("meta_lines"); AppendLines(doc.meta_lines, out); return true;
    case Field::kFlags:
      if (doc.flags.empty() && !present_in_input) return false;
      key("flags"); AppendStrings(doc.flags, out); return true;
    case Field::kSignals:
      if (doc.signals.empty() && !present_in_input) return false;
      key("signals"); AppendJson(doc.signals, out); return true;
    case Field::kOther: return false;
  }
  return false;
}

void ParseLines(const Json& value, const std::string& key, std::vector<LineLabel>* out) {
  if (!value.is_array()) throw InputError("field \"" + key + "\" is not an array");
  for (const Json& l : value) {
    if (!l.is_object() || !l.contains("n") || !l["n"].is_number_integer() || !l.contains("label") ||
        !l["label"].is_string())
      throw InputError("field \"" + key + "\" has an entry without integer n and string label");
    auto label = ParseLabel(l["label"].get<std::string>());
    if (!label) throw InputError("field \"" + key + "\" has unknown label " + l["label"].dump());
    LineLabel ll{l["n"].get<int>(), *label, "", ""};
    if (auto it = l.find("rule"); it != l.end() && it->is_string()) ll.rule = it->get<std::string>();
    if (auto it = l.find("text"); it != l.end() && it->is_string()) ll.text = it->get<std::string>();
    out->push_back(std::move(ll));
  }
}

// Stores one field of an input record in `doc` and notes its place in field_order. Both
// readers go through here, so they agree on what every field means. Throws InputError.
void AssignField(const std::string& key, Field field, Json&& value, Document* doc, bool* has_text) {
  doc->field_order.push_back(field == Field::kId ? "id" : field == Field::kText ? "text" : key);
  switch (field) {
    case Field::kId:
      if (value.is_string()) doc->id = std::move(value.get_ref<std::string&>());
      else if (value.is_number_integer()) doc->id = value.dump();
      else if (!value.is_null()) throw InputError("field \"" + key + "\" is not a string");
      break;
    case Field::kText:
      if (!value.is_string()) throw InputError("field \"" + key + "\" is not a string");
      doc->text = std::move(value.get_ref<std::string&>());
      *has_text = true;
      break;
    case Field::kSource:
      if (value.is_string()) doc->source = std::move(value.get_ref<std::string&>());
      else doc->extra[key] = std::move(value);
      break;
    case Field::kMetadata:
      if (value.is_object()) doc->metadata = std::move(value);
      else doc->extra[key] = std::move(value);
      break;
    case Field::kLines:
      ParseLines(value, key, &doc->lines);
      break;
    case Field::kMetaLines:
      ParseLines(value, key, &doc->meta_lines);
      break;
    case Field::kFlags:
      if (!value.is_array()) throw InputError("field \"flags\" is not an array");
      for (const Json& f : value) {
        if (f.is_string()) doc->AddFlag(f.get<std::string>());
      }
      break;
    case Field::kSignals:
      if (value.is_object()) doc->signals = std::move(value);
      else doc->extra[key] = std::move(value);
      break;
    case Field::kOther: doc->extra[key] = std::move(value); break;
  }
}

// A cursor over one JSON line for ScanRecord. Every method returns false where the line is not
// what the scanner reads, and the scan gives up.
class Scanner {
 public:
  explicit Scanner(std::string_view json) : p_(json.data()), end_(json.data() + json.size()) {}

  void SkipSpace() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
  }
  bool AtEnd() const { return p_ == end_; }
  // Consumes `c` (after white space) if it is next.
  bool Take(char c) {
    SkipSpace();
    if (p_ == end_ || *p_ != c) return false;
    ++p_;
    return true;
  }
  bool Peek(char c) {
    SkipSpace();
    return p_ != end_ && *p_ == c;
  }

  // Reads the string starting at the opening quote into *out. `reserve`: make room for the rest
  // of the line at once (for the text, which is most of it), not by doubling as it grows.
  bool String(std::string* out, bool reserve = false) {
    ++p_;  // the opening quote
    out->clear();
    if (reserve) out->reserve(static_cast<std::size_t>(end_ - p_));
    while (true) {
      const char* stop = SkipPlain(p_, end_);
      out->append(p_, stop);
      p_ = stop;
      if (p_ == end_ || *p_ != '\\') break;
      ++p_;
      if (!Escape(out)) return false;
    }
    if (p_ == end_ || *p_ != '"') return false;  // a control character or invalid UTF-8
    ++p_;
    return true;
  }

  // Reads an array of line labels, [{"n":1,"label":"title","rule":"r","text":"t"},...], the
  // shape strip writes, appending to *out what ParseLines would. Anything else ParseLines might
  // read differently (another key, a repeated one, an n that is not a small non-negative
  // integer, a rule that is not a string) returns false, for the nlohmann/json path.
  bool Lines(std::vector<LineLabel>* out) {
    if (!Take('[')) return false;
    if (Take(']')) return true;
    std::string key, label;
    do {
      if (!Take('{')) return false;
      LineLabel line;
      bool has_n = false, has_label = false, has_rule = false, has_text = false;
      do {
        if (!Peek('"') || !String(&key) || !Take(':')) return false;
        if (key == "n" && !has_n) {
          if (!SmallNumber(&line.n)) return false;
          has_n = true;
          continue;
        }
        // The other keys hold strings.
        if (!Peek('"')) return false;
        if (key == "label" && !has_label) {
          if (!String(&label)) return false;
          const std::optional<Label> parsed = ParseLabel(label);
          if (!parsed) return false;
          line.label = *parsed;
          has_label = true;
        } else if (key == "rule" && !has_rule) {
          if (!String(&line.rule)) return false;
          has_rule = true;
        } else if (key == "text" && !has_text) {
          if (!String(&line.text)) return false;
          has_text = true;
        } else {
          return false;
        }
      } while (Take(','));
      if (!Take('}') || !has_n || !has_label) return false;
      out->push_back(std::move(line));
    } while (Take(','));
    return Take(']');
  }

  // Skips a value that is not a string (number, literal, object, array) and returns its text.
  bool RawValue(std::string_view* out) {
    SkipSpace();
    const char* start = p_;
    if (p_ != end_ && (*p_ == '{' || *p_ == '[')) {
      int depth = 0;
      do {
        const char c = *p_++;
        if (c == '{' || c == '[') {
          ++depth;
        } else if (c == '}' || c == ']') {
          --depth;
        } else if (c == '"') {
          while (p_ != end_ && *p_ != '"') p_ += (*p_ == '\\' && end_ - p_ > 1) ? 2 : 1;
          if (p_ == end_) return false;
          ++p_;
        }
      } while (depth > 0 && p_ != end_);
      if (depth != 0) return false;
    } else {
      while (p_ != end_ && *p_ != ',' && *p_ != '}' && *p_ != ']' && *p_ != ' ' && *p_ != '\t' &&
             *p_ != '\n' && *p_ != '\r')
        ++p_;
    }
    *out = std::string_view(start, static_cast<std::size_t>(p_ - start));
    return !out->empty();
  }

 private:
  // After a backslash: appends what the escape stands for.
  bool Escape(std::string* out) {
    if (p_ == end_) return false;
    const char c = *p_++;
    switch (c) {
      case '"': out->push_back('"'); return true;
      case '\\': out->push_back('\\'); return true;
      case '/': out->push_back('/'); return true;
      case 'b': out->push_back('\b'); return true;
      case 'f': out->push_back('\f'); return true;
      case 'n': out->push_back('\n'); return true;
      case 'r': out->push_back('\r'); return true;
      case 't': out->push_back('\t'); return true;
      case 'u': break;
      default: return false;
    }
    std::uint32_t cp;
    if (!Hex4(&cp)) return false;
    if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a low surrogate first
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      std::uint32_t low;
      if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
      p_ += 2;
      if (!Hex4(&low) || low < 0xDC00 || low > 0xDFFF) return false;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    AppendUtf8(cp, out);
    return true;
  }

  bool Hex4(std::uint32_t* cp) {
    if (end_ - p_ < 4) return false;
    *cp = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = *p_++;
      std::uint32_t digit;
      if (c >= '0' && c <= '9') digit = static_cast<std::uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f') digit = static_cast<std::uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') digit = static_cast<std::uint32_t>(c - 'A' + 10);
      else return false;
      *cp = *cp << 4 | digit;
    }
    return true;
  }

  static void AppendUtf8(std::uint32_t cp, std::string* out) {
    if (cp < 0x80) {
      out->push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out->push_back(static_cast<char>(0xC0 | cp >> 6));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out->push_back(static_cast<char>(0xE0 | cp >> 12));
      out->push_back(static_cast<char>(0x80 | (cp >> 6 & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out->push_back(static_cast<char>(0xF0 | cp >> 18));
      out->push_back(static_cast<char>(0x80 | (cp >> 12 & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp >> 6 & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }

  // An integer of at most nine digits, which an int holds whatever the digits. A fraction or an
  // exponent after it leaves the scanner where the caller's Take(',') or Take('}') fails.
  bool SmallNumber(int* n) {
    SkipSpace();
    constexpr int kMaxDigits = 9;
    const char* const start = p_;
    int value = 0;
    while (p_ != end_ && *p_ >= '0' && *p_ <= '9') {
      if (p_ - start == kMaxDigits) return false;
      value = value * 10 + (*p_++ - '0');
    }
    // JSON writes no leading zeros: "01" is not a number.
    if (p_ == start || (*start == '0' && p_ - start > 1)) return false;
    *n = value;
    return true;
  }

  const char* p_;
  const char* const end_;
};

}  // namespace

namespace internal {

bool ScanRecord(std::string_view json, std::string_view text_field, std::string_view id_field,
                Document* doc) {
  Scanner in(json);
  if (!in.Take('{')) return false;
  bool has_text = false, has_id = false;
  std::string key, value;
  if (!in.Peek('}')) {
    do {
      if (!in.Peek('"') || !in.String(&key) || !in.Take(':')) return false;
      const Field field = FieldOf(key, text_field, id_field);
      // A repeated key: nlohmann/json keeps the last value at the first place; leave it to it.
      bool& seen_typed = field == Field::kId ? has_id : has_text;
      if (field == Field::kId || field == Field::kText) {
        if (seen_typed) return false;
      } else {
        for (const std::string& k : doc->field_order) {
          if (k == key) return false;
        }
      }
      if (in.Peek('"')) {
        // The common case, strings into the typed fields, without a Json value in between.
        std::string* target = field == Field::kId     ? &doc->id
                              : field == Field::kText   ? &doc->text
                              : field == Field::kSource ? &doc->source
                                                        : nullptr;
        if (target != nullptr) {
          if (!in.String(target, field == Field::kText)) return false;
          doc->field_order.push_back(field == Field::kId ? "id" : field == Field::kText ? "text" : key);
          seen_typed = seen_typed || field == Field::kId || field == Field::kText;
          continue;
        }
        if (!in.String(&value)) return false;
        try {
          AssignField(key, field, Json(std::move(value)), doc, &has_text);
        } catch (const InputError&) {
          return false;  // reported by the nlohmann path, with the same message
        }
        continue;
      }
      if (field == Field::kLines || field == Field::kMetaLines) {
        // Arrays of small objects, which nlohmann/json would build a Json value for each of.
        if (!in.Lines(field == Field::kLines ? &doc->lines : &doc->meta_lines)) return false;
        doc->field_order.push_back(key);
        continue;
      }
      std::string_view raw;
      if (!in.RawValue(&raw)) return false;
      try {
        AssignField(key, field, Json::parse(raw), doc, &has_text);
      } catch (const std::exception&) {
        return false;
      }
      if (field == Field::kId) has_id = true;
    } while (in.Take(','));
  }
  if (!in.Take('}')) return false;
  in.SkipSpace();
  return in.AtEnd() && has_text;
}

}  // namespace internal

std::string_view LabelName(Label label) { return kLabelNames[static_cast<int>(label)]; }

std::optional<Label> ParseLabel(std::string_view name) {
  for (std::size_t i = 0; i < kLabelNames.size(); ++i) {
    if (kLabelNames[i] == name) return static_cast<Label>(i);
  }
  return std::nullopt;
}

void Document::AddFlag(std::string_view flag) {
  if (!HasFlag(flag)) flags.emplace_back(flag);
}

bool Document::HasFlag(std::string_view flag) const {
  for (const auto& f : flags) {
    if (f == flag) return true;
  }
  return false;
}

namespace internal {

std::string ParseErrorMessage(std::string_view message) {
  constexpr std::size_t kMaxQuoted = 80;
  constexpr std::string_view kLastRead = "last read: '";
  const std::size_t at = message.find(kLastRead);
  if (at == std::string_view::npos) return std::string(message);
  const std::size_t start = at + kLastRead.size();
  // The token ends at the quote before "; expected ...", if the message goes on, or at the end.
  std::size_t end = message.rfind("'; expected");
  if (end == std::string_view::npos || end < start) end = message.size() - 1;
  if (end <= start || end - start <= kMaxQuoted) return std::string(message);
  std::size_t cut = start + kMaxQuoted;
  while (cut > start && (static_cast<unsigned char>(message[cut]) & 0xC0) == 0x80) --cut;
  return std::string(message.substr(0, cut)) + "..." + std::string(message.substr(end));
}

}  // namespace internal

Document DocumentFromJson(std::string_view json, std::string_view text_field,
                          std::string_view id_field) {
  {
    Document doc;
    if (internal::ScanRecord(json, text_field, id_field, &doc)) return doc;
  }
  Json j;
  try {
    j = Json::parse(json);
  } catch (const Json::exception& e) {
    throw InputError("not JSON: " + internal::ParseErrorMessage(e.what()));
  }
  if (!j.is_object()) throw InputError("not a JSON object");
  Document doc;
  bool has_text = false;
  for (auto it = j.begin(); it != j.end(); ++it) {
    AssignField(it.key(), FieldOf(it.key(), text_field, id_field), std::move(it.value()), &doc,
                &has_text);
  }
  if (!has_text) throw InputError("no \"" + std::string(text_field) + "\" field");
  return doc;
}

void AppendJsonLine(const Document& doc, std::string* out) {
  // Room for the text and a few escapes, so that the output does not grow by copies.
  out->reserve(out->size() + doc.text.size() + doc.text.size() / 16 + 256);
  out->push_back('{');
  bool first = true;
  constexpr int kKnown = static_cast<int>(Field::kOther);
  bool present[kKnown] = {};
  for (const std::string& key : doc.field_order) {
    const Field field = FieldOf(key, "text", "id");
    if (field != Field::kOther && !doc.extra.contains(key)) present[static_cast<int>(field)] = true;
  }
  // A known field the input lacked goes just before the first known field of the input that
  // comes after it in the canonical order (or at the end). Adding fields one stage at a time
  // then gives the same order as adding them all in one process: `clean` equals the chain.
  int next_missing = 0;
  auto emit_missing_before = [&](int rank) {
    for (; next_missing < rank; ++next_missing) {
      if (!present[next_missing]) {
        AppendKnown(doc, static_cast<Field>(next_missing), /*present_in_input=*/false, out, &first);
      }
    }
  };
  for (const std::string& key : doc.field_order) {
    const Field field = FieldOf(key, "text", "id");
    if (field != Field::kOther && !doc.extra.contains(key)) {
      emit_missing_before(static_cast<int>(field));
      AppendKnown(doc, field, /*present_in_input=*/true, out, &first);
    } else if (auto it = doc.extra.find(key); it != doc.extra.end()) {
      if (!first) out->push_back(',');
      first = false;
      AppendJsonString(key, out);
      out->push_back(':');
      AppendJson(*it, out);
    }
  }
  emit_missing_before(kKnown);
  // Fields added to `extra` after parsing (by a stage) have no place in field_order.
  for (auto it = doc.extra.begin(); it != doc.extra.end(); ++it) {
    bool listed = false;
    for (const std::string& key : doc.field_order) listed = listed || key == it.key();
    if (listed) continue;
    if (!first) out->push_back(',');
    first = false;
    AppendJsonString(it.key(), out);
    out->push_back(':');
    AppendJson(*it, out);
  }
  out->push_back('}');
}

std::string ToJsonLine(const Document& doc) {
  std::string out;
  AppendJsonLine(doc, &out);
  return out;
}

}  // namespace pith
