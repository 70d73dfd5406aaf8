#include <cstdint>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "extract_fields.h"
#include "extract_text.h"
#include "extract_title.h"
#include "pith/error.h"
#include "pith/stage.h"

namespace {

using pith::Document;
using pith::Json;
using pith::Label;
using pith::LineLabel;

// Runs extract on a document whose meta_lines are `meta` (labelled meta) and whose text is `text`.
Json Extract(const std::vector<std::string>& meta, const std::string& text = "正文。") {
  pith::StageOptions options;
  options.extract.not_after = "2024-12-31";
  const auto stage = pith::MakeStage("extract", options);
  Document doc;
  doc.text = text;
  int n = 1;
  for (const std::string& line : meta) doc.meta_lines.push_back({n++, Label::kMeta, "test", line});
  stage->Process(doc);
  return doc.metadata;
}

// About 130 Han characters that share every pair of "聚焦基层减负" and "为奋斗者加油".
std::string ReliefBody() {
  std::string body;
  for (int i = 0; i < 5; ++i) body += "各地聚焦基层减负，为奋斗者加油鼓劲，切实减轻基层干部负担。\n";
  return body;
}

struct TitleCase {
  const char* line;
  const char* expected;
};

struct BylineCase {
  const char* line;
  const char* expected;  // the metadata object, as JSON
};

void CheckBylines(const BylineCase* cases, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    INFO("line: " << cases[i].line);
    CHECK(Extract({cases[i].line}).dump() == Json::parse(cases[i].expected).dump());
  }
}

}  // namespace

TEST_CASE("Title clean-up removes what sites add around the title", "[extract][title]") {
  static const TitleCase kCases[] = {
      // List numbering and brackets around the whole title.
      {"1. 好好的政策传到基层就走样?一些干部道出心声", "好好的政策传到基层就走样?一些干部道出心声"},
      {"(2) Second item of the list", "Second item of the list"},
      {"《聚焦基层减负 为奋斗者加油》", "聚焦基层减负 为奋斗者加油"},
      {"3.5亿人受益于新政策", "3.5亿人受益于新政策"},
      // Site and section names after _ and |: the longest part is the title.
      {"基层治理信任缺口亟待弥合_财经_中国网", "基层治理信任缺口亟待弥合"},
      {"Budget talks stall again | News", "Budget talks stall again"},
      {"在新时代中部地区崛起中争先出彩--经济·科技-", "在新时代中部地区崛起中争先出彩"},
      // Site names after dashes, in either script, and dates of the page.
      {"Budget talks stall again - BBC News", "Budget talks stall again"},
      {"习近平会见美国总统—新华网", "习近平会见美国总统"},
      {"为什么 ChatGPT 不火了？-CSDN博客", "为什么 ChatGPT 不火了？"},
      {"港特首就违建事件道歉 - BBC中文网 - 两岸三地", "港特首就违建事件道歉"},
      {"Unijne fundusze coraz bliżej - Polityka - rp.pl", "Unijne fundusze coraz bliżej"},
      {"West Ham hrozí gigantům, okouzlil i Linekera - Aktuálně.cz", "West Ham hrozí gigantům, okouzlil i Linekera"},
      {"Apple’s Vision Pro hands-on: the Retina display moment for headsets - The Verge",
       "Apple’s Vision Pro hands-on: the Retina display moment for headsets"},
      {"新竹尖石_美樹營地賞楓 (2) @ 史蒂文的家_藍天 :: 痞客邦 PIXNET ::", "美樹營地賞楓 (2) @ 史蒂文的家"},
      {"Tite diz que errou ao levar taça - 21/12/2018", "Tite diz que errou ao levar taça"},
      {"23.01.2022 - Dorothea Wierer darf noch jubeln", "Dorothea Wierer darf noch jubeln"},
      {"建议对游戏进行改版 - Powered by Discuz!", "建议对游戏进行改版"},
      {"暴雨袭击南方多地(组图)", "暴雨袭击南方多地"},
      // Dashes that belong to the title stay.
      {"新征程,再出发——聚焦2021年全国两会", "新征程,再出发——聚焦2021年全国两会"},
      {"Star Wars - The Last Jedi", "Star Wars - The Last Jedi"},
      {"How we designed an async task framework – Dropbox Tech", "How we designed an async task framework"},
      {"Chapter 6 - Monitoring Distributed Systems", "Chapter 6 - Monitoring Distributed Systems"},
      {"Boeing 737-800 grounded after COVID-19 checks", "Boeing 737-800 grounded after COVID-19 checks"},
      {"新华社:莫让基层“戴罪立功”成常态", "新华社:莫让基层“戴罪立功”成常态"},
  };
  for (const TitleCase& c : kCases) {
    INFO("line: " << c.line);
    CHECK(pith::internal::CleanTitle(c.line, "") == c.expected);
  }
}

