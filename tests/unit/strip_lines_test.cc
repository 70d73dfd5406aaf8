// The measures strip takes of each line. The per-character loop has short paths for ASCII and for
// the main Han block; these cases pin that they count what the character classes say, at the
// edges of the ranges too.
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "page_files.h"
#include "strip_detectors.h"
#include "strip_lines.h"
#include "strip_text.h"

namespace {

using pith::internal::Line;

Line Measured(const std::string& text) {
  std::vector<Line> lines;
  pith::internal::SplitLines(text, &lines);
  REQUIRE(lines.size() == 1);
  return lines[0];
}

// The 0-based index of the first line of `text` that contains `needle`.
int IndexOf(const std::string& text, const std::string& needle) {
  std::istringstream in(text);
  int i = 0;
  for (std::string line; std::getline(in, line); ++i) {
    if (line.find(needle) != std::string::npos) return i;
  }
  FAIL("no line contains " << needle);
  return -1;
}

// `text` with every line's leading spaces, ideographic ones too, taken away, as normalize does.
std::string Dedented(const std::string& text) {
  std::istringstream in(text);
  std::string out;
  for (std::string line; std::getline(in, line);) {
    std::size_t start = 0;
    while (true) {
      if (line.compare(start, 1, " ") == 0) start += 1;
      else if (line.compare(start, 3, "\u3000") == 0) start += 3;
      else break;
    }
    out += line.substr(start) + "\n";
  }
  return out;
}

// The unit of each line of `text`, which must read as wrapped.
std::vector<int> UnitsOf(const std::string& text) {
  std::vector<Line> lines;
  pith::internal::Unwrapped unwrapped;
  pith::internal::SplitLines(text, &lines);
  REQUIRE(pith::internal::JoinWrapped(lines, &unwrapped));
  return unwrapped.unit_of;
}

// Whether a line of a dump goes on into the next one: `line` and `next` find them by content
// (`next`, when given, must be the line right after).
struct JoinCase {
  const char* line;
  const char* next;
  bool joined;
};

// Checks `cases` on `page` as dumped and dedented, as normalize leaves it; the page must read
// as wrapped.
void CheckJoins(const std::string& page, const std::vector<JoinCase>& cases) {
  for (const std::string& text : {page, Dedented(page)}) {
    const std::vector<int> unit_of = UnitsOf(text);
    for (const JoinCase& c : cases) {
      INFO(c.line << (text == page ? "" : ", dedented"));
      const int line = IndexOf(text, c.line);
      if (*c.next != '\0') CHECK(IndexOf(text, c.next) == line + 1);
      CHECK((unit_of[line] == unit_of[line + 1]) == c.joined);
    }
  }
}

}  // namespace

TEST_CASE("Every ASCII byte is counted as the character classes say", "[strip]") {
  for (char32_t c = 1; c < 0x80; ++c) {
    if (c == '\n') continue;  // splits the line
    const std::string text = std::string("ab") + static_cast<char>(c) + "cd";
    INFO("byte " << static_cast<int>(c));
    const Line line = Measured(text);
    CHECK(line.chars == 5);
    CHECK(line.cjk == 0);
    CHECK(line.wide == 0);
    CHECK(line.spaces == (pith::internal::IsSpace(c) ? 1 : 0));
    CHECK(line.letters == (pith::internal::IsLetter(c) ? 5 : 4));
    CHECK(line.digits == (pith::internal::IsDigit(c) ? 1 : 0));
    // A letter, a digit or an apostrophe (don't) joins "ab" and "cd" into one word.
    const bool joins = pith::internal::IsLetter(c) || pith::internal::IsDigit(c) || c == '\'';
    CHECK(line.words == (joins ? 1 : 2));
  }
}

TEST_CASE("Letters, digits and CJK characters are counted by their class, alone and in runs",
          "[strip]") {
  struct Case {
    const char* text;
    int chars, letters, digits, cjk, wide, words, stops;
  };
  const Case cases[] = {
      // Runs of ASCII letters and digits, and words that go on across non-ASCII letters.
      {"abc123DEF", 9, 6, 3, 0, 0, 1, 0},
      {"Abc 12 x", 8, 4, 2, 0, 0, 3, 0},
      {"für Über", 8, 7, 0, 0, 0, 2, 1},
      {"中文abc中文", 7, 3, 0, 4, 4, 1, 0},
      {"2024年3月", 7, 0, 5, 2, 2, 2, 0},
      {"一二三。四五", 6, 0, 0, 5, 6, 0, 0},
      // The main Han block, U+4E00..U+9FFF, and its neighbours.
      {"\u4E00", 1, 0, 0, 1, 1, 0, 0},
      {"\u9FFF", 1, 0, 0, 1, 1, 0, 0},
      {"\u4DBF", 1, 0, 0, 1, 1, 0, 0},  // the end of extension A is Han too
      {"\u4DFF", 1, 0, 0, 0, 0, 0, 0},  // a hexagram symbol, between extension A and the block
      {"\uA000", 1, 0, 0, 0, 0, 0, 0},  // Yi, after the block
      {"\u3042\u30A2", 2, 0, 0, 2, 2, 0, 0},  // kana
      {"\U00020000", 1, 0, 0, 1, 1, 0, 0},    // extension B, four bytes
      // Function characters, the first and last of their list among them.
      {"我们的了是呢", 6, 0, 0, 6, 6, 0, 6},
      {"世界地图", 4, 0, 0, 4, 4, 0, 1},
      // Full-width forms are wide without being CJK.
      {"\uFF21\uFF22", 2, 2, 0, 0, 2, 1, 0},
      {"\u3002", 1, 0, 0, 0, 1, 0, 0},
      // A cut-off sequence counts one replacement character per byte, never a Han character.
      {"\xE4\xB8", 2, 0, 0, 0, 0, 0, 0},
      {"\xE4\xB8" "x", 3, 1, 0, 0, 0, 1, 0},
      {"\xE5\x80" "\u4E00", 3, 0, 0, 1, 1, 0, 0},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const Line line = Measured(c.text);
    CHECK(line.chars == c.chars);
    CHECK(line.letters == c.letters);
    CHECK(line.digits == c.digits);
    CHECK(line.cjk == c.cjk);
    CHECK(line.wide == c.wide);
    CHECK(line.words == c.words);
    CHECK(line.stops == c.stops);
  }
}

