#include "strip_lines.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <functional>
#include <numeric>

#include "line_memo.h"
#include "minhash.h"
#include "strip_text.h"
#include "text_lines.h"

namespace pith::internal {
namespace {

// Function words of English and of the other languages pages most often come in (German,
// French, Spanish, Portuguese, Italian, Polish): running text is 30-50% of them, menus and
// headlines far fewer. Lower case.
constexpr auto kStopWords = std::to_array<std::string_view>({
    "a", "aber", "about", "after", "again", "against", "al", "ale", "all", "alla", "als", "also",
    "am", "an", "anche", "and", "any", "ao", "are", "as", "at", "au", "auch", "auf", "aus",
    "aussi", "aux", "avec", "be", "because", "been", "before", "bei", "being", "between", "bis",
    "both", "but", "by", "być", "can", "ce", "cette", "che", "co", "com", "come", "comme", "como",
    "con", "could", "cuando", "da", "dann", "dans", "das", "dass", "de", "del", "della", "dem",
    "den", "der", "des", "di", "did", "die", "diese", "dieser", "dla", "do", "does", "doing",
    "dos", "down", "du", "durch", "during", "e", "each", "ein", "eine", "einem", "einen", "einer",
    "eines", "el", "ela", "ele", "elle", "em", "en", "entre", "er", "es", "est", "esta", "este",
    "et", "even", "few", "foi", "for", "from", "fue", "further", "für", "gli", "ha", "haben",
    "had", "has", "hat", "have", "having", "hay", "he", "her", "here", "hers", "hier", "him",
    "his", "how", "i", "if", "ihr", "ihre", "il", "ils", "im", "in", "into", "is", "ist", "it",
    "its", "jak", "jego", "jest", "just", "już", "já", "kann", "la", "las", "le", "les", "leur",
    "lo", "los", "ma", "mais", "man", "many", "mas", "may", "me", "mehr", "might", "mit", "more",
    "most", "much", "must", "muy", "my", "más", "na", "nach", "nas", "ne", "nel", "nicht", "nie",
    "no", "noch", "non", "nor", "nos", "not", "nous", "now", "nur", "não", "o", "od", "oder", "of",
    "off", "on", "once", "one", "only", "or", "oraz", "os", "other", "ou", "our", "out", "over",
    "own", "par", "para", "pas", "per", "pero", "più", "plus", "po", "por", "pour", "przez", "que",
    "qui", "sa", "said", "same", "says", "schon", "se", "sein", "seine", "ses", "seu", "she",
    "should", "si", "sich", "sie", "since", "sind", "się", "so", "sobre", "some", "son", "sono",
    "sont", "su", "sua", "such", "sur", "sus", "são", "są", "tak", "también", "também", "than",
    "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "though",
    "through", "to", "too", "tout", "très", "um", "uma", "un", "una", "und", "under", "une",
    "until", "up", "very", "von", "vor", "vous", "w", "war", "was", "we", "wenn", "werden", "were",
    "what", "when", "where", "which", "while", "who", "whom", "why", "wie", "will", "wir", "wird",
    "with", "would", "wurde", "y", "ya", "you", "your", "z", "za", "zu", "zum", "zur", "è", "é",
    "était", "été", "être", "über", "że"});

// Chinese function characters, simplified and traditional: particles, pronouns, prepositions
// and conjunctions that fill sentences but rarely menus. All are in the main Han block.
constexpr auto kChineseStops = std::to_array<char32_t>({
    U'的', U'了', U'是', U'在', U'和', U'有', U'我', U'他', U'她', U'们', U'們', U'这', U'這',
    U'那', U'也', U'就', U'都', U'而', U'与', U'與', U'及', U'对', U'對', U'把', U'被', U'将',
    U'將', U'从', U'從', U'于', U'於', U'以', U'为', U'為', U'之', U'其', U'所', U'着', U'著',
    U'过', U'過', U'还', U'還', U'又', U'很', U'更', U'个', U'個', U'不', U'说', U'說', U'要',
    U'会', U'會', U'能', U'可', U'没', U'沒', U'地', U'得', U'让', U'讓', U'但', U'因', U'并',
    U'並', U'却', U'卻', U'已', U'些', U'吗', U'呢'});

constexpr unsigned char AsciiLower(unsigned char u) { return u >= 'A' && u <= 'Z' ? u | 0x20 : u; }

// A word of at most 8 bytes, ASCII-lower-cased, as one integer (zero bytes fill the rest, and
// words hold none): comparing two words is comparing two integers.
constexpr std::uint64_t PackWord(std::string_view word) {
  std::uint64_t key = 0;
  for (std::size_t i = 0; i < word.size(); ++i)
    key |= std::uint64_t{AsciiLower(static_cast<unsigned char>(word[i]))} << (8 * i);
  return key;
}

constexpr std::size_t kStopSlots = 1024;
constexpr std::size_t StopSlot(std::uint64_t key) {
  return static_cast<std::size_t>(FibonacciHash(key) >> 54);
}
static_assert(kStopSlots == std::size_t{1} << (64 - 54));
static_assert(kStopSlots >= 2 * kStopWords.size());

// The stop words, packed, in an open-addressing table: one multiplication and a probe or two per
// word keep the per-word cost of the density measure small.
constexpr auto kStopTable = [] {
  std::array<std::uint64_t, kStopSlots> table{};
  for (std::string_view w : kStopWords) {
    if (w.size() > 8) throw "stop words are packed into 8 bytes";
    std::size_t i = StopSlot(PackWord(w));
    while (table[i] != 0) i = (i + 1) & (kStopSlots - 1);
    table[i] = PackWord(w);
  }
  return table;
}();

bool IsStopWord(std::string_view word) {
  if (word.size() > 8) return false;
  const std::uint64_t key = PackWord(word);
  for (std::size_t i = StopSlot(key); kStopTable[i] != 0; i = (i + 1) & (kStopSlots - 1)) {
    if (kStopTable[i] == key) return true;
  }
  return false;
}

// The main Han block, which all the Chinese function characters are in and which the per-character
// loop decodes directly from its 3-byte UTF-8 form.
constexpr char32_t kHanFirst = 0x4E00, kHanLast = 0x9FFF;

// kChineseStops as a bitmap over the main Han block: one load instead of a binary search.
constexpr auto kChineseStopBits = [] {
  std::array<std::uint64_t, (kHanLast - kHanFirst + 1) / 64> bits{};
  for (char32_t c : kChineseStops) {
    if (c < kHanFirst || c > kHanLast) throw "Chinese stops are in the main Han block";
    bits[(c - kHanFirst) / 64] |= std::uint64_t{1} << ((c - kHanFirst) % 64);
  }
  return bits;
}();

bool IsChineseStop(char32_t c) {
  return c >= kHanFirst && c <= kHanLast &&
         (kChineseStopBits[(c - kHanFirst) / 64] >> ((c - kHanFirst) % 64) & 1);
}

bool IsSentenceEnd(char32_t c) {
  return c == U'。' || c == U'！' || c == U'？' || c == '!' || c == '?' || c == '.' ||
         c == U'．' || c == U'｡';
}

// Closing quotes and brackets that may follow a sentence's final mark.
bool IsCloser(char32_t c) {
  return c == '"' || c == '\'' || c == ')' || c == U'”' || c == U'’' || c == U'」' ||
         c == U'』' || c == U'）' || c == U'》' || c == U'】' || c == ']';
}

bool IsSeparator(char32_t c) {
  return c == '|' || c == U'｜' || c == U'¦' || c == U'»' || c == U'›' || c == U'«' ||
         c == U'‹' || c == '>' || c == U'＞' || c == '/' || c == U'·' || c == U'•' ||
         c == U'・' || c == U'∙' || c == U'→';
}

// Trims whitespace on both sides.
std::string_view Trim(std::string_view s) {
  std::size_t b = 0;
  while (b < s.size()) {
    std::size_t j = b;
    if (!IsSpace(NextCodePoint(s, &j))) break;
    b = j;
  }
  std::size_t e = s.size();
  while (e > b) {
    std::size_t start;
    if (!IsSpace(PrevCodePoint(s, e, &start))) break;
    e = start;
  }
  return s.substr(b, e - b);
}

// Length of a leading list marker followed by content: "* ", "+ ", "o ", "• ", "- ", "1. ",
// "2、". Zero when there is none; `kind` says which it was.
std::size_t BulletLength(std::string_view s, Bullet* kind) {
  std::size_t i = 0;
  const char32_t c = NextCodePoint(s, &i);
  std::size_t after = i;
  if (c == '*' || c == '+' || c == 'o' || c == '-' || c == U'•' || c == U'·' || c == U'▪' ||
      c == U'■' || c == U'●' || c == U'◆' || c == U'►' || c == U'▶' || c == U'–') {
    if (after >= s.size() || !IsSpace(NextCodePoint(s, &i))) return 0;
    *kind = Bullet::kSymbol;
  } else if (IsDigit(c)) {
    while (after < s.size() && s[after] >= '0' && s[after] <= '9' && after < 3) ++after;
    i = after;
    if (after >= s.size()) return 0;
    const char32_t mark = NextCodePoint(s, &i);
    if (mark != '.' && mark != U'、' && mark != U'．') return 0;
    if (i >= s.size()) return 0;
    std::size_t k = i;
    const char32_t next = NextCodePoint(s, &k);
    if (IsDigit(next)) return 0;  // 3.5, a number
    if (mark == '.' && !IsSpace(next) && !IsCjk(next) && next != U'《' && next != U'“')
      return 0;
    *kind = Bullet::kNumber;
  } else {
    return 0;
  }
  // Skip the spaces after the marker.
  while (i < s.size()) {
    std::size_t j = i;
    if (!IsSpace(NextCodePoint(s, &j))) break;
    i = j;
  }
  if (i >= s.size()) *kind = Bullet::kNone;
  return i < s.size() ? i : 0;
}

// What the per-character loop needs to know of an ASCII byte, looked up rather than tested.
enum class Ascii : std::uint8_t { kMark, kSpace, kUpper, kLower, kDigit };

constexpr auto kAsciiClass = [] {
  std::array<Ascii, 128> table{};  // kMark: punctuation, symbols and control characters
  for (char c : {' ', '\t', '\n', '\v', '\f', '\r'}) table[c] = Ascii::kSpace;  // as IsSpace
  for (char c = 'A'; c <= 'Z'; ++c) table[c] = Ascii::kUpper;
  for (char c = 'a'; c <= 'z'; ++c) table[c] = Ascii::kLower;
  for (char c = '0'; c <= '9'; ++c) table[c] = Ascii::kDigit;
  return table;
}();

// Decodes a character of the main Han block at s[i]: lead byte E5..E9, or E4 with a second
// byte of B8 or more (U+4E00..U+9FFF), then continuation bytes. Such a sequence is always valid
// UTF-8 (surrogates start with ED), so this agrees with NextCodePoint.
inline bool DecodeHan(std::string_view s, std::size_t i, char32_t* c) {
  if (s.size() - i < 3) return false;
  const unsigned char b0 = static_cast<unsigned char>(s[i]);
  const unsigned char b1 = static_cast<unsigned char>(s[i + 1]);
  const unsigned char b2 = static_cast<unsigned char>(s[i + 2]);
  if (b0 < 0xE4 || b0 > 0xE9 || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80 ||
      (b0 == 0xE4 && b1 < 0xB8))
    return false;
  *c = ((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
  return true;
}

// The length of the "Re:" that opens a reply's subject ("Re: the thread's title", "回复：标题"),
// colon included, or 0.
std::size_t ReplyPrefixLength(std::string_view s) {
  // Most lines begin otherwise: R, r, or the first byte of 回 (E5) or 答 (E7).
  const unsigned char first = s.empty() ? 0 : static_cast<unsigned char>(s[0]);
  if (first != 'R' && first != 'r' && first != 0xE5 && first != 0xE7) return 0;
  for (std::string_view prefix : {"Re", "RE", "re", "回复", "回覆", "答复", "答覆"}) {
    if (!s.starts_with(prefix)) continue;
    std::size_t i = prefix.size();
    while (i < s.size() && s[i] == ' ') ++i;
    if (s.substr(i).starts_with(":")) return i + 1;
    if (s.substr(i).starts_with("：")) return i + std::string_view("：").size();
    return 0;
  }
  return 0;
}

// Measures line->core in one pass. ASCII letters, digits and spaces, and characters of the main
// Han block, are most of any text; they take short paths that count exactly what the general
// path below would count for them. Everything else is decoded and classified in full.
void Measure(Line* line) {
  const std::string_view s = line->core;
  const std::size_t n = s.size();
  Line& m = *line;
  bool in_word = false;
  std::size_t word_start = 0;
  std::size_t i = 0;
  char32_t prev = 0;
  constexpr std::uint64_t kFnvOffset = 14695981039346656037ull;  // FNV-1a
  constexpr std::uint64_t kFnvPrime = 1099511628211ull;
  std::uint64_t hash = kFnvOffset;
  // A reply's subject hashes as the title it repeats: the hash starts again after its "Re:".
  const std::size_t reply_end = ReplyPrefixLength(s);
  auto end_word = [&](std::size_t end) {
    if (!in_word) return;
    in_word = false;
    ++m.words;
    m.stops += IsStopWord(s.substr(word_start, end - word_start));
  };
  // A letter or digit of an alphabetic script (or a full-width one): hashed, counted, and part of
  // a word.
  auto word_char = [&](char32_t c, std::size_t at, bool digit) {
    hash = (hash ^ (c < 0x80 ? AsciiLower(static_cast<unsigned char>(c)) : c)) * kFnvPrime;
    if (digit) ++m.digits;
    else ++m.letters;
    if (!in_word) {
      in_word = true;
      word_start = at;
      m.caps += (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7);
      m.numbers += digit;
      m.urls += c == 'w' && s.compare(at, 4, "www.") == 0;
    }
  };
  // A CJK character is a word of its own.
  auto cjk_char = [&](char32_t c, std::size_t at) {
    hash = (hash ^ c) * kFnvPrime;
    end_word(at);
    ++m.cjk;
    ++m.wide;
    m.stops += IsChineseStop(c);
  };
  while (i < n) {
    const std::size_t at = i;
    if (at == reply_end) hash = kFnvOffset;
    const unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80 && kAsciiClass[b] >= Ascii::kUpper) {
      // A run of ASCII letters and digits, the bulk of alphabetic text, in a tight loop. The
      // first is word_char's; for the rest `in_word` is already set. `u | 0x20` lower-cases a
      // letter and leaves a digit (0x30..0x39) as it is. The loop keeps its sums in locals:
      // `hash` and the counters are shared with the lambdas, which keeps them in memory.
      word_char(b, at, kAsciiClass[b] == Ascii::kDigit);
      std::uint64_t h = hash;
      int digits = 0;
      unsigned char u = b;
      while (++i < n && (u = static_cast<unsigned char>(s[i])) < 0x80 &&
             kAsciiClass[u] >= Ascii::kUpper) {
        h = (h ^ (u | 0x20u)) * kFnvPrime;
        digits += kAsciiClass[u] == Ascii::kDigit;
      }
      hash = h;
      m.chars += static_cast<int>(i - at);
      m.digits += digits;
      m.letters += static_cast<int>(i - at - 1) - digits;
      prev = static_cast<unsigned char>(s[i - 1]);
      continue;
    }
    if (b < 0x80 && kAsciiClass[b] == Ascii::kSpace) {
      ++i;
      ++m.chars;
      ++m.spaces;
      end_word(at);
      prev = b;
      continue;
    }
    if (char32_t c; DecodeHan(s, i, &c)) {
      // A run of Han characters, the bulk of Chinese text, summed in locals as above.
      end_word(at);
      std::uint64_t h = hash;
      int stops = 0;
      do {
        h = (h ^ c) * kFnvPrime;
        stops += IsChineseStop(c);
        prev = c;
        i += 3;
      } while (DecodeHan(s, i, &c));
      hash = h;
      const int run = static_cast<int>(i - at) / 3;
      m.chars += run;
      m.cjk += run;
      m.wide += run;
      m.stops += stops;
      continue;
    }
    // A [placeholder] is an image or form control, not text.
    if (b == '[') {
      const std::size_t close = s.find(']', i + 1);
      if (close != std::string_view::npos && close - i < 400 &&
          s.substr(i + 1, close - i - 1).find('[') == std::string_view::npos) {
        end_word(at);
        ++m.images;
        m.chars += static_cast<int>(CountCodePoints(s.substr(i, close + 1 - i)));
        i = close + 1;
        prev = ']';
        continue;
      }
    }
    const char32_t c = NextCodePoint(s, &i);
    ++m.chars;
    if (IsCjk(c)) {
      cjk_char(c, at);
      prev = c;
      continue;
    }
    m.wide += IsWideForm(c);
    if (IsLetter(c) || IsDigit(c)) {
      word_char(c, at, IsDigit(c));
      prev = c;
      continue;
    }
    m.spaces += IsSpace(c);
    // An apostrophe inside a word (don't) keeps the word whole.
    if (in_word && (c == '\'' || c == U'’') && i < n && IsAsciiAlpha(static_cast<unsigned char>(s[i])))
      continue;
    end_word(at);
    if (c == '.' || c == '!' || c == '?') {
      // A sentence end is followed by space, a closing quote or the end, and follows a
      // letter or closer; "3.5" and "www.x" are not sentences.
      const bool at_end = i >= n;
      std::size_t j = i;
      const char32_t next = at_end ? 0 : NextCodePoint(s, &j);
      // Between CJK characters a half-width mark ends a sentence too (加码?实际).
      if (((at_end || IsSpace(next) || IsCloser(next)) &&
           (IsLetter(prev) || IsDigit(prev) || IsCloser(prev) || IsCjk(prev))) ||
          (IsCjk(prev) && IsCjk(next))) {
        ++m.terminals;
        m.periods += c == '.';
      }
    } else if (IsSentenceEnd(c)) {
      ++m.terminals;
      m.periods += c == U'。' || c == U'．' || c == U'｡';
    } else if (c == ',' && IsDigit(prev) && i + 1 < n && s[i] == ' ' &&
               IsDigit(static_cast<unsigned char>(s[i + 1]))) {
      // "April 9, 2024", "1, 2, 3": a date's or a list's comma, not a clause's. A dateline
      // ("Posted on April 9, 2024 by ...") would otherwise read as a sentence.
    } else if (c == U'，' || c == U'、' || c == ',' || c == U'；' || c == ';') {
      ++m.commas;
    } else if (IsSeparator(c)) {
      ++m.separators;
    } else if ((c == '-' || c == U'–' || c == U'—' || c == '_') && IsSpace(prev) && i < n &&
               s[i] == ' ') {
      ++m.separators;  // " - " joins segments; "well-known" does not
    } else if (c == ':' && i + 1 < n && s[i] == '/' && s[i + 1] == '/') {
      ++m.urls;
    }
    prev = c;
  }
  end_word(n);
  m.letters_hash = hash;

  // How the line ends: look past closing quotes and brackets.
  std::size_t e = n;
  char32_t last = 0;
  while (e > 0) {
    std::size_t start;
    last = PrevCodePoint(s, e, &start);
    e = start;
    if (!IsCloser(last)) break;
  }
  m.last = last;
  m.ends_terminal = IsSentenceEnd(last);
  if (last == U'…') {
    std::size_t start;
    m.ends_ellipsis = e == 0 || PrevCodePoint(s, e, &start) != U'…';
  } else if (n >= 3 && s.substr(n - 3) == "...") {
    m.ends_ellipsis = n == 3 || s[n - 4] != '.';
    m.ends_terminal = false;
  }
  if (m.ends_ellipsis) m.ends_terminal = false;
}

}  // namespace

namespace {

Line MakeLine(int n, std::string_view raw) {
  Line line;
  line.n = n;
  line.text = raw;
  std::string_view core = Trim(raw);
  line.blank = core.empty();
  if (!line.blank) {
    if (const std::size_t b = BulletLength(core, &line.bullet); b > 0) core.remove_prefix(b);
    line.core = core;
    // The same menus and notices come back page after page; their measures are remembered,
    // and what is this line's own (its number, text and bullet) is set again after.
    thread_local LineMemo<Line> memo;
    const Bullet bullet = line.bullet;
    memo.Recall(1, core, &line, Measure);
    line.n = n;
    line.text = raw;
    line.core = core;
    line.bullet = bullet;
  }
  return line;
}

// Where wrapped text may have its right margin, in columns.
constexpr int kMinMargin = 40, kMaxMargin = 100;
constexpr int kSlack = 12;      // how far short of the margin a wrapped line may stop
constexpr int kCjkSlack = 2;    // the same for Chinese text, counted in characters
constexpr int kJoinSlack = 20;  // how far short of it a line may stop and still go on

// Columns a line takes: CJK characters are two wide on screen, or one where the wrapper counted
// characters (lynx's dumps break Chinese text after a fixed number of them).
int Columns(const Line& line, bool cjk_wide) {
  return static_cast<int>(CountCodePoints(line.text)) + (cjk_wide ? line.wide : 0);
}

int Columns(std::string_view word, bool cjk_wide) {
  int columns = 0;
  for (std::size_t i = 0; i < word.size();) {
    const char32_t c = NextCodePoint(word, &i);
    columns += 1 + (cjk_wide && IsCjkOrWide(c));
  }
  return columns;
}

// True when `s` is made of the spaces a text indents its paragraphs with, U+3000 and NBSP.
bool IsTextIndent(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = NextCodePoint(s, &i);
    if (c != 0x3000 && c != 0xA0) return false;
  }
  return true;
}

// The right margin of wrapped text measured in `cjk_wide` columns, or 0 when `lines` has none:
// many lines end just short of it, and few go past it (only words too long to break, such as
// addresses). Unwrapped dumps have paragraphs far wider.
int FindMargin(const std::vector<Line>& lines, bool cjk_wide) {
  // Lines broken between words stop anywhere within a word's length of the width. The width is
  // also where Chinese text, broken anywhere, piles up exactly, and short Chinese lines of a page
  // that is not wrapped spread over the columns: they must stand closer. A Chinese line that ends
  // a sentence (with "。", not a decimal point) was not cut there: lines of a poem end so, all as
  // long as each other.
  std::array<int, kMaxMargin + 1> at_width{}, cjk_at_width{}, ended_at_width{};
  int nonblank = 0, wide = 0, long_lines = 0;
  for (const Line& line : lines) {
    if (line.blank) continue;
    ++nonblank;
    const int columns = Columns(line, cjk_wide);
    long_lines += columns >= kMinMargin;
    if (columns > kMaxMargin) {
      // Paragraphs past any margin, one line in ten of the page: no need to count the rest.
      if (10 * ++wide > static_cast<int>(lines.size())) return 0;
      continue;
    }
    if (!line.MostlyCjk()) ++at_width[columns];
    else if (line.ends_terminal && IsCjkOrWide(line.last)) ++ended_at_width[columns];
    else ++cjk_at_width[columns];
  }
  // The widest width that many lines reach and few pass: many of all lines, or, on a page of
  // menus whose short lines outnumber the text's, many of the long ones.
  int past = wide;
  const int cjk_slack = cjk_wide ? 2 * kCjkSlack : kCjkSlack;  // a character is two columns
  for (int w = kMaxMargin; w >= kMinMargin;
       past += at_width[w] + cjk_at_width[w] + ended_at_width[w], --w) {
    int near = 0, cjk_near = 0;
    for (int k = w - kSlack; k <= w; ++k) near += at_width[k];
    for (int k = w - cjk_slack; k <= w; ++k) cjk_near += cjk_at_width[k];
    near += cjk_near;
    // Lines that end within two characters of each other are rarer by chance than lines that
    // end within twelve: fewer of them make a margin, and five need no share of the page.
    if ((near >= 5 || cjk_near >= 4) &&
        (12 * near >= nonblank || 3 * near >= long_lines || cjk_near >= 5) &&
        10 * past <= nonblank)
      return w;
  }
  return 0;
}

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// Lynx sets a list item's text four columns deeper than a paragraph's, and five more at each
// level of a list in a list ("*", "+", "o", "#", "@"). Once normalize has taken the indentation
// away, every line of an item stood that many columns short of the width: this returns them
// for an item whose marker opens its line, and 0 for other lines.
int Dedented(const Line& line) {
  if (line.bullet == Bullet::kNone || line.text.empty() || line.text.front() == ' ' ||
      line.text.front() == '\t')
    return 0;
  constexpr std::string_view kMarkers = "*+o#@";
  const std::size_t level = kMarkers.find(line.text.front());
  return 4 + 5 * static_cast<int>(level == std::string_view::npos ? 0 : level);
}

// Wrappers leave preformatted text as it comes, and a block of it can line up like wrapped text:
// a line of code whose columns are aligned by runs of spaces (which wrappers and renderers
// squeeze out of running text) was not broken. Minified script, one long line, was.
bool Preformatted(const Line& line) {
  return line.core.find("  ") != std::string_view::npos && IsCode(line) && !IsProse(line);
}

// An address or an image's placeholder too long for the line that a finished sentence stands
// on is set on a line of its own, as a wrapper would break it; joined, it would bury the
// sentence in a unit of chrome (an image's address under the article's last paragraph).
bool AddressAfterSentence(const Line& line, const Line& next) {
  if (!line.ends_terminal) return false;
  const std::string_view s = next.core;
  return s.starts_with("[") ||
         (next.urls > 0 && (s.starts_with("http://") || s.starts_with("https://")));
}

// A short field of Chinese ("作者：佚名", "来源：新华社") over a run of Chinese text was set on a
// line of its own: a wrapper breaks at the space after such a field only when the run that
// follows would not fit beside it, as after "本报讯", but a field that names the page's author
// or source stands on a line of its own far more often than it opens a paragraph.
bool FieldOverText(const Line& line, const Line& next) {
  constexpr int kMaxField = 16;  // characters
  if (!line.MostlyCjk() || line.chars > kMaxField || line.ends_terminal || !next.MostlyCjk())
    return false;
  const std::size_t colon = line.core.find("：");
  return colon != std::string_view::npos && colon > 0 &&
         colon + std::string_view("：").size() < line.core.size();
}

// Lynx prints the page's <link> elements first, each as "#" and its title ("#alternate",
// "#Example blog » Feed"): such a line opens a unit, and the page's title set above the dump does
// not go on into it.
bool LinkRelation(const Line& line) {
  return line.core.size() > 1 && line.core[0] == '#' && IsAsciiAlpha(line.core[1]);
}

// A rule drawn with one mark: underscores over a signature, a row of stars or dashes. No
// wrapper breaks a paragraph so, and joined to one it would make it read as a form's field.
bool DrawnRule(const Line& line) {
  constexpr std::string_view kMarks = "_-*=~";
  const std::string_view s = line.core;
  return s.size() >= 4 && kMarks.find(s[0]) != std::string_view::npos &&
         s.find_first_not_of(s[0]) == std::string_view::npos;
}

// How a line goes on into the next one of its unit.
enum class Join { kNone, kSpace, kStraight };

// Fills `out` with the units of `lines`: line j goes on into line j + 1 as `join(j, dedented)`
// says, where `dedented` is what Dedented gives the line.
template <typename JoinFn>
void MakeUnits(const std::vector<Line>& lines, JoinFn join, Unwrapped* out) {
  // The units' lines point into out->text, which must not move while they are made.
  std::size_t size = 0;
  for (const Line& line : lines) size += line.text.size() + 1;
  out->text.reserve(size);
  for (std::size_t i = 0; i < lines.size();) {
    std::size_t j = i;
    const std::size_t start = out->text.size();
    out->text.append(lines[i].text);
    const int item = Dedented(lines[i]);
    // The item's first line stood two columns short of its text, the marker and its space.
    for (int dedented = item > 0 ? item - 2 : 0; !lines[j].blank && j + 1 < lines.size();
         dedented = item) {
      const Join how = join(j, dedented);
      if (how == Join::kNone || Preformatted(lines[j]) || Preformatted(lines[j + 1]) ||
          DrawnRule(lines[j]) || DrawnRule(lines[j + 1]) ||
          AddressAfterSentence(lines[j], lines[j + 1]) || FieldOverText(lines[j], lines[j + 1]) ||
          LinkRelation(lines[j + 1]))
        break;
      ++j;
      while (!out->text.empty() && IsBlank(out->text.back())) out->text.pop_back();
      if (how == Join::kSpace) out->text.push_back(' ');
      std::string_view next = lines[j].text;
      while (!next.empty() && IsBlank(next.front())) next.remove_prefix(1);
      out->text.append(next);
    }
    if (j == i) {
      out->text.resize(start);
      out->units.push_back(lines[i]);
    } else {
      out->units.push_back(MakeLine(lines[i].n, std::string_view(out->text).substr(start)));
    }
    for (std::size_t k = i; k <= j; ++k)
      out->unit_of.push_back(static_cast<int>(out->units.size()) - 1);
    i = j + 1;
  }
}

// Counts the opening and closing round brackets of `s`, ASCII and full-width.
std::pair<int, int> Brackets(std::string_view s) {
  int open = 0, close = 0;
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = NextCodePoint(s, &i);
    open += c == '(' || c == U'（';
    close += c == ')' || c == U'）';
  }
  return {open, close};
}

// A wrapper that breaks at the last space before a long run of Chinese leaves a short line with
// a bracket open over a line that closes it: "本报讯（记者 刘晓明 通讯员" over "王丽）记者从…".
// The run, as long as a wrapped line, could not have fitted after the short line.
bool BrokenInBrackets(const Line& line, const Line& next) {
  if (line.blank || next.blank || line.bullet != Bullet::kNone || next.bullet != Bullet::kNone)
    return false;
  // The run is at least kMinMargin characters, so at least that many bytes; cheap tests first.
  const std::string_view run = next.core.substr(0, next.core.find(' '));
  if (run.size() < static_cast<std::size_t>(kMinMargin)) return false;
  // The bracket closes within the few words of a name or two, and nothing opens before it.
  bool closes = false;
  std::size_t i = 0;
  for (int n = 0; i < run.size() && n < 12 && !closes; ++n) {
    const char32_t c = NextCodePoint(run, &i);
    if (c == '(' || c == U'（' || IsSentenceEnd(c)) return false;
    closes = c == ')' || c == U'）';
  }
  if (!closes || Columns(run, false) < kMinMargin) return false;
  const auto [open, close] = Brackets(line.core);
  return open > close;
}

// A Chinese line without spaces that stops mid-sentence, over a line that goes on in Chinese:
// cut by a wrapper that counts characters when it is as wide as the widest line of its page.
bool MayBeCut(const Line& line, const Line& next) {
  if (line.blank || next.blank || next.bullet != Bullet::kNone || line.spaces > 0 ||
      line.ends_terminal || line.ends_ellipsis || IsCloser(line.last) || !line.MostlyCjk())
    return false;
  std::size_t end = 0;
  return IsCjkOrWide(NextCodePoint(next.core, &end));
}

// A line of words that stops mid-sentence over a line that goes on: in lower case, or, in
// Chinese prose, at the space beside a number or a Latin word ("支持 3" over "倍光学变焦"), the
// only spaces such prose has and where lynx breaks it, up to the end of a sentence. A line of
// Chinese prose has a comma; headers, menus and lists of headlines seldom do.
bool GoesOn(const Line& line, const Line& next) {
  if (line.blank || next.blank || next.bullet != Bullet::kNone || line.spaces == 0 ||
      line.ends_terminal)
    return false;
  const auto latin = [](char32_t c) { return c < 0x80 && kAsciiClass[c] >= Ascii::kUpper; };
  if (line.MostlyCjk()) {
    return line.bullet == Bullet::kNone && !line.ends_ellipsis && next.ends_terminal &&
           line.core.find("，") != std::string_view::npos &&
           (latin(line.last) || latin(static_cast<unsigned char>(next.core.front())));
  }
  const char first = next.core.front();
  return first >= 'a' && first <= 'z';
}

// Where a wrapper broke `lines`, measured in `cjk_wide` columns.
struct Wrap {
  int margin = 0;  // 0 when the lines do not read as wrapped
  int width = 0;   // the widest line that could have been broken
};

Wrap FindWrap(const std::vector<Line>& lines, bool cjk_wide) {
  const int margin = FindMargin(lines, cjk_wide);
  if (margin == 0) return {};
  // Nothing passes it that could have been broken (only an address or a long word can), and a
  // line that reaches it goes on in the next line: a paragraph broken, not a short one.
  int full = 0, continued = 0;
  // The margin found is where lines pile up, which can be past the wrapper's width by up to the
  // slack; the widest line that could have been broken, and went on in the next, is that width.
  // A line that ends its paragraph is left out: a heading that lynx does not indent stands
  // wider than the paragraphs whose indentation normalize took away. Lines by their columns:
  std::array<int, kMaxMargin + kSlack / 2 + 1> breakable_at{};
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.blank) continue;
    const int columns = Columns(line, cjk_wide);
    const bool breakable = line.spaces > 0 || line.wide > 1;
    if (columns > margin + kSlack / 2) {
      if (breakable) return {};
      continue;
    }
    if (breakable && i + 1 < lines.size() && !lines[i + 1].blank &&
        lines[i + 1].bullet == Bullet::kNone)
      ++breakable_at[columns];
    // Chinese text broken anywhere fills its lines to within a character or two: a paragraph a
    // little shorter stands alone.
    const int slack = line.MostlyCjk() ? (cjk_wide ? 4 : 2) * kCjkSlack : kSlack;
    // A full line over the next item of a list says nothing: items as long as the width are
    // common where nothing wraps.
    if (columns < margin - slack || i + 1 == lines.size() || lines[i + 1].bullet != Bullet::kNone)
      continue;
    ++full;
    continued += !lines[i + 1].blank;
  }
  if (continued < 3 || 10 * continued < 7 * full) return {};
  // Lines of one width more than a quarter of the slack past lines that stand together, and no
  // more of them, are not the wrapper's: lynx leaves preformatted text (code, tables) as
  // it comes, up to 80 columns, six past its paragraphs' width, and folds longer lines there.
  const auto next_below = [&](int c) {
    do --c;
    while (c > 0 && breakable_at[c] == 0);
    return c;
  };
  int width = next_below(static_cast<int>(breakable_at.size()));
  if (const int next = next_below(width); width - next > kSlack / 4) {
    int together = 0;
    for (int c = next; c > 0 && c >= next - kSlack / 4; --c) together += breakable_at[c];
    const int alone = breakable_at[width];
    if (together >= 2 && alone <= together) width = next;
  }
  // On a page of many wrapped lines, an eighth of those within the slack of the widest at most,
  // up to six columns past an empty one, are not the paragraphs' either: lynx sets headings at
  // the margin, and wraps them six columns wider than the paragraphs whose indentation normalize
  // took away.
  constexpr int kManyLines = 16;
  const int widest = width;
  const int total = std::accumulate(breakable_at.begin() + std::max(0, widest - kSlack),
                                    breakable_at.begin() + widest + 1, 0);
  if (total >= kManyLines) {
    int above = 0;
    for (int c = widest; c > widest - kSlack / 2; c = next_below(c)) {
      above += breakable_at[c];
      const int next = next_below(c);
      if (8 * above > total || widest - next > kSlack / 2) break;
      if (c - next > 1) {
        width = next;
        break;
      }
    }
  }
  return {margin, width};
}

}  // namespace

