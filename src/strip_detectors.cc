#include "strip_detectors.h"

#include <array>
#include <cstdint>
#include <string>

#include "pith/rules.h"
#include "strip_text.h"

namespace pith {

const std::vector<std::string>& DetectorNames() {
  static const std::vector<std::string> names = {
      internal::kHtmlResidue, internal::kScriptResidue, internal::kBreadcrumb, internal::kLinkList,
      internal::kKeywordStuffing, internal::kDoubled, internal::kTitle, internal::kTitleRepeat,
      internal::kListBlock, internal::kMenuRun, internal::kOutsideBody};
  return names;
}

namespace internal {
namespace {

constexpr int kMaxSegments = 48;

// One piece of a line between separators, with its size.
struct Segment {
  std::string_view text;
  int chars = 0;    // code points, spaces excluded
  int cjk = 0;
  int words = 0;    // runs of letters or digits
  bool content = false;  // holds a letter, digit or CJK character
};

struct Segments {
  std::array<Segment, kMaxSegments> items;
  int count = 0;
  bool overflow = false;
};

// Splits `s` where `is_sep(c, prev, next)` says so; empty segments are dropped.
template <typename IsSep>
void Split(std::string_view s, IsSep is_sep, Segments* out) {
  out->count = 0;
  out->overflow = false;
  Segment cur;
  std::size_t seg_start = 0;
  bool in_word = false;
  char32_t prev = 0;
  auto flush = [&](std::size_t end) {
    if (cur.content) {
      if (out->count == kMaxSegments) {
        out->overflow = true;
      } else {
        cur.text = s.substr(seg_start, end - seg_start);
        out->items[out->count++] = cur;
      }
    }
    cur = Segment();
    in_word = false;
  };
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t at = i;
    const char32_t c = NextCodePoint(s, &i);
    std::size_t j = i;
    const char32_t next = i < s.size() ? NextCodePoint(s, &j) : 0;
    if (is_sep(c, prev, next)) {
      flush(at);
      seg_start = i;
      prev = c;
      continue;
    }
    if (!cur.content && IsSpace(c)) seg_start = i;
    if (!IsSpace(c)) ++cur.chars;
    if (IsCjk(c)) {
      ++cur.cjk;
      cur.content = true;
      in_word = false;
    } else if (IsLetter(c) || IsDigit(c)) {
      if (!in_word) ++cur.words;
      in_word = true;
      cur.content = true;
    } else {
      in_word = false;
    }
    prev = c;
  }
  flush(s.size());
}

bool IsDash(char32_t c) { return c == '-' || c == U'–' || c == U'—' || c == '_'; }

// A term for repetition counting: a CJK bigram or a lower-cased Latin word, hashed.
void CollectTerms(std::string_view s, std::uint64_t* terms, int* n, int max) {
  std::size_t i = 0;
  char32_t prev = 0;
  std::uint64_t word = 0;
  int word_len = 0;
  auto end_word = [&] {
    if (word_len >= 3 && *n < max) terms[(*n)++] = word | (std::uint64_t{1} << 63);
    word = 0;
    word_len = 0;
  };
  while (i < s.size()) {
    const char32_t c = NextCodePoint(s, &i);
    if (IsCjk(c)) {
      end_word();
      if (IsCjk(prev) && *n < max) terms[(*n)++] = (std::uint64_t{prev} << 21) | c;
    } else if (IsLetter(c) || IsDigit(c)) {
      const char32_t lower = c < 0x80 ? (c | 0x20) : c;
      word = word * 1000003 + lower;
      ++word_len;
      // A digit right after a CJK character forms a term with it: 色94, 色97.
      if (IsCjk(prev) && *n < max) terms[(*n)++] = (std::uint64_t{prev} << 21) | c;
    } else {
      end_word();
    }
    prev = c;
  }
  end_word();
}

// A line of nothing but character references: "&nbsp;&nbsp;", "&#160;".
bool OnlyEntities(std::string_view s) {
  std::size_t i = 0;
  bool any = false;
  while (i < s.size()) {
    if (s[i] == ' ') {
      ++i;
      continue;
    }
    if (s[i] != '&') return false;
    const std::size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10 || semi - i < 2) return false;
    for (std::size_t k = i + 1; k < semi; ++k) {
      const char c = s[k];
      if (!(IsAsciiAlpha(static_cast<unsigned char>(c)) || (c >= '0' && c <= '9') || c == '#'))
        return false;
    }
    any = true;
    i = semi + 1;
  }
  return any;
}

}  // namespace

