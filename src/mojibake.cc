#include "mojibake.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cmath>
#include <cstring>
#include <memory>
#include <vector>

#include <unicode/ucnv.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "normalize_pinyin.h"

namespace pith::internal {
namespace {

// ---------------------------------------------------------------------------------------------
// Latin: UTF-8 read as windows-1252.

// windows-1252's 0x80-0x9F; 0 marks the five undefined bytes, which Latin-1 decoders pass on as
// the C1 control of the same value.
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// The byte windows-1252 (or Latin-1) shows as `c`, or -1.
int Cp1252Byte(char32_t c) {
  if (c >= 0xA0 && c <= 0xFF) return static_cast<int>(c);
  if (c >= 0x80 && c <= 0x9F) return kCp1252High[c - 0x80] == 0 ? static_cast<int>(c) : -1;
  for (int i = 0; i < 32; ++i) {
    if (kCp1252High[i] != 0 && kCp1252High[i] == c) return 0x80 + i;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// Double-byte codecs as tables, built once from ICU's converters.

constexpr int kWild = 256;  // a byte the first decoder lost

class DoubleByteCodec {
 public:
  explicit DoubleByteCodec(const char* icu_name)
      : pairs_(kLeadRows * kTrailColumns, 0),
        pair_costs_{std::vector<float>(pairs_.size()), std::vector<float>(pairs_.size())},
        pair_alphabets_(pairs_.size()),
        encode_(0x10000, 0) {
    single_.fill(0);
    lead_.fill(false);
    trail_.fill(false);
    for (int b = 0; b < 0x80; ++b) single_[b] = static_cast<char32_t>(b);
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, decltype(&ucnv_close)> cnv(ucnv_open(icu_name, &status),
                                                           &ucnv_close);
    if (U_FAILURE(status)) return;  // the tables stay empty: this codec never repairs anything
    ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    for (int b = 0x80; b <= 0xFF; ++b) {
      const char32_t c = DecodeByte(cnv.get(), static_cast<char>(b));
      if (c != 0) single_[b] = c;
    }
    for (int lead = 0x81; lead <= 0xFE; ++lead) {
      const std::array<char32_t, kTrails> row = DecodeRow(cnv.get(), lead);
      for (int trail = kFirstTrail; trail < kFirstTrail + kTrails; ++trail) {
        const char32_t c = row[static_cast<std::size_t>(trail - kFirstTrail)];
        if (c == 0) continue;
        pairs_[PairIndex(lead, trail)] = static_cast<char16_t>(c);
        lead_[lead] = trail_[trail] = true;
        // A character with two codes keeps the first.
        if (encode_[c] == 0) encode_[c] = static_cast<std::uint16_t>(lead << 8 | trail);
      }
    }
    for (int b = 0x80; b <= 0xFF; ++b) {
      if (single_[b] != 0 && encode_[single_[b]] == 0) {
        encode_[single_[b]] = static_cast<std::uint16_t>(b);
      }
    }
    const CharModel& model = CharModel::Get();
    for (std::size_t i = 0; i < pairs_.size(); ++i) {
      if (pairs_[i] == 0) continue;
      pair_costs_[0][i] = model.Cost(pairs_[i], Script::kSimplified);
      pair_costs_[1][i] = model.Cost(pairs_[i], Script::kTraditional);
      pair_alphabets_[i] = static_cast<std::uint8_t>(CharModel::Alphabet(pairs_[i]));
    }
  }

  // What a pair decodes to, with the character's CharModel::Cost in the script and its
  // CharModel::Alphabet, for CharModel::CostAfter; c is 0 when the pair decodes to nothing.
  struct Decoded {
    char32_t c;
    float cost;
    int alphabet;
  };
  Decoded Pair(int lead, int trail, Script script) const {
    if (static_cast<unsigned>(lead - kFirstLead) >= kLeadRows ||
        static_cast<unsigned>(trail - kFirstTrail) >= kTrailColumns) {
      return {0, 0, 0};
    }
    // Three loads that do not wait for one another, where looking the cost up by the character
    // waited for the character.
    const std::size_t i = PairIndex(lead, trail);
    return {pairs_[i], pair_costs_[script == Script::kSimplified ? 0 : 1][i], pair_alphabets_[i]};
  }
  char32_t Single(int b) const { return single_[b]; }
  bool IsLead(int b) const { return lead_[b]; }
  bool IsTrail(int b) const { return trail_[b]; }

  // Writes the bytes of `c` to `out` and returns their number (1 or 2), or 0 when the codec has
  // no bytes for it.
  int Encode(char32_t c, int out[2]) const {
    if (c < 0x80) {
      out[0] = static_cast<int>(c);
      return 1;
    }
    const std::uint16_t code = c < encode_.size() ? encode_[c] : 0;
    if (code == 0) return 0;
    if (code < 0x100) {
      out[0] = code;
      return 1;
    }
    out[0] = code >> 8;
    out[1] = code & 0xFF;
    return 2;
  }

 private:
  static constexpr int kFirstTrail = 0x40;
  static constexpr int kTrails = 0xFE - kFirstTrail + 1;
  // The table of pairs covers leads 80..FF and trails 40..FF, where all pairs of both codecs
  // lie: a quarter of a table of every byte pair, and the search looks pairs up at every step.
  static constexpr int kFirstLead = 0x80;
  static constexpr unsigned kLeadRows = 0x80;
  static constexpr unsigned kTrailColumns = 0x100 - kFirstTrail;

  static std::size_t PairIndex(int lead, int trail) {
    return static_cast<std::size_t>(lead - kFirstLead) * kTrailColumns +
           static_cast<std::size_t>(trail - kFirstTrail);
  }

  // The one BMP code point the byte `b` decodes to alone, or 0.
  static char32_t DecodeByte(UConverter* cnv, char b) {
    UChar dest[4];
    UErrorCode status = U_ZERO_ERROR;
    const std::int32_t n = ucnv_toUChars(cnv, dest, 4, &b, 1, &status);
    return U_SUCCESS(status) && n == 1 && Keepable(dest[0]) ? dest[0] : 0;
  }

  // A unit the tables keep: a BMP code point, neither U+FFFD nor the SUB character.
  static bool Keepable(UChar unit) {
    return !U16_IS_SURROGATE(unit) && unit != 0xFFFD && unit != 0x1A;
  }

  // The one BMP code point each pair lead,trail decodes to alone, or 0, by trail - kFirstTrail:
  // one conversion of the whole row, as one per pair costs a hundred times more. The codecs keep
  // no state between characters, so a pair decodes in the row as it does alone; a pair that
  // fails stops the conversion, which resumes after it. Offsets tell which pair each output
  // unit came from.
  static std::array<char32_t, kTrails> DecodeRow(UConverter* cnv, int lead) {
    std::array<char32_t, kTrails> row{};
    char src[2 * kTrails];
    for (int k = 0; k < kTrails; ++k) {
      src[2 * k] = static_cast<char>(lead);
      src[2 * k + 1] = static_cast<char>(kFirstTrail + k);
    }
    UChar dest[2 * kTrails];
    std::int32_t offsets[2 * kTrails];
    for (int first = 0; first < kTrails;) {
      ucnv_resetToUnicode(cnv);
      const char* source = src + 2 * first;
      UChar* target = dest;
      UErrorCode status = U_ZERO_ERROR;
      ucnv_toUnicode(cnv, &target, dest + 2 * kTrails, &source, src + 2 * kTrails, offsets, true,
                     &status);
      // The pair that failed: its lead byte, at least, was consumed.
      const int failed =
          U_FAILURE(status) ? first + static_cast<int>((source - (src + 2 * first) - 1) / 2)
                            : kTrails;
      const auto units = static_cast<int>(target - dest);
      for (int u = 0; u < units;) {
        const int pair = first + offsets[u] / 2;
        int end = u + 1;
        while (end < units && first + offsets[end] / 2 == pair) ++end;
        if (pair < failed && end - u == 1 && Keepable(dest[u])) {
          row[static_cast<std::size_t>(pair)] = dest[u];
        }
        u = end;
      }
      first = failed + 1;
    }
    return row;
  }

  // What each pair decodes to, by PairIndex; 0 for nothing. Decoding yields only BMP code points.
  std::vector<char16_t> pairs_;
  // By PairIndex: the cost of each pair's character, simplified then traditional, and its
  // alphabet.
  std::array<std::vector<float>, 2> pair_costs_;
  std::vector<std::uint8_t> pair_alphabets_;
  std::array<char32_t, 256> single_;
  std::array<bool, 256> lead_;
  std::array<bool, 256> trail_;
  // The bytes of each BMP code point, as one byte or lead << 8 | trail; 0 for none. Decoding
  // yields only BMP code points, so nothing above it has bytes.
  std::vector<std::uint16_t> encode_;
};

const DoubleByteCodec& Gbk() {
  static const DoubleByteCodec codec("windows-936");
  return codec;
}

const DoubleByteCodec& Big5() {
  static const DoubleByteCodec codec("windows-950");
  return codec;
}

// ---------------------------------------------------------------------------------------------
// Realignment: a Viterbi search over the ways to read a line back as bytes and decode them again.

// Costs in nats, next to the character model's: a guessed byte costs about as much as an
// uncommon character, a dropped byte more than a rare one, so that clean text never gains.
constexpr double kGuessPenalty = 6.0;
constexpr double kOrphanPenalty = 14.0;
constexpr double kFullwidthPenalty = 1.0;
// A '?' glued to what is left of a tag ("?/p>") or of an annotation ("?shù)") is damage itself:
// reading it literally costs extra.
constexpr double kDamagedLiteralPenalty = 9.0;
// "?/p>" more so: text never glues a question mark to the rest of a closing tag.
constexpr double kSwallowedTagPenalty = 14.0;
// Repeated marks ("。。", "。、") are implausible; an open quotation prefers its closing mark.
constexpr double kRepeatPenalty = 8.0;
constexpr double kQuotePreference = 2.0;
constexpr double kFullwidthAlnumPenalty = 4.0;
constexpr double kDocumentBigramBonus = 4.0;
// What a guess costs when no pair fits: more than any that does.
constexpr double kNoGuess = 1e9;
// Above any path's cost; and a difference of costs far above the rounding of their sums.
constexpr double kNoCost = 1e300;
constexpr double kCostMargin = 1e-6;

bool IsCjkMark(char32_t c) {
  return (c >= 0x3001 && c <= 0x3011) || (c >= 0xFF01 && c <= 0xFF0F) || c == U'“' || c == U'”' ||
         c == U'‘' || c == U'’' || c == U'…' || c == U'—';
}

bool IsClosingMark(char32_t c) {
  return std::u32string_view(U"”’」』）》】〉").find(c) != std::u32string_view::npos;
}

bool IsFullwidthAlnum(char32_t c) {
  return c >= 0xFF10 && c <= 0xFF5A && std::isalnum(static_cast<int>(c - 0xFEE0));
}

// The pairs a lost byte may complete, for Realigner::Guess: for each byte that was kept (a lead
// whose trail was lost, or a trail whose lead was lost) and each script, the pairs it makes with
// every byte, ordered by a bound below any cost Guess can give their character, smallest first,
// then by byte. Guess stops where the bound passes the best cost found: of some 150 pairs it
// costs about 20. The tables take under 1 MB a codec, built on the first realignment.
class GuessOrder {
 public:
  using Candidate = BoundedByte;  // its byte is the lost one

  explicit GuessOrder(const DoubleByteCodec& codec) {
    const CharModel& model = CharModel::Get();
    for (const Script script : {Script::kSimplified, Script::kTraditional}) {
      const int s = script == Script::kSimplified ? 0 : 1;
      // Guess's cost less every bonus it can give and plus the penalties it always gives, with
      // the character before at its most favourable. Rounded down to a float.
      const auto bound = [&](char32_t c) {
        double least = model.LeastCost(c, script);
        if (IsFullwidthAlnum(c)) least += kFullwidthAlnumPenalty;
        if (CharModel::IsHan(c)) least -= kDocumentBigramBonus;
        if (c == U'“' || c == U'”') least -= kQuotePreference;
        float rounded = static_cast<float>(least);
        if (rounded > least) rounded = std::nextafter(rounded, -1e30f);
        return rounded;
      };
      const auto add = [&](std::vector<Candidate>* to, char32_t c, int byte) {
        if (c != 0) to->push_back({bound(c), static_cast<std::uint8_t>(byte)});
      };
      for (int kept = 0; kept < 256; ++kept) {
        std::vector<Candidate>& after = by_lead_[s][kept];
        std::vector<Candidate>& before = by_trail_[s][kept];
        for (int b = 0x40; b <= 0xFE; ++b) {
          add(&after, codec.Pair(kept, b, script).c, b);
          // As the first decoder saw them, a lost lead is one of 81..FE.
          if (b >= 0x81) add(&before, codec.Pair(b, kept, script).c, b);
        }
        for (std::vector<Candidate>* list : {&after, &before}) {
          std::sort(list->begin(), list->end(), [](const Candidate& x, const Candidate& y) {
            return x.bound != y.bound ? x.bound < y.bound : x.byte < y.byte;
          });
        }
      }
    }
  }

  // The pairs for lead `lead` whose trail was lost, or when `lead` is kWild, for trail `trail`
  // whose lead was lost.
  const std::vector<Candidate>& Of(int lead, int trail, Script script) const {
    const int s = script == Script::kSimplified ? 0 : 1;
    return lead == kWild ? by_trail_[s][static_cast<std::size_t>(trail)]
                         : by_lead_[s][static_cast<std::size_t>(lead)];
  }

 private:
  std::array<std::array<std::vector<Candidate>, 256>, 2> by_lead_, by_trail_;
};

enum class TokenKind {
  kChar,            // one character, read back as its bytes
  kQuestion,        // '?': itself, a fullwidth '？' folded to ASCII, or a lost byte
  kLostBeforeTag,   // '?' that swallowed the '<' of the tag after it
  kLostWithPinyin,  // "?syllable)": a lost byte that swallowed the '(' of an annotation
  kAnnotation,      // "(syllable)" after a character: not part of the byte stream
};

struct Token {
  TokenKind kind;
  std::size_t begin, end;  // range in the line
  std::u32string_view syllable;
  int open_quotes;  // “ minus ” before the token: which quotation mark a guess should be
  // Far from any sign of damage: read as it stands, in step (see RealignDoubleByte).
  bool settled = false;
};

std::vector<Token> Tokenize(std::u32string_view line) {
  std::vector<Token> tokens;
  int open_quotes = 0;
  for (std::size_t i = 0; i < line.size();) {
    const char32_t c = line[i];
    Token t{TokenKind::kChar, i, i + 1, {}, open_quotes};
    if ((c == '(' && i > 0) || c == '?') {
      const std::size_t syllable = PinyinSyllableLength(line.substr(i + 1));
      if (syllable > 0 && i + 1 + syllable < line.size() && line[i + 1 + syllable] == ')') {
        t.kind = c == '(' ? TokenKind::kAnnotation : TokenKind::kLostWithPinyin;
        t.syllable = line.substr(i + 1, syllable);
        t.end = i + syllable + 2;
      } else if (c == '?') {
        t.kind = TokenKind::kQuestion;
        if (i + 2 < line.size() && line[i + 1] == '/') {
          std::size_t j = i + 2;
          while (j < line.size() && line[j] >= 'a' && line[j] <= 'z') ++j;
          if (j > i + 2 && j < line.size() && line[j] == '>') t.kind = TokenKind::kLostBeforeTag;
        }
      }
    }
    if (c == U'“') ++open_quotes;
    if (c == U'”' && open_quotes > 0) --open_quotes;
    tokens.push_back(t);
    i = t.end;
  }
  return tokens;
}

// What `token` costs read as it stands.
double LiteralCost(std::u32string_view line, const Token& token, const CharModel& model,
                   Script script) {
  double cost = 0;
  if (token.kind == TokenKind::kAnnotation) return 0;
  for (std::size_t i = token.begin; i < token.end; ++i) {
    cost += model.Cost(line[i], i > 0 ? line[i - 1] : 0, script);
  }
  if (token.kind == TokenKind::kLostBeforeTag) cost += kSwallowedTagPenalty;
  if (token.kind == TokenKind::kLostWithPinyin) cost += kDamagedLiteralPenalty;
  return cost;
}

// One way to read a token back as bytes.
struct Reading {
  int bytes[2];
  int count;
  double penalty;
};

// The output of the search, kept as a tree of characters so that paths share their prefixes.
struct Piece {
  int parent;
  char32_t c;
};

// Sixteen bytes, so that a state passes in registers: the character a path emitted last is the
// one of its last piece (Realigner::LastChar).
struct State {
  double cost;
  int piece;  // last piece of this path's output, -1 for none
  // -1: in step; 0-255: a lead byte waiting for its trail; kWild: a lost lead byte.
  std::int16_t pending;
  std::int16_t last_byte;  // the byte fed last, for annotations that straddle two characters
};

// The search's working memory, kept from one search to the next so that a line's searches
// allocate it once.
struct SearchBuffers {
  std::vector<Piece> pieces;
  std::vector<State> states, next;
};

class Realigner {
 public:
  Realigner(const DoubleByteCodec& codec, const GuessOrder& guesses,
            const MojibakeContext& context, std::u32string_view line, SearchBuffers* buffers)
      : codec_(codec),
        guesses_(guesses),
        context_(context),
        model_(CharModel::Get()),
        line_(line),
        pieces_(buffers->pieces),
        states_(buffers->states),
        next_(buffers->next) {}

  // The best reading of the line, made of `tokens`, against `identity`, the cost of the line as
  // it stands; nullopt as soon as every path costs more than `give_up_above`. No step lowers a
  // path's cost (every character costs more than nothing, a guess's bonuses are below its
  // penalty), so such a path only ever loses to the reading that set the bound.
  std::optional<LineRepair> Run(const std::vector<Token>& tokens, double identity,
                                double give_up_above) {
    pieces_.clear();
    states_.assign(1, {0.0, -1, -1, -1});
    std::vector<State>& states = states_;
    for (const Token& token : tokens) {
      token_ = &token;
      if (token.settled) {
        // The paths go on in step, from the cheapest once each has dropped its pending byte.
        if (states.size() > 1 || states[0].pending >= 0) {
          next_.clear();
          for (const State& state : states) Keep(Flush(state));
          states.swap(next_);
        }
        State& state = states[0];
        const std::u32string_view text = line_.substr(token.begin, token.end - token.begin);
        state = token.kind == TokenKind::kAnnotation
                    ? Emit(state, text, 0)
                    : Emit(state, text[0], Cost(text[0], LastChar(state)));
        if (state.cost > give_up_above) return std::nullopt;
        continue;
      }
      next_.clear();
      in_step_cost_ = kNoCost;
      for (const State& state : states) {
        if (state.pending < 0) in_step_cost_ = state.cost;
      }
      for (const State& state : states) Advance(state, token);
      if (next_.empty()) return std::nullopt;  // a token no codec reading fits
      states.swap(next_);
      if (std::all_of(states.begin(), states.end(),
                      [&](const State& s) { return s.cost > give_up_above; })) {
        return std::nullopt;
      }
    }
    next_.clear();
    for (const State& state : states) Keep(Flush(state));
    const State* best = &next_[0];
    for (const State& s : next_) {
      if (s.cost < best->cost) best = &s;
    }
    LineRepair repair;
    repair.gain = identity - best->cost;
    for (int p = best->piece; p >= 0; p = pieces_[static_cast<std::size_t>(p)].parent) {
      repair.text.push_back(pieces_[static_cast<std::size_t>(p)].c);
    }
    std::reverse(repair.text.begin(), repair.text.end());
    if (repair.text == line_) return std::nullopt;
    for (char32_t c : repair.text) repair.unrepaired += c == 0xFFFD;
    return repair;
  }

 private:
  double Cost(char32_t c, char32_t previous) const {
    return model_.Cost(c, previous, context_.script);
  }

  double LiteralCost(const Token& token) const {
    return internal::LiteralCost(line_, token, model_, context_.script);
  }

  // The character `state`'s path emitted last, 0 for none.
  char32_t LastChar(const State& state) const {
    return state.piece < 0 ? 0 : pieces_[static_cast<std::size_t>(state.piece)].c;
  }

  // Adds `c` to the path of `state`.
  State Emit(State state, char32_t c, double cost) {
    pieces_.push_back({state.piece, c});
    state.piece = static_cast<int>(pieces_.size()) - 1;
    state.cost += cost;
    return state;
  }
  State Emit(State state, std::u32string_view text, double cost) {
    for (char32_t c : text) {
      pieces_.push_back({state.piece, c});
      state.piece = static_cast<int>(pieces_.size()) - 1;
    }
    state.cost += cost;
    return state;
  }

  // Keeps the cheapest state per pending byte.
  void Keep(const State& state) {
    for (State& s : next_) {
      if (s.pending == state.pending) {
        if (state.cost < s.cost) s = state;
        return;
      }
    }
    next_.push_back(state);
  }

  // Drops a pending byte: what it belonged to is lost.
  State Flush(State state) {
    if (state.pending < 0) return state;
    state.pending = -1;
    return Emit(state, U'\uFFFD', kOrphanPenalty);
  }

  // The most plausible character for a pair with one lost byte, given the other.
  std::pair<char32_t, double> Guess(int lead, int trail, const State& state) const {
    // What the candidates' checks need of the character before, worked out once.
    const char32_t last = LastChar(state);
    const bool open_mark_before = IsCjkMark(last) && !IsClosingMark(last);
    const bool han_before = context_.bigrams != nullptr && CharModel::IsHan(last);
    const auto pair_with = [&](int b) {
      return lead == kWild ? codec_.Pair(b, trail, context_.script)
                           : codec_.Pair(lead, b, context_.script);
    };
    const auto [byte, cost] = CheapestByBound(
        guesses_.Of(lead, trail, context_.script), kNoGuess, [&](int b, double best_cost) {
          const DoubleByteCodec::Decoded pair = pair_with(b);
          const char32_t c = pair.c;
          double cost = model_.CostAfter(pair.cost, pair.alphabet, last);
          // Two marks in a row are implausible unless one closes something ("。”", "”。").
          if (open_mark_before && IsCjkMark(c) && !IsClosingMark(c)) cost += kRepeatPenalty;
          // Chinese text written in GBK or Big5 uses ASCII digits and letters far more often
          // than their fullwidth forms, which cost like ASCII only so that NFKC-folded text
          // scores alike.
          if (IsFullwidthAlnum(c)) cost += kFullwidthAlnumPenalty;
          // The document's bigrams are pairs of Han characters. Looked up only when the bonus
          // could make `c` the best, or tie with it: most candidates are far behind.
          if (han_before && cost - kDocumentBigramBonus <= best_cost &&
              context_.bigrams->Contains(last, c)) {
            cost -= kDocumentBigramBonus;
          }
          if (c == U'“' || c == U'”') {
            const bool closing = token_->open_quotes > 0;
            cost += (c == U'”') == closing ? -kQuotePreference : kQuotePreference;
          }
          return cost;
        });
    return {byte < 0 ? 0 : pair_with(byte).c, cost + kGuessPenalty};
  }

  // Feeds one byte (or kWild) to `state`, which is in step; hands the resulting states to
  // `sink`, in a fixed order (Keep breaks ties by it). The states go straight on in registers:
  // gathered in memory and read back at once, they stalled on stores not yet done.
  template <typename Sink>
  void FeedInStep(const State& state, int byte, Sink&& sink) {
    State s = state;
    if (byte != kWild) s.last_byte = static_cast<std::int16_t>(byte);
    if (byte == kWild || codec_.IsLead(byte)) {
      s.pending = static_cast<std::int16_t>(byte);
      sink(s);
    }
    if (byte != kWild && codec_.Single(byte) != 0) {
      const char32_t c = codec_.Single(byte);
      sink(Emit(s, c, Cost(c, LastChar(state))));
    } else if (byte != kWild && !codec_.IsLead(byte)) {
      sink(Emit(s, U'\uFFFD', kOrphanPenalty));
    }
  }

  // Feeds one byte (or kWild) to `state`; hands the resulting states to `sink`. `orphan_loses`:
  // leave out the states that drop the pending byte (see FeedReading).
  template <typename Sink>
  void Feed(const State& state, int byte, Sink&& sink, bool orphan_loses = false) {
    if (state.pending < 0) {
      FeedInStep(state, byte, sink);
      return;
    }
    State s = state;
    s.pending = -1;
    if (byte != kWild) s.last_byte = static_cast<std::int16_t>(byte);
    if (state.pending == kWild && byte == kWild) {
      // Two lost bytes in a row: nothing to guess from.
    } else if (state.pending == kWild || byte == kWild) {
      if (state.pending != kWild || codec_.IsTrail(byte)) {
        const auto [c, cost] = Guess(state.pending, byte, state);
        if (c != 0) sink(Emit(s, c, cost));
      }
    } else if (const auto pair = codec_.Pair(state.pending, byte, context_.script); pair.c != 0) {
      sink(Emit(s, pair.c, model_.CostAfter(pair.cost, pair.alphabet, LastChar(state))));
    }
    // Or the pending byte was an orphan and this byte starts afresh.
    if (!orphan_loses) FeedInStep(Flush(state), byte, sink);
  }

  // Feeds a reading's bytes in order and keeps the states after its last byte.
  //
  // A state with a pending byte that drops it as an orphan is then in step, where the token's
  // in-step state starts too, reading the same bytes; every state it leads to has a counterpart
  // from the in-step state with the same pending byte, made by the same steps. No step on the
  // way guesses (a wild byte comes first in a reading, and an in-step state just waits on it),
  // and every step costs the counterpart no more: only the cost of a letter after a letter of
  // its alphabet depends on the character before, and U+FFFD, the orphan's, has none. So when
  // the in-step state costs less than this one plus the orphan's penalty, by a margin far above
  // rounding, Keep would drop all those states: they are not made.
  void FeedReading(const State& state, const Reading& reading) {
    const bool orphan_loses =
        state.pending >= 0 && in_step_cost_ < state.cost + kOrphanPenalty - kCostMargin;
    const auto keep = [&](State s) {
      s.cost += reading.penalty;
      Keep(s);
    };
    if (reading.count == 2) {
      Feed(
          state, reading.bytes[0], [&](const State& s) { Feed(s, reading.bytes[1], keep); },
          orphan_loses);
    } else {
      Feed(state, reading.bytes[0], keep, orphan_loses);
    }
  }

  void Advance(const State& state, const Token& token) {
    switch (token.kind) {
      case TokenKind::kAnnotation:
        Keep(Emit(state, line_.substr(token.begin, token.end - token.begin), 0));
        return;
      case TokenKind::kLostWithPinyin:
        Keep(Emit(Flush(state), line_.substr(token.begin, token.end - token.begin),
                  LiteralCost(token)));
        LostWithPinyin(state, token);
        return;
      case TokenKind::kLostBeforeTag:
        FeedReading(state, {{'?', 0}, 1, kSwallowedTagPenalty});
        FeedReading(state, {{kWild, '<'}, 2, 0});
        return;
      case TokenKind::kQuestion:
        FeedReading(state, {{'?', 0}, 1, 0});
        FeedReading(state, {{kWild, 0}, 1, 0});
        break;
      case TokenKind::kChar:
        break;
    }
    const char32_t c = line_[token.begin];
    Reading reading{{0, 0}, 0, 0};
    if (token.kind == TokenKind::kChar) {
      reading.count = codec_.Encode(c, reading.bytes);
      if (reading.count == 0) {  // not in this codec: passes through, in step
        const State flushed = Flush(state);
        Keep(Emit(flushed, c, Cost(c, LastChar(flushed))));
        return;
      }
      FeedReading(state, reading);
    }
    // ASCII punctuation may be a fullwidth mark that NFKC folded after the damage was done.
    if (c > 0x20 && c < 0x7F && !std::isalnum(static_cast<int>(c))) {
      Reading fullwidth{{0, 0}, 0, kFullwidthPenalty};
      fullwidth.count = codec_.Encode(c + 0xFEE0, fullwidth.bytes);
      if (fullwidth.count == 2) FeedReading(state, fullwidth);
    }
  }

  // "?syllable)": a converter annotated a character that straddled two real ones, inserting
  // "(syllable)" between their bytes, and the decoder then swallowed the '(' with the orphaned
  // byte. The document's own annotations say which character has that syllable, and so which
  // byte was lost.
  void LostWithPinyin(const State& state, const Token& token) {
    const std::u32string* chars = nullptr;
    if (context_.annotations != nullptr) {
      const auto it = context_.annotations->find(std::u32string(token.syllable));
      if (it != context_.annotations->end()) chars = &it->second;
    }
    std::u32string annotation(1, U'(');
    annotation.append(token.syllable).push_back(U')');
    // A lead byte waits: the annotated character is that byte and the lost one, and the
    // annotation really belongs to it.
    if (state.pending >= 0 && state.pending != kWild) {
      State s = state;
      s.pending = -1;
      bool found = false;
      for (char32_t c : chars ? *chars : std::u32string()) {
        int bytes[2];
        if (codec_.Encode(c, bytes) == 2 && bytes[0] == state.pending) {
          Keep(Emit(s, c + annotation, Cost(c, LastChar(state))));
          found = true;
        }
      }
      if (!found) {
        const auto [c, cost] = Guess(state.pending, kWild, state);
        if (c != 0) Keep(Emit(s, c + annotation, cost));
      }
      return;
    }
    // In step: the annotated character straddled the previous character's last byte and the
    // lost one, which starts the next character. The annotation was a false match: drop it.
    const State flushed = Flush(state);
    bool found = false;
    for (char32_t c : chars ? *chars : std::u32string()) {
      int bytes[2];
      if (codec_.Encode(c, bytes) == 2 && bytes[0] == flushed.last_byte &&
          codec_.IsLead(bytes[1])) {
        State s = flushed;
        s.pending = static_cast<std::int16_t>(bytes[1]);
        Keep(s);
        found = true;
      }
    }
    if (!found) {
      State s = flushed;
      s.pending = kWild;
      s.cost += kGuessPenalty;
      Keep(s);
    }
  }

  const DoubleByteCodec& codec_;
  const GuessOrder& guesses_;
  const MojibakeContext& context_;
  const CharModel& model_;
  std::u32string_view line_;
  const Token* token_ = nullptr;
  // The cost of the token's in-step state, kNoCost for none.
  double in_step_cost_ = kNoCost;
  std::vector<Piece>& pieces_;
  std::vector<State>& states_;
  std::vector<State>& next_;
};

// ---------------------------------------------------------------------------------------------
// Detection.

bool IsRare(char32_t c, const CharModel& model) {
  return CharModel::IsHan(c) && model.MinCost(c) >= kRareCost;
}

bool IsPrivateUse(char32_t c) { return c >= 0xE000 && c <= 0xF8FF; }

// What DocumentProfile asks of a BMP code point, one bit each (two for its ScriptLean).
enum : std::uint8_t { kHanTrait = 1, kRareTrait = 2 };
constexpr int kLeanSimplifiedShift = 2;
constexpr int kLeanTraditionalShift = 3;

// The traits of every BMP code point, computed once: one lookup instead of IsHan's ranges, the
// costs IsRare compares and ScriptLean's table.
const std::array<std::uint8_t, 0x10000>& HanTraits() {
  static const std::array<std::uint8_t, 0x10000> table = [] {
    std::array<std::uint8_t, 0x10000> t{};
    const CharModel& model = CharModel::Get();
    for (char32_t c = 0; c < 0x10000; ++c) {
      if (!CharModel::IsHan(c)) continue;
      t[c] = kHanTrait | (IsRare(c, model) ? kRareTrait : 0) |
             (model.ScriptLean(c) > 0 ? 1 << kLeanSimplifiedShift : 0) |
             (model.ScriptLean(c) < 0 ? 1 << kLeanTraditionalShift : 0);
    }
    return t;
  }();
  return table;
}

}  // namespace

std::u32string ToU32(std::string_view s) {
  std::u32string out(s.size(), U'\0');  // no more characters than bytes
  char32_t* next = out.data();
  for (std::int32_t i = 0; i < static_cast<std::int32_t>(s.size());) *next++ = DecodeNext(s, &i);
  out.resize(static_cast<std::size_t>(next - out.data()));
  return out;
}

std::string ToUtf8(std::u32string_view s) {
  // Written straight into room for the longest encoding, then cut to size: appending each
  // character's bytes through a buffer checked the string's capacity every time.
  std::string out(s.size() * 4, '\0');
  auto* p = reinterpret_cast<unsigned char*>(out.data());
  for (char32_t c : s) {
    if (c < 0x80) {
      *p++ = static_cast<unsigned char>(c);
    } else if (c < 0x800) {
      *p++ = static_cast<unsigned char>(0xC0 | c >> 6);
      *p++ = static_cast<unsigned char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      if (c >= 0xD800 && c <= 0xDFFF) continue;
      *p++ = static_cast<unsigned char>(0xE0 | c >> 12);
      *p++ = static_cast<unsigned char>(0x80 | ((c >> 6) & 0x3F));
      *p++ = static_cast<unsigned char>(0x80 | (c & 0x3F));
    } else if (c <= 0x10FFFF) {
      *p++ = static_cast<unsigned char>(0xF0 | c >> 18);
      *p++ = static_cast<unsigned char>(0x80 | ((c >> 12) & 0x3F));
      *p++ = static_cast<unsigned char>(0x80 | ((c >> 6) & 0x3F));
      *p++ = static_cast<unsigned char>(0x80 | (c & 0x3F));
    }
  }
  out.resize(static_cast<std::size_t>(p - reinterpret_cast<unsigned char*>(out.data())));
  return out;
}

int RepairLatinMojibake(std::string* line) {
  int repaired = 0;
  // Text garbled twice ("Ã¢â‚¬â„¢") needs two rounds; the third finds nothing.
  for (int round = 0; round < 3; ++round) {
    const std::string_view in = *line;
    std::string out;
    std::size_t copied = 0;
    int this_round = 0;
    std::int32_t i = 0;  // where the search goes on
    // Â..ô, the windows-1252 images of UTF-8 lead bytes C2..F4, are encoded C3 82..C3 B4; the
    // byte C3 never continues a sequence, so the search can skip to it.
    for (std::size_t found = in.find('\xC3'); found != std::string_view::npos;
         found = in.find('\xC3', static_cast<std::size_t>(i))) {
      const auto start = static_cast<std::int32_t>(found);
      i = start;
      UChar32 c = 0;
      U8_NEXT(in.data(), i, static_cast<std::int32_t>(in.size()), c);
      if (c < 0xC2 || c > 0xF4) continue;
      const int trail_count = c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
      char bytes[4] = {static_cast<char>(c)};
      std::int32_t j = i;
      int k = 0;
      for (; k < trail_count && j < static_cast<std::int32_t>(in.size()); ++k) {
        UChar32 t = 0;
        U8_NEXT(in.data(), j, static_cast<std::int32_t>(in.size()), t);
        const int b = t < 0 ? -1 : Cp1252Byte(static_cast<char32_t>(t));
        if (b < 0x80 || b > 0xBF) break;
        bytes[k + 1] = static_cast<char>(b);
      }
      if (k != trail_count) continue;
      std::int32_t p = 0;
      UChar32 decoded = 0;
      U8_NEXT(bytes, p, trail_count + 1, decoded);
      if (decoded < 0x80 || p != trail_count + 1) continue;  // invalid or overlong
      out.append(in, copied, static_cast<std::size_t>(start) - copied);
      out.append(bytes, static_cast<std::size_t>(trail_count + 1));
      copied = static_cast<std::size_t>(j);
      i = j;
      ++this_round;
    }
    if (this_round == 0) break;
    out.append(in, copied);
    line->swap(out);
    repaired += this_round;
  }
  return repaired;
}

bool LooksGarbled(std::u32string_view line) {
  const CharModel& model = CharModel::Get();
  // Uncommon Han, and letters of other alphabets stuck to Han, three in any four characters.
  const auto odd = [&](std::size_t j) {
    const char32_t c = line[j];
    if (c < 0x80 || model.MinCost(c) < kUncommonCost) return false;
    return CharModel::IsHan(c) || (j > 0 && CharModel::IsHan(line[j - 1]));
  };
  int odd_run = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char32_t c = line[i];
    if (IsRare(c, model) || c == 0xFFFD || IsPrivateUse(c)) return true;
    // A '?' between Han and ASCII punctuation or letters is where a decoder lost a byte.
    if (c == '?' && i > 0 && CharModel::IsHan(line[i - 1]) && i + 1 < line.size() &&
        line[i + 1] > ' ' && line[i + 1] < 0x7F) {
      return true;
    }
    odd_run += odd(i);
    if (i >= 4) odd_run -= odd(i - 4);
    if (odd_run >= 3) return true;
  }
  return false;
}

int RepairUtf8ReadAsGbk(std::u32string* line, const MojibakeContext& context) {
  const DoubleByteCodec& gbk = Gbk();
  const CharModel& model = CharModel::Get();
  std::u32string out;
  int repaired = 0;
  std::size_t copied = 0;
  std::string bytes;
  std::u32string text, best_text;
  for (std::size_t start = 0; start < line->size(); ++start) {
    // A span starts where the GBK bytes begin a UTF-8 sequence (a lead byte, then a continuation
    // byte); most characters' do not.
    if (int b[2]; (*line)[start] < 0x80 || gbk.Encode((*line)[start], b) != 2 || b[0] < 0xC2 ||
                  b[0] > 0xF4 || (b[1] & 0xC0) != 0x80) {
      continue;
    }
    // Extend the GBK reading from `start` one character at a time, decoding it as UTF-8 as far
    // as it is complete; keep the longest prefix that ends on a boundary of both readings. Clean
    // text stops at once: GBK bytes of real Chinese are seldom valid UTF-8 for long.
    bytes.clear();
    text.clear();
    std::size_t decoded = 0, best_end = 0;
    double mojibake_cost = 0, best_mojibake_cost = 0;
    for (std::size_t i = start; i < line->size(); ++i) {
      int b[2];
      const char32_t c = (*line)[i];
      if (c < 0x80 || gbk.Encode(c, b) != 2) break;
      bytes.push_back(static_cast<char>(b[0]));
      bytes.push_back(static_cast<char>(b[1]));
      mojibake_cost += model.Cost(c, context.script);
      bool invalid = false;
      while (decoded < bytes.size()) {
        const auto lead = static_cast<unsigned char>(bytes[decoded]);
        const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
        if (length == 0) {
          invalid = true;
          break;
        }
        if (decoded + length > bytes.size()) break;  // may complete with the next character
        std::int32_t p = static_cast<std::int32_t>(decoded);
        UChar32 u = 0;
        U8_NEXT(bytes.data(), p, static_cast<std::int32_t>(bytes.size()), u);
        if (u < 0 || static_cast<std::size_t>(p) != decoded + length) {
          invalid = true;
          break;
        }
        text.push_back(static_cast<char32_t>(u));
        decoded += length;
      }
      if (invalid) break;
      if (decoded == bytes.size() && text.size() >= 2) {
        best_end = i + 1;
        best_text = text;
        best_mojibake_cost = mojibake_cost;
      }
    }
    if (best_end == 0) continue;
    double cost = 0;
    for (char32_t c : best_text) cost += model.Cost(c, context.script);
    // The reading as UTF-8 must be far more plausible, not merely shorter.
    if (cost + 10.0 > best_mojibake_cost || cost / best_text.size() > 12.0) continue;
    out.append(*line, copied, start - copied);
    out += best_text;
    copied = best_end;
    start = best_end - 1;
    ++repaired;
  }
  if (repaired == 0) return 0;
  out.append(*line, copied);
  line->swap(out);
  return repaired;
}

std::optional<LineRepair> RealignDoubleByte(std::u32string_view line,
                                            const MojibakeContext& context,
                                            std::size_t settled_distance) {
  // The tokens, and what the line costs as it stands, are the same for every codec.
  std::vector<Token> tokens = Tokenize(line);
  const CharModel& model = CharModel::Get();
  double identity = 0;
  // A decoder out of step, or a lost byte, shows as characters Chinese text seldom uses, or as
  // '?'; common characters far from all of them are the line as it was written, which any other
  // reading turns to garbage. The search reads them as they stand (kSettledDistance), and spends
  // itself on the stretches of damage and the few characters around them where a reading may
  // change step.
  std::vector<std::size_t> damage;  // tokens that show it, in order
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const double cost = LiteralCost(line, tokens[k], model, context.script);
    identity += cost;
    if (tokens[k].kind == TokenKind::kChar
            ? model.MinCost(line[tokens[k].begin]) >= kUncommonCost
            : tokens[k].kind != TokenKind::kAnnotation) {
      damage.push_back(k);
    }
  }
  if (settled_distance < tokens.size()) {
    for (std::size_t k = 0, next = 0; k < tokens.size(); ++k) {
      while (next < damage.size() && damage[next] + settled_distance < k) ++next;
      tokens[k].settled = next == damage.size() || damage[next] > k + settled_distance;
    }
  }
  std::optional<LineRepair> best;
  SearchBuffers buffers;
  // A token adds a handful of pieces to the tree, seldom more.
  buffers.pieces.reserve(8 * tokens.size());
  static const GuessOrder gbk_guesses(Gbk()), big5_guesses(Big5());
  const std::pair<const DoubleByteCodec*, const GuessOrder*> codecs[] = {
      {&Gbk(), &gbk_guesses}, {&Big5(), &big5_guesses}};
  for (const auto& [codec, guesses] : codecs) {
    // The next codec must beat the best gain so far; the margin keeps rounding from deciding.
    const double give_up_above = best ? identity - best->gain + kCostMargin : kNoCost;
    std::optional<LineRepair> repair =
        Realigner(*codec, *guesses, context, line, &buffers).Run(tokens, identity, give_up_above);
    if (repair && (!best || repair->gain > best->gain)) best = std::move(repair);
    // GBK, the codec of most Chinese pages, goes first; a repair of it that leaves nothing
    // garbled is not second-guessed. (Big5 out of step, read as GBK, stays garbled.)
    if (best && CountGarbled(best->text, context) == 0) break;
  }
  return best;
}

DocumentBigrams::DocumentBigrams(std::string_view text) : text_(text) {
  // Four bits a byte: Chinese text has about one different pair per dozen bytes, which sets two,
  // so about one bit in 24 is set, and about one pair in 400 the text lacks gets through.
  int words = 3;  // log2
  while ((std::size_t{64} << words) < 4 * text.size()) ++words;
  filter_.resize(std::size_t{1} << words);
  shift_ = 64 - words;
}

bool DocumentBigrams::Contains(char32_t first, char32_t second) const {
  const std::uint64_t key = Key(first, second);
  const std::uint64_t h = Hash(key);
  if ((filter_[h >> shift_] & Bits(h)) != Bits(h)) return false;
  if (!CharModel::IsHan(first) || !CharModel::IsHan(second)) return false;
  for (const auto& [pair, found] : searched_) {
    if (pair == key) return found;
  }
  if (searched_.size() < kMaxSearches) {
    // A sequence starting with a lead byte is where every decoding of the text starts a
    // character, so the bytes of the two characters found anywhere are the two characters,
    // adjacent.
    std::uint8_t bytes[2 * U8_MAX_LENGTH];
    std::int32_t length = 0;
    U8_APPEND_UNSAFE(bytes, length, first);
    U8_APPEND_UNSAFE(bytes, length, second);
    const bool found =
        memmem(text_.data(), text_.size(), bytes, static_cast<std::size_t>(length)) != nullptr;
    searched_.emplace_back(key, found);
    return found;
  }
  if (!gathered_) {
    gathered_ = true;
    char32_t before = 0;  // the character before when it is Han, or 0
    for (std::int32_t i = 0; i < static_cast<std::int32_t>(text_.size());) {
      const char32_t c = DecodeNext(text_, &i);
      if (!CharModel::IsHan(c)) {
        before = 0;
        continue;
      }
      if (before != 0) pairs_.push_back(Key(before, c));
      before = c;
    }
    std::sort(pairs_.begin(), pairs_.end());
    pairs_.erase(std::unique(pairs_.begin(), pairs_.end()), pairs_.end());
  }
  return std::binary_search(pairs_.begin(), pairs_.end(), key);
}

DocumentProfile::DocumentProfile(std::string_view text) : bigrams(text) {
  const std::array<std::uint8_t, 0x10000>& traits = HanTraits();
  int lean = 0;  // CharModel::ScriptLean summed
  std::vector<char32_t> rare;
  char32_t han_before = 0;  // the character before when it is Han, or 0
  // What a character with traits `t` adds to the profile.
  const auto take = [&](char32_t c, std::uint8_t t) __attribute__((always_inline)) {
    if ((t & kHanTrait) == 0) {
      han_before = 0;
      return;
    }
    // By the two ScriptLean bits: a load instead of two shifts, two masks and a subtraction.
    static constexpr std::int8_t kLean[4] = {0, 1, -1, 0};
    lean += kLean[(t >> kLeanSimplifiedShift) & 3];
    if (t & kRareTrait) rare.push_back(c);
    if (han_before != 0) bigrams.Note(han_before, c);
    han_before = c;
  };
  // A lead byte E0..EF and two continuation bytes, the bulk of Chinese text, is decoded from a
  // word. An overlong or surrogate form reads as one character that is not Han, where DecodeNext
  // reads three U+FFFD from the same bytes: no Han either way, and no pair.
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto size = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < size;) {
    if (p[i] < 0x80) {
      ++i;
      han_before = 0;
      continue;
    }
    // Two three-byte characters a word while they last: half the loop's tests and loads.
    while (i + 8 <= size) {
      std::uint64_t w = 0;
      std::memcpy(&w, p + i, sizeof w);
      if constexpr (std::endian::native == std::endian::big) w = __builtin_bswap64(w);
      if ((w & 0xC0C0F0C0C0F0ULL) != 0x8080E08080E0ULL) break;
      const char32_t first = ThreeByteCodePoint(w), second = ThreeByteCodePoint(w >> 24);
      take(first, traits[first]);
      take(second, traits[second]);
      i += 6;
    }
    if (i >= size || p[i] < 0x80) continue;
    std::uint32_t w = 0;
    if (i + 4 <= size) std::memcpy(&w, p + i, 4);
    if constexpr (std::endian::native == std::endian::big) w = __builtin_bswap32(w);
    char32_t c = 0;
    if ((w & 0xC0C0F0) == 0x8080E0) {
      c = ThreeByteCodePoint(w);
      i += 3;
    } else {
      c = DecodeNext(text, &i);
    }
    // Every Han character above the BMP is rare and leans to neither script.
    take(c, c < 0x10000          ? traits[c]
            : CharModel::IsHan(c) ? kHanTrait | kRareTrait
                                  : 0);
  }
  script = lean < 0 ? Script::kTraditional : Script::kSimplified;
  std::sort(rare.begin(), rare.end());
  for (auto run = rare.begin(); run != rare.end();) {
    const auto next = std::upper_bound(run, rare.end(), *run);
    if (next - run >= 3) familiar.push_back(*run);
    run = next;
  }
}

