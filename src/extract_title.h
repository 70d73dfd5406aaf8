// Article titles: cleaning a title line, finding the title a notice quotes, and the agency a title
// names.
//
//   CleanTitle("1. 好好的政策傳到基層就走樣?_財經_中國網", body)  // "好好的政策傳到基層就走樣?"
//   CleanTitle("Budget talks stall - BBC News", body)           // "Budget talks stall"
//   TitleQuotedInNotice("1.《X Y》援引自互联网,仅代表作者本人观点")   // "X Y"
//   PublisherPrefix("新华社:莫让基层“戴罪立功”成常态")              // "新华社"
//
// Private to the library; pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pith::internal {

// Cleans a title line: list numbering ("1. ", "(2)"), brackets around the whole title, the site
// and section names sites add ("_财经_中国网", " - Site Name", " | News", "—新华网"), media tags
// ("(图)", "[视频]"), and, when `body` holds enough Chinese text to tell, space-separated segments
// at either end whose character pairs do not occur in the body: SEO spam glued onto the title.
// `body` may be empty. Returns "" when nothing is left.
std::string CleanTitle(std::string_view line, std::string_view body);

// Relatedness and CleanTitle read only this much of the body: a title belongs to the start of
// its text, and long texts cost no more than short ones.
inline constexpr std::size_t kRelatednessWindowBytes = 256 * 1024;

// How much of `title` occurs in `body`: the share of its pairs of adjacent Han characters found in
// the body, or for titles without Han, the share of its words of four or more letters. -1 when
// it cannot tell (fewer than three pairs or words, or a body too short to judge).
double Relatedness(std::string_view title, std::string_view body);

// The article title a reprint or copyright notice quotes: 《X》 (not a source the notice cites,
// as in 摘自《人民日报》), or 【X】 followed by 有关内容/相关内容. "" when there is none.
std::string TitleQuotedInNotice(std::string_view line);

// The publication a source notice cites: 摘自《半月谈》, 本文来源于《X》 → "半月谈". "" when none.
std::string PublicationCitedInNotice(std::string_view line);

// The agency or site a title starts with, as in "新华社:..." or "人民日报:...". "" when none.
std::string PublisherPrefix(std::string_view title);

}  // namespace pith::internal