void SplitLines(std::string_view text, std::vector<Line>* lines) {
  lines->clear();
  int n = 0;
  ForEachLine(text, [&](std::string_view raw) { lines->push_back(MakeLine(++n, raw)); });
}

bool JoinWrapped(const std::vector<Line>& lines, Unwrapped* out,
                 const std::function<bool(const Line&)>& stands_alone) {
  out->text.clear();
  out->units.clear();
  out->unit_of.clear();
  // Lynx counts characters; other wrappers count CJK characters two columns wide, and short
  // Chinese lines can pass for a margin in either measure that the text does not keep.
  bool cjk_wide = false;
  Wrap wrap = FindWrap(lines, cjk_wide);
  // Measured on screen, only lines with wide characters come out otherwise.
  if (wrap.margin == 0 &&
      std::any_of(lines.begin(), lines.end(), [](const Line& l) { return l.wide > 0; }))
    wrap = FindWrap(lines, cjk_wide = true);
  if (wrap.margin == 0) {
    // Too few lines to show a margin, but on a page no line of which is wider than a wrapper
    // leaves them, some breaks show themselves: a line broken inside a bracket, Chinese text
    // cut mid-sentence at the page's widest, and a sentence broken between words where the next
    // would not have fitted.
    int widest = 0;
    for (std::size_t k = 1; k < lines.size(); ++k) {
      const std::size_t bytes = lines[k].text.size();
      if (bytes > 4 * static_cast<std::size_t>(kMaxMargin)) return false;
      if (bytes <= static_cast<std::size_t>(widest)) continue;  // no more characters than bytes
      const int columns = Columns(lines[k], false);
      if (columns > kMaxMargin) return false;
      widest = std::max(widest, columns);
    }
    if (widest < kMinMargin) return false;
    const auto join = [&](std::size_t j, int) {
      const Line& line = lines[j];
      const Line& next = lines[j + 1];
      if (BrokenInBrackets(line, next)) return Join::kSpace;
      if (MayBeCut(line, next))
        return Columns(line, false) + kCjkSlack >= widest ? Join::kStraight : Join::kNone;
      if (!GoesOn(line, next)) return Join::kNone;
      // A sentence broken between words where the next one would not have fitted. A run of
      // Chinese is one word to lynx, often as long as a line, so a line before one can stop far
      // short of the widest.
      const int columns = Columns(line, false);
      const std::string_view word = next.core.substr(0, next.core.find(' '));
      const bool full = line.MostlyCjk() ? 2 * columns >= widest : columns + kSlack >= widest;
      return full && columns + 1 + Columns(word, false) > widest ? Join::kSpace : Join::kNone;
    };
    bool any = false;
    for (std::size_t j = 0; j + 1 < lines.size() && !any; ++j) any = join(j, 0) != Join::kNone;
    if (!any) return false;
    MakeUnits(lines, join, out);
    return true;
  }
  const int margin = wrap.margin, width = wrap.width;
  const auto columns_of = [cjk_wide](const Line& line) { return Columns(line, cjk_wide); };
  // A line continues on the next when that one is indented as a continuation: as deep as the
  // line (deeper under a list bullet), and not a list item itself.
  auto continues = [&](const Line& line, const Line& next, int dedented) {
    if (next.blank || next.bullet != Bullet::kNone) return false;
    // A wrapper breaks a line with spaces at the last one that fits, so such a line wider than
    // its width is none of its: the page's title set above the dump on line 1. (It folds a word
    // too long for a line, an image's address, anywhere.) The width is of the lines as they stand,
    // and lynx sets the paragraphs whose indentation normalize took away six columns narrower
    // than headings.
    if (line.spaces > 0 && columns_of(line) > width + kSlack / 2) return false;
    // The line's columns with the indentation normalize took away (Dedented).
    const int columns = columns_of(line) + dedented;
    const std::size_t indent = line.core.data() - line.text.data();
    const std::size_t next_indent = next.core.data() - next.text.data();
    // An item may go on under its marker too: a number that opens a paragraph ("2、", "3.") is
    // often its text, not a list's marker, and text whose indentation normalize took away has
    // every line at the margin.
    const bool under_marker = next_indent == line.text.find_first_not_of(" \t");
    // A paragraph's first line may be indented by its own text, with ideographic spaces or
    // no-break spaces, which the lines after it lack.
    const bool first_line_indent =
        next_indent < indent && IsTextIndent(line.text.substr(next_indent, indent - next_indent));
    if (line.bullet == Bullet::kNone ? next_indent != indent && !first_line_indent
                                     : next_indent < indent && !under_marker)
      return false;
    // A wrapper breaks where the next word does not fit; when it would have fitted, the break
    // is the page's own (a caption, then the author's name).
    const std::string_view word = next.core.substr(0, next.core.find(' '));
    const bool word_fits = columns + 1 + Columns(word, cjk_wide) <= width;
    // A short line goes on only when what follows could not have fitted after it: Chinese text
    // without spaces is one long word to a wrapper, which breaks at the last space before it
    // ("本报讯（记者" over "李明）记者从…"), but an image's placeholder ("[photo.jpg]", a long
    // address in brackets) is no word of a text, and nor is a line that the caller knows to
    // stand alone (furniture: "编辑", a post's fold notice). Full is measured generously: a long
    // word carried to the next line leaves a wide gap.
    if (columns < margin - kJoinSlack)
      return !word_fits && next.core.front() != '[' && !(stands_alone && stands_alone(line));
    // Nor does a finished sentence go on into furniture, whose first word would not have
    // fitted beside it ("Top" under a post): the page broke there.
    if (line.ends_terminal && stands_alone && stands_alone(next)) return false;
    // Between CJK characters a wrapper may break early to keep punctuation off a line's start,
    // so only words are tested.
    std::size_t end = 0;
    return IsCjk(NextCodePoint(next.core, &end)) || !word_fits;
  };
  // Lynx breaks a line at its last space, and only a line without one (Chinese text, a long
  // address) where the width runs out, so a line that stops short of the width, or has a space
  // in it, was broken at a space. Other wrappers break Chinese text anywhere: between CJK
  // characters a full line was not.
  constexpr int kHardSlack = 3;  // a wide character or a closing mark that did not fit
  auto broke_at_space = [&](const Line& line, const Line& next, int dedented) {
    if (columns_of(line) + dedented + kHardSlack < width) return true;
    std::size_t start = 0, end = 0;
    const bool cjk = IsCjkOrWide(PrevCodePoint(line.core, line.core.size(), &start)) &&
                     IsCjkOrWide(NextCodePoint(next.core, &end));
    return line.spaces > 0 && !cjk;
  };
  MakeUnits(
      lines,
      [&](std::size_t j, int dedented) {
        if (!continues(lines[j], lines[j + 1], dedented)) return Join::kNone;
        return broke_at_space(lines[j], lines[j + 1], dedented) ? Join::kSpace : Join::kStraight;
      },
      out);
  return true;
}

