// RuleSet: loading, validation errors, extension by id, and what the default rules match.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <re2/re2.h>

#include "pith/error.h"
#include "pith/rules.h"
#include "rule_patterns.h"

namespace {

const std::string kRules = std::string(PITH_TESTDATA_DIR) + "/rules/";

// The id of the first rule the default set matches on `line`, or "" when none does.
std::string FirstMatch(const pith::RuleSet& rules, const std::string& line) {
  std::vector<int> hits;
  rules.Match(line, &hits);
  return hits.empty() ? "" : rules.rules()[hits.front()].id;
}

// A line and the id of the first rule that must match it ("" for none).
struct MatchCase {
  const char* line;
  const char* rule;
};

template <std::size_t N>
void CheckMatches(const pith::RuleSet& rules, const MatchCase (&cases)[N]) {
  for (const MatchCase& c : cases) {
    INFO(c.line);
    CHECK(FirstMatch(rules, c.line) == c.rule);
  }
}

const pith::Rule* Find(const pith::RuleSet& rules, const std::string& id) {
  for (const pith::Rule& r : rules.rules()) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("Default rules load, and every rule is complete", "[rules]") {
  auto rules = pith::RuleSet::Default();
  REQUIRE(rules->rules().size() > 30);
  std::set<std::string> ids;
  for (const pith::Rule& r : rules->rules()) {
    INFO("rule " << r.id);
    CHECK(ids.insert(r.id).second);
    CHECK(!r.why.empty());
    CHECK(!r.langs.empty());
    CHECK((r.patterns.size() > 0) + (r.keywords.size() > 0) + !r.detector.empty() == 1);
  }
  // Every structural detector is switched on by some default rule.
  for (const std::string& d : pith::DetectorNames()) {
    INFO("detector " << d);
    CHECK(rules->DetectorRule(d) >= 0);
  }
}

TEST_CASE("Every default pattern compiles to a small program", "[rules]") {
  // The rule sets are compiled when a process starts, and a set's DFA states grow with its
  // program. A counted repetition of a Unicode class is compiled as one copy per count:
  // "[\pL .-]{2,60}" alone took 72,000 instructions and most of strip's start-up time.
  constexpr int kMaxProgram = 10000;
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  const RE2 counted("^[\\pL .'-]{2,60}/", options);
  REQUIRE(counted.ProgramSize() > kMaxProgram);  // the bound tells such a pattern apart
  for (const pith::Rule& r : pith::RuleSet::Default()->rules()) {
    for (const std::string& pattern : r.patterns) {
      INFO("rule " << r.id << ": " << pattern);
      const RE2 re(pattern, options);
      REQUIRE(re.ok());
      CHECK(re.ProgramSize() <= kMaxProgram);
    }
  }
}

TEST_CASE("Rule files with errors are rejected with the file, JSON path and rule id", "[rules]") {
  struct Case {
    const char* file;
    const char* path;     // JSON path the message must name
    const char* rule_id;  // rule id the message must name
    const char* problem;  // what it must say
  };
  const Case cases[] = {
      {"bad_regex.json", "/rules/1/patterns/1", "test.bad-regex", "missing )"},
      {"duplicate_id.json", "/rules/1/id", "test.twice", "duplicate id"},
      {"unknown_key.json", "/rules/0/pattern", "test.typo", "unknown key"},
      {"empty_pattern.json", "/rules/0/patterns/1", "test.empty", "empty pattern"},
      {"unknown_detector.json", "/rules/0/detector", "test.no-such-detector", "unknown detector"},
  };
  for (const Case& c : cases) {
    INFO("file " << c.file);
    try {
      pith::RuleSet::FromFile(kRules + c.file);
      FAIL("loaded without error");
    } catch (const pith::RuleError& e) {
      const std::string what = e.what();
      CHECK_THAT(what, Catch::Contains(c.file));
      CHECK_THAT(what, Catch::Contains(c.path));
      CHECK_THAT(what, Catch::Contains(std::string("\"") + c.rule_id + "\""));
      CHECK_THAT(what, Catch::Contains(c.problem));
      CHECK(e.rule_id() == c.rule_id);
    }
  }
}

TEST_CASE("Malformed rule files and rules are rejected", "[rules]") {
  const char* texts[] = {
      "not json",
      "[]",
      R"({"rules": {}})",
      R"({"extends": "mine", "rules": []})",
      R"({"rules": [], "colour": "blue"})",
      R"({"rules": [{"label": "chrome", "why": "no id", "keywords": ["x"]}]})",
      R"({"rules": [{"id": "a", "label": "footer", "why": "bad label", "keywords": ["x"]}]})",
      R"({"rules": [{"id": "a", "label": "chrome", "keywords": ["x"]}]})",
      R"({"rules": [{"id": "a", "label": "chrome", "why": "two kinds", "keywords": ["x"],
                     "patterns": ["y"]}]})",
      R"({"rules": [{"id": "a", "label": "chrome", "why": "no kind"}]})",
      R"({"rules": [{"id": "a", "label": "chrome", "why": "bad lang", "langs": ["Chinese!"],
                     "keywords": ["x"]}]})",
      R"({"rules": [{"id": "a", "label": "chrome", "why": "hits need keywords", "min_hits": 2,
                     "patterns": ["x"]}]})",
      R"({"rules": [{"id": "a", "enabled": false}]})",  // a stub only overrides a default
      R"({"rules": [{"id": "a", "label": "chrome", "why": "flag", "keywords": ["x"], "in_text": 1}]})",
      R"({"rules": [{"id": "a", "label": "chrome", "why": "flag", "keywords": ["x"],
                     "ends_article": "yes"}]})",
  };
  for (const char* text : texts) {
    INFO(text);
    CHECK_THROWS_AS(pith::RuleSet::FromJsonText(text, "inline.json"), pith::RuleError);
  }
}

