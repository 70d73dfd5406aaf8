// Finding calendar dates, and the time of day written next to them, in bylines and meta lines.
//
//   CivilDate latest = *ParseIsoDate("2024-12-31");
//   const DateFinder finder;
//   auto m = finder.Find("来源:半月談 2024-01-29 11:30", latest);
//   // m->date == {2024, 1, 29}, m->hour == 11, m->minute == 30, FormatIsoDate(m->date) == "2024-01-29"
//
// Understood: 2024-01-29, 2024/1/29, 2024.01.29 (with an ISO "T" time), 2024年1月29日 and
// 民國113年1月29日, 29/01/2024 and 01/29/2024 when only one reading is a date, 29.01.2024 (dots:
// day first), "Jan 29, 2024", "January 29th, 2024", "29 January 2024", "11. April 2018"; ASCII or
// fullwidth digits. Times after the date: 11:30, 11:30:05, 3:45 p.m., 11时30分, 下午3:30; before
// it: "11:30 AM EST, Mon January 29, 2024". A date that is not a real day, is before 1990-01-01
// or after `latest` is skipped: such numbers are version strings, phone numbers or typos, not
// publication dates. Private to the library; every function is thread-safe.
#pragma once

#include <compare>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace pith::internal {

struct CivilDate {
  int year = 0;
  int month = 0;  // 1-12
  int day = 0;    // 1-31
  auto operator<=>(const CivilDate&) const = default;
};

// True when the date exists in the proleptic Gregorian calendar (2024-02-29 yes, 2023-02-29 no).
bool IsRealDate(const CivilDate& d);
// Parses exactly "YYYY-MM-DD"; nullopt when malformed or not a real date.
std::optional<CivilDate> ParseIsoDate(std::string_view s);
// "2024-01-29".
std::string FormatIsoDate(const CivilDate& d);
// The current date in UTC by the system clock.
CivilDate TodayUtc();
// The day after `d`.
CivilDate NextDay(const CivilDate& d);

// One date found in a text.
struct DateMatch {
  CivilDate date;
  int hour = -1;    // 0-23, or -1 when no time of day follows the date
  int minute = -1;  // 0-59, or -1
  std::size_t begin = 0;  // the bytes [begin, end) of the text hold the date and its time
  std::size_t end = 0;
};

// "11:30" for a match with a time; "" without.
std::string FormatTime(const DateMatch& m);

// Holds the compiled patterns. Build one and share it: FindAll and Find are const and
// thread-safe.
class DateFinder {
 public:
  // Compiles the patterns; throws RuleError if one does not compile (a defect of this file).
  DateFinder();
  ~DateFinder();
  DateFinder(const DateFinder&) = delete;
  DateFinder& operator=(const DateFinder&) = delete;

  // Every plausible date in `text`, in order: real, not before 1990-01-01, not after `latest`.
  std::vector<DateMatch> FindAll(std::string_view text, const CivilDate& latest) const;
  // The first of FindAll, or nullopt.
  std::optional<DateMatch> Find(std::string_view text, const CivilDate& latest) const;

 private:
  struct Pattern;
  std::vector<Pattern> patterns_;
  std::unique_ptr<const re2::RE2> time_after_;
  std::unique_ptr<const re2::RE2> time_before_;
};

}  // namespace pith::internal
