#include "extract_title.h"

#include <algorithm>
#include <array>
#include <bit>
#include <bitset>
#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

#include "extract_text.h"
#include "minhash.h"

namespace pith::internal {
namespace {

// A body shorter than this (in Han characters) is too little to judge a title segment by.
constexpr std::size_t kMinBodyHan = 100;
// A segment whose pairs occur this rarely in the body is unrelated to it...
constexpr double kUnrelated = 0.2;
// ...when the rest of the title clearly belongs to the body.
constexpr double kRelated = 0.5;
// Longer title lines are cut to this before cleaning.
constexpr std::size_t kMaxTitleBytes = 1024;
// Site and section names are short.
constexpr std::size_t kMaxSiteChars = 24;

constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kBrackets = {{
    {"《", "》"}, {"【", "】"}, {"「", "」"}, {"『", "』"}, {"“", "”"}, {"\"", "\""}, {"[", "]"}, {"〔", "〕"},
}};

constexpr std::string_view kMediaTags[] = {
    "图", "圖", "组图", "組圖", "图文", "圖文", "多图", "多圖", "高清组图", "高清組圖", "视频", "視頻",
    "附视频", "附視頻", "直播", "Video", "VIDEO", "Photos", "PHOTOS", "Watch"};


// The bytes that begin one of `words`: a loop over a title looks for the words only there.
template <std::size_t N>
constexpr std::array<bool, 256> FirstBytes(const std::string_view (&words)[N]) {
  std::array<bool, 256> starts{};
  for (std::string_view w : words) starts[static_cast<unsigned char>(w[0])] = true;
  return starts;
}

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// "1. ", "2、", "3) ", "(4)", "[5]" before a title in a list.
std::string_view StripListNumber(std::string_view s) {
  std::size_t i = 0;
  for (std::string_view open : {"(", "（", "["}) {
    if (s.starts_with(open)) {
      std::size_t j = open.size();
      while (j < s.size() && IsAsciiDigit(s[j])) ++j;
      if (j == open.size() || j - open.size() > 3) return s;
      for (std::string_view close : {")", "）", "]"}) {
        if (s.substr(j, close.size()) == close) return TrimSpaces(s.substr(j + close.size()));
      }
      return s;
    }
  }
  while (i < s.size() && IsAsciiDigit(s[i])) ++i;
  if (i == 0 || i > 3) return s;
  for (std::string_view mark : {".", "、", "．", ")", "）"}) {
    if (s.substr(i, mark.size()) != mark) continue;
    const std::string_view rest = s.substr(i + mark.size());
    // 3.5亿 is a number, not an item.
    if (rest.empty() || IsAsciiDigit(rest[0])) return s;
    return TrimSpaces(rest);
  }
  return s;
}

// Removes brackets that enclose the whole title: 《X》, 【X】.
std::string_view Unwrap(std::string_view s) {
  for (const auto& [open, close] : kBrackets) {
    if (s.size() > open.size() + close.size() && s.starts_with(open) && s.ends_with(close)) {
      const std::string_view inner = s.substr(open.size(), s.size() - open.size() - close.size());
      if (inner.find(close) == std::string_view::npos) return TrimSpaces(inner);
    }
  }
  return s;
}

// Removes a bracketed media tag at either end: "(图)", "【视频】".
std::string_view DropMediaTags(std::string_view s) {
  constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kTagBrackets = {{
      {"(", ")"}, {"（", "）"}, {"[", "]"}, {"【", "】"}}};
  // A title that neither starts with an opening bracket nor ends with a closing one, as most do,
  // holds no tag to drop; the 80 brackets and tags need not be tried.
  const bool bracketed = std::any_of(kTagBrackets.begin(), kTagBrackets.end(), [&](const auto& b) {
    return s.starts_with(b.first) || s.ends_with(b.second);
  });
  if (!bracketed) return s;
  for (const auto& [open, close] : kTagBrackets) {
    for (std::string_view tag : kMediaTags) {
      // open + tag + close, compared piece by piece rather than built for every tag.
      const std::size_t tagged = open.size() + tag.size() + close.size();
      if (s.size() > tagged && HasAt(s, s.size() - tagged, open) && HasAt(s, s.size() - tagged + open.size(), tag) &&
          HasAt(s, s.size() - close.size(), close)) {
        s = TrimSpaces(s.substr(0, s.size() - tagged));
      }
      if (s.size() > tagged && HasAt(s, 0, open) && HasAt(s, open.size(), tag) &&
          HasAt(s, open.size() + tag.size(), close)) {
        s = TrimSpaces(s.substr(tagged));
      }
    }
  }
  return s;
}

// A short Latin name in title case: "BBC News", "The Guardian", "Opinion", "Brasil 247".
bool IsTitleCaseName(std::string_view s) {
  constexpr std::string_view kConnectors[] = {"of", "the", "and", "&", "on", "for", "de", "des",
                                              "du", "la", "le", "et", "y", "der", "die", "und"};
  if (s.empty() || s.size() > 40 || HanCount(s) > 0) return false;
  std::size_t words = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    const std::size_t start = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i == start) break;
    const std::string_view w = s.substr(start, i - start);
    const bool connector = std::find(std::begin(kConnectors), std::end(kConnectors), w) != std::end(kConnectors);
    const bool capital = w[0] >= 'A' && w[0] <= 'Z';
    const bool number = words > 0 && std::all_of(w.begin(), w.end(), IsAsciiDigit);
    if (!connector && !capital && !number) return false;
    ++words;
  }
  return words >= 1 && words <= 4;
}

