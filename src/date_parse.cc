#include "date_parse.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <memory>
#include <utility>

#include <re2/re2.h>

#include "extract_text.h"

namespace pith::internal {
namespace {

constexpr CivilDate kEarliest{1990, 1, 1};
// Republic of China (Minguo) years count from 1912.
constexpr int kMinguoOffset = 1911;

// How the groups of a pattern map to year, month and day.
enum class Shape {
  kYearMonthDay,      // 2024-01-29, 2024年1月29日: groups year, sep, month, sep, day
  kMinguo,            // 民國113年1月29日: groups year, month, day
  kNumericDayOrMonth, // 29/01/2024 or 01/29/2024: groups a, sep, b, sep, year
  kMonthNameFirst,    // Jan 29, 2024: groups month name, day, year
  kDayFirstMonthName, // 29 January 2024: groups day, month name, year
};

// Digits may be fullwidth; spaces may be NBSP or ideographic.
#define D "[0-9\\x{FF10}-\\x{FF19}]"
#define S "[\\s\\x{00A0}\\x{3000}]"
#define MONTH                                                                                   \
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"              \
  "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?"

// What a pattern cannot match without: a quick look at the text rules most patterns out before
// a search, and most lines hold no date.
enum class Needs {
  kSeparator,  // '-', '/' or '.'
  kNian,       // 年
  kMinguo,     // 民
  kLetter,     // an ASCII letter, of a month name
};

struct DatePattern {
  Shape shape;
  Needs needs;
  const char* pattern;
};

constexpr DatePattern kDatePatterns[] = {
    {Shape::kYearMonthDay, Needs::kSeparator,
     "(" D "{4})" S "*([-/.])" S "*(" D "{1,2})" S "*([-/.])" S "*(" D "{1,2})"},
    {Shape::kYearMonthDay, Needs::kNian,
     "(" D "{4})" S "*(年)" S "*(" D "{1,2})" S "*(月)" S "*(" D "{1,2})" S "*[日号號]?"},
    {Shape::kMinguo, Needs::kMinguo,
     "民[國国]" S "*(" D "{1,3})" S "*年" S "*(" D "{1,2})" S "*月" S "*(" D "{1,2})" S "*[日号號]?"},
    {Shape::kNumericDayOrMonth, Needs::kSeparator,
     "(" D "{1,2})" S "*([-/.])" S "*(" D "{1,2})" S "*([-/.])" S "*(" D "{4})"},
    {Shape::kMonthNameFirst, Needs::kLetter,
     "(?i)\\b" MONTH S "+(\\d{1,2})(?:st|nd|rd|th)?(?:," S "*|" S "+)(\\d{4})\\b"},
    {Shape::kDayFirstMonthName, Needs::kLetter,
     "(?i)\\b(\\d{1,2})(?:st|nd|rd|th|\\.)?" S "+(?:of" S "+)?" MONTH "(?:," S "*|" S "+)(\\d{4})\\b"},
};

#define PERIOD "(上午|下午|晚上|晚间|凌晨|早上|中午)?" S "*"
#define AMPM "(?:" S "*((?i:a\\.?m\\.?|p\\.?m\\.?)))?"

// A time of day right after a date: "11:30", "T11:30:05", ", 3:45 p.m.", " at 9:05 AM",
// "下午3时30分", "9時0分". Groups: period, hour, minute after a colon, minute after 时, am/pm.
constexpr const char* kTimeAfter =
    "(?:T|" S "*,?" S "*(?:(?i:at)" S "+|@" S "*)?)" PERIOD "(" D "{1,2})"
    "(?:" S "*[:：]" S "*(" D "{2})(?:" S "*[:：]" S "*" D "{2}(?:\\.\\d+)?)?"
    "|" S "*[时時点點]" S "*(" D "{1,2})(?:" S "*分(?:" S "*" D "{1,2}" S "*秒)?)?)" AMPM;

// A time of day right before a date, as some English sites write it: "11:30 AM EST, Mon January
// 29, 2024", "6:00 PM on 5 April 2018". Matched against the text before the date, hence the $.
// Groups: period, hour, minute, am/pm.
constexpr const char* kTimeBefore =
    PERIOD "(" D "{1,2})" S "*[:：]" S "*(" D "{2})(?:[:：]" D "{2})?" AMPM S "*"
    "(?:[A-Z]{2,4}" S "*)?,?" S "*(?:(?i:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?" S "*)?"
    "(?:(?i:on)" S "+)?$";

#undef PERIOD
#undef AMPM

#undef D
#undef S
#undef MONTH

int MonthFromName(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kNames = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  if (name.size() < 3) return -1;
  std::string key;
  for (std::size_t i = 0; i < 3; ++i) key.push_back(static_cast<char>(name[i] | 0x20));
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == key) return static_cast<int>(i) + 1;
  }
  return -1;
}