bool IsHtmlResidue(const Line& line) {
  const std::string_view s = line.core;
  if (OnlyEntities(s)) return true;
  std::size_t tag_bytes = 0;
  std::size_t i = 0;
  while ((i = s.find('<', i)) != std::string_view::npos) {
    if (i + 1 >= s.size()) break;
    const char c = s[i + 1];
    if (!(IsAsciiAlpha(static_cast<unsigned char>(c)) || c == '/' || c == '!')) {
      ++i;
      continue;
    }
    const std::size_t close = s.find('>', i);
    if (close == std::string_view::npos) {
      // An opening tag cut off at the line end still marks the line when it starts it.
      if (i == 0) return true;
      break;
    }
    tag_bytes += close + 1 - i;
    i = close + 1;
  }
  return tag_bytes * 10 >= s.size() * 4;
}

bool IsScriptResidue(const Line& line) {
  // Code quoted in an article comes in short lines; minified scripts and styles in long ones.
  if (line.chars < 120 || line.core.find(';') == std::string_view::npos) return false;
  int symbols = 0, braces = 0;
  for (unsigned char c : line.core) {
    switch (c) {
      case '{': case '}': case ';': ++braces; [[fallthrough]];
      case '(': case ')': case '=': case '[': case ']': case '<': case '>': case '$': case '&':
      case '|': case '+': case '*': case '\\': case '"':
        ++symbols;
        break;
      default:
        break;
    }
  }
  return braces >= 4 && symbols * 10 >= line.chars;
}

bool IsBreadcrumb(const Line& line) {
  if (line.separators == 0 || line.chars > 100 || line.terminals > 0 || line.commas > 1 ||
      line.Weight() == 0)
    return false;
  // The separator a trail uses: the most frequent of the arrows, or a spaced slash.
  constexpr std::array<char32_t, 6> kArrows = {'>', U'＞', U'»', U'›', U'→', '/'};
  std::array<int, kArrows.size()> counts{};
  std::size_t i = 0;
  char32_t prev = 0;
  while (i < line.core.size()) {
    const char32_t c = NextCodePoint(line.core, &i);
    const char next = i < line.core.size() ? line.core[i] : '\0';
    // ">=" compares in code and parts no crumbs ("->" and ">>" do both: a ">>" counts once).
    const bool code = c == '>' && (prev == '>' || next == '=');
    for (std::size_t k = 0; k < kArrows.size(); ++k) {
      if (c != kArrows[k] || code) continue;
      // A slash only separates crumbs with spaces round it: dates and URLs have slashes too.
      if (c == '/' && !(IsSpace(prev) && next == ' ')) continue;
      ++counts[k];
    }
    prev = c;
  }
  std::size_t best = 0;
  for (std::size_t k = 1; k < kArrows.size(); ++k) {
    if (counts[k] > counts[best]) best = k;
  }
  const int seps = counts[best];
  if (seps == 0 || (seps == 1 && line.chars > 30)) return false;
  const char32_t arrow = kArrows[best];
  Segments segs;
  Split(line.core, [arrow](char32_t c, char32_t, char32_t) { return c == arrow; }, &segs);
  if (segs.overflow || segs.count < 2) return false;
  for (int k = 0; k < segs.count; ++k) {
    const Segment& s = segs.items[k];
    // The last crumb may be the article's own title.
    const bool last = k == segs.count - 1;
    if (s.cjk > (last ? 40 : 16) || s.words > (last ? 16 : 5)) return false;
  }
  return true;
}

namespace {

// How many images in `s` are followed by a caption of a headline's size.
int CaptionedImages(std::string_view s) {
  Segments segs;
  Split(s, [](char32_t c, char32_t, char32_t) { return c == '[' || c == ']'; }, &segs);
  const auto bracketed = [s](const Segment& seg) {
    const std::size_t at = seg.text.data() - s.data();
    return at > 0 && s[at - 1] == '[' && at + seg.text.size() < s.size() &&
           s[at + seg.text.size()] == ']';
  };
  int captioned = 0;
  for (int k = 0; k + 1 < segs.count; ++k) {
    const Segment& image = segs.items[k];
    const Segment& caption = segs.items[k + 1];
    if (!bracketed(image) || !IsImageName(image.text) || bracketed(caption)) continue;
    captioned += (caption.cjk >= 8 && caption.cjk <= 60) || (caption.words >= 4 && caption.words <= 25);
  }
  return captioned;
}

}  // namespace