TEST_CASE("A rules file that extends the defaults adds, overrides and switches off by id",
          "[rules]") {
  auto defaults = pith::RuleSet::Default();
  auto rules = pith::RuleSet::FromFile(kRules + "extends.json");
  // chrome.login is switched off, chrome.house-ad added.
  CHECK(rules->rules().size() == defaults->rules().size());
  CHECK(Find(*rules, "chrome.login") == nullptr);
  REQUIRE(Find(*rules, "chrome.house-ad") != nullptr);
  CHECK(FirstMatch(*rules, "Order the Courier calendar now") == "chrome.house-ad");
  CHECK(FirstMatch(*defaults, "Sign in") == "chrome.login");
  CHECK(FirstMatch(*rules, "Sign in") != "chrome.login");
  // A rule with a default's id replaces it where it stood.
  auto replaced = pith::RuleSet::FromJsonText(
      R"({"extends": "default", "rules": [{"id": "notice.copyright", "label": "meta",
          "why": "copyright lines as metadata", "langs": ["en"], "patterns": ["^copyright"]}]})",
      "inline.json");
  const pith::Rule* r = Find(*replaced, "notice.copyright");
  REQUIRE(r != nullptr);
  CHECK(r->label == pith::Label::kMeta);
  CHECK(FirstMatch(*replaced, "Copyright 2024 Example Press") == "notice.copyright");
  CHECK(FirstMatch(*replaced, "All rights reserved.") != "notice.copyright");
}

TEST_CASE("Rule options: max_chars, min_hits, whole_line, case", "[rules]") {
  auto rules = pith::RuleSet::FromJsonText(R"({"rules": [
      {"id": "t.short", "label": "chrome", "why": "w", "patterns": ["menu"], "max_chars": 10},
      {"id": "t.two", "label": "spam", "why": "w", "keywords": ["casino", "jackpot", "bonus"],
       "min_hits": 2},
      {"id": "t.whole", "label": "chrome", "why": "w", "keywords": ["登录", "注册", "Sign in"],
       "whole_line": true}]})",
                                           "inline.json");
  const MatchCase cases[] = {
      {"main menu", "t.short"},
      {"the menu of this restaurant is long", ""},  // over max_chars
      {"casino jackpot tonight", "t.two"},
      {"casino casino casino", ""},  // one keyword, however often
      {"登录 | 注册", "t.whole"},
      {"【登录】", "t.whole"},
      {"12 登录 | 注册 | Sign in »", "t.whole"},  // several keywords, decoration around each
      {"登录 注册 x", ""},                      // and nothing else
      {"SIGN IN", "t.whole"},                  // case-insensitive
      {"请登录后发表评论", ""},                // not the whole line
      {"Sign in to read the rest", ""},
  };
  CheckMatches(*rules, cases);
}