bool IsDigitAt(std::string_view text, std::size_t i) {
  std::size_t len;
  return i < text.size() && IsDigitChar(DecodeAt(text, i, &len));
}

bool IsDigitBefore(std::string_view text, std::size_t i) { return IsDigitChar(DecodeBefore(text, i)); }

std::size_t Offset(std::string_view text, re2::StringPiece piece) {
  return static_cast<std::size_t>(piece.data() - text.data());
}

// Year, month and day from one match, or nullopt when the numbers cannot be a date.
std::optional<CivilDate> DateOf(Shape shape, const re2::StringPiece* g) {
  auto str = [&](int i) { return std::string_view(g[i].data(), g[i].size()); };
  switch (shape) {
    case Shape::kYearMonthDay:
      // 2024-01/29 is not a date.
      if (str(2) != str(4) && !(str(2) == "年" && str(4) == "月")) return std::nullopt;
      return CivilDate{ParseDigits(str(1)), ParseDigits(str(3)), ParseDigits(str(5))};
    case Shape::kMinguo:
      return CivilDate{ParseDigits(str(1)) + kMinguoOffset, ParseDigits(str(2)), ParseDigits(str(3))};
    case Shape::kNumericDayOrMonth: {
      if (str(2) != str(4)) return std::nullopt;
      const int a = ParseDigits(str(1)), b = ParseDigits(str(3)), year = ParseDigits(str(5));
      // Day-first and month-first readings are both in use with slashes and dashes; only an
      // unambiguous one is taken. Dots are written day first (29.01.2024) where they are used.
      if (a > 12 && b <= 12) return CivilDate{year, b, a};
      if (b > 12 && a <= 12) return CivilDate{year, a, b};
      if (a == b || str(2) == ".") return CivilDate{year, b, a};
      return std::nullopt;
    }
    case Shape::kMonthNameFirst:
      return CivilDate{ParseDigits(str(3)), MonthFromName(str(1)), ParseDigits(str(2))};
    case Shape::kDayFirstMonthName:
      return CivilDate{ParseDigits(str(3)), MonthFromName(str(2)), ParseDigits(str(1))};
  }
  return std::nullopt;
}

std::string_view View(const re2::StringPiece& p) { return std::string_view(p.data(), p.size()); }

// Sets the time of `m` from the parts of a time match; false when they make no time of day.
bool SetTime(std::string_view period, std::string_view hour_text, std::string_view minute_text,
             std::string_view ampm_text, DateMatch* m) {
  int hour = ParseDigits(hour_text);
  const int minute = ParseDigits(minute_text);
  const char ampm = ampm_text.empty() ? 0 : static_cast<char>(ampm_text[0] | 0x20);
  if (ampm || !period.empty()) {
    if (hour > 12) return false;
    const bool afternoon = ampm == 'p' || period == "下午" || period == "晚上" || period == "晚间" ||
                           (period == "中午" && hour < 11);
    if (afternoon && hour < 12) hour += 12;
    if ((ampm == 'a' || period == "凌晨") && hour == 12) hour = 0;
  }
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return false;
  m->hour = hour;
  m->minute = minute;
  return true;
}

// Reads a time of day right after the date of `m`, or else right before it, and extends the span
// of `m` over it.
void ReadTime(const RE2& after, const RE2& before, std::string_view text, DateMatch* m) {
  re2::StringPiece g[6];
  const re2::StringPiece whole(text.data(), text.size());
  if (after.Match(whole, m->end, text.size(), RE2::ANCHOR_START, g, 6)) {
    const std::size_t end = Offset(text, g[0]) + g[0].size();
    const re2::StringPiece& minute = g[3].data() ? g[3] : g[4];
    if (!IsDigitAt(text, end) && SetTime(View(g[1]), View(g[2]), View(minute), View(g[5]), m)) {
      m->end = end;
      return;
    }
  }
  // "12:30:45 p.m. EST, Wednesday, " is about the longest a time before a date gets.
  constexpr std::size_t kMaxTimeBeforeBytes = 64;
  const std::size_t from = m->begin > kMaxTimeBeforeBytes ? m->begin - kMaxTimeBeforeBytes : 0;
  const re2::StringPiece head(text.data() + from, m->begin - from);
  if (before.Match(head, 0, head.size(), RE2::UNANCHORED, g, 5)) {
    const std::size_t begin = Offset(text, g[1].data() ? g[1] : g[2]);
    if (!IsDigitBefore(text, begin) && SetTime(View(g[1]), View(g[2]), View(g[3]), View(g[4]), m)) {
      m->begin = begin;
    }
  }
}

}  // namespace