int CountGarbled(std::u32string_view line, const MojibakeContext& context) {
  // Rare Han characters the document uses again and again are its vocabulary (Cantonese, names),
  // not damage; private-use code points are icon fonts unless rare characters surround them.
  const CharModel& model = CharModel::Get();
  const auto suspect = [&](char32_t c) {
    if (IsPrivateUse(c)) return true;
    return IsRare(c, model) &&
           (context.familiar == nullptr ||
            !std::binary_search(context.familiar->begin(), context.familiar->end(), c));
  };
  // Compared only from its first character: a comparison at every position cost more than the
  // rest of the loop.
  constexpr std::u32string_view kReplacementAsGbk = U"锟斤拷";
  int garbled = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char32_t c = line[i];
    if (c == 0xFFFD) {
      ++garbled;
    } else if (c == kReplacementAsGbk[0] && line.substr(i, 3) == kReplacementAsGbk) {
      garbled += 3;
      i += 2;
    } else if (suspect(c)) {
      // A cluster: three suspects within a window of nine characters.
      int near = 0;
      for (std::size_t j = i >= 4 ? i - 4 : 0; j < line.size() && j <= i + 4; ++j) {
        near += suspect(line[j]);
      }
      garbled += near >= 3;
    }
  }
  return garbled;
}

}  // namespace pith::internal