// Ends with a domain name: "rp.pl", "Zobacz na przepisy.pl", "www.example.com".
bool EndsWithDomain(std::string_view s) {
  const std::size_t space = s.find_last_of(' ');
  const std::string_view last = space == std::string_view::npos ? s : s.substr(space + 1);
  const std::size_t dot = last.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  const std::string_view tld = last.substr(dot + 1);
  if (tld.size() < 2 || tld.size() > 6) return false;
  auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  // Host names may hold letters of any script (Aktuálně.cz), but no spaces or punctuation
  // other than dots and hyphens.
  auto host = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsAsciiDigit(c) || c == '-' || c == '.' ||
           static_cast<unsigned char>(c) >= 0x80;
  };
  return std::all_of(tld.begin(), tld.end(), lower) && std::all_of(last.begin(), last.end(), host);
}

// Only digits and the punctuation of dates and scores: "21/12/2018", "28.09.2020".
bool IsNumbersOnly(std::string_view s) {
  bool digit = false;
  for (char c : s) {
    if (IsAsciiDigit(c)) digit = true;
    else if (c != '/' && c != '.' && c != '-' && c != ':' && c != ' ') return false;
  }
  return digit;
}

// How a part is joined to the rest of a title, which says how sure a separator it is.
enum class Joint {
  kBar,       // " - ", " – ", " · ", " // ": what sites put between title, section and site
  kUnspaced,  // "——", "—", "-" after CJK: mostly punctuation inside titles
};

// A part of a title that names the site or its section rather than the article, or dates the
// page. A bare section-like name ("Opinion", 两岸三地) or a date counts only after a bar-like
// separator; a section name only as the `tail` and beside a title at least twice as long
// (`title_chars`), so that "Star Wars - The Last Jedi" and "Chapter 6 - Monitoring" stay whole.
bool IsSiteName(std::string_view s, Joint joint, bool tail, std::size_t title_chars) {
  constexpr std::string_view kSiteSuffixes[] = {"中心", "首页", "首頁", "官网", "官網", "频道", "頻道",
                                                "博客", "论坛", "論壇", "社区", "社區", "百科", "头条",
                                                "頭條"};
  // Section names in Chinese are a few characters.
  constexpr std::size_t kMaxSectionHan = 6;
  s = TrimSpaces(s);
  const std::size_t n = CodePointCount(s);
  if (n == 0 || n > kMaxSiteChars) return false;
  if (HasOrgSuffix(s) || EndsWithDomain(s)) return true;
  for (std::string_view suffix : kSiteSuffixes) {
    if (s.ends_with(suffix) && s.size() > suffix.size()) return true;
  }
  if (joint != Joint::kBar) return false;
  if (IsNumbersOnly(s)) return true;
  if (!tail || title_chars < 2 * n) return false;
  return IsTitleCaseName(s) || (HanCount(s) == n && n <= kMaxSectionHan);
}