bool IsRealDate(const CivilDate& d) {
  if (d.month < 1 || d.month > 12 || d.day < 1) return false;
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  const int days = kDays[d.month - 1] + (d.month == 2 && leap);
  return d.day <= days;
}

std::optional<CivilDate> ParseIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  }
  const CivilDate d{ParseDigits(s.substr(0, 4)), ParseDigits(s.substr(5, 2)), ParseDigits(s.substr(8, 2))};
  if (!IsRealDate(d)) return std::nullopt;
  return d;
}

std::string FormatIsoDate(const CivilDate& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::string FormatTime(const DateMatch& m) {
  if (m.hour < 0) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", m.hour, m.minute);
  return buf;
}

CivilDate TodayUtc() {
  const std::chrono::year_month_day ymd{
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

CivilDate NextDay(const CivilDate& d) {
  CivilDate next{d.year, d.month, d.day + 1};
  if (IsRealDate(next)) return next;
  next = {d.year, d.month + 1, 1};
  if (next.month > 12) next = {d.year + 1, 1, 1};
  return next;
}

struct DateFinder::Pattern {
  Shape shape;
  Needs needs;
  std::unique_ptr<const RE2> re;
};

DateFinder::DateFinder()
    : time_after_(CompileBuiltIn(kTimeAfter, "time after a date")),
      time_before_(CompileBuiltIn(kTimeBefore, "time before a date")) {
  for (const DatePattern& p : kDatePatterns) {
    patterns_.push_back({p.shape, p.needs, CompileBuiltIn(p.pattern, "date")});
  }
}

DateFinder::~DateFinder() = default;

std::vector<DateMatch> DateFinder::FindAll(std::string_view text, const CivilDate& latest) const {
  std::vector<DateMatch> found;
  // Every date pattern needs a digit, ASCII or fullwidth (U+FF10..FF19: EF BC 90..99), and each
  // one more (Needs); one pass over the text tells which patterns are worth a search.
  bool digit = false, separator = false, letter = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
    digit = digit || (b(0) >= '0' && b(0) <= '9') ||
            (b(0) == 0xEF && i + 2 < text.size() && b(1) == 0xBC && b(2) >= 0x90 && b(2) <= 0x99);
    separator = separator || b(0) == '-' || b(0) == '/' || b(0) == '.';
    letter = letter || (b(0) >= 'a' && b(0) <= 'z') || (b(0) >= 'A' && b(0) <= 'Z');
  }
  if (!digit) return found;
  auto worth_a_search = [&](Needs needs) {
    switch (needs) {
      case Needs::kSeparator: return separator;
      case Needs::kNian: return text.find("年") != std::string_view::npos;
      case Needs::kMinguo: return text.find("民") != std::string_view::npos;
      case Needs::kLetter: return letter;
    }
    return true;
  };
  const re2::StringPiece whole(text.data(), text.size());
  for (const Pattern& p : patterns_) {
    if (!worth_a_search(p.needs)) continue;
    re2::StringPiece g[6];
    const int groups = 1 + p.re->NumberOfCapturingGroups();
    std::size_t pos = 0;
    while (pos < text.size() && p.re->Match(whole, pos, text.size(), RE2::UNANCHORED, g, groups)) {
      const std::size_t begin = Offset(text, g[0]);
      const std::size_t end = begin + g[0].size();
      // A date is not part of a longer number (phone numbers, ids, version strings). One that
      // ends in 日 may run straight into its time: "2024年06月18日08:21".
      if (IsDigitBefore(text, begin) || (IsDigitBefore(text, end) && IsDigitAt(text, end))) {
        std::size_t len;
        DecodeAt(text, begin, &len);
        pos = begin + len;
        continue;
      }
      pos = end;
      const std::optional<CivilDate> date = DateOf(p.shape, g);
      if (!date || !IsRealDate(*date) || *date < kEarliest || latest < *date) continue;
      found.push_back({*date, -1, -1, begin, end});
    }
  }
  std::sort(found.begin(), found.end(), [](const DateMatch& a, const DateMatch& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::vector<DateMatch> kept;
  for (DateMatch& m : found) {
    if (!kept.empty() && m.begin < kept.back().end) continue;
    ReadTime(*time_after_, *time_before_, text, &m);
    kept.push_back(m);
  }
  return kept;
}

std::optional<DateMatch> DateFinder::Find(std::string_view text, const CivilDate& latest) const {
  std::vector<DateMatch> all = FindAll(text, latest);
  if (all.empty()) return std::nullopt;
  return all.front();
}

}  // namespace pith::internal