TEST_CASE("Function words are found whatever their ASCII case, and only whole", "[strip]") {
  struct Case {
    const char* text;
    int words, stops;
  };
  const Case cases[] = {
      {"The cat", 2, 1},
      {"THE CAT", 2, 1},
      {"and/or", 2, 2},
      {"über", 1, 1},
      {"Über", 1, 0},      // only ASCII letters are lower-cased
      {"también", 1, 1},   // eight bytes, the longest a function word may have
      {"therefore", 1, 0},
      {"them", 1, 1},
      {"theme", 1, 0},
      {"don't", 1, 0},     // one word with its apostrophe
      {"a1", 1, 0},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const Line line = Measured(c.text);
    CHECK(line.words == c.words);
    CHECK(line.stops == c.stops);
  }
}

TEST_CASE("A comma between figures is no clause break", "[strip]") {
  struct Case {
    const char* text;
    int commas;
  };
  const Case cases[] = {
      {"Posted on April 9, 2024 by Emma Clarke", 0},
      {"Steps 1, 2, 3 and 4", 0},
      {"In 2019, the town opened a library", 1},
      {"Yes, we can", 1},
      {"今年春天，图书馆开放", 1},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(Measured(c.text).commas == c.commas);
  }
}

TEST_CASE("A reply's subject hashes as the title it repeats", "[strip]") {
  struct Case {
    const char* line;
    const char* title;
    bool same;
  };
  const Case cases[] = {
      {"Re: Starter smells like acetone", "Starter smells like acetone", true},
      {"RE : Starter smells like acetone", "Starter smells like acetone", true},
      {"回复：阳台的番茄叶子发黄怎么办", "阳台的番茄叶子发黄怎么办", true},
      {"答覆: 陽台的番茄葉子發黃怎麼辦", "陽台的番茄葉子發黃怎麼辦", true},
      // Only a reply's own prefix: a word that begins with "re" is part of the line.
      {"Rebuild: Starter smells like acetone", "Starter smells like acetone", false},
      {"Starter smells like acetone: Re", "Starter smells like acetone", false},
  };
  for (const Case& c : cases) {
    INFO(c.line);
    CHECK((Measured(c.line).letters_hash == Measured(c.title).letters_hash) == c.same);
  }
}

TEST_CASE("Prose is sentences with function words; code has marks that prose and menus lack",
          "[strip]") {
  struct Case {
    const char* text;
    bool prose;
    bool code;
  };
  const Case cases[] = {
      {"The city will replace every lead pipe by the end of 2030, the director said.", true, false},
      {"About 4,100 homes, most of them built before 1950, still get their water this way.", true,
       false},
      {"Home | News | Sport | Business | Culture | Opinion | Weather", false, false},
      {"Posted in News | 3 Comments", false, false},
      // Its words pass for function words (may, at, a), its digits give it away.
      {"Published: May 2, 2024 at 6:05 a.m. | Updated: May 2, 2024 at 9:41 a.m.", false, false},
      {"Heat 1: 62.93 s, heat 2: 64.10 s, heat 3: 65.06 s, heat 4: 63.69 s.", false, false},
      {"The price rose 5% to $4.2 million, the company said.", true, false},
      {"今年春天，城东区新建的社区图书馆正式开放，首周接待读者超过一万人次。", true, false},
      // A Chinese sentence that quotes a function call is prose.
      {"在配置文件里把 timeout 改成 30 秒，然后调用 reload(); 就能生效了，不用重启服务。", true, false},
      // Capitalized words without a full stop: a byline, whose "by" and "and" pass for function
      // words. A sentence that opens with "By" is still prose.
      {"By Rachel Moore and Sam Patel, National News", false, false},
      // Its dates are words no capital can begin, and "May" passes for a function word.
      {"By Priya Halvorsen, Senior Reviews Editor · May 9, 2024 · Updated May 12, 2024", false,
       false},
      {"By the time the crews arrived, most of the trees had already been cleared away.", true,
       false},
      {"Step 1: mix the flour and the water", false, false},
      // A command, joined by pipes as a menu is; the aligned rows of its output; a bulleted step
      // of a configuration; a condition, a statement, a function.
      {"$ pytest --durations=0 -q | sort -k1 -n -r | head -5", false, true},
      {"8.31s call     tests/api/test_search.py::test_facets", false, true},
      {"- run: pytest --shard-id=${{ matrix.shard }} --num-shards=4", false, true},
      {"if (v >= 0 && v < n) {", false, true},
      {"return 0;", false, true},
      {"const add = (a, b) => a + b", false, true},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const std::string text = c.text;  // the line's views point into it
    const Line line = Measured(text);
    CHECK(pith::internal::IsProse(line) == c.prose);
    CHECK(pith::internal::IsCode(line) == c.code);
  }
}

TEST_CASE("Code points are counted across the blocks of eight bytes the count reads", "[strip]") {
  // Each character of every length at every offset of a block, and at the tail after the last
  // whole block; a stray continuation byte counts for nothing, a stray lead byte for one.
  const char* pieces[] = {"\u00E9", "\u4E2D", "\U0001F600", "\x80", "\xE4"};
  const std::size_t counts[] = {1, 1, 1, 0, 1};
  for (std::size_t k = 0; k < 5; ++k) {
    for (std::size_t before = 0; before <= 9; ++before) {
      for (std::size_t after = 0; after <= 9; ++after) {
        const std::string s = std::string(before, 'a') + pieces[k] + std::string(after, 'b');
        INFO(s);
        CHECK(pith::internal::CountCodePoints(s) == before + counts[k] + after);
      }
    }
  }
  CHECK(pith::internal::CountCodePoints("") == 0);
  CHECK(pith::internal::CountCodePoints("中文中文中文中文") == 8);
}