// Splits at the separators that sites put between title, section and site name (_ and |), and
// keeps the longest part: the title is the long one.
std::string_view KeepLongestPart(std::string_view s) {
  static constexpr std::string_view kSeparators[] = {"_", "|", "｜", "丨", "│", "--"};
  static constexpr std::array<bool, 256> kStarts = FirstBytes(kSeparators);
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t cut = 0;
    if (kStarts[static_cast<unsigned char>(s[i])]) {
      for (std::string_view sep : kSeparators) {
        if (HasAt(s, i, sep)) cut = sep.size();
      }
    }
    if (cut == 0) {
      ++i;
      continue;
    }
    parts.push_back(TrimSpaces(s.substr(start, i - start)));
    i += cut;
    start = i;
  }
  if (parts.empty()) return s;
  parts.push_back(TrimSpaces(s.substr(start)));
  // Letters and digits, not punctuation, measure a part: "藍天 :: 痞客邦 PIXNET ::" is short.
  auto words = [](std::string_view p) {
    std::size_t n = 0;
    for (std::size_t i = 0, len; i < p.size(); i += len) n += IsWordChar(DecodeAt(p, i, &len));
    return n;
  };
  std::string_view best;
  std::size_t best_words = 0;
  for (std::string_view p : parts) {
    if (const std::size_t n = words(p); n > best_words) {
      best = p;
      best_words = n;
    }
  }
  return best;
}

// Drops site names joined to the title by dashes, at the end ("X - BBC News", "X—新华网") or at
// the start ("新华网 - X"), as long as they look like site names.
std::string_view DropDashedSiteNames(std::string_view s) {
  // How sure each separator is decides what may be dropped after it (see IsSiteName): 新征程——
  // 聚焦两会 keeps its dash, "X - BBC News" and "X—新华网" lose the site.
  static constexpr std::string_view kDashes[] = {" - ", " – ", " — ", " —— ", " · ", " // ", " :: ",
                                                 "——", "—", "－", "-"};
  static constexpr Joint kJoints[] = {Joint::kBar, Joint::kBar, Joint::kBar, Joint::kBar,
                                      Joint::kBar, Joint::kBar, Joint::kBar, Joint::kUnspaced,
                                      Joint::kUnspaced, Joint::kUnspaced, Joint::kUnspaced};
  static_assert(std::size(kDashes) == std::size(kJoints));
  static constexpr std::array<bool, 256> kStarts = FirstBytes(kDashes);
  constexpr std::size_t kCount = std::size(kDashes);
  constexpr std::size_t npos = std::string_view::npos;
  for (bool changed = true; changed;) {
    changed = false;
    // Where each dash occurs first and last (overlaps included, as find and rfind see them),
    // from one pass over the title rather than two per dash.
    std::array<std::size_t, kCount> first, last;
    first.fill(npos);
    last.fill(npos);
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (!kStarts[static_cast<unsigned char>(s[i])]) continue;
      for (std::size_t k = 0; k < kCount; ++k) {
        if (!HasAt(s, i, kDashes[k])) continue;
        if (first[k] == npos) first[k] = i;
        last[k] = i;
      }
    }
    for (std::size_t k = 0; k < kCount && !changed; ++k) {
      const std::string_view dash = kDashes[k];
      // An unspaced ASCII hyphen joins Latin words (Wi-Fi, 737-800); it separates a site name
      // only after CJK text, as in 选举-今日头条.
      auto separates = [&](std::size_t at) { return dash != "-" || DecodeBefore(s, at) >= 0x80; };
      if (last[k] != npos && last[k] > 0 && separates(last[k])) {
        const std::string_view head = TrimSpaces(s.substr(0, last[k]));
        const std::string_view tail = s.substr(last[k] + dash.size());
        if (CodePointCount(head) >= 4 && IsSiteName(tail, kJoints[k], /*tail=*/true, CodePointCount(head))) {
          s = head;
          changed = true;
          continue;
        }
      }
      if (first[k] != npos && first[k] > 0 && separates(first[k])) {
        const std::string_view head = s.substr(0, first[k]);
        const std::string_view tail = TrimSpaces(s.substr(first[k] + dash.size()));
        if (CodePointCount(tail) > CodePointCount(head) &&
            IsSiteName(head, kJoints[k], /*tail=*/false, CodePointCount(tail))) {
          s = tail;
          changed = true;
        }
      }
    }
  }
  return s;
}