bool IsProse(const Line& line) {
  if (line.MostlyCjk()) {
    return line.cjk >= 12 && line.terminals > 0;
  }
  // Dates, times, scores and the rows of tables are over a quarter digits; sentences are not,
  // though a dateline's words can pass for function words ("Published: May 2, 2024 at 6:05
  // a.m.": may, at, a).
  if (3 * line.digits > line.letters) return false;
  // Names and headlines Capitalize Most Words and end without a full stop; a byline's "and" and
  // "by" pass for function words ("By Rachel Moore and Sam Patel, National News"), and its dates
  // have words that no capital can begin ("By Ann Lee · May 9, 2024 · Updated May 12, 2024").
  if (10 * line.caps >= 7 * (line.words - line.numbers) && !line.ends_terminal) return false;
  return line.words >= 7 && (line.terminals > 0 || line.commas > 0) &&
         (line.stops * 5 >= line.words || (line.terminals >= 2 && line.words >= 20));
}

bool IsCode(const Line& line) {
  if (line.MostlyCjk()) return false;
  const std::string_view s = line.core;
  if (s.starts_with("$ ") || s.ends_with(";")) return true;
  constexpr std::array<std::string_view, 7> kMarks = {"{", "}", "==", "=>", "::", "();", "&&"};
  return std::any_of(kMarks.begin(), kMarks.end(),
                     [s](std::string_view mark) { return s.find(mark) != std::string_view::npos; });
}

}  // namespace pith::internal