TEST_CASE("A line seen before keeps its own number, text and bullet", "[strip]") {
  // Measures of repeated lines are remembered; what differs from one occurrence to the next must
  // not be.
  const std::string text = "* Home\nHome\n  1. Home\nHome page\n* Home";
  for (int round = 0; round < 2; ++round) {
    std::vector<Line> lines;
    pith::internal::SplitLines(text, &lines);
    REQUIRE(lines.size() == 5);
    struct Case {
      const char* text;
      pith::internal::Bullet bullet;
      int chars;
    };
    const Case cases[] = {{"* Home", pith::internal::Bullet::kSymbol, 4},
                          {"Home", pith::internal::Bullet::kNone, 4},
                          {"  1. Home", pith::internal::Bullet::kNumber, 4},
                          {"Home page", pith::internal::Bullet::kNone, 9},
                          {"* Home", pith::internal::Bullet::kSymbol, 4}};
    for (int i = 0; i < 5; ++i) {
      INFO("round " << round << ", line " << i + 1);
      CHECK(lines[i].n == i + 1);
      CHECK(lines[i].text == cases[i].text);
      CHECK(lines[i].core == (i == 3 ? "Home page" : "Home"));
      CHECK(lines[i].core.data() >= text.data());
      CHECK(lines[i].core.data() < text.data() + text.size());
      CHECK(lines[i].bullet == cases[i].bullet);
      CHECK(lines[i].chars == cases[i].chars);
      CHECK(lines[i].words == (i == 3 ? 2 : 1));
    }
  }
}

TEST_CASE("Wrapped lines join where the next word did not fit, and only there", "[strip]") {
  // Wrapped at 60 columns. Line 5 stops short of the margin with room for "Photo:", so the break
  // after it is the page's own (a caption and its credit); the break after line 7, where the next
  // word would not have fitted, is the wrapper's, as are those inside the paragraphs.
  const std::string text =
      "The council voted seven to two on Tuesday night to approve a\n"
      "network of protected bike lanes on the busiest streets of\n"
      "the downtown area, after a review of more than a year.\n"
      "\n"
      "A cyclist waits at a red light on Harbour Street.\n"
      "Photo: Tom Reyes\n"
      "Supporters packed the public gallery for the vote, and many\n"
      "considered the decision long overdue for those who ride.\n"
      "\n"
      "The plan removes about 140 parking spaces, a point that drew\n"
      "objections from some shop owners on the east side streets.\n";
  const std::vector<int> unit_of = UnitsOf(text);
  struct Case {
    int line, joined_with;  // 0-based line indices: same unit, or not
    bool same;
  };
  const Case cases[] = {
      {0, 1, true}, {1, 2, true}, {4, 5, false}, {5, 6, false}, {6, 7, true}, {9, 10, true},
  };
  for (const Case& c : cases) {
    INFO("lines " << c.line + 1 << " and " << c.joined_with + 1);
    CHECK((unit_of[c.line] == unit_of[c.joined_with]) == c.same);
  }
}

TEST_CASE("Chinese text that lynx broke after a count of characters is joined", "[strip]") {
  // Lynx breaks Chinese text, which has no spaces, after as many characters as fit, counting each
  // as one column, and a line with a space at its last space: "本报讯" stands alone over the rest.
  // Paragraphs open with ideographic spaces that the lines under them lack.
  CheckJoins(ReadPage("zh_news_lynx.txt"), {
                                     {"本报讯", "记者从市住建局获悉", true},
                                     {"记者从市住建局获悉", "台以上，其中今年", true},
                                     {"方案明确", "助，同时允许", true},
                                     {"审批服务", "，审批时限", true},
                                     {"版权声明", "，应在授权范围内使用", true},
                                     {"_要闻_江南在线", "首页 要闻 本地", false},
                                     {"我市出台城市更新", "加装电梯后房价", false},
                                 });
}

TEST_CASE("Chinese text broken at a count of screen columns is joined", "[strip]") {
  // Broken at 72 columns, a CJK character two of them: four paragraphs broken once, among
  // paragraphs and a notice of one line that end a few characters short of the width.
  CheckJoins(ReadPage("zh_news_wrapped.txt"), {
                                        {"本报讯 3月16日", "书馆共接待读者", true},
                                        {"据介绍", "藏图书八万余册", true},
                                        {"以前借书要坐", "子来办了借书证", true},
                                        {"区文化局负责人", "校合作开展", true},
                                        {"登录 | 注册", "当前位置", false},
                                        {"分享到：", "[weixin.png]", false},
                                    });
}

TEST_CASE("A short page shows its breaks inside a bracket and at its widest line", "[strip]") {
  // Lynx broke three lines of this story, too few to show a margin: the lead at the last space
  // inside its bracket ("通讯员" over "王丽）"), and two paragraphs mid-sentence after 71
  // characters, the widest any line of the page is.
  CheckJoins(ReadPage("zh_news_lynx_short.txt"),
             {
                 {"本报讯（记者 刘晓明 通讯员", "王丽）记者从", true},
                 {"王丽）记者从", "口规模自然村", true},
                 {"会议提出", "推进城乡客运一体化", true},
                 {"东江网首页", "", false},
                 {"【责任编辑：陈静】", "", false},
                 {"* 全省春运交通运输平稳有序", "* 多条高速公路项目集中开工", false},
             });
}

TEST_CASE("A short English page shows a sentence broken where the next word did not fit",
          "[strip]") {
  // Two paragraphs of a story wrapped at 72 columns, too few lines for a margin, and a list of
  // headlines as wide, each of which begins with a capital.
  const std::string text =
      "Plastic fibers found in deep sea mud\n"
      "The findings suggest that ocean currents carry small fibers to the seabed\n"
      "within a few years of their release, the authors wrote in the journal.\n"
      "\n"
      "Other researchers cautioned that dating individual particles is hard,\n"
      "because burrowing animals can mix the sediment layers over the years.\n"
      "\n"
      "Most read\n"
      "A rare comet will be visible this weekend across the northern hemisphere\n"
      "How a small town library became the busiest place on its main street\n";
  CheckJoins(text, {
                       {"The findings suggest", "within a few years", true},
                       {"Other researchers", "because burrowing", true},
                       {"A rare comet", "How a small town", false},
                   });
}