// Removes a "Powered by ..." credit and everything after it, then separators left dangling at
// either end ("-铜雀历史网", "标题--健康·生活-").
std::string_view DropCreditsAndDangling(std::string_view s) {
  for (std::string_view credit : {"Powered by", "powered by", "POWERED BY"}) {
    const std::size_t at = s.find(credit);
    if (at != std::string_view::npos && at > 0) s = s.substr(0, at);
  }
  constexpr std::string_view kDangling[] = {"-", "_", "|", "｜", "—", "–", "·", "/", ";", "；"};
  for (bool changed = true; changed;) {
    changed = false;
    s = TrimSpaces(s);
    for (std::string_view d : kDangling) {
      if (s.size() > d.size() && s.starts_with(d)) {
        s = s.substr(d.size());
        changed = true;
      }
      if (s.size() > d.size() && s.ends_with(d)) {
        s = s.substr(0, s.size() - d.size());
        changed = true;
      }
    }
  }
  return s;
}

struct Hits {
  std::size_t found = 0;
  std::size_t total = 0;
};

// A pair of adjacent Han characters (six to eight bytes), as its bytes read as a big-endian
// number, left-aligned and padded with zero bytes. No byte of a Han character is zero, so the
// padding tells the lengths apart: equal keys mean equal byte strings.
using PairKey = std::uint64_t;

// The eight bytes from s[i] in memory order, the first in the lowest bits (big_endian false) or
// in the highest (true); bytes past the end of `s` read as zero.
std::uint64_t Load8(std::string_view s, std::size_t i, bool big_endian) {
  std::uint64_t v = 0;
  if (i + 8 <= s.size()) {
    std::memcpy(&v, s.data() + i, 8);
    if ((std::endian::native == std::endian::big) != big_endian) v = __builtin_bswap64(v);
    return v;
  }
  for (std::size_t k = 0; k < 8 && i + k < s.size(); ++k) {
    const std::uint64_t byte = static_cast<unsigned char>(s[i + k]);
    v |= big_endian ? byte << (56 - 8 * k) : byte << (8 * k);
  }
  return v;
}

// The key of the `len` bytes from s[i].
PairKey KeyAt(std::string_view s, std::size_t i, std::size_t len) {
  const PairKey bytes = Load8(s, i, /*big_endian=*/true);
  return len == 8 ? bytes : bytes & ~(~PairKey{0} >> (8 * len));
}

// The Han pairs of a few strings (a title, its segments), looked up in a body in one pass over
// it. Searching the body for each pair in turn cost a pass per pair, most of the time of extract.
class PairLookup {
 public:
  // Adds the pairs of `s`; returns the number to ask HitsOf about.
  std::size_t Add(std::string_view s) {
    std::size_t prev_start = 0;
    std::size_t prev_end = std::string_view::npos;
    ForEachHan(s, [&](std::size_t start, std::size_t len) {
      if (start == prev_end) {
        const std::size_t pair_len = start + len - prev_start;
        keys_.push_back(KeyAt(s, prev_start, pair_len));
        lengths_ |= 1u << pair_len;
      }
      prev_start = start;
      prev_end = start + len;
      return true;
    });
    ends_.push_back(keys_.size());
    return ends_.size() - 1;
  }