TEST_CASE("Title clean-up drops spam segments unrelated to the body", "[extract][title]") {
  using pith::internal::CleanTitle;
  const std::string body = ReliefBody();
  static const TitleCase kCases[] = {
      {"啊再用力再深点舔一舔 聚焦基层减负 为奋斗者加油", "聚焦基层减负 为奋斗者加油"},
      {"聚焦基层减负 为奋斗者加油 免费午夜在线视频", "聚焦基层减负 为奋斗者加油"},
      {"聚焦基层减负 为奋斗者加油", "聚焦基层减负 为奋斗者加油"},
  };
  for (const TitleCase& c : kCases) {
    INFO("line: " << c.line);
    CHECK(CleanTitle(c.line, body) == c.expected);
  }
  // Without a body to judge by, nothing is dropped.
  CHECK(CleanTitle("啊再用力再深点舔一舔 聚焦基层减负 为奋斗者加油", "") ==
        "啊再用力再深点舔一舔 聚焦基层减负 为奋斗者加油");
}

TEST_CASE("Decoding and counting Han agree with a walk of DecodeAt", "[extract][text]") {
  using pith::internal::DecodeAt;
  using pith::internal::HanCount;
  using pith::internal::IsHan;
  struct DecodeCase {
    const char* bytes;
    char32_t code_point;
    std::size_t len;
  };
  static const DecodeCase kDecodeCases[] = {
      {"a", 'a', 1},           {"\xC3\xA9", 0xE9, 2},       {"\xE4\xB8\xAD", 0x4E2D, 3},
      {"\xF0\xA0\x80\x80", 0x20000, 4},
      // Truncated or broken sequences decode as U+FFFD one byte at a time.
      {"\x80", 0xFFFD, 1},     {"\xC3", 0xFFFD, 1},         {"\xE4\xB8", 0xFFFD, 1},
      {"\xE4\x41\xAD", 0xFFFD, 1}, {"\xF0\xA0\x80", 0xFFFD, 1},
      // Leads 0xF8..0xFF are read like 0xF0..0xF7.
      {"\xF8\xA0\x80\x80", 0x20000, 4},
  };
  for (const DecodeCase& c : kDecodeCases) {
    INFO("bytes: " << c.bytes);
    std::size_t len = 0;
    CHECK(DecodeAt(c.bytes, 0, &len) == c.code_point);
    CHECK(len == c.len);
  }
  // The edges of the Han ranges, two-byte and broken sequences beside Han, and text in which
  // bytes below 0xE0 are skipped one at a time.
  static const char* const kTexts[] = {
      "\xE3\x8F\xBF\xE3\x90\x80",  // U+33FF U+3400
      "\xE4\xB6\xBF\xE4\xB7\x80",  // U+4DBF U+4DC0
      "\xE4\xB7\xBF\xE4\xB8\x80",  // U+4DFF U+4E00
      "\xE9\xBF\xBF\xEA\x80\x80",  // U+9FFF U+A000
      "\xEF\xA3\xBF\xEF\xA4\x80",  // U+F8FF U+F900
      "\xEF\xAB\xBF\xEF\xAC\x80",  // U+FAFF U+FB00
      "\xF0\x9F\xBF\xBF\xF0\xA0\x80\x80",  // U+1FFFF U+20000
      "\xF0\xAF\xA8\x9F\xF0\xAF\xA8\xA0",  // U+2FA1F U+2FA20
      "é中, a 中文 text",
      "\xC3中\xE4\xB8中\x80\x80中\xF0\xA0中",
      "\xF8\xA0\x80\x80 \xE4\xB8",
  };
  for (const char* text : kTexts) {
    INFO("text: " << text);
    const std::string_view s(text);
    std::size_t expected = 0;
    for (std::size_t i = 0, len; i < s.size(); i += len) expected += IsHan(DecodeAt(s, i, &len));
    CHECK(HanCount(s) == expected);
    CHECK(HanCount(s, 1) == std::min<std::size_t>(expected, 1));
  }
}