TEST_CASE("min_hits counts different keywords in ASCII lines as in any other", "[rules]") {
  auto rules = pith::RuleSet::FromJsonText(R"({"rules": [
      {"id": "t.mixed", "label": "spam", "why": "w", "keywords": ["av", "AV", "中文"],
       "min_hits": 2},
      {"id": "t.ascii", "label": "spam", "why": "w", "keywords": ["casino", "Bonus"],
       "min_hits": 2}]})",
                                           "inline.json");
  const MatchCase cases[] = {
      {"have a travel avenue", ""},  // one keyword in ASCII text, however often
      {"AV and av", ""},             // and however cased
      {"av 中文", "t.mixed"},
      {"CASINO bonus", "t.ascii"},
  };
  CheckMatches(*rules, cases);
  // K KELVIN SIGN matches k case-insensitively, so this rule finds two keywords in ASCII text.
  auto kelvin = pith::RuleSet::FromJsonText(R"({"rules": [
      {"id": "t.kelvin", "label": "spam", "why": "w", "keywords": ["\u212Ay", "av"],
       "min_hits": 2}]})",
                                            "inline.json");
  const MatchCase kelvin_cases[] = {
      {"ky av", "t.kelvin"},
      {"av av", ""},
  };
  CheckMatches(*kelvin, kelvin_cases);
}

TEST_CASE("Patterns that begin with ^ match where they would in any rule set", "[rules]") {
  // Patterns that can only match at the start of a line are matched apart from the others; a
  // pattern that only looks anchored must still match anywhere.
  struct Case {
    const char* pattern;
    const char* line;
    bool matches;
  };
  const Case cases[] = {
      {"^ab", "abc", true},
      {"^ab", "cab", false},
      {"^(?:a|b)c", "bc", true},
      {"^(?:a|b)c", "xbc", false},
      {"^a|b", "xb", true},            // the second alternative is not anchored
      {"^(a|b)|c", "zc", true},
      {"^[(]x|c", "zc", true},          // a parenthesis in a class opens no group
      {"^[]|]x", "z|x", false},         // nor does a bar in one separate alternatives
      {"^[]|]x", "|x", true},
      {"^\\(|c", "zc", true},           // an escaped parenthesis opens no group
      {"^\\|x", "a|x", false},          // an escaped bar is a character
      {"^[[:digit:]]x|c", "zc", true},
      {"^a\\Q|\\Eb|c", "zc", true},
      {"^*a", "xa", true},              // a repeated ^ may match nothing
      {"^?a", "xa", true},
      {"^[\\s\\p{P}]*(?:登录|注册)$", "【 登录", true},
  };
  for (const Case& c : cases) {
    INFO(c.pattern << " on " << c.line);
    pith::Json file = {{"rules", pith::Json::array()}};
    file["rules"].push_back(
        {{"id", "t.p"}, {"label", "chrome"}, {"why", "w"}, {"patterns", {c.pattern}}});
    auto rules = pith::RuleSet::FromJsonText(file.dump(), "inline.json");
    CHECK((FirstMatch(*rules, c.line) == "t.p") == c.matches);
  }
}