  // Looks the pairs added so far up in the first kRelatednessWindowBytes of `body`, as
  // std::string_view::find would: byte strings anywhere in it, whether valid UTF-8 or not. Stops
  // once all are found, or once settled() (asked before reading and after each new find) says
  // the hits so far decide what the caller wants to know; HitsOf then counts only what was found
  // until then.
  template <typename Settled>
  void Find(std::string_view body, Settled settled) {
    body = Prefix(body, kRelatednessWindowBytes);
    wanted_ = keys_;
    std::sort(wanted_.begin(), wanted_.end());
    wanted_.erase(std::unique(wanted_.begin(), wanted_.end()), wanted_.end());
    found_.assign(wanted_.size(), false);
    std::size_t missing = wanted_.size();
    bool done = missing == 0 || settled();
    // Most places in a body hold none of the wanted pairs: a bit per hash of the wanted pairs
    // turns them away before the binary search.
    std::bitset<kFilterBits> filter;
    for (PairKey key : wanted_) filter.set(FilterBit(key));
    auto check = [&](PairKey key) {
      if (!filter.test(FilterBit(key))) return;
      const std::size_t k = IndexOf(key);
      if (k == wanted_.size() || found_[k]) return;
      found_[k] = true;
      --missing;
      done = missing == 0 || settled();
    };
    constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
    for (std::size_t base = 0; base < body.size() && !done; base += 8) {
      // A pair starts with the lead byte of a three- or four-byte character, 0xE0 or more: its
      // top three bits are set. Eight bytes are tested at once, the top bit of each byte of
      // `leads` set for such a byte (the shifts move bits 6 and 5 of a byte onto its bit 7, so
      // bytes do not mix).
      const std::uint64_t w = Load8(body, base, /*big_endian=*/false);
      for (std::uint64_t leads = w & (w << 1) & (w << 2) & kHighBits; leads != 0; leads &= leads - 1) {
        const std::size_t i = base + static_cast<std::size_t>(std::countr_zero(leads)) / 8;
        const PairKey here = Load8(body, i, /*big_endian=*/true);
        if (lengths_ & 1u << 6) check(here & ~(~PairKey{0} >> 48));
        if (lengths_ & 1u << 7) check(here & ~(~PairKey{0} >> 56));
        if (lengths_ & 1u << 8) check(here);
      }
    }
  }

  // How many of the pairs of the `n`th string added occur in the body (each occurrence of a pair
  // in the string counts).
  Hits HitsOf(std::size_t n) const {
    Hits h;
    for (std::size_t k = n == 0 ? 0 : ends_[n - 1]; k < ends_[n]; ++k) {
      ++h.total;
      h.found += found_[IndexOf(keys_[k])];
    }
    return h;
  }

 private:
  static constexpr std::size_t kFilterBits = 1024;
  static std::size_t FilterBit(PairKey key) { return FibonacciHash(key) >> 54; }

  // The position of `key` in wanted_, or wanted_.size() when it is not there.
  std::size_t IndexOf(PairKey key) const {
    const auto it = std::lower_bound(wanted_.begin(), wanted_.end(), key);
    return it != wanted_.end() && *it == key ? static_cast<std::size_t>(it - wanted_.begin()) : wanted_.size();
  }

  std::vector<PairKey> keys_;        // the pairs of every string added, in order
  unsigned lengths_ = 0;             // bit n set when a pair of n bytes was added
  std::vector<std::size_t> ends_;    // where each string's pairs end in keys_
  std::vector<PairKey> wanted_;      // keys_ sorted, each once
  std::vector<bool> found_;          // whether wanted_[i] occurs in the body
};

// Drops space-separated segments at either end of the title that have nothing to do with the
// body, as long as what remains clearly belongs to it.
std::string DropUnrelatedSegments(std::string_view s, std::string_view body) {
  std::vector<std::string_view> segs;
  for (std::size_t i = 0, len, start = std::string_view::npos; i <= s.size(); i += len) {
    const bool space = i == s.size() || IsSpace(DecodeAt(s, i, &len));
    if (i == s.size()) len = 1;
    if (!space && start == std::string_view::npos) start = i;
    if (space && start != std::string_view::npos) {
      segs.push_back(s.substr(start, i - start));
      start = std::string_view::npos;
    }
  }
  // Only a segment of three or more Han characters beside another can go (see `unrelated`), so
  // other titles, most of them, need no look at the body.
  auto droppable = [](std::string_view seg) { return HanCount(seg, 3) >= 3; };
  if (segs.size() < 2 || std::none_of(segs.begin(), segs.end(), droppable) ||
      HanCount(body, kMinBodyHan) < kMinBodyHan) {
    return std::string(s);
  }
  PairLookup lookup;
  for (std::string_view seg : segs) lookup.Add(seg);
  // Found pairs only ever make a segment more related. Once neither end segment can be dropped,
  // none can (segments go from the ends inward), and the rest of the body need not be read.
  auto kept = [&](std::size_t i) {
    const Hits h = lookup.HitsOf(i);
    return !droppable(segs[i]) || h.total == 0 || static_cast<double>(h.found) >= kUnrelated * h.total;
  };
  lookup.Find(body, [&] { return kept(0) && kept(segs.size() - 1); });
  std::vector<Hits> hits;
  for (std::size_t i = 0; i < segs.size(); ++i) hits.push_back(lookup.HitsOf(i));
  std::size_t first = 0, last = segs.size();  // the kept segments are [first, last)
  auto unrelated = [&](std::size_t i, std::size_t rest_begin, std::size_t rest_end) {
    if (!droppable(segs[i]) || hits[i].total == 0) return false;
    Hits rest;
    for (std::size_t j = rest_begin; j < rest_end; ++j) {
      rest.found += hits[j].found;
      rest.total += hits[j].total;
    }
    return rest.total > 0 && static_cast<double>(hits[i].found) < kUnrelated * hits[i].total &&
           static_cast<double>(rest.found) >= kRelated * rest.total;
  };
  while (last - first >= 2 && unrelated(first, first + 1, last)) ++first;
  while (last - first >= 2 && unrelated(last - 1, first, last - 1)) --last;
  if (first == 0 && last == segs.size()) return std::string(s);
  const std::size_t begin = static_cast<std::size_t>(segs[first].data() - s.data());
  const std::size_t end = static_cast<std::size_t>(segs[last - 1].data() - s.data()) + segs[last - 1].size();
  return std::string(s.substr(begin, end - begin));
}