TEST_CASE("Code points are counted up to a limit", "[extract][text]") {
  using pith::internal::CodePointCount;
  std::string long_text;
  for (int i = 0; i < 50; ++i) long_text += "中a\xC3\xA9";  // 3 code points, 6 bytes
  struct CountCase {
    std::string text;
    std::size_t limit;
    std::size_t expected;
  };
  const CountCase kCases[] = {
      {"", 5, 0},
      {"中文 text", SIZE_MAX, 7},
      {"中文 text", 7, 7},
      {"中文 text", 3, 3},
      {"\x80\x80中\xE4\xB8", SIZE_MAX, 2},  // stray continuation bytes are not counted
      {long_text, SIZE_MAX, 150},
      {long_text, 150, 150},
      {long_text, 41, 41},  // stops inside the first 64-byte block
      {long_text, 100, 100},
  };
  for (const CountCase& c : kCases) {
    INFO("bytes: " << c.text.size() << ", limit: " << c.limit);
    CHECK(CodePointCount(c.text, c.limit) == c.expected);
  }
}

TEST_CASE("RFind finds the last occurrence, as rfind does", "[extract][text]") {
  struct RFindCase {
    const char* s;
    const char* needle;
  };
  static const RFindCase kCases[] = {
      {"a - b - c", " - "}, {" - b", " - "}, {"b - ", " - "}, {"abc", " - "}, {"-", " - "},
      {"", "-"},            {"--", "-"},     {"新华网—新华网", "—"}, {"x——y—", "——"}, {"aaa", "aa"},
  };
  for (const RFindCase& c : kCases) {
    INFO("s: " << c.s << ", needle: " << c.needle);
    CHECK(pith::internal::RFind(c.s, c.needle) == std::string_view(c.s).rfind(c.needle));
  }
}

TEST_CASE("Runs of spaces collapse to one ASCII space", "[extract][text]") {
  static const TitleCase kCases[] = {
      {"", ""},
      {" \t ", ""},
      {"  a  b ", "a b"},
      {"a\xC2\xA0\xE3\x80\x80 b", "a b"},  // NBSP, U+3000
      {"中\xE2\x80\x8B文 ", "中 文"},       // zero-width space
      {"x\xE4\xB8 y", "x\xE4\xB8 y"},      // a broken sequence is kept as it is
      {"one", "one"},
  };
  for (const TitleCase& c : kCases) {
    INFO("text: " << c.line);
    CHECK(pith::internal::CollapseSpaces(c.line) == c.expected);
  }
}