TEST_CASE("A pattern's part without gaps that every match holds", "[rules]") {
  using pith::internal::GapFreePart;
  struct Case {
    const char* pattern;
    const char* part;  // "" for none
  };
  const Case cases[] = {
      {"版权[^。]*所有", "版权"},
      {"(?:转载|轉載)[^。，,]{0,4}请[^。]*注明", "(?:转载|轉載)[^。，,]{0,4}请"},  // {0,4} is short
      {"^by\\s+\\S+(?:\\s+\\S+)*$", "^by\\s+"},  // \s is no wide atom, \S is
      {"cookies?\\b.*\\baccept", "cookies?\\b"},
      {"^thanks for visiting\\b[^.]{0,60}$", "^thanks for visiting\\b"},
      {"ab[^c]{9}d", "ab"},                   // nine repeats are a gap, eight are not
      {"ab[^c]{8}d", ""},
      {"ab[^c]{2,}d", "ab"},
      {"来自\\S*客户端", "来自"},
      {"本站\\p{Han}+声明", "本站"},
      {"本站\\pL+声明", "本站"},             // \pL is one atom, and wide
      {"ab\\d{9}.*c", "ab\\d{9}"},            // a count after an escape is a count
      {"\\x{4E00}\\xFF.*", ""},                // escapes are no letters to look for
      {"(?:a|b).*c", "(?:a|b)"},               // a bar inside a group is fine
      {"(a[^x]*b)c", ""},                     // a gap inside a group is not at the top level
      {"ab.*c|d", ""},                        // d needs no ab
      {"d|ab.*c", ""},
      {"^[^，。]*记者", "记者"},               // nothing before the gap: the run after it
      {"^[\\pL .-]{2,}/\\s*(?:getty|afp)\\b[^.]{0,30}$", "/\\s*(?:getty|afp)\\b"},
      {"^[\\s\\p{P}]*(?:(?:登录|注册)[\\s\\p{P}]*)+$", ""},  // that run repeats a wide class
      {"^[^x]*?abc", "abc"},                  // a lazy gap
      {"^#\\S+$", ""},                        // nothing to look for but #
      {"[].*]x.*y", "[].*]x"},                // a ] first in a class is a member
      {"ab\\Q.*\\E.*c", ""},                  // \Q...\E is not read
      {"ab[[:alpha:]]*c.*d", ""},              // nor POSIX classes
      {"ab{x}.*c", "ab{x}"},                  // a brace that is no count is a character
      {"abc", ""},                            // no gap
      {"(?i)[^a]*", ""},                      // flags are no letters to look for
      {"(?i)ab.*c", "(?i)ab"},
      {"(?P<name>[^x]+)", ""},                 // nor is a group's name
  };
  for (const Case& c : cases) {
    INFO(c.pattern);
    CHECK(GapFreePart(c.pattern) == c.part);
  }
}

TEST_CASE("Patterns with gaps give the verdicts of the whole pattern", "[rules]") {
  // A set holds a part of such a pattern and the whole pattern decides the lines the part flags:
  // every verdict must be the pattern's own. Lines where only the part matches, and lines past
  // the short-line tier, are the ones that tell.
  const std::vector<std::string> patterns = {
      "(?:著作[权權]|版[权權])[^。]*(?:归|歸)[^。]*所有", "^follow [^.]{1,60}\\bcoverage\\b",
      "\\bcookies?\\b.*\\b(?:accept|consent)", "来自\\S*客户端\\s*\\d+楼",
      "^[^，,。:：]*(?:记者|記者)\\s*[:：]",  // the part after a leading gap, held anywhere
      "\\S*(?i)*?版权"};  // a part RE2 rejects alone ("(?i)*?版权"): the pattern goes in whole
  const std::string padding(130, 'x');  // past the short-line tier
  const std::vector<std::string> lines = {
      "本文版权归作者所有", "版权所有", "版权归作者。所有", "版权声明：转载请注明出处",
      "Follow our live coverage here", "follow us", "Follow. coverage",
      "We use cookies; accept them", "Cookies are tasty", "cookies. Accept",
      "来自Android客户端 3楼", "来自网页", "来自客户端楼", "本报记者：张三", "记者: 李四",
      "他说，记者：", "记者",
      padding + " 本文版权归作者所有", padding + " 版权所有", padding + " cookies; consent?",
      padding + " cookies, nothing else"};
  pith::Json file = {{"rules", pith::Json::array()}};
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    file["rules"].push_back({{"id", "t." + std::to_string(i)}, {"label", "chrome"}, {"why", "w"},
                             {"patterns", {patterns[i]}}});
  }
  auto rules = pith::RuleSet::FromJsonText(file.dump(), "inline.json");
  RE2::Options options;
  options.set_case_sensitive(false);
  for (const std::string& line : lines) {
    std::vector<int> hits;
    rules->Match(line, &hits);
    for (std::size_t i = 0; i < patterns.size(); ++i) {
      INFO(patterns[i] << " on " << line);
      const bool hit = std::find(hits.begin(), hits.end(), static_cast<int>(i)) != hits.end();
      CHECK(hit == RE2::PartialMatch(line, RE2(patterns[i], options)));
    }
  }
}