TEST_CASE("A short Chinese page shows prose broken at the space beside a number", "[strip]") {
  // Lynx breaks Chinese prose with numbers and Latin words in it at the last space before a run
  // of Chinese too long to fit, anywhere from half to all of the width, too unevenly for a
  // margin. A post's header that ends in a time and a row of headlines ending in a year do not
  // go on into the text under them.
  const std::string text =
      "新款折叠屏手机发布_科技频道_晨光网\n"
      "   \u3000\u300011 月 20 日消息，某手机厂商今天下午在北京举行发布会，正式推出新一代折叠屏手机。新机采用 7.9 英寸内屏和 6.4\n"
      "   英寸外屏，整机重量降至 215 克，展开厚度仅 4.3 mm，是该品牌迄今为止最轻薄的折叠屏产品。\n"
      "\n"
      "   \u3000\u3000影像系统由 5000 万像素主摄、5000 万像素超广角和 1000 万像素长焦镜头组成，支持 3\n"
      "   倍光学变焦。厂商在发布会上展示了夜景和人像样张，并表示后续将通过 OTA 更新加入更多拍摄模式。\n"
      "\n"
      "   \u3000\u3000价格方面，12 GB + 256 GB 版本售价 7999 元，16 GB + 512 GB 版本售价 8999 元，16 GB + 1\n"
      "   TB 版本售价 10999 元，今晚 20:00 开启预售，11 月 28 日正式发售。\n"
      "\n"
      "   访客 于 2024/03/04 08:12\n"
      "   请问自驾去的话停车方便吗？村口那一段路好不好走，周末人多不多，想带家里的老人一起去看看。\n"
      "   三峡大坝变形? 专家:又有人在恶意炒作 戴口罩、一米线 疫情改变了哪些习惯 2020\n"
      "   2020年1月，武汉的医院急需防护物资，各地捐赠的物资不断运往临时仓库。\n";
  CheckJoins(text, {
                       {"11 月 20 日消息", "英寸外屏", true},
                       {"影像系统由", "倍光学变焦", true},
                       {"价格方面", "TB 版本售价", true},
                       {"访客 于", "请问自驾去的话", false},
                       {"三峡大坝变形", "2020年1月", false},
                   });
}

TEST_CASE("A page with lines wider than a wrapper leaves them is not joined", "[strip]") {
  // Paragraphs of a page that nothing wrapped, one cut off mid-sentence by the scraper, and one
  // with a bracket left open: no line goes on into the next.
  const std::string text =
      "社区防疫工作纪实_本地新闻_晨光网\n"
      "记者了解到，最早的流程图有九套程序，分别针对一线防控、村庄防控、来沪人群防控、酒店防控、交通路口防控、"
      "突发事件应对和重点地区治安指挥，在复工等重点领域，我们从调查、分类、上报、反馈等方面制定了防控措施和"
      "工作流程图，努力做到防控措施落实到户、落实到人，做到“早”\n"
      "经过一年多的改造，城南的老街区上周迎来了首批新住户，三十多户人家陆续搬进了修缮一新的院落（其中包括\n"
      "二十户原住居民）和新建的社区活动中心，居民们纷纷表示满意，希望今后能有更多的老街区得到这样的改造和"
      "保护，让老城焕发新的生机与活力。\n";
  std::vector<Line> lines;
  pith::internal::Unwrapped unwrapped;
  pith::internal::SplitLines(text, &lines);
  CHECK_FALSE(pith::internal::JoinWrapped(lines, &unwrapped));
}

TEST_CASE("Wrapped text is found among many menu lines, and full list items do not hide it",
          "[strip]") {
  // Wrapped at 72 columns, under a menu ten times as long as the text, with list items as wide
  // as the text over the next item, and one that goes on under its marker, as it does once
  // normalize took the indentation.
  std::string text;
  for (int i = 0; i < 150; ++i) text += "* Section " + std::to_string(i) + "\n";
  text +=
      "\n"
      "The island ferry will run every half hour from the first of May, the port\n"
      "authority said on Friday, doubling the service that islanders have asked\n"
      "for since the old boat was retired.\n"
      "\n"
      "* Departures from the east pier at seven in the morning and every hour\n"
      "* Tickets sold on board, at the pier office and on the authority's website\n"
      "* Bicycles carried free of charge on every crossing outside the rush hours\n"
      "* Cars booked ahead on the website, with a discount for island residents\n"
      "* Children under twelve travel free when they are with an adult passenger,\n"
      "and students pay half the fare\n"
      "* A timetable review in autumn\n"
      "\n"
      "The new boat seats two hundred passengers and has room for a dozen cars,\n"
      "which should end the queues that form on summer weekends at both piers,\n"
      "the authority said in a statement.\n"
      "\n"
      "Islanders welcomed the news but said the last crossing, at ten at night,\n"
      "was still too early for people who work late shifts in the town on the\n"
      "mainland.\n";
  CheckJoins(text, {
                       {"The island ferry", "authority said on Friday", true},
                       {"Islanders welcomed", "was still too early", true},
                       {"* Children under twelve", "and students pay", true},
                       {"* Departures from", "* Tickets sold", false},
                       {"* Section 1", "* Section 2", false},
                   });
}

