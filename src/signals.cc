#include "signals.h"

#include <re2/re2.h>
#include <re2/set.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "text_lines.h"

namespace pith::internal {
namespace {

// Decodes UTF-8 into code points; an invalid sequence becomes U+FFFD and is counted.
std::u32string Decode(std::string_view s, std::size_t* invalid) {
  std::u32string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
  const auto n = static_cast<std::int32_t>(s.size());
  for (std::int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) {
      ++*invalid;
      c = 0xFFFD;
    }
    out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

bool IsSpace(char32_t c) {
  // Every White_Space character is at most U+3000: the CJK text above it needs no lookup.
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  if (c > 0x3000) return c == 0xFEFF;
  return u_isUWhiteSpace(static_cast<UChar32>(c)) || c == 0x200B;
}

std::u32string_view Trim(std::u32string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// Sentence-final punctuation of both scripts; a closing quote ends a quoted sentence.
bool EndsSentence(std::u32string_view line) {
  static constexpr std::u32string_view kEnds = U"。！？…．｡‼⁇.!?;；\"'”’」』";
  return !line.empty() && kEnds.find(line.back()) != std::u32string_view::npos;
}

// What a UTF-8 continuation byte looks like once read as cp1252 or Latin-1.
bool LooksLikeContinuation(char32_t c) {
  static constexpr std::u32string_view kCp1252 = U"€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";
  return (c >= 0x80 && c <= 0xBF) || kCp1252.find(c) != std::u32string_view::npos;
}

// Code points of `line` in the commonest mojibake patterns: UTF-8 read as Latin-1/cp1252 (a lead
// byte's letter, Â Ã for two-byte sequences or â ä..é for three-byte ones, followed by
// continuation look-alikes), GBK's rendering of replaced bytes "锟斤拷", and runs of the debug
// fill characters 烫 and 屯.
std::size_t CountMojibake(std::u32string_view line) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < line.size();) {
    const char32_t c = line[i];
    const std::size_t need = (c == 0xC2 || c == 0xC3) ? 1 : (c == 0xE2 || (c >= 0xE4 && c <= 0xE9)) ? 2 : 0;
    if (need) {
      std::size_t k = 0;
      while (k < need && i + 1 + k < line.size() && LooksLikeContinuation(line[i + 1 + k])) ++k;
      if (k == need) {
        count += need + 1;
        i += need + 1;
        continue;
      }
    }
    if (line.substr(i, 3) == U"锟斤拷") {
      count += 3;
      i += 3;
      continue;
    }
    if (c == U'烫' || c == U'屯') {
      std::size_t run = 1;
      while (i + run < line.size() && line[i + run] == c) ++run;
      if (run >= 3) count += run;
      i += run;
      continue;
    }
    ++i;
  }
  return count;
}

// Separators of keyword lists and tag clouds.
bool IsListSeparator(char32_t c) {
  static constexpr std::u32string_view kSeparators = U"|｜_,，、/／·•;；-–—~～";
  return kSeparators.find(c) != std::u32string_view::npos;
}

bool IsKeywordList(std::u32string_view line) {
  if (EndsSentence(line)) return false;
  std::size_t items = 0, item_chars = 0, current = 0;
  auto close = [&] {
    if (current) ++items, item_chars += current;
    current = 0;
  };
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char32_t c = line[i];
    const bool cjk_before = i > 0 && IsCjk(line[i - 1]);
    const bool cjk_after = i + 1 < line.size() && IsCjk(line[i + 1]);
    // A hyphen inside a Latin word ("long-term") joins; between CJK keywords or spaces it lists.
    const bool joining_hyphen = c == U'-' && !cjk_before && !cjk_after && i > 0 && i + 1 < line.size() &&
                                !IsSpace(line[i - 1]) && !IsSpace(line[i + 1]);
    if (IsListSeparator(c) && !joining_hyphen) {
      close();
    } else if (IsSpace(c)) {
      // Spaces separate CJK keywords; between Latin words they are part of a phrase.
      if (cjk_before || cjk_after) close();
    } else {
      ++current;
    }
  }
  close();
  return items >= 5 && item_chars <= 8 * items;
}

bool IsAsciiAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// Lowercased ASCII letters; other bytes unchanged.
std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// True when `token` (lowercased) is a URL or a bare domain with a common top-level domain.
bool IsUrlToken(std::string_view token) {
  while (!token.empty() && !IsAsciiAlnum(token.back())) token.remove_suffix(1);
  if (token.starts_with("http://") || token.starts_with("https://") || token.starts_with("www.")) return true;
  const std::size_t dot = token.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  const std::string_view host = token.substr(0, token.find('/'));
  const std::size_t host_dot = host.rfind('.');
  if (host_dot == std::string_view::npos || host_dot == 0) return false;
  static constexpr std::array<std::string_view, 28> kTlds = {
      "com", "net", "org", "cn", "info", "biz", "top", "xyz", "cc", "tv", "me", "io", "co", "vip",
      "club", "site", "online", "shop", "win", "bet", "app", "ru", "uk", "jp", "hk", "tw", "us", "edu"};
  const std::string_view tld = host.substr(host_dot + 1);
  return std::find(kTlds.begin(), kTlds.end(), tld) != kTlds.end();
}

bool IsLinkFarm(std::string_view lower) {
  std::size_t urls = 0, url_chars = 0, visible = 0;
  std::size_t start = 0;
  while (start < lower.size()) {
    const std::size_t end = std::min(lower.find_first_of(" \t|,", start), lower.size());
    const std::string_view token = lower.substr(start, end - start);
    visible += token.size();
    if (!token.empty() && IsUrlToken(token)) ++urls, url_chars += token.size();
    start = end + 1;
  }
  return urls >= 3 || (urls > 0 && 2 * url_chars >= visible);
}

// Words of the kinds of spam injected into pages: gambling, pornography, counterfeit goods and
// fake invoices, SEO services, game private servers. One alone is ordinary news vocabulary (a
// story about a casino); two distinct ones on a line is the shape of spam.
constexpr std::array<std::string_view, 40> kSpamCjk = {
    "博彩", "赌博", "赌场", "娱乐城", "百家乐", "六合彩", "时时彩", "老虎机", "棋牌", "真人视讯",
    "体育投注", "彩金", "返水", "开户", "色情", "成人网站", "成人视频", "一区二区", "无码", "有码",
    "女优", "国产精品", "欧美日韩", "日韩欧美", "自拍偷拍", "偷拍", "在线观看", "免费观看", "色综合",
    "代开发票", "发票代开", "办证", "高仿", "刷单", "代孕", "蜘蛛池", "站群", "快速排名", "私服",
    "外挂"};
// Matched as whole ASCII words ("av" glued to CJK text counts, "have" does not).
constexpr std::array<std::string_view, 25> kSpamWords = {
    "casino", "poker", "blackjack", "roulette", "slots", "betting", "sportsbook", "jackpot", "porn",
    "porno", "xxx", "sex", "nude", "escort", "viagra", "cialis", "levitra", "pharmacy", "replica",
    "payday", "loans", "backlinks", "seo", "hentai", "av"};

// Every term and word in one set, searched in one pass over a line: sixty-five searches of
// their own were most of `pith check`'s time. Latin-1, so that the set reads bytes as IsAsciiAlnum
// does: a term's UTF-8 bytes match themselves, and any byte but a-z and 0-9 bounds a word, even
// in text that is not valid UTF-8.
const RE2::Set& SpamVocabulary() {
  static const std::unique_ptr<RE2::Set> set = [] {
    RE2::Options options;
    options.set_encoding(RE2::Options::EncodingLatin1);
    options.set_log_errors(false);
    auto s = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
    for (std::string_view term : kSpamCjk) s->Add(RE2::QuoteMeta(term), nullptr);
    for (std::string_view word : kSpamWords) {
      s->Add("(?:^|[^a-z0-9])" + RE2::QuoteMeta(word) + "(?:[^a-z0-9]|$)", nullptr);
    }
    s->Compile();
    return s;
  }();
  return *set;
}

bool HasSpamVocabulary(std::string_view lower) {
  thread_local std::vector<int> found;
  return SpamVocabulary().Match(re2::StringPiece(lower.data(), lower.size()), &found) &&
         found.size() >= 2;
}

// Keyword list, link farm or spam vocabulary (pith/check.h).
bool IsSpamLine(std::string_view line, std::u32string_view trimmed) {
  const std::string lower = LowerAscii(line);
  return IsLinkFarm(lower) || IsKeywordList(trimmed) || HasSpamVocabulary(lower);
}

}  // namespace

TextSignals MeasureText(std::string_view text) {
  TextSignals s;
  std::unordered_set<std::u32string> seen;
  ForEachLine(text, [&](std::string_view raw) {
    const std::u32string line = Decode(raw, &s.invalid_utf8);
    s.chars += line.size();
    for (char32_t c : line) {
      if (c == 0xFFFD) ++s.replacement_chars;
      if (IsSpace(c)) continue;
      ++s.visible_chars;
      if (IsCjk(c)) ++s.cjk_chars;
    }
    const std::u32string_view trimmed = Trim(line);
    if (trimmed.empty()) return;
    ++s.lines;
    s.mojibake_chars += CountMojibake(trimmed);
    if (EndsSentence(trimmed)) ++s.sentence_end_lines;
    if (!seen.emplace(trimmed).second) ++s.dup_lines;
    if (IsSpamLine(raw, trimmed)) s.spam_chars += line.size();
  });
  return s;
}

}  // namespace pith::internal