// Letters and case are ASCII's, as for std::isalpha and std::tolower in the "C" locale.
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Whether `text` holds `word` (ASCII letters) ignoring case. Horspool's search moves on by up to
// the word's length at each step; lowering the body and searching it with find() stopped at
// every byte equal to the word's first letter.
bool ContainsIgnoringCase(std::string_view text, std::string_view word) {
  const std::size_t n = word.size();
  if (n == 0 || n > text.size()) return n == 0;
  // How far the word may move on when `c` is the text byte under its last letter.
  std::array<std::size_t, 256> shift;
  shift.fill(n);
  for (std::size_t k = 0; k + 1 < n; ++k) {
    const char lower = AsciiLower(word[k]);
    shift[static_cast<unsigned char>(lower)] = n - 1 - k;
    shift[static_cast<unsigned char>(lower - 'a' + 'A')] = n - 1 - k;
  }
  for (std::size_t at = 0; at + n <= text.size(); at += shift[static_cast<unsigned char>(text[at + n - 1])]) {
    std::size_t k = n;
    while (k > 0 && AsciiLower(text[at + k - 1]) == AsciiLower(word[k - 1])) --k;
    if (k == 0) return true;
  }
  return false;
}

// The text 《X》 or 【X】 quotes at byte `open_at`, if it is followed by its closing bracket.
std::string_view QuotedAt(std::string_view line, std::size_t open_at, std::string_view open,
                          std::string_view close) {
  // A quoted title is at most about a hundred characters; looking no further keeps long lines
  // full of brackets linear.
  constexpr std::size_t kMaxQuoteBytes = 400;
  const std::string_view window = line.substr(open_at + open.size(), kMaxQuoteBytes);
  const std::size_t end = window.find(close);
  if (end == std::string_view::npos) return {};
  return window.substr(0, end);
}

// Words right before 《X》 that make X a cited source rather than the article.
constexpr std::string_view kCitingWords[] = {
    "摘自", "选自", "選自", "原载", "原載", "刊于", "刊於", "载于", "載於", "来源", "來源", "来源于",
    "來源於", "转自", "轉自", "转载自", "轉載自", "出自", "据", "據", "参考", "參考", "来自", "來自"};

bool IsCited(std::string_view line, std::size_t open_at) {
  // The citing word stands within a few characters of the bracket.
  constexpr std::size_t kLookBehindBytes = 24;
  const std::size_t from = open_at > kLookBehindBytes ? open_at - kLookBehindBytes : 0;
  const std::string_view before = TrimPunct(line.substr(from, open_at - from));
  for (std::string_view w : kCitingWords) {
    if (before.ends_with(w)) return true;
  }
  return false;
}

