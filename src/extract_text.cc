#include "extract_text.h"

#include <algorithm>

#include <re2/re2.h>

#include "pith/error.h"
#include "text_lines.h"

namespace pith::internal {

char32_t DecodeBefore(std::string_view s, std::size_t end) {
  if (end == 0) return 0;
  std::size_t start = end - 1;
  while (start > 0 && end - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  std::size_t len;
  return DecodeAt(s, start, &len);
}

std::size_t CodePointCount(std::string_view s, std::size_t limit) {
  // Blocks keep the inner loop simple enough to vectorize; the limit is checked between them.
  constexpr std::size_t kBlock = 64;
  std::size_t n = 0;
  for (std::size_t at = 0; at < s.size() && n < limit; at += kBlock) {
    for (char ch : s.substr(at, kBlock)) n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  }
  return std::min(n, limit);
}

bool IsSpace(char32_t c) {
  return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xA0 || c == 0x3000 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0xFEFF;
}

bool IsTrimmable(char32_t c) {
  if (c < 0x80) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
           (c >= '{' && c <= '~');
  }
  return (c >= 0xA1 && c <= 0xBF) || (c >= 0x2010 && c <= 0x206F) || (c >= 0x2190 && c <= 0x21FF) ||
         (c >= 0x25A0 && c <= 0x27BF) || (c >= 0x3001 && c <= 0x303F) || c == 0x30FB ||
         (c >= 0xFE30 && c <= 0xFE6F) || (c >= 0xFF01 && c <= 0xFF0F) ||
         (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
         (c >= 0xFF5B && c <= 0xFF65) || c == 0xFFFD;
}

bool IsWordChar(char32_t c) { return !IsSpace(c) && !IsTrimmable(c); }

bool IsDigitChar(char32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }

std::size_t HanCount(std::string_view s, std::size_t limit) {
  std::size_t n = 0;
  if (limit == 0) return 0;
  ForEachHan(s, [&](std::size_t, std::size_t) { return ++n < limit; });
  return n;
}

bool HasOrgSuffix(std::string_view s) {
  static constexpr std::string_view kSuffixes[] = {
      "社", "网", "網", "报", "報", "台", "刊", "志", "誌", "频道", "頻道", "新闻", "新聞", "在线", "在線",
      "News", "Times", "Post", "Journal", "Herald", "Tribune", "Daily", "Press", "Online", "Magazine",
      "Network", "Agency", "Gazette", "Telegraph", ".com", ".cn", ".net", ".org"};
  s = TrimSpaces(s);
  for (std::string_view suffix : kSuffixes) {
    if (s.size() > suffix.size() && s.ends_with(suffix)) return true;
  }
  return false;
}

namespace {

template <typename Pred>
std::string_view TrimIf(std::string_view s, Pred drop) {
  std::size_t begin = 0, len;
  while (begin < s.size() && drop(DecodeAt(s, begin, &len))) begin += len;
  std::size_t end = s.size();
  while (end > begin) {
    const char32_t c = DecodeBefore(s, end);
    if (!drop(c)) break;
    std::size_t back = 1;
    while (back < end - begin && (static_cast<unsigned char>(s[end - back]) & 0xC0) == 0x80) ++back;
    end -= back;
  }
  return s.substr(begin, end - begin);
}

}  // namespace

std::string_view Prefix(std::string_view s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  std::size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

std::string_view TrimSpaces(std::string_view s) { return TrimIf(s, IsSpace); }

std::string_view TrimPunct(std::string_view s) {
  return TrimIf(s, [](char32_t c) { return IsSpace(c) || IsTrimmable(c); });
}

std::string CollapseSpaces(std::string_view s) {
  s = TrimSpaces(s);
  std::string out;
  out.reserve(s.size());
  // Whole runs of other characters are copied at once, with one space between runs.
  std::size_t run = 0;
  auto append_run = [&](std::size_t end) {
    if (end == run) return;
    if (!out.empty()) out.push_back(' ');
    out.append(s.substr(run, end - run));
  };
  for (std::size_t i = 0, len; i < s.size(); i += len) {
    if (!IsSpace(DecodeAt(s, i, &len))) continue;
    append_run(i);
    run = i + len;
  }
  append_run(s.size());
  return out;
}

int ParseDigits(std::string_view s) {
  if (s.empty()) return -1;
  int value = 0;
  for (std::size_t i = 0, len; i < s.size(); i += len) {
    const char32_t c = DecodeAt(s, i, &len);
    if (!IsDigitChar(c)) return -1;
    const int d = static_cast<int>(c >= 0xFF10 ? c - 0xFF10 : c - '0');
    if (value > 100000000) return -1;
    value = value * 10 + d;
  }
  return value;
}

std::unique_ptr<const re2::RE2> CompileBuiltIn(std::string_view pattern, std::string_view what) {
  RE2::Options options;
  options.set_log_errors(false);
  auto re = std::make_unique<const RE2>(re2::StringPiece(pattern.data(), pattern.size()), options);
  if (!re->ok()) {
    throw RuleError("extract", std::string(what), re->error() + ": " + re->error_arg());
  }
  return re;
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  ForEachLine(text, [&lines](std::string_view line) { lines.push_back(line); });
  return lines;
}

}  // namespace pith::internal