TEST_CASE("Four Chinese lines broken at the same count make a margin", "[strip]") {
  // A short story under a menu: four paragraphs, each broken once after 71 characters, three
  // that end a few characters short of the width, and a photo's caption.
  const std::string text =
      "全市入汛以来降雨偏多四成_本地新闻_晨光网\n"
      "首页\n新闻\n财经\n体育\n登录\n注册\n"
      "\n"
      "据市气象台正式测定，今年入汛以来全市平均降雨量达到三百二十毫米，较常年同期偏多四成，其中东部山区降雨最为集中，部分站点累计雨量超过五百毫米，多\n"
      "条中小河流出现超警戒水位，防汛形势总体平稳。\n"
      "\n"
      "市防汛办有关负责人表示，目前全市共有一百二十座水库开闸泄洪，转移受威胁群众八千余人，各地已组织巡查人员两千多名，对堤防、山塘和地质灾害隐患点开\n"
      "展拉网式排查，确保人民群众生命财产安全。\n"
      "\n"
      "气象部门提醒，未来三天我市仍有一次强降雨过程，累计雨量可达八十至一百二十毫米，局部地区伴有雷电和短时大风，请市民减少外出，不要在河边、桥下和低\n"
      "洼地带停留，驾车注意避开积水路段。\n"
      "\n"
      "各区已启动防汛四级应急响应，城管、交通和供电等部门实行二十四小时值班，抢险队伍和物资全部到位，地铁和公交将视雨情调整运营时间，具体安排以各运营\n"
      "单位发布的公告为准。\n"
      "\n"
      "据了解，今年以来全市累计投入防汛资金三点二亿元，新建和加固堤防四十公里，清理河道淤泥一百二十万立方米，为安全度汛打下了基础。\n"
      "\n"
      "市民如发现险情，可拨打防汛值班电话报告，也可通过政务服务平台的防汛专栏上传现场照片和位置信息，相关部门将第一时间核实处置。\n"
      "\n"
      "下一步，全市将继续加强雨情水情监测预警，及时发布预警信息，落实各项防御措施，全力保障城市运行安全和人民群众正常生产生活秩序。\n"
      "\n"
      "图为市区积水路段。 记者 李明 摄\n"
      "[a5f04ebd2525f0b606543051476aca30~noop.image?_iz=58558&from=article_det\n"
      "ail.jpg]\n";
  const std::vector<int> unit_of = UnitsOf(text);
  for (const char* opening : {"据市气象台", "市防汛办", "气象部门提醒", "各区已启动"}) {
    INFO(opening);
    const int line = IndexOf(text, opening);
    CHECK(unit_of[line] == unit_of[line + 1]);
  }
  CHECK(unit_of[IndexOf(text, "首页")] != unit_of[IndexOf(text, "新闻")]);
  // A caption over an image's placeholder, too long to have fitted after it, is not its text.
  CHECK(unit_of[IndexOf(text, "记者 李明 摄")] != unit_of[IndexOf(text, "[a5f04ebd")]);
}

// `paragraph`, text without spaces, broken after every `width` characters as lynx breaks it.
std::string BrokenEvery(const std::string& paragraph, int width) {
  std::string out;
  int count = 0;
  for (std::size_t i = 0; i < paragraph.size();) {
    const std::size_t start = i;
    pith::internal::NextCodePoint(paragraph, &i);
    if (count++ == width) {
      out += '\n';
      count = 1;
    }
    out.append(paragraph, start, i - start);
  }
  return out + "\n";
}

TEST_CASE("Five Chinese lines broken at one count make a margin among long menu lines",
          "[strip]") {
  // Under fifty short menu lines and sixteen long lines of links, which lynx broke at spaces,
  // five paragraphs each broken once after 71 characters.
  const char* links[] = {
      "市教育局网 市气象台网 市档案馆网 文化路社区网 晨光网 市卫健委网 市教育局网 市图书馆网",
      "晨光网 文化路社区网 城东区门户网 市档案馆网 市商务局网 市农业局网 市统计局网 市文旅局网",
      "市卫健委网 市农业局网 市住建局网 市商务局网 市文旅局网 市教育局网 晨光网 市水务局网",
      "市卫健委网 市图书馆网 市档案馆网 市文旅局网 市农业局网 晨光网 市图书馆网 城东区门户网",
  };
  const char* paragraphs[] = {
      "新华社北京5月12日电（记者王晓东）由我国自主设计建造的大型海上油气加工平台12日从山东青岛的装备制造基"
      "地离港启运，将前往南海珠江口海域开展安装作业，预计年内投产。",
      "据介绍，该平台集原油生产、存储和外输等功能于一体，由近六十万个零部件组成，最大储油量达六万吨，每天"
      "能处理约五千六百吨原油，设计寿命为三十年，可抵御百年一遇的台风。",
      "项目负责人表示，平台启运后将由三艘大型拖轮接力拖航，全程约两千公里，预计航行十天左右，到达后还将进"
      "行系泊、连接和调试等工作，整个海上安装周期约为三个月时间。",
      "平台上设有生活区，可供一百多名工作人员长期驻守，并配有直升机起降甲板和医疗室，工作人员实行轮班制，"
      "每个班次在海上工作二十八天后乘坐直升机返回陆地休整。",
      "该项目的顺利推进，标志着我国在深水油气装备设计建造领域迈上新台阶，对保障国家能源安全、推动海洋经济"
      "高质量发展具有重要意义，也为后续同类项目的建设积累了宝贵经验。",
  };
  std::string text = "海上油气加工平台离港启运_要闻_晨光网\n";
  for (int i = 0; i < 50; ++i) text += "栏目" + std::to_string(i) + "\n";
  for (int round = 0; round < 4; ++round) {
    for (const char* line : links) text += std::string(line) + "\n";
  }
  for (const char* paragraph : paragraphs) text += "\n" + BrokenEvery(paragraph, 71);
  const std::vector<int> unit_of = UnitsOf(text);
  for (const char* opening : {"新华社北京", "据介绍", "项目负责人", "平台上设有", "该项目的"}) {
    INFO(opening);
    const int line = IndexOf(text, opening);
    CHECK(unit_of[line] == unit_of[line + 1]);
  }
}