TEST_CASE("Rule sets on one thread each give their own verdict on a line seen before", "[rules]") {
  // Verdicts on repeated lines are remembered per thread; sets alive together, and a set made
  // where a freed one lived, must never read each other's.
  const char* kMenu = R"({"rules": [{"id": "t.menu", "label": "chrome", "why": "w",
                                      "keywords": ["Home"], "whole_line": true}]})";
  const char* kSpam = R"({"rules": [{"id": "t.spam", "label": "spam", "why": "w",
                                      "patterns": ["casino"]}]})";
  auto menu = pith::RuleSet::FromJsonText(kMenu, "menu.json");
  auto spam = pith::RuleSet::FromJsonText(kSpam, "spam.json");
  for (int round = 0; round < 3; ++round) {
    CHECK(FirstMatch(*menu, "Home") == "t.menu");
    CHECK(FirstMatch(*spam, "Home") == "");
    CHECK(FirstMatch(*spam, "casino night") == "t.spam");
    CHECK(FirstMatch(*menu, "casino night") == "");
  }
  for (int round = 0; round < 3; ++round) {
    menu.reset();
    menu = pith::RuleSet::FromJsonText(round % 2 ? kMenu : kSpam, "again.json");
    CHECK(FirstMatch(*menu, "Home") == (round % 2 ? "t.menu" : ""));
  }
  // Long lines are not remembered, and are matched as well as short ones.
  const std::string long_line = std::string(600, 'x') + " casino";
  CHECK(FirstMatch(*spam, long_line) == "t.spam");
  CHECK(FirstMatch(*spam, long_line) == "t.spam");
}

TEST_CASE("A rule set survives its JSON form", "[rules]") {
  auto rules = pith::RuleSet::Default();
  pith::Json file = {{"rules", pith::Json::array()}};
  for (const pith::Rule& r : rules->rules()) file["rules"].push_back(pith::RuleToJson(r));
  auto again = pith::RuleSet::FromJsonText(file.dump(), "round-trip.json");
  REQUIRE(again->rules().size() == rules->rules().size());
  for (std::size_t i = 0; i < rules->rules().size(); ++i) {
    const pith::Rule &a = again->rules()[i], &r = rules->rules()[i];
    INFO(r.id);
    CHECK(a.id == r.id);
    CHECK(a.opens_block == r.opens_block);
    CHECK(a.in_text == r.in_text);
    CHECK(a.ends_article == r.ends_article);
    CHECK(a.skip_prose == r.skip_prose);
  }
}

