#include <catch2/catch.hpp>

#include "date_parse.h"

namespace {

using pith::internal::CivilDate;
using pith::internal::DateFinder;
using pith::internal::DateMatch;
using pith::internal::FormatIsoDate;
using pith::internal::FormatTime;

// Dates after this day are in the future for every case below.
constexpr CivilDate kLatest{2024, 12, 31};

struct DateCase {
  const char* text;
  const char* date;  // "" when no date must be found
  const char* time;  // "" when no time of day must be found
};

void CheckDates(const DateCase* cases, std::size_t n) {
  const DateFinder finder;
  for (std::size_t i = 0; i < n; ++i) {
    const DateCase& c = cases[i];
    INFO("text: " << c.text);
    const std::optional<DateMatch> m = finder.Find(c.text, kLatest);
    if (*c.date == '\0') {
      CHECK_FALSE(m.has_value());
      continue;
    }
    REQUIRE(m.has_value());
    CHECK(FormatIsoDate(m->date) == c.date);
    CHECK(FormatTime(*m) == c.time);
  }
}

}  // namespace

TEST_CASE("Dates in numeric and Chinese formats", "[date]") {
  static const DateCase kCases[] = {
      // Year first, with the separators sites use, and the times that follow them.
      {"2024-01-29 11:30", "2024-01-29", "11:30"},
      {"2024-1-9", "2024-01-09", ""},
      {"2024/1/29", "2024-01-29", ""},
      {"2024.01.29", "2024-01-29", ""},
      {"2024-01-29T11:30:05+08:00", "2024-01-29", "11:30"},
      {"2024-01-29T23:59:59Z", "2024-01-29", "23:59"},
      {"更新時間:2023-01-20 08:08:05作者:智慧百科", "2023-01-20", "08:08"},
      {"來源:半月談 2024-01-29 11:30 http://m.example.cn/", "2024-01-29", "11:30"},
      // Chinese, simplified and traditional, with fullwidth digits and clock words.
      {"2024年1月29日", "2024-01-29", ""},
      {"2024年01月29日 11:30:05", "2024-01-29", "11:30"},
      {"发布时间:2024 年 1 月 29 日 08时05分", "2024-01-29", "08:05"},
      {"發佈時間:２０２４年１月２９日　１１：３０", "2024-01-29", "11:30"},
      {"２０２４-０１-２９", "2024-01-29", ""},
      {"2024年1月29日下午3:30", "2024-01-29", "15:30"},
      {"2024年1月29号", "2024-01-29", ""},
      {"2024年5月13日 9時0分", "2024-05-13", "09:00"},
      // A day closed by 日 may run straight into its time.
      {"2024年06月18日08:21 | 来源：人民网", "2024-06-18", "08:21"},
      // The Republic of China calendar counts years from 1912.
      {"民國113年1月29日", "2024-01-29", ""},
      {"中華民國 112 年 12 月 3 日", "2023-12-03", ""},
      // Day or month first: taken only when one reading alone is a date.
      {"29/01/2024", "2024-01-29", ""},
      {"01/29/2024 09:15", "2024-01-29", "09:15"},
      {"29.01.2024", "2024-01-29", ""},
      // Dots are written day first.
      {"08.04.2015 12:46", "2015-04-08", "12:46"},
      {"05/05/2024", "2024-05-05", ""},
  };
  CheckDates(kCases, std::size(kCases));
}