TEST_CASE("Relatedness counts the title's Han pairs or words found in the body", "[extract][title]") {
  using pith::internal::kRelatednessWindowBytes;
  using pith::internal::Relatedness;
  // Filler of one repeated character, which forms no pair or word of the titles below.
  const std::string filler(300, 'x');
  std::string han_filler;
  for (int i = 0; i < 120; ++i) han_filler += "一";
  struct RelatednessCase {
    const char* title;
    std::string body;
    double expected;
  };
  const RelatednessCase kCases[] = {
      // 甲乙 乙丙 丙丁: pairs at the very start and the very end of the body, or not at all.
      {"甲乙丙丁", "甲乙" + han_filler + "丙丁", 2.0 / 3},
      {"甲乙丙丁", han_filler + "乙丙", 1.0 / 3},
      {"甲乙丙丁", han_filler + "甲乙丙丁", 1.0},
      // A pair split by punctuation or a space is not in the body.
      {"甲乙丙丁", han_filler + "甲,乙 丙、丁", 0.0},
      // Each occurrence of a pair in the title counts: 甲乙 乙甲 甲乙.
      {"甲乙甲乙", han_filler + "甲乙", 2.0 / 3},
      // Four-byte ideographs (U+20000..), alone and beside three-byte ones.
      {"𠀀𠀁甲乙", han_filler + "𠀀𠀁", 1.0 / 3},
      {"𠀀𠀁甲乙", han_filler + "𠀁甲", 1.0 / 3},
      // Broken UTF-8 before a pair does not hide it.
      {"甲乙丙丁", han_filler + "\xE4\xB8甲乙\xC3丙丁\x80", 2.0 / 3},
      // Only the start of a long body is read.
      {"甲乙丙丁", han_filler + std::string(kRelatednessWindowBytes, 'x') + "甲乙丙丁", 0.0},
      {"甲乙丙丁", han_filler + std::string(kRelatednessWindowBytes - han_filler.size() - 3, 'x') + "甲乙丙丁", 0.0},
      {"甲乙丙丁", han_filler + std::string(kRelatednessWindowBytes - han_filler.size() - 6, 'x') + "甲乙丙丁", 1.0 / 3},
      // Latin titles: words of four or more letters, found anywhere in the body, in any case.
      {"Budget talks stall again", filler + "the BUDGET TALKS", 2.0 / 4},
      {"Budget talks stall again", filler + "budgetary stalling", 2.0 / 4},
      {"Budget talks stall again", filler + "budge talk stal agai", 0.0},
      {"Budget talks stall again", "Again" + filler + "STALL", 2.0 / 4},
      {"Aaaa bbbb abab baba", filler + "aaab aaaa babbab ababa", 3.0 / 4},
      // Only the start of a long body is read.
      {"Budget talks stall again", std::string(kRelatednessWindowBytes - 4, 'x') + "again", 0.0},
      {"Budget talks stall again", std::string(kRelatednessWindowBytes - 5, 'x') + "AGAIN", 1.0 / 4},
      {"Budget talks stall again", std::string(kRelatednessWindowBytes - 10, 'x') + "stall again", 1.0 / 4},
      // Too few pairs or words, or too little Han or text in the body, say nothing.
      {"甲乙", han_filler + "甲乙", -1.0},
      {"甲乙丙丁", filler + "甲乙丙丁", -1.0},
      {"Budget talks in May", filler + "budget talks", -1.0},
      {"Budget talks stall again", "budget talks stall again", -1.0},
  };
  for (const RelatednessCase& c : kCases) {
    INFO("title: " << c.title << ", body bytes: " << c.body.size());
    CHECK(Relatedness(c.title, c.body) == Approx(c.expected));
  }
}

TEST_CASE("Notices quote the title or cite a source", "[extract][title]") {
  using pith::internal::PublicationCitedInNotice;
  using pith::internal::TitleQuotedInNotice;
  CHECK(TitleQuotedInNotice("1.《啊再用力 聚焦基层减负》援引自互联网,仅代表作者本人观点") == "啊再用力 聚焦基层减负");
  CHECK(TitleQuotedInNotice("以上就是【新华社:莫让基层“戴罪立功”成常态】有关内容,更多资讯请关注本站。") ==
        "新华社:莫让基层“戴罪立功”成常态");
  CHECK(TitleQuotedInNotice("本文摘自《半月谈》,版权归原作者所有").empty());
  CHECK(TitleQuotedInNotice("【免责声明】本站内容来自网络").empty());
  CHECK(PublicationCitedInNotice("本文摘自《半月谈》,版权归原作者所有") == "半月谈");
  CHECK(PublicationCitedInNotice("1.《聚焦基层减负》援引自互联网").empty());
}

TEST_CASE("Publisher named at the head of a title", "[extract][title]") {
  using pith::internal::PublisherPrefix;
  CHECK(PublisherPrefix("新华社:莫让基层“戴罪立功”成常态") == "新华社");
  CHECK(PublisherPrefix("人民日报：再驳产能过剩论") == "人民日报");
  CHECK(PublisherPrefix("为什么:个别地方层层加码").empty());
  CHECK(PublisherPrefix("习近平在新疆考察时强调:彰显特色优势").empty());
}