TEST_CASE("Short Chinese lines of one length are no margin on screen; broken ones are",
          "[strip]") {
  // Lines of a poem, or of a list, all as long as each other: on screen 32 or 28 columns, within
  // twelve of 40, where lines broken between words could stop, but not where Chinese text broken
  // anywhere piles up; and 64 columns, where it could, but each line ends a sentence. Paragraphs
  // broken every 39 characters, 78 columns, are wrapped.
  const std::string paragraph =
      "据市气象台正式测定，今年入汛以来全市平均降雨量达到三百二十毫米，较常年同期偏多四成，其中东部山区降"
      "雨最为集中，部分站点累计雨量超过五百毫米，多条中小河流出现超警戒水位，防汛形势总体平稳，各地已组织"
      "巡查人员两千多名，对堤防、山塘和地质灾害隐患点开展拉网式排查。";
  std::string repeated = "标题\n";
  for (int i = 0; i < 8; ++i) repeated += "正文第一段，这里有一些文字。\n";
  struct Case {
    std::string text;
    bool wrapped;
  } const cases[] = {
      {"秋夜寄友\n"
       "山前落叶满阶红，独坐空堂听晚风。\n"
       "旧日同游今已远，几回梦里又相逢。\n"
       "寒灯一点照孤影，秋水千重隔远峰。\n"
       "欲寄书来无雁过，夜深犹自倚梧桐。\n"
       "城头鼓角声初歇，江上渔舟火未终。\n"
       "莫道人间多别恨，明年花发共春融。\n",
       false},
      {"春江花月夜\n"
       "春江潮水连海平，海上明月共潮生。滟滟随波千万里，何处春江无月明。\n"
       "江流宛转绕芳甸，月照花林皆似霰。空里流霜不觉飞，汀上白沙看不见。\n"
       "江天一色无纤尘，皎皎空中孤月轮。江畔何人初见月，江月何年初照人。\n"
       "人生代代无穷已，江月年年望相似。不知江月待何人，但见长江送流水。\n"
       "白云一片去悠悠，青枫浦上不胜愁。谁家今夜扁舟子，何处相思明月楼。\n",
       false},
      {repeated, false},
      {"防汛形势总体平稳\n" + BrokenEvery(paragraph, 39) + "\n" + BrokenEvery(paragraph, 39), true},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    std::vector<Line> lines;
    pith::internal::Unwrapped unwrapped;
    pith::internal::SplitLines(c.text, &lines);
    CHECK(pith::internal::JoinWrapped(lines, &unwrapped) == c.wrapped);
  }
}

TEST_CASE("Preformatted text wider than the paragraphs does not set the width", "[strip]") {
  // Lynx wraps paragraphs at 74 columns but leaves preformatted text as it comes, up to 80: the
  // code line is no measure of where the paragraphs were broken. "anything" would have fitted
  // after "almost" in 78 columns, not in the paragraphs' 71.
  const std::string page =
      "   Portable shell scripts run into trouble as soon as they need to turn a\n"
      "   timestamp into seconds since the epoch. GNU date accepts almost\n"
      "   anything with its -d flag, but the date command on the BSDs and on\n"
      "   macOS does not, and busybox has its own idea of which formats it\n"
      "   understands.\n"
      "\n"
      "   The most reliable approach I have found is to avoid parsing free text\n"
      "   at all and to require ISO 8601 input, which can then be split with\n"
      "   parameter expansion and passed to a small awk program:\n"
      "epoch() {\n"
      "  time_part=${ts#*T}; time_part=${time_part%Z}\n"
      "  echo \"$date_part $time_part\" | awk -F'[- :]' '{ print mktime($1\" \"$2\" \"$3)\n"
      "}\n"
      "\n"
      "   This relies on mktime, which is not in POSIX awk but is available in\n"
      "   gawk, mawk and the awk that ships with busybox. On systems where only\n"
      "   the one true awk is installed you will need a different approach.\n";
  CheckJoins(page, {
                       {"Portable shell scripts", "timestamp into seconds", true},
                       {"timestamp into seconds", "anything with its -d flag", true},
                       {"anything with its -d flag", "macOS does not", true},
                       {"parameter expansion and passed", "epoch() {", false},
                       {"time_part=${ts#*T}", "echo \"$date_part", false},
                       {"This relies on mktime", "gawk, mawk", true},
                   });
}

TEST_CASE("Preformatted lines that lynx folded at 80 columns do not set the width", "[strip]") {
  // Three commands longer than the screen, folded where they reach its 80 columns, stand over
  // paragraphs wrapped at 71: "users" and "directory" would have fitted in 80 columns.
  const std::string page =
      "   Running the server on your laptop and running it in front of real\n"
      "   users are two different jobs. In development the server reloads on\n"
      "   every file change and prints verbose stack traces to the browser.\n"
      "\n"
      "   A release is a self-contained directory with the compiled application\n"
      "   and a lockfile. The following commands build a release and copy it\n"
      "   to a server, where a link names the release that is running:\n"
      "$ rsync -az ./release/ deploy@app01.example.internal:/srv/myapp/releases/2024-03\n"
      "-14/\n"
      "$ ssh deploy@app01.example.internal \"ln -sfn /srv/myapp/releases/2024-03-14 /srv\n"
      "/myapp/current\"\n"
      "ExecStart=/srv/myapp/current/bin/harborlight serve --config /etc/myapp/harborlig\n"
      "ht.toml\n"
      "\n"
      "   Pointing a symbolic link at the active release makes rollbacks easy:\n"
      "   point the link back at the previous release, restart the service, and\n"
      "   you are back on known-good code within seconds of noticing trouble.\n";
  CheckJoins(page, {
                       {"Running the server", "users are two", true},
                       {"A release is a self-contained", "and a lockfile", true},
                       {"Pointing a symbolic link", "point the link back", true},
                       {"point the link back", "you are back on", true},
                   });
}

TEST_CASE("The page's title above a dump does not go on into the dump's link lines",
          "[strip]") {
  // Line 1 is the <title> a scraper set above lynx's dump, which opens with the page's <link>
  // elements; the title is as long as a wrapped line, and "#Example" would not have fitted after
  // it.
  const std::string page =
      "JSON parsing: a comparison of two C++ libraries on real files - Notes\n"
      "   #Notes on software » Feed Notes on software » Comments Feed Notes on\n"
      "   software » JSON parsing: a comparison of two C++ libraries alternate\n"
      "\n"
      "   Parsing JSON quickly matters when a service reads millions of small\n"
      "   documents a day, and the two libraries most projects reach for make\n"
      "   very different choices about how much work to do up front.\n"
      "\n"
      "   The first builds a tree of every value as it reads, which is simple to\n"
      "   use but allocates for each string and number it meets along the way.\n"
      "   The second finds the structure first, with vector instructions, and\n"
      "   only decodes the values that the program later asks for by name.\n";
  CheckJoins(page, {
                       {"JSON parsing: a comparison", "#Notes on software", false},
                       {"#Notes on software", "software » JSON parsing", true},
                       {"Parsing JSON quickly", "documents a day", true},
                   });
}