TEST_CASE("Dates in English formats", "[date]") {
  static const DateCase kCases[] = {
      {"Jan 29, 2024", "2024-01-29", ""},
      {"January 29, 2024", "2024-01-29", ""},
      {"Published January 29th, 2024 at 3:45 p.m. ET", "2024-01-29", "15:45"},
      {"29 January 2024", "2024-01-29", ""},
      {"Mon, 29 Jan 2024 11:30:00 GMT", "2024-01-29", "11:30"},
      {"Updated: Sept. 5, 2023, 12:10 AM", "2023-09-05", "00:10"},
      {"the 3rd of March, 2022", "2022-03-03", ""},
      {"By Jane Doe | DEC 31 2024", "2024-12-31", ""},
      {"Posted 11. April 2018 by Walter", "2018-04-11", ""},
      // Some sites put the time first.
      {"Updated 11:30 AM EST, Mon January 29, 2024", "2024-01-29", "11:30"},
      {"6:00 PM on 5 April 2018", "2018-04-05", "18:00"},
  };
  CheckDates(kCases, std::size(kCases));
}

TEST_CASE("Dates that must be rejected", "[date]") {
  static const DateCase kCases[] = {
      // Not real days.
      {"2024-02-30", "", ""},
      {"2023-02-29", "", ""},
      {"2024-13-01", "", ""},
      {"Feb 30, 2024", "", ""},
      // Before 1990 or after the latest plausible day.
      {"1989-12-31", "", ""},
      {"民國78年1月1日", "", ""},
      {"2025-01-01", "", ""},
      {"2999年1月1日", "", ""},
      // Both readings possible: 03/04 is March 4 or April 3.
      {"03/04/2024", "", ""},
      {"03-04-2024", "", ""},
      // Parts of longer numbers and mixed separators are not dates.
      {"电话 0595-2024-0129", "", ""},
      {"ID 120240129", "", ""},
      {"2024-01/29", "", ""},
      {"编号 2024年1月291", "", ""},
      // Dates in words: every pattern needs digits.
      {"发布时间:二〇二四年一月二十九日", "", ""},
      // Years alone or months alone.
      {"2024年1月", "", ""},
      {"May 2024", "", ""},
  };
  CheckDates(kCases, std::size(kCases));
}

TEST_CASE("A rejected date does not hide a later valid one", "[date]") {
  const DateFinder finder;
  const auto all = finder.FindAll("v2.2024.99.99 发布于 2024-02-29 更新于 2024-03-01 10:00", kLatest);
  REQUIRE(all.size() == 2);
  CHECK(FormatIsoDate(all[0].date) == "2024-02-29");
  CHECK(FormatTime(all[0]).empty());
  CHECK(FormatIsoDate(all[1].date) == "2024-03-01");
  CHECK(FormatTime(all[1]) == "10:00");
}

TEST_CASE("A match spans the date and its time", "[date]") {
  const DateFinder finder;
  const std::string text = "来源:新华社 2024-01-29 11:30 作者:张三";
  const auto m = finder.Find(text, kLatest);
  REQUIRE(m.has_value());
  CHECK(text.substr(m->begin, m->end - m->begin) == "2024-01-29 11:30");
  const std::string minguo = "發佈:民國113年1月29日 來源";
  const auto g = finder.Find(minguo, kLatest);
  REQUIRE(g.has_value());
  CHECK(minguo.substr(g->begin, g->end - g->begin) == "民國113年1月29日");
  const std::string english = "By Jo Li | 9:05 AM ET, Mon January 29, 2024 | Politics";
  const auto e = finder.Find(english, kLatest);
  REQUIRE(e.has_value());
  CHECK(english.substr(e->begin, e->end - e->begin) == "9:05 AM ET, Mon January 29, 2024");
}

TEST_CASE("Calendar helpers", "[date]") {
  using pith::internal::NextDay;
  using pith::internal::ParseIsoDate;
  CHECK(ParseIsoDate("2024-02-29") == CivilDate{2024, 2, 29});
  CHECK_FALSE(ParseIsoDate("2023-02-29"));
  CHECK_FALSE(ParseIsoDate("2024-1-29"));
  CHECK(NextDay({2024, 2, 28}) == CivilDate{2024, 2, 29});
  CHECK(NextDay({2023, 2, 28}) == CivilDate{2023, 3, 1});
  CHECK(NextDay({2024, 12, 31}) == CivilDate{2025, 1, 1});
}