TEST_CASE("Bylines in simplified Chinese", "[extract][byline]") {
  static const BylineCase kCases[] = {
      {"来源:新华社 2024-01-29 11:30 作者:张三 责任编辑:李四",
       R"({"date":"2024-01-29","time":"11:30","author":"张三","publisher":"新华社","editor":"李四"})"},
      {"来源：人民日报　　作者：王五", R"({"author":"王五","publisher":"人民日报"})"},
      {"本报记者 张三 李四 通讯员 王五", R"({"author":"张三 李四"})"},
      {"新华社记者 张三", R"({"author":"张三","publisher":"新华社"})"},
      {"文/李明", R"({"author":"李明"})"},
      {"文字 | 林晓", R"({"author":"林晓"})"},
      {"原创 林晓 城市书房 2024-05-01 08:30 发表于浙江", R"({"date":"2024-05-01","time":"08:30"})"},
      {"记者 赵强 报道", R"({"author":"赵强"})"},
      {"(责任编辑:赵六)", R"({"editor":"赵六"})"},
      {"（編輯：李大華）1130726", R"({"editor":"李大華"})"},
      {"发布时间:2024年1月29日 10:05 来源:央视新闻客户端",
       R"({"date":"2024-01-29","time":"10:05","publisher":"央视新闻客户端"})"},
      // Without a title line, the original title stands in for the title.
      {"原标题:如何破解“层层加码”?", R"({"title":"如何破解“层层加码”?","original_title":"如何破解“层层加码”?"})"},
      {"本文标签: 政府 职能 先进集体", R"({"tags":["政府","职能","先进集体"]})"},
      {"关键词:减负、基层、形式主义", R"({"tags":["减负","基层","形式主义"]})"},
      // A blog's category ends its tags.
      {"标签： 桂花 茶 秋天 分类： 生活随笔", R"({"tags":["桂花","茶","秋天"]})"},
      {"(2023-09-28 20:41:05)", R"({"date":"2023-09-28","time":"20:41"})"},
      // A photographer is not the author; reviewers are not editors.
      {"摄影记者 张三 记者 李四", R"({"author":"李四"})"},
      {"编辑:王二 审核:张三", R"({"editor":"王二"})"},
      {"来源：光明网-《光明日报》2024-05-20 03:15",
       R"({"date":"2024-05-20","time":"03:15","publisher":"光明网-光明日报"})"},
      {"2024年05月16日 17:02 新京报作者：新京报",
       R"({"date":"2024-05-16","time":"17:02","author":"新京报","publisher":"新京报"})"},
      {"来源： [64c77908a3.jpeg] 中国日报网", R"({"publisher":"中国日报网"})"},
      // An organisation, then its writer.
      {"2023-06-15 08:10 来源：中国新闻网 王帆",
       R"({"date":"2023-06-15","time":"08:10","author":"王帆","publisher":"中国新闻网"})"},
      {"来源：央视新闻客户端 中国青年网", R"({"publisher":"央视新闻客户端 中国青年网"})"},
      {"来源：中国新闻网 欧阳晓明", R"({"author":"欧阳晓明","publisher":"中国新闻网"})"},
      // Four characters without a surname of two are a button's label.
      {"2024年10月08日 16:45 来源：中国新闻网 参与互动",
       R"({"date":"2024-10-08","time":"16:45","publisher":"中国新闻网"})"},
      // A link the portal brackets beside a name is no part of it.
      {"2024-06-18 07:45:12 来源：都市晨报 作者：周婷 责任编辑：王磊 [纠错]",
       R"({"date":"2024-06-18","time":"07:45","author":"周婷","publisher":"都市晨报","editor":"王磊"})"},
      {"作者：李四【打印】", R"({"author":"李四"})"},
      // A count of views or clicks is no part of the name before it.
      {"发布时间：2024-04-08 来源：市园林绿化局 浏览次数：1268",
       R"({"date":"2024-04-08","publisher":"市园林绿化局"})"},
      {"来源：滨海日报 点击数：3021", R"({"publisher":"滨海日报"})"},
      {"來源：港灣週報 閱讀量：520", R"({"publisher":"港灣週報"})"},
      {"记者 张三(实习) 报道", R"({"author":"张三"})"},
      // 合作者 holds 作者 but names no author.
      {"有意与本刊合作者请联系", R"({})"},
  };
  CheckBylines(kCases, std::size(kCases));
}