TEST_CASE("A line with spaces wider than the wrapper's width is not one it broke", "[strip]") {
  // The <title> on line 1, headline and site name, is wider than the 71 columns of lynx's
  // paragraphs, which lynx would have broken before "Courier"; the dump's first line goes on
  // after nothing. An image's address, one word, is folded wherever the width runs out.
  const std::string page =
      "Millbrook council approves plan to turn old rail yard into housing | The Courier\n"
      "   Thursday, October 17, 2024 Partly cloudy, 58F E-Edition Subscribe Log\n"
      "   In\n"
      "\n"
      "   MILLBROOK - The Millbrook City Council voted five to two late Wednesday\n"
      "   to approve a sweeping plan to redevelop the long-abandoned East Yard\n"
      "   rail site, clearing the way for roughly 900 homes, a 12-acre public\n"
      "   park and a stretch of restored creek where freight trains once idled.\n"
      "\n"
      "   [e62c640fa60749d5b452f87f5cce9663~noop.image?_iz=58558&from=article.pc_det\n"
      "   ail&lk3s=953192f4]\n"
      "\n"
      "   The decision, which came shortly before eleven after four hours of\n"
      "   public comment, ends nearly a decade of debate over the property.\n";
  CheckJoins(page, {
                       {"Millbrook council approves", "Thursday, October 17", false},
                       {"Thursday, October 17", "In", true},
                       {"MILLBROOK - The Millbrook", "to approve a sweeping", true},
                       {"[e62c640fa", "ail&lk3s", true},
                       {"The decision, which", "public comment, ends", true},
                   });
}

TEST_CASE("A standfirst that lynx does not indent goes on though wider than the paragraphs",
          "[strip]") {
  // Lynx sets paragraphs three columns in and headings at the margin, six columns wider: once
  // normalize has taken the indentation away, the standfirst is five past the paragraphs' 71
  // columns and still lynx's to break.
  const std::string page =
      "Council approves East Yard plan\n"
      "\n"
      "Why the council stopped deferring its vote, and what that means for the east\n"
      "side\n"
      "\n"
      "   The council voted five to two late on Wednesday to approve a sweeping\n"
      "   redevelopment plan for the long-abandoned East Yard rail site, clearing\n"
      "   the way for roughly nine hundred homes, a twelve-acre public park and a\n"
      "   restored stretch of creek where freight trains once idled for decades.\n"
      "\n"
      "   The decision came shortly before eleven o'clock after four hours of\n"
      "   testimony, and it ends nearly a decade of argument over the property\n"
      "   between Harmon Avenue and Willow Creek, which has stood largely empty\n"
      "   since the regional railroad consolidated its operations twenty years\n"
      "   ago and moved its freight yard to the other side of the county line.\n";
  CheckJoins(page, {
                       {"Why the council stopped", "side", true},
                       {"The council voted", "redevelopment plan", true},
                       {"redevelopment plan", "the way for roughly", true},
                       {"The decision came", "testimony, and", true},
                       {"between Harmon Avenue", "since the regional", true},
                   });
}

TEST_CASE("Headings lynx wraps wider than a page's many paragraphs do not set its width",
          "[strip]") {
  // A thread's subject over each post is set at the margin and wrapped at 75 columns; the posts'
  // paragraphs, their indentation taken away, at 71. "reallocated" would have fitted after
  // "had a" in 75 columns. The rule of underscores over a signature goes on nothing.
  const std::string page =
      "Old storage drives showing rising reallocated sectors - Forums\n"
      "\n"
      "Old storage drives showing rising reallocated sectors - replace all at once\n"
      "or one by one?\n"
      "\n"
      "   Evening all. I have been running a four-bay storage box at home for a\n"
      "   little over six years now, and until recently it has been one of those\n"
      "   boxes you forget exists. It holds the family photo archive, a couple of\n"
      "   terabytes of music and the nightly backups from three laptops. The pool\n"
      "   is four drives bought at the same time from the same shop, which I now\n"
      "   realise was probably not the cleverest thing I have ever done.\n"
      "\n"
      "   Last week the box started sending me warning emails about one of the\n"
      "   disks. When I logged in and looked at the data, drive two had a\n"
      "   reallocated sector count of forty-eight, up from zero the last time I\n"
      "   bothered to check, which was admittedly a while ago. Budget is not\n"
      "   unlimited but I can stretch to a new pair right now. Would you replace\n"
      "   one drive at a time, or everything at once, or do something else\n"
      "   entirely? Thanks in advance for any advice you can give me.\n"
      "   ________________\n"
      "   Home-built storage box, four drives in RAID 5 · desktop ·\n"
      "   Too many USB sticks\n"
      "\n"
      "Re: Old storage drives showing rising reallocated sectors - replace all at\n"
      "once or one by one?\n"
      "\n"
      "   This is what I would do, and honestly it is what I would do even if\n"
      "   nothing was wrong with the drives. Six years of spinning is a good\n"
      "   innings. The number on its own is not catastrophic, but the trend\n"
      "   matters far more than the value. A drive that went from zero to forty-\n"
      "   eight in a few months is telling you the surface is starting to\n"
      "   degrade, and that rarely slows down once it starts.\n";
  CheckJoins(page, {
                       {"Old storage drives showing rising reallocated sectors - replace",
                        "or one by one?", true},
                       {"disks. When I logged in", "reallocated sector count", true},
                       {"bothered to check", "unlimited but I can", true},
                       {"entirely? Thanks in advance", "________________", false},
                       {"________________", "Home-built storage box", false},
                   });
}

TEST_CASE("Wrapped lines of a few widths each, one line at each, still set the width",
          "[strip]") {
  // Wrapped at 72 columns, with one line 72 wide, one 66, and the rest 61: the widest stands
  // alone, but so does the next, so neither is a line of code. Measured at 61 columns, "Photo:"
  // would not have fitted after the caption, and the page's own break would read as the
  // wrapper's.
  const std::string page =
      "Council approves downtown bike lanes\n"
      "The council voted seven to two on Tuesday night to approve a new network\n"
      "of protected bike lanes on the busiest streets in the old downtown\n"
      "district, after a review that drew letters from residents and\n"
      "representatives of every ward.\n"
      "\n"
      "Supporters packed the public gallery for the vote and cheered\n"
      "enthusiastically when the clerk read the result, thanking the\n"
      "neighbourhood associations that had campaigned for the lanes.\n"
      "\n"
      "A cyclist waits at a red light on Harbour Street at dawn\n"
      "Photo: Tom Reyes\n";
  CheckJoins(page, {
                       {"The council voted", "of protected bike lanes", true},
                       {"district, after a review", "representatives of every", true},
                       {"Supporters packed", "enthusiastically when", true},
                       {"A cyclist waits", "Photo: Tom Reyes", false},
                   });
}