bool IsLinkList(const Line& line) {
  constexpr int kMinThumbnails = 3;
  if (line.images >= kMinThumbnails && CaptionedImages(line.core) >= kMinThumbnails) return true;
  const bool spaced_cjk = line.MostlyCjk() && line.spaces >= 3 && line.commas == 0 && line.terminals == 0;
  if ((line.separators < 2 && !spaced_cjk) || IsProse(line) || line.terminals > 1 || IsCode(line))
    return false;
  Segments segs;
  // Menus joined by bars, dots or slashes, or by dashes with spaces round them.
  Split(line.core,
        [](char32_t c, char32_t prev, char32_t next) {
          return c == '|' || c == U'｜' || c == U'·' || c == U'•' || c == U'・' || c == U'¦' ||
                 (c == '/' && IsSpace(prev) && IsSpace(next)) ||
                 (IsDash(c) && IsSpace(prev) && IsSpace(next));
        },
        &segs);
  if (segs.count >= 3) {
    bool all_short = true;
    for (int k = 0; k < segs.count && all_short; ++k)
      all_short = segs.items[k].cjk <= 12 && segs.items[k].words <= 5 && segs.items[k].chars <= 30;
    if (all_short) return true;
  }
  // CJK menus often have no marks at all, only spaces between short names.
  if (!spaced_cjk) return false;
  Split(line.core, [](char32_t c, char32_t, char32_t) { return IsSpace(c); }, &segs);
  if (segs.count < 4) return false;
  int total = 0;
  for (int k = 0; k < segs.count; ++k) {
    if (segs.items[k].chars > 8) return false;
    total += segs.items[k].chars;
  }
  return total <= 5 * segs.count || segs.overflow;
}

bool IsDoubled(const Line& line) {
  // Each copy is a caption's phrase: three words or six CJK characters at least. A name twice
  // ("VeraCrypt VeraCrypt") heads the teaser under it, as a headline would.
  const std::string_view s = line.core;
  if (line.words < 6 && line.cjk < 12) return false;
  for (std::size_t gap = 0; gap <= 2 && gap < s.size(); ++gap) {
    if ((s.size() - gap) % 2 != 0) continue;
    const std::size_t half = (s.size() - gap) / 2;
    const std::string_view between = s.substr(half, gap);
    if (between.find_first_not_of(' ') == std::string_view::npos &&
        s.substr(0, half) == s.substr(half + gap))
      return true;
  }
  return false;
}

bool IsKeywordStuffed(const Line& line) {
  if (line.chars > 300 || line.terminals > 0 || line.separators + line.commas + line.spaces < 4)
    return false;
  // Spaces join CJK keywords but are how alphabetic scripts write; there, running text (function
  // words) is never stuffing and only explicit separators split.
  const bool cjk = line.MostlyCjk();
  if (!cjk && line.stops * 5 >= line.words) return false;
  // Chinese running text spends one character in ten or more on function characters (的, 了,
  // 是, 不); a reply written in clauses without a full stop repeats its words from clause to
  // clause like stuffing does, but stuffed keywords and names have almost none.
  if (cjk && line.stops * 10 >= line.cjk) return false;
  Segments segs;
  Split(line.core,
        [cjk](char32_t c, char32_t, char32_t) {
          return IsDash(c) || c == '|' || c == U'｜' || c == ',' || c == U'，' || c == U'、' ||
                 c == '/' || (cjk && IsSpace(c));
        },
        &segs);
  if (segs.count < 5) return false;
  for (int k = 0; k < segs.count; ++k) {
    if (segs.items[k].chars > 16) return false;
  }
  // How many segments each term appears in.
  constexpr int kMaxTerms = 24;
  std::array<std::uint64_t, kMaxSegments * 4> seen_terms;
  std::array<int, kMaxSegments * 4> seen_segments{};
  int seen = 0;
  for (int k = 0; k < segs.count; ++k) {
    std::uint64_t terms[kMaxTerms];
    int n = 0;
    CollectTerms(segs.items[k].text, terms, &n, kMaxTerms);
    for (int t = 0; t < n; ++t) {
      // Count each term once per segment.
      bool again = false;
      for (int u = 0; u < t && !again; ++u) again = terms[u] == terms[t];
      if (again) continue;
      int slot = 0;
      while (slot < seen && seen_terms[slot] != terms[t]) ++slot;
      if (slot == seen) {
        if (seen == static_cast<int>(seen_terms.size())) continue;
        seen_terms[seen++] = terms[t];
      }
      ++seen_segments[slot];
    }
  }
  int repeated = 0;
  for (int s = 0; s < seen; ++s) {
    if (seen_segments[s] >= 3) return true;
    repeated += seen_segments[s] >= 2;
  }
  return repeated >= 4;
}

}  // namespace internal
}  // namespace pith