// What the default rules say about single lines, by kind and language. Structure (titles, list
// blocks, menus) is tested on whole documents in strip_test.cc.
TEST_CASE("Default rules match the kinds of boilerplate in Chinese and English", "[rules]") {
  const MatchCase cases[] = {
      // Spam: SEO vocabulary.
      {"色94色欧美一区-色97色-色99色-免费午夜在线视频", "spam.vocabulary"},
      {"久久精品亚洲 | 国产精品在线观看 | 日韩中文字幕", "spam.vocabulary"},
      // Copyright, reprint, disclaimer and promotion notices.
      {"版权声明：本文内容由互联网用户自发贡献，本站不拥有所有权。", "notice.copyright-statement"},
      {"版權聲明：本文為原創文章，轉載請附上出處。", "notice.copyright-statement"},
      {"免责声明：本文仅供参考，不构成投资建议。", "notice.copyright-statement"},
      {"广告声明：文内含有的对外跳转链接，用于传递更多信息，结果仅供参考。", "notice.copyright-statement"},
      {"郑重声明：本站发布此内容旨在传播更多信息，与本站立场无关，不构成投资建议。",
       "notice.copyright-statement"},
      {"Copyright © 2024 Example News Ltd.", "notice.copyright"},
      {"© 2023 Riverside Media. All rights reserved.", "notice.copyright"},
      {"晨光网 版权所有", "notice.copyright"},
      {"Except as otherwise noted, the code samples on this site are licensed under the MIT "
       "License.", "notice.copyright"},
      {"Text is available under the Creative Commons Attribution-ShareAlike License; additional "
       "terms may apply.", "notice.copyright"},
      {"Unless otherwise noted, all prices are in US dollars.", ""},
      {"未经授权，不得转载。", "notice.reprint"},
      {"本站文章未經授權，禁止轉載。", "notice.reprint"},
      {"转载请注明出处。", "notice.reprint"},
      {"图片来源于网络，侵删。", "notice.reprint"},
      {"转载此文是出于传递更多信息之目的。", "notice.reprint"},
      {"若有来源标注错误或侵犯了您的合法权益，我们将及时更正。", "notice.reprint"},
      {"如涉及作品內容問題，請作者在30日內與本網聯繫。", "notice.reprint"},
      {"文章仅代表作者本人观点，与本站无关。", "notice.disclaimer"},
      {"本文僅代表作者個人觀點，不代表本站立場。", "notice.disclaimer"},
      {"The views expressed in this article are the author's own.", "notice.disclaimer"},
      {"HomeSmart may earn a commission when you buy through links on our site.",
       "notice.disclaimer"},
      {"Brokers may earn a commission on each trade, so compare their fees first.", ""},
      {"When you purchase through links on our site, we may earn an affiliate commission.",
       "notice.disclaimer"},
      {"If you shop through our links, editors may receive a small commission.",
       "notice.disclaimer"},
      {"Buy through the retailer's own app and you can earn points on every order.", ""},
      {"本文为作者在本平台上传并发布，仅代表该作者或机构观点，不代表城东新闻的观点或立场。",
       "notice.disclaimer"},
      {"（本文来自城东晚报，更多原创资讯请下载“城东晚报”APP）", "notice.promotion"},
      {"更多资讯请关注本站。", "notice.promotion"},
      {"掃描二維碼關注我們的公眾號", "notice.promotion"},
      {"Sign up for our daily newsletter", "notice.promotion"},
      {"Thanks for reading! Subscribe for free to receive new posts and support my work.",
       "notice.promotion"},
      {"Dana Okafor covers city hall and local government for The Millbrook Courier.",
       "chrome.author-bio"},
      {"Priya Halvorsen is GadgetLedger's Senior Reviews Editor. She has tested laptops for a "
       "decade.",
       "chrome.author-bio"},
      {"Erin Cunningham is an Egypt-based correspondent for The Post.", "chrome.author-bio"},
      // A name in lower case is no name, and a reporter in the news is no bio.
      {"my sister is a reporter in Cairo, and she covers the courts.", ""},
      {"The court heard that Smith had attacked a reporter outside the hall.", ""},
      {"Sorry, we can’t load comments right now. Try again.", "chrome.comment-status"},
      {"We will promote constructive and witty comments to the top, so everyone sees them!",
       "chrome.comment-status"},
      {"Please keep comments civil and on topic.", "chrome.comment-status"},
      {"评论加载中...", "chrome.comment-status"},
      {"The site could not load comments from readers who had been banned, the moderator said.",
       ""},
      {"本词条是多义词，共2个义项 临渚（古地名） 临渚县（江南省澜州市下辖县）", "chrome.disambiguation"},
      {"For the waterfall itself, see Harwick Falls (waterfall).", "chrome.disambiguation"},
      {"This article is about the town. For other uses, see Harwick (disambiguation).",
       "chrome.disambiguation"},
      {"\"Harwick\" redirects here. For the surname, see Harwick (surname).",
       "chrome.disambiguation"},
      {"For the full results, see the table below, which the council published on Monday.", ""},
      {"蓝月不写Bug 蓝月不写Bug 粉丝 1,364 关注 私信", "chrome.profile-card"},
      {"回答 236 · 文章 41 · 关注者 5.6 万", "chrome.profile-card"},
      {"这位歌手的微博粉丝已经超过1000万，演唱会门票几分钟就卖完了。", ""},
      {"More from Daniel Okafor-Reyes", "chrome.related-from"},
      {"Recommended from Quillstream", "chrome.related-from"},
      {"More from the interview: what the mayor said about the budget.", ""},
      {"回应 (4)", "chrome.comment-count"},
      {"精选留言", "chrome.comment-form"},
      {"36 条回应", "chrome.comment-count"},
      {"本文来自微信公众号“远峰科技观察”（ID：yuanfeng_tech），作者：李明远，经授权发布。",
       "meta.source"},
      {"Advertisement", "chrome.ad-marker"},
      {"Story continues below advertisement", "chrome.ad-marker"},
      {"Ad Feedback", "chrome.ad-marker"},
      {"SKIP ADVERTISEMENT", "chrome.ad-marker"},
      {"A version of this article appears in print on Jan. 11, 2024, Section D, Page 1 with the "
       "headline: The Bakery Comes Home.", "notice.disclaimer"},
      {"This story appeared in print in the spring, and readers wrote in for weeks.", ""},
      {"Get Riverside's Morning Brief newsletter. Sign up for the day's top stories.",
       "notice.promotion"},
      {"Get the app and the newsletter together, the company said on Monday.", ""},
      {"- 广告 -", "chrome.ad-marker"},
      {"Follow Kevin O'Brien on Twitter.", "notice.promotion"},
      {"Follow AP's coverage of the election at https://apnews.example/hub/election", "notice.promotion"},
      // Metadata: source, byline, editor, original title, tags, dates.
      {"来源：新华网", "meta.source"},
      {"2024-01-29 11:30 來源：半月談", "meta.source"},
      {"作者：李明", "meta.author"},
      {"文/王小川", "meta.author"},
      {"半月談記者：孫亮全", "meta.author"},
      {"By Maria Hollis", "meta.author"},
      {"By Jordan Lee | Published March 3, 2025 at 6:12 a.m. | Updated March 3, 2025 at 9:40 a.m.",
       "meta.author"},
      {"Reporting by Tom Baker and Ana Silva; Editing by Mark Potter", "meta.credits"},
      {"Photo: Dana Reyes", "meta.credit"},
      {"John Smith/Getty Images", "meta.credit"},
      {"Ana Lopez/AP Photo", "meta.credit"},
      {"(Getty Images)", "meta.credit"},
      {"Photo by Jane Doe on Unsplash", "meta.credit"},
      {"Getty Images reported higher sales this year.", ""},
      {"Photos by readers are welcome.", ""},
      {"Edited by Jo March.", "meta.credits"},
      {"Sign up here.", "notice.promotion"},
      {"Sign up for a free Riverside Daily account to customize your news.", "notice.promotion"},
      {"Log in with your Riverside account to edit your homepage.", "notice.promotion"},
      {"Thank you for supporting Riverside Daily", "notice.promotion"},
      // Calls for comments under the text.
      {"你怎么看这件事？欢迎在评论区留言讨论。", "notice.comment-call"},
      {"歡迎留言分享！", "notice.comment-call"},
      {"喜欢这篇文章的话，记得点赞收藏哦！", "notice.comment-call"},
      {"別忘了點讚、分享～", "notice.comment-call"},
      {"他记得点赞最多的那条评论是母亲写的。", ""},
      {"他说，欢迎市民在留言区提出意见，工作人员会逐条回复。", ""},
      {"What do you think? Let us know in the comments below.", "notice.comment-call"},
      {"Leave a comment below and tell us your favourite trail.", "notice.comment-call"},
      {"Readers let us know in the comments that the bridge was closed.", ""},
      // An inline newsletter box: its sign-up line, its kind, the skip link and the form's note.
      {"Sign up to Morning Harbour", "notice.newsletter"},
      {"Subscribe to The Weekly Ledger", "notice.newsletter"},
      {"Sign up to vote by mail, the county clerk said.", ""},
      {"Subscribe for updates, or just read on.", ""},
      {"Free weekly newsletter", "notice.newsletter"},
      {"Daily email newsletter", "notice.newsletter"},
      {"The newsletter", ""},
      {"Newsletter", "chrome.navigation"},
      {"after newsletter promotion", "notice.newsletter"},
      {"Skip past newsletter promotion", "notice.newsletter"},
      {"This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service "
       "apply.", "notice.newsletter"},
      {"Read now", "chrome.navigation"},
      {"Buy Photo", "chrome.navigation"},
      {"Caption", "chrome.navigation"},
      {"播报", "chrome.navigation"},
      {"编辑", "chrome.navigation"},
      {"编辑部今天收到了三百多封读者来信。", ""},
      {"The caption under the photo was wrong.", ""},
      {"责任编辑：张丽", "meta.editor"},
      {"【責任編輯:鄭莉莉】", "meta.editor"},
      {"原标题：城东图书馆开放", "meta.original-title"},
      {"本文標簽： 政府 職能", "meta.tags"},
      {"Tags: transport, city council", "meta.tags"},
      {"发布时间：2024-03-18 09:30", "meta.dateline"},
      {"2024年3月18日 09:30", "meta.dateline"},
      {"Published: 12 March 2024", "meta.dateline"},
      {"Updated Mar. 12, 2024 at 9:30 a.m.", "meta.dateline"},
      // Navigation, login, share, prev/next, comment forms, list headers, breadcrumbs.
      {"首页", "chrome.navigation"},
      {"返回顶部", "chrome.navigation"},
      {"Skip to main content", "chrome.navigation"},
      {"登录 | 注册", "chrome.login"},
      {"登入", "chrome.login"},
      {"Sign in", "chrome.login"},
      {"分享到：", "chrome.share"},
      {"Share on Facebook", "chrome.share"},
      {"Share on Facebook Share on X Email Copy link", "chrome.share"},
      {"Facebook X Threads Bluesky Email", "chrome.share"},
      {"X marks the spot where the ship went down.", ""},
      {"字体：小 中 大", "chrome.share"},
      {"回复 支持 反对", "chrome.share"},
      {"阅读 3521", "chrome.share-count"},
      {"12 comments", "chrome.share-count"},
      {"上一篇：夏末的海边露营", "chrome.prev-next"},
      {"下一頁", "chrome.prev-next"},
      {"Next article", "chrome.prev-next"},
      // Both ways on one line: the bar that closes a chapter or a post.
      {"上一章 ← 目录 → 下一章 加入书签", "chrome.prev-next-bar"},
      {"上一篇 下一篇", "chrome.prev-next-bar"},
      {"« Previous post | Next post »", "chrome.prev-next-bar"},
      {"← Previous: Chasing Quick Fixes To Sustainability", "chrome.prev-next"},
      {"next trigger timestamp in the table", "chrome.prev-next"},
      {"发表评论", "chrome.comment-form"},
      {"Leave a Reply", "chrome.comment-form"},
      {"Your email address will not be published.", "chrome.comment-notice"},
      {"猜你喜欢", "chrome.related-header"},
      {"参考文献", "chrome.references-header"},
      {"參考資料[編輯]", "chrome.references-header"},
      {"外部链接 [编辑]", "chrome.references-header"},
      {"参考文献显示，该地区的降水量逐年增加。", ""},
      {"相關閱讀：", "chrome.related-header"},
      {"热门评论", "chrome.related-header"},
      {"頻道推薦", "chrome.related-header"},
      {"相关稿件", "chrome.related-header"},
      {"Related articles", "chrome.related-header"},
      {"More stories", "chrome.related-header"},
      {"You may also like", "chrome.related-header"},
      {"相关阅读：城东图书馆开放首周", "chrome.inline-related"},
      {"Read more: Council approves bike lanes", "chrome.inline-related"},
      {"Read also the following stories:", "chrome.related-lead-in"},
      {"当前位置：首页 > 新闻", "chrome.breadcrumb-prefix"},
      {"京ICP备12345678号", "chrome.footer-license"},
      {"IFRAME: https://ads.example.com/slot", "chrome.lynx-frame"},
      {"(BUTTON) Close", "chrome.lynx-artifact"},
      {"[logo.gif]", "chrome.image"},
      {"(0)", "chrome.counter"},
      {"这个城市的夜景为何刷屏…", "chrome.teaser"},
      {"阳台种菜的十个窍门【详细】", "chrome.teaser-link"},
  };
  CheckMatches(*pith::RuleSet::Default(), cases);
}