TEST_CASE("A list item's lines go on as they did before normalize took their indentation",
          "[strip]") {
  // Lynx sets an item's text four columns deeper than a paragraph's, and a list in a list five
  // more, so the item's lines end that much short of the paragraphs' width: dedented, "sets," and
  // "even" would have fitted after the lines they open.
  const std::string page =
      "   The release brings a long list of changes to the editor, most of them\n"
      "   asked for by the people who use it every day, and a few that make it\n"
      "   faster on older machines.\n"
      "\n"
      "   Most of the work went into the way documents are stored, which now\n"
      "   takes half the space it did and loads twice as fast on the machines\n"
      "   that were slowest before.\n"
      "\n"
      "   The team thanks everyone who sent in reports during the test weeks;\n"
      "   many of the changes in this list began as a message from someone who\n"
      "   had found a problem.\n"
      "     * Comments and replies: readers can now leave a comment on any shared\n"
      "       document or reply to one, and the author gets a notice so that a\n"
      "       document becomes a place to work together.\n"
      "     * Security:\n"
      "          + Private documents can be locked with a password that the owner\n"
      "            sets, so that only the people who were given it can open them,\n"
      "            even inside the same company.\n"
      "     * Search now finds words inside attached files as well as in the\n"
      "       documents themselves.\n"
      "\n"
      "   The new version is free for everyone who has the old one, and it can be\n"
      "   installed over it without losing any of the documents or settings that\n"
      "   were saved before.\n";
  CheckJoins(page, {
                       {"+ Private documents", "sets, so that only", true},
                       {"sets, so that only", "even inside the same", true},
                       {"* Comments and replies", "document or reply to one", true},
                       {"document or reply to one", "document becomes a place", true},
                       {"* Security:", "+ Private documents", false},
                       {"even inside the same", "* Search now finds", false},
                   });
}

TEST_CASE("Lines are measured as lynx counts them, a character a column", "[strip]") {
  // Wrapped at 72 characters. On screen the menu of languages is 80 columns wide, its CJK names
  // two columns a character; counted so, "you" would have fitted after "the way".
  const std::string text =
      "Make your browser your own\n"
      "\n"
      "English Deutsch Français 中文 (简体) 日本語 한국어 Español Italiano Polski Suomi\n"
      "\n"
      "It is easier than ever to set up your browser and make it work the way\n"
      "you do, with a menu that holds the features you use most often.\n"
      "\n"
      "Open the panel to add, move or remove any button you want, and keep your\n"
      "favorite features, such as private browsing and sync, one click away\n"
      "from wherever you happen to be working on the page that is open.\n"
      "\n"
      "Themes change the look of the whole browser with a single click, and you\n"
      "can choose from thousands of them made by artists all over the world,\n"
      "or make one of your own and share it with your friends and family.\n";
  const std::vector<int> unit_of = UnitsOf(text);
  CHECK(unit_of[IndexOf(text, "It is easier")] == unit_of[IndexOf(text, "you do, with")]);
  CHECK(unit_of[IndexOf(text, "Open the panel")] == unit_of[IndexOf(text, "from wherever")]);
}

TEST_CASE("A paragraph that opens with a number goes on under the number", "[strip]") {
  // Wrapped at 76 columns, indented three. "2、" and "3." are the paragraphs' own text, so their
  // lines go on at the paragraph's indent; a list item's own marker sets its text deeper.
  const std::string text =
      "   1、中国旅游日专享午后票为指定日票，五月十九日下午三点起入园，销售期限为五\n"
      "   月十七日至十九日，售完即止；\n"
      "\n"
      "   2、儿童票：游园当日年龄在三周岁至十一周岁；或身高一米以上至一米四以下；老\n"
      "   年票：游园当日年龄在六十周岁及以上；残障票：持有效残障证明的游客可享受；\n"
      "   的游客可以享受中国旅游日专享午后票。\n"
      "\n"
      "   3. The ferry leaves the east pier every half hour from seven in the morning\n"
      "   until ten at night.\n"
      "\n"
      "   4. Tickets are sold on board and at the pier, and children under twelve\n"
      "   travel free with an adult.\n"
      "\n"
      "   The pier office answers questions by phone every day of the week, from\n"
      "   eight in the morning until six.\n";
  const std::vector<int> unit_of = UnitsOf(text);
  const int same[][2] = {{0, 1}, {3, 4}, {4, 5}, {7, 8}, {10, 11}, {13, 14}};
  for (const auto& pair : same) {
    INFO("lines " << pair[0] + 1 << " and " << pair[1] + 1);
    CHECK(unit_of[pair[0]] == unit_of[pair[1]]);
  }
  CHECK(unit_of[8] != unit_of[10]);
}

TEST_CASE("A caption printed twice on one line is doubled; a name twice is not", "[strip]") {
  struct Case {
    const char* text;
    bool doubled;
  };
  const Case cases[] = {
      {"The Vision Pro displaying a window floating in a room. The Vision Pro displaying a window "
       "floating in a room.",
       true},
      {"Innenansicht des XUM1541-Adapters Innenansicht des XUM1541-Adapters", true},
      {"上千米高空！女兵乘运20演练跳伞 上千米高空！女兵乘运20演练跳伞", true},
      {"Sponsored LinksSponsored Links Sponsored LinksSponsored Links", true},
      // A product's name twice heads the teaser under it.
      {"CrococryptMirror CrococryptMirror", false},
      // Halves that differ, however alike.
      {"The ferry runs on weekdays in winter. The ferry runs on weekends in summer.", false},
      {"A tree lies across a road in Dayton, Ohio, on Monday.", false},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(pith::internal::IsDoubled(Measured(c.text)) == c.doubled);
  }
}