TEST_CASE("Bylines in traditional Chinese", "[extract][byline]") {
  static const BylineCase kCases[] = {
      {"來源:半月談 2024-01-29 11:30 http://m.example.cn/",
       R"({"date":"2024-01-29","time":"11:30","publisher":"半月談","urls":["http://m.example.cn/"]})"},
      {"半月談記者:孫亮全 陳國峰", R"({"author":"孫亮全 陳國峰","publisher":"半月談"})"},
      {"責任編輯:鄭莉莉", R"({"editor":"鄭莉莉"})"},
      {"【文/觀察者網專欄作者 左瑋】", R"({"author":"左瑋","publisher":"觀察者網"})"},
      {"更新時間:2023-01-20 08:08:05作者:智慧百科", R"({"date":"2023-01-20","time":"08:08","author":"智慧百科"})"},
      {"發佈時間:民國113年1月29日 來源:中央社", R"({"date":"2024-01-29","publisher":"中央社"})"},
      {"原標題:上級“不放心”,基層“不交底”",
       R"({"title":"上級“不放心”,基層“不交底”","original_title":"上級“不放心”,基層“不交底”"})"},
      {"本文標簽: 政府 \u00a0職能 \u00a0先進集體", R"({"tags":["政府","職能","先進集體"]})"},
  };
  CheckBylines(kCases, std::size(kCases));
}

TEST_CASE("Bylines in English", "[extract][byline]") {
  static const BylineCase kCases[] = {
      {"By Jane Doe | Updated: Jan 29, 2024 11:30 AM ET",
       R"({"date":"2024-01-29","time":"11:30","author":"Jane Doe"})"},
      {"Published: 29 January 2024", R"({"date":"2024-01-29"})"},
      {"Source: Reuters", R"({"publisher":"Reuters"})"},
      {"Editor: Alice Brown", R"({"editor":"Alice Brown"})"},
      {"Tags: climate, energy policy, EU", R"({"tags":["climate","energy policy","EU"]})"},
      {"Posted on January 29, 2024 by admin", R"({"date":"2024-01-29","author":"admin"})"},
      // URLs (in any case) and the residue of text dumps are cut out of the values.
      {"Source: Reuters (WWW.Reuters.com) Jan 29, 2024",
       R"({"date":"2024-01-29","publisher":"Reuters","urls":["WWW.Reuters.com"]})"},
      {"By Jane Doe [photo.jpg] (BUTTON) Jan 29, 2024", R"({"date":"2024-01-29","author":"Jane Doe"})"},
      // Where two keys start at the same place, the first listed wins: "posted by" is an author.
      {"Posted by Jane Doe on January 29, 2024", R"({"date":"2024-01-29","author":"Jane Doe"})"},
      {"Written by Sam Lee on 2024-01-29", R"({"date":"2024-01-29","author":"Sam Lee"})"},
      {"Author: Li Wei | Source: Xinhua", R"({"author":"Li Wei","publisher":"Xinhua"})"},
      {"Original title: How it all began", R"({"title":"How it all began","original_title":"How it all began"})"},
      // Dates, handles and job titles after the name are not part of it.
      {"By Erin Cunningham March 18 at 3:57 PM Follow @erin", R"({"author":"Erin Cunningham"})"},
      {"By Daniel Kahn Gillmor, Senior Staff Technologist, ACLU Speech, Privacy, and Technology Project",
       R"({"author":"Daniel Kahn Gillmor"})"},
      {"By Jane Doe, John Roe", R"({"author":"Jane Doe, John Roe"})"},
      // After the comma, a job, a degree or an outlet.
      {"By Maria Delgado, Staff Writer", R"({"author":"Maria Delgado"})"},
      {"By Ana Ruiz, CNN", R"({"author":"Ana Ruiz"})"},
      {"By Jean DUPONT, Marie CURIE", R"({"author":"Jean DUPONT, Marie CURIE"})"},
      {"By Brenda Goodman, MA", R"({"author":"Brenda Goodman"})"},
      {"By Rachel Moore and Sam Patel, National News", R"({"author":"Rachel Moore and Sam Patel"})"},
      {"// By Arun Sai Krishnan • Nov 11, 2020", R"({"date":"2020-11-11","author":"Arun Sai Krishnan"})"},
      {"by Steven Musil January 18, 2017 11:00 PM PST", R"({"date":"2017-01-18","time":"23:00","author":"Steven Musil"})"},
      {"by Eleanor Ainge Roy (reporting) and Adrian Malloch (photography)",
       R"({"author":"Eleanor Ainge Roy and Adrian Malloch"})"},
      // A photo credit names no author.
      {"Photo by Getty Images", R"({})"},
      // The publication date outranks the update date, wherever it stands.
      {"Updated: Jan 29, 2024 Published: Jan 28, 2024", R"({"date":"2024-01-28"})"},
  };
  CheckBylines(kCases, std::size(kCases));
}

TEST_CASE("Dates after not_after are rejected", "[extract]") {
  CHECK(Extract({"来源:新华社 2025-01-02"}).dump() == R"({"publisher":"新华社"})");
  pith::StageOptions options;
  options.extract.not_after = "2024-02-30";
  CHECK_THROWS_AS(pith::MakeStage("extract", options), pith::ConfigError);
}

TEST_CASE("Extract consumes meta_lines and keeps metadata it was given", "[extract]") {
  const auto stage = pith::MakeStage("extract", {});
  Document doc;
  doc.text = "正文第一段。";
  doc.metadata["author"] = "Given Author";
  doc.meta_lines = {{1, Label::kTitle, "t", "1. 标题在这里_新闻_某某网"}, {2, Label::kMeta, "m", "作者:张三 来源:某某网"}};
  stage->Process(doc);
  CHECK(doc.meta_lines.empty());
  CHECK(doc.text == "正文第一段。");
  CHECK(doc.metadata.dump() == R"({"author":"Given Author","title":"标题在这里","publisher":"某某网"})");
}

TEST_CASE("Notice lines give the title when no title line is labelled", "[extract]") {
  const auto stage = pith::MakeStage("extract", {});
  Document doc;
  doc.text = ReliefBody();
  doc.meta_lines = {{9, Label::kNotice, "n", "1.《啊再用力再深点舔一舔 聚焦基层减负 为奋斗者加油》援引自互联网"}};
  stage->Process(doc);
  CHECK(doc.metadata.dump() == R"({"title":"聚焦基层减负 为奋斗者加油"})");
}

TEST_CASE("Bylines at the edges of the body", "[extract]") {
  const auto stage = pith::MakeStage("extract", {});
  Document doc;
  doc.text = "新华社北京1月29日电(记者 张三 李四)国务院今天发布新规。\n第二段内容较长,说明了更多细节。\n"
             "第三段内容。(责任编辑:王五)";
  doc.meta_lines = {{1, Label::kTitle, "t", "国务院发布新规"}};
  stage->Process(doc);
  CHECK(doc.metadata.dump() ==
        R"({"title":"国务院发布新规","author":"张三 李四","publisher":"新华社","editor":"王五"})");
}

TEST_CASE("Unlabelled text: title and meta lines are read, text is kept", "[extract]") {
  const auto stage = pith::MakeStage("extract", {});
  Document doc;
  doc.text = "聚焦基层减负 为奋斗者加油\n来源:新华社 2024-01-29 作者:张三\n" + ReliefBody();
  const std::string before = doc.text;
  stage->Process(doc);
  CHECK(doc.text == before);
  CHECK(doc.metadata.dump() ==
        R"({"title":"聚焦基层减负 为奋斗者加油","date":"2024-01-29","author":"张三","publisher":"新华社"})");
}

TEST_CASE("Unlabelled text: a first line unrelated to the body is not the title", "[extract]") {
  const auto stage = pith::MakeStage("extract", {});
  Document doc;
  doc.text = "色94色欧美一区-色97色-免费午夜在线视频\n" + ReliefBody();
  stage->Process(doc);
  CHECK_FALSE(doc.metadata.contains("title"));
}

TEST_CASE("Unlabelled text: a later short line related to the body is the title", "[extract]") {
  const auto stage = pith::MakeStage("extract", {});
  Document doc;
  doc.text = "色94色欧美一区-色97色-免费午夜在线视频\n注册\n聚焦基层减负 为奋斗者加油\n" + ReliefBody();
  stage->Process(doc);
  CHECK(doc.metadata.value("title", "") == "聚焦基层减负 为奋斗者加油");
}

TEST_CASE("Tags split on separators or spaces", "[extract]") {
  using pith::internal::SplitTags;
  CHECK(SplitTags("政府 职能  先进集体") == std::vector<std::string>{"政府", "职能", "先进集体"});
  CHECK(SplitTags("climate, energy policy; EU") == std::vector<std::string>{"climate", "energy policy", "EU"});
  CHECK(SplitTags("energy policy") == std::vector<std::string>{"energy policy"});
  CHECK(SplitTags("#減負 #基層 #減負") == std::vector<std::string>{"減負", "基層"});
}