TEST_CASE("Default rules leave running text alone", "[rules]") {
  auto rules = pith::RuleSet::Default();
  // Paragraphs that talk about the same subjects as notices and menus, but are the article.
  const char* lines[] = {
      "法院认为，被告未经许可使用原告作品，侵犯了原告的版权，应当承担赔偿责任。",
      "近年来，版权保护意识不断增强，越来越多的创作者开始登记自己的作品。",
      "律师提醒，商家若有虚假宣传，侵犯了消费者的合法权益，消费者可以向有关部门投诉。",
      "编辑部请作者本人到场领奖，颁奖仪式上传递了更多温暖。",
      "The court ruled that copyright protects the photographs, and ordered the site to pay "
      "damages to the photographer.",
      "他说，评论区里的很多留言都很有启发，他会认真考虑大家的意见。",
      "Readers who want to share their stories can write to the newspaper, the editor said.",
      "記者昨天走訪了這家老店，老闆說他們已經在這裡開了四十年。",
      "First, make a list of everything you own.",
      "Follow the signs on X Road and you will find the ferry.",
      "Editing by hand took the monks years, and reporting by letter took months.",
      "Follow the recipe on page 12, then post a photo of the loaf on Instagram.",
      "Thank you for supporting us all these years, the owner told the crowd at the last show.",
      "She said she had to sign up for a free account before the clinic would book her in.",
      "The code is licensed under the MIT License, so anyone may reuse it.",
      "Content licensed under Creative Commons can be reused if the author is credited.",
  };
  std::vector<int> hits;
  for (const char* line : lines) {
    INFO(line);
    rules->Match(line, &hits);
    for (int r : hits) {
      // skip_prose rules may match the words; strip ignores them on prose.
      const pith::Rule& rule = rules->rules()[r];
      CHECK(rule.skip_prose);
    }
  }
}