// Words of the notices themselves, never an article title: 【免责声明】.
bool IsNoticeWord(std::string_view s) {
  for (std::string_view w : {"声明", "聲明", "版权", "版權", "免责", "免責", "提示", "注意"}) {
    if (s.find(w) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

std::string CleanTitle(std::string_view line, std::string_view body) {
  std::string_view s = TrimSpaces(Prefix(line, kMaxTitleBytes));
  s = StripListNumber(s);
  s = Unwrap(s);
  s = DropCreditsAndDangling(s);
  s = KeepLongestPart(s);
  s = DropDashedSiteNames(s);
  s = DropMediaTags(s);
  s = Unwrap(s);
  std::string title = CollapseSpaces(s);
  if (!body.empty()) title = DropUnrelatedSegments(title, body);
  return std::string(Unwrap(TrimSpaces(title)));
}

double Relatedness(std::string_view title, std::string_view body) {
  // Fewer pairs or words than this say too little.
  constexpr std::size_t kMinUnits = 3;
  if (HanCount(title, 1) > 0) {
    if (HanCount(body, kMinBodyHan) < kMinBodyHan) return -1;
    PairLookup lookup;
    const std::size_t n = lookup.Add(title);
    lookup.Find(body, [] { return false; });
    const Hits h = lookup.HitsOf(n);
    return h.total < kMinUnits ? -1 : static_cast<double>(h.found) / h.total;
  }
  // Latin words of four or more letters; body text shorter than a paragraph cannot tell.
  constexpr std::size_t kMinBodyBytes = 300;
  if (body.size() < kMinBodyBytes) return -1;
  body = Prefix(body, kRelatednessWindowBytes);
  Hits h;
  std::size_t i = 0;
  while (i < title.size()) {
    while (i < title.size() && !IsAsciiLetter(title[i])) ++i;
    const std::size_t start = i;
    while (i < title.size() && IsAsciiLetter(title[i])) ++i;
    if (i - start < 4) continue;
    ++h.total;
    h.found += ContainsIgnoringCase(body, title.substr(start, i - start));
  }
  return h.total < kMinUnits ? -1 : static_cast<double>(h.found) / h.total;
}

std::string TitleQuotedInNotice(std::string_view line) {
  // The first 《X》 that the notice does not cite as a source.
  for (std::size_t at = line.find("《"); at != std::string_view::npos; at = line.find("《", at + 1)) {
    const std::string_view q = TrimSpaces(QuotedAt(line, at, "《", "》"));
    const std::size_t n = CodePointCount(q);
    if (n >= 4 && n <= 100 && !IsCited(line, at) && !IsNoticeWord(q)) return std::string(q);
  }
  // 以上就是【X】有关内容: a template that names the article.
  for (std::size_t at = line.find("【"); at != std::string_view::npos; at = line.find("【", at + 1)) {
    const std::string_view q = QuotedAt(line, at, "【", "】");
    if (q.empty()) continue;
    const std::string_view after = line.substr(q.data() - line.data() + q.size() + std::string_view("】").size());
    for (std::string_view w : {"有关", "有關", "相关", "相關", "的内容", "的內容", "的全部", "一文"}) {
      if (after.starts_with(w) && CodePointCount(q) >= 4 && !IsNoticeWord(q)) return std::string(TrimSpaces(q));
    }
  }
  return "";
}

std::string PublicationCitedInNotice(std::string_view line) {
  for (std::size_t at = line.find("《"); at != std::string_view::npos; at = line.find("《", at + 1)) {
    const std::string_view q = TrimSpaces(QuotedAt(line, at, "《", "》"));
    if (!q.empty() && CodePointCount(q) <= 20 && IsCited(line, at)) return std::string(q);
  }
  return "";
}

std::string PublisherPrefix(std::string_view title) {
  // Agency and site names are short; a longer head is a title of the form "Topic: subtitle".
  constexpr std::size_t kMaxName = 10;
  std::size_t colon = std::string_view::npos;
  for (std::string_view c : {":", "："}) colon = std::min(colon, title.find(c));
  if (colon == std::string_view::npos || colon == 0) return "";
  const std::string_view head = TrimSpaces(title.substr(0, colon));
  const std::size_t n = CodePointCount(head);
  if (n < 2 || n > kMaxName || !HasOrgSuffix(head)) return "";
  for (std::size_t i = 0, len; i < head.size(); i += len) {
    if (!IsWordChar(DecodeAt(head, i, &len))) return "";
  }
  return std::string(head);
}

}  // namespace pith::internal
