// The strip stage: what it keeps, how it labels lines and why, on documents built here and on the
// hand-written page dumps in testdata/pages/.
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "page_files.h"
#include "pith/rules.h"
#include "pith/stage.h"

namespace {

pith::Document Strip(const std::string& text, pith::StageOptions options = {}) {
  options.strip.explain = true;
  pith::Document doc;
  doc.id = "test";
  doc.text = text;
  const pith::StageResult r = pith::MakeStage("strip", options)->Process(doc);
  CHECK(r.verdict == pith::Verdict::kKeep);
  return doc;
}

// The label and deciding rule of line n (1-based), "blank" when the line is not labelled.
std::string Explain(const pith::Document& doc, int n) {
  for (const pith::LineLabel& l : doc.lines) {
    if (l.n == n) return std::string(pith::LabelName(l.label)) + " " + l.rule;
  }
  return "blank";
}

std::string Label(const pith::Document& doc, int n) {
  const std::string e = Explain(doc, n);
  return e.substr(0, e.find(' '));
}

// The number (1-based) of the first line after line `after` of `text` that contains `needle`,
// to find lines by content in the page dumps.
int LineOf(const std::string& text, const std::string& needle, int after = 0) {
  std::istringstream in(text);
  int n = 0;
  for (std::string line; std::getline(in, line);) {
    ++n;
    if (n > after && line.find(needle) != std::string::npos) return n;
  }
  FAIL("no line contains " << needle);
  return 0;
}

// Two paragraphs with `line` between them, in the language of the paragraphs.
std::string Between(const std::string& line, bool chinese) {
  const std::string before =
      chinese ? "今年春天，城东区新建的社区图书馆正式开放，首周接待读者超过一万人次，借出图书近四千册。"
              : "The city council voted on Tuesday to approve a network of protected bike lanes "
                "along three of the busiest streets in the downtown area.";
  const std::string after =
      chinese ? "区文化局负责人表示，下一步将在图书馆举办读书分享会和科普讲座，并与周边学校合作。"
              : "Supporters packed the public gallery for the vote, and several of them said the "
                "decision was long overdue for the people who cycle every day.";
  return before + "\n\n" + line + "\n\n" + after + "\n";
}

// Every line of `kept` is in the text, no line of `dropped` is.
void CheckKept(const pith::Document& doc, const std::vector<const char*>& kept,
               const std::vector<const char*>& dropped) {
  for (const char* s : kept) {
    INFO("kept: " << s);
    CHECK(doc.text.find(s) != std::string::npos);
  }
  for (const char* s : dropped) {
    INFO("dropped: " << s);
    CHECK(doc.text.find(s) == std::string::npos);
  }
}

// A document and what its text must and must not hold.
struct TextCase {
  const char* name;
  std::string text;
  std::vector<const char*> kept;
  std::vector<const char*> dropped;
};

// Three paragraphs of a story in Chinese, set apart by blank lines.
std::string NovelParagraphs() {
  return "陈默坐在窗前，看着院子里的积水一点点漫过石阶，心里总觉得有什么事情要发生，却又说不上来。\n\n"
         "三更时分，门外忽然传来一阵急促的敲门声。他披上外衣，提着油灯走到门口，问了一声是谁。\n\n"
         "门口站着一个浑身湿透的年轻人，背上背着一个长长的布包，脸色苍白，显然在雨里走了很久。\n";
}

// A news story's headline and first two paragraphs, set apart by blank lines.
std::string FerryOpening() {
  return "Harbour ferry returns after winter repairs\n\n"
         "The harbour ferry made its first crossing of the year on Monday morning, three weeks "
         "later than planned because of repairs to its engines.\n\n"
         "About two hundred passengers waited on the pier when the gates opened, many of them "
         "commuters who had spent the winter driving around the bay.\n\n";
}

// A page written without blank lines: the account's motto between the byline and a heading is
// no card's, since every line is glued to its neighbours.
std::string UnspacedCardPage() {
  return "一个县城图书馆的十年\n作者：林晓\n关注城市里的公共阅读空间，每周一篇深度报道。\n小标题\n"
         "十年前，县图书馆只有一间不到两百平方米的阅览室，藏书不到三万册，来的大多是退休的老人。\n"
         "如今，这座图书馆有了新馆，藏书超过二十万册，还在全县的乡镇开了十四家分馆，周末常常座无虚席。\n";
}

// Three paragraphs of a story wrapped at 72 columns, set apart by blank lines.
std::string WrappedStory() {
  return
      "The city council voted seven to two on Tuesday night to approve a network\n"
      "of protected bike lanes along three of the busiest streets in the\n"
      "downtown area, ending a review that began more than a year ago.\n"
      "\n"
      "Supporters packed the public gallery for the vote, and several of them\n"
      "said the decision was long overdue, because riding there is dangerous\n"
      "for the people who cycle to work every day of the year.\n"
      "\n"
      "The plan removes about 140 parking spaces, a point that drew objections\n"
      "from some shop owners. The council said it would add short-term parking\n"
      "on side streets to make up for part of the loss, starting in June.\n";
}

void CheckCases(const std::vector<TextCase>& cases) {
  for (const TextCase& c : cases) {
    INFO(c.name);
    CheckKept(Strip(c.text), c.kept, c.dropped);
  }
}

}  // namespace

TEST_CASE("Strip labels each kind of boilerplate line in Chinese and English", "[strip]") {
  struct Case {
    const char* line;
    bool chinese;
    const char* expected;  // label and rule
  };
  const Case cases[] = {
      // Notices: copyright, reprint, disclaimer, promotion.
      {"版权声明：本文为本站原创，未经授权不得转载。", true, "notice notice.copyright-statement"},
      {"本文系本網獨家稿件，未經授權，不得轉載，否則將追究法律責任。", true, "notice notice.reprint"},
      {"文章仅代表作者本人观点，与本网站无关。", true, "notice notice.disclaimer"},
      {"本网站所刊载信息，不代表中新社和中新网观点。", true, "notice notice.disclaimer"},
      {"平台声明：该文观点仅代表作者本人，本号系信息发布平台，平台仅提供信息存储空间服务。", true,
       "notice notice.disclaimer"},
      {"刊用本网站稿件，务经书面授权。", true, "notice notice.reprint"},
      {"以上就是本期的全部内容，更多资讯请关注本站。", true, "notice notice.promotion"},
      {"© 2024 Riverside Media. All rights reserved.", false, "notice notice.copyright"},
      {"Your privacy is important to us. We never share your address with other companies.", false,
       "notice notice.disclaimer"},
      {"This press release contains forward-looking statements that involve risks and "
       "uncertainties.",
       false, "notice notice.disclaimer"},
      {"Forward-Looking Statements", false, "notice notice.disclaimer"},
      {"We may earn a commission when you buy through links on our site.", false,
       "notice notice.disclaimer"},
      {"This post may contain affiliate links. Please read our disclosure policy.", false,
       "notice notice.disclaimer"},
      {"You will get an email from news@example.org to confirm your subscription.", false,
       "notice notice.promotion"},
      {"Sign up for Morning Brief, a free daily newsletter from our editors.", false,
       "notice notice.promotion"},
      {"Did you make this recipe?", false, "notice notice.promotion"},
      {"Tag @harborkitchen on Instagram so we can see your bread.", false,
       "notice notice.promotion"},
      {"Pin this recipe for later!", false, "notice notice.promotion"},
      // Metadata.
      {"2024-01-29 11:30 來源：半月談", true, "meta meta.source"},
      {"(2023-09-28 20:41:05)", true, "meta meta.dateline"},
      {"原创 林晓 城市书房 2024-05-01 08:30 发表于浙江", true, "meta meta.dateline"},
      {"发布于 2024-04-18 09:12・IP 属地浙江", true, "meta meta.dateline"},
      {"码农小张 已于 2024-01-15 10:20:31 修改", true, "meta meta.dateline"},
      {"责任编辑：张丽", true, "meta meta.editor"},
      {"原標題：上級不放心基層不交底", true, "meta meta.original-title"},
      {"By Maria Hollis", false, "meta meta.author"},
      {"Posted on April 9, 2024 by Emma Clarke", false, "meta meta.dateline"},
      // Chrome: navigation, login, share, prev/next, breadcrumbs, link farms, markup.
      {"首页|新闻|财经|体育|娱乐|科技|教育|健康", true, "chrome chrome.link-list"},
      {"新聞 娛樂 福建 泉州 漳州 廈門", true, "chrome chrome.link-list"},
      {"[101.jpg] 冬季进补要注意这三点 [org_2024.png] 医生提醒：早餐别只喝白粥，营养要均衡 "
       "[77.jpg] 吃素的人最容易缺少哪些营养成分？",
       true, "chrome chrome.link-list"},
      {"[runner.jpg] Five stretches to do before a morning run [bike.png] Why cycling to work "
       "is worth the effort [pool.jpg] A beginner's guide to open water swimming",
       false, "chrome chrome.link-list"},
      {"126篇原创内容", true, "chrome chrome.share-count"},
      {"公众号", true, "chrome chrome.navigation"},
      {"首页 > 本地新闻 > 正文", true, "chrome chrome.breadcrumb"},
      {"首页 >> 本地新闻 >> 正文", true, "chrome chrome.breadcrumb"},
      {"Home » World » Europe", false, "chrome chrome.breadcrumb"},
      {"登录 | 注册", true, "chrome chrome.login"},
      {"下一篇：冬天的溫泉小旅行", true, "chrome chrome.prev-next"},
      {"温馨提示：按 回车[Enter]键 返回书目，按 ←键 返回上一页， 按 →键 进入下一页。", true,
       "chrome chrome.keyboard-hint"},
      {"Tip: use the left and right arrow keys to navigate between chapters.", false,
       "chrome chrome.keyboard-hint"},
      {"* Share on Twitter", false, "chrome chrome.share"},
      {"Related article", false, "chrome chrome.related-header"},
      {"The storm damage on Main Street, seen from the air. The storm damage on Main Street, seen "
       "from the air.",
       false, "chrome chrome.image-caption"},
      {"上千米高空！女兵乘运20演练跳伞 上千米高空！女兵乘运20演练跳伞", true, "chrome chrome.image-caption"},
      {"<div class=\"ad\"><span id=\"x\"></span></div>", false, "chrome chrome.html-residue"},
      {"&nbsp;&nbsp;&#160;", false, "chrome chrome.html-residue"},
      // Spam.
      {"色94色欧美一区-色97色-色99色-色99视频-免费午夜在线视频", true, "spam spam.vocabulary"},
      {"泰国旅游 泰国海岛 泰国攻略 泰国美食 泰国酒店 泰国自由行", true, "spam spam.keyword-stuffed"},
  };
  for (const Case& c : cases) {
    INFO(c.line);
    const pith::Document doc = Strip(Between(c.line, c.chinese));
    CHECK(Explain(doc, 3) == c.expected);
    CHECK(Label(doc, 1) == "body");
    CHECK(Label(doc, 5) == "body");
    CHECK(doc.text.find(c.line) == std::string::npos);
  }
}

TEST_CASE("A sentence in clauses that repeat their words is not keyword stuffing", "[strip]") {
  // Replies are often written in clauses without a full stop.
  const char* lines[] = {
      "我装了，不是我想要的，我想要的是进标签页或者内容页，会弹出登录窗口或者跳转登录页",
      "其实就是生活中消费不和别人攀比，都自己买便宜的，低消费，不去高消费，这就叫佛系",
  };
  for (const char* line : lines) {
    INFO(line);
    const pith::Document doc = Strip(Between(line, true));
    CHECK(Label(doc, 3) == "body");
  }
}

TEST_CASE("Strip keeps text that only talks about boilerplate subjects", "[strip]") {
  const char* lines[] = {
      "法院认为，被告未经许可使用原告的摄影作品，侵犯了原告的版权，应当赔偿经济损失。",
      "近年来，版權保護意識不斷增強，越來越多的創作者開始登記自己的作品。",
      "The court ruled that copyright protects the photographs, and it ordered the website to pay "
      "damages to the photographer.",
      "他说，评论区里的很多留言都很有启发，他会认真考虑大家的意见。",
      "输入命令以后按回车键，程序就会开始运行，运行的结果会显示在下面的窗口里。",
      "他强调，这番话并不代表公司的立场，只是他自己多年工作下来的一点体会。",
      // A paragraph that ends with its editor's name is the paragraph.
      "農業部表示，將視災損情形啟動救助，並協調冷藏庫存調節市場供應，避免菜價大幅波動。（編輯：李大華）",
      // Icons inside a sentence, each with a word or two after it, are not a strip of thumbnails.
      "境内现有 [g106.png] 106国道、 [g112.png] 112国道、 [g230.png] 230国道三条国道，交通十分便利。",
  };
  for (const char* line : lines) {
    INFO(line);
    const bool chinese = static_cast<unsigned char>(line[0]) >= 0x80;
    const pith::Document doc = Strip(Between(line, chinese));
    CHECK(Explain(doc, 3) == "body body.prose");
    CHECK(doc.text.find(line) != std::string::npos);
  }
}

TEST_CASE("A block of code between paragraphs stays, comparisons and all", "[strip]") {
  // ">=" compares; read as a trail's separator, one line of the block became chrome and the
  // lines above it a menu. A command's pipes made a menu bar of its line, and a bulleted step
  // of a configuration an item of a list of links, and the lines beside them went as a menu.
  const char* blocks[] = {
      "def clamp(i, n):\nif i >= n:\nreturn n - 1\nreturn i",
      "int clamp_low(int v) {\nif (v >= 0) return v;\nreturn 0;\n}",
      "$ pytest --durations=0 -q | sort -k1 -n -r | head -5\n"
      "41.20s call     tests/test_export.py::test_full_export\n"
      "27.85s call     tests/test_import.py::test_large_file\n"
      "12.02s call     tests/test_search.py::test_reindex\n"
      "9.77s setup    tests/conftest.py::db\n"
      "8.31s call     tests/test_search.py::test_facets",
      "test:\nstrategy:\nmatrix:\nshard: [1, 2, 3, 4]\nsteps:\n"
      "- run: pytest --shard-id=${{ matrix.shard }} --num-shards=4",
  };
  for (const char* block : blocks) {
    for (const bool chinese : {true, false}) {
      INFO(block << (chinese ? " (Chinese)" : " (English)"));
      const pith::Document doc = Strip(Between(block, chinese));
      CHECK(doc.text.find(block) != std::string::npos);
    }
  }
}

TEST_CASE("A long run of Chinese without a mark of punctuation is no paragraph", "[strip]") {
  // A sidebar's names, one after another: as long as paragraphs, but Chinese prose has commas and
  // full stops. A wrapper breaks such a run into lines that join back into one.
  const std::string names =
      "张友尚卢强李文华龙驭球顾真安邱兆祥张国成赵伊君汤鸿霄赵梓森黄克智沈其韩杨叔子解思深彭一刚"
      "王琳芳顾健人朱英浩王威琪张兴钤孟兆祯徐叙瑢范海福梁骏吾於崇文邹竞周尧和陈念念沈福存郭汉城";
  const pith::Document doc =
      Strip("雨夜来客\n\n" + NovelParagraphs() + "\n院士风采\n\n" + names + "\n\n" + names + "\n");
  CheckKept(doc, {"陈默坐在窗前", "门口站着一个浑身湿透的年轻人"}, {"张友尚卢强"});
}

TEST_CASE("A document without boilerplate comes out unchanged", "[strip]") {
  const std::string texts[] = {
      "第一段：今年春天，社区图书馆正式开放。\n\n第二段：首周接待读者超过一万人次。\n",
      "First paragraph, with a sentence in it.\nSecond paragraph, right below it.\nThird.",
      "只有一句话的文章。",
      "A one-line article.",
  };
  for (const std::string& text : texts) {
    INFO(text);
    const pith::Document doc = Strip(text);
    CHECK(doc.text == text);
    CHECK(doc.signals["removed_chars"] == 0);
    CHECK(doc.meta_lines.empty());
  }
}

TEST_CASE("A document of boilerplate only comes out empty, and is kept", "[strip]") {
  const pith::Document doc = Strip("首页\n登录 | 注册\n\n版权所有 © 2024\n猜你喜欢\n* 夜景为何刷屏\n");
  CHECK(doc.text.empty());
  CHECK(doc.lines.size() == 5);
  for (const pith::LineLabel& l : doc.lines) CHECK(l.label != pith::Label::kBody);
}

// Without a single sentence, the longest block of unclaimed lines of text is the page's content
// (a table of contents); lists of links and menus are not such a block.
TEST_CASE("A page without sentences keeps its block of text lines, not its lists", "[strip]") {
  const std::string toc =
      "《城市规划学报》2024年第2期目录\n\n"
      "老城区更新过程中公共空间再利用的路径与实施机制研究\n\n张明远\n\n"
      "中小城市轨道交通走廊沿线土地开发强度的综合评估方法\n\n李慧;王磊\n\n"
      "历史文化街区保护规划中居民参与机制的国际比较与启示\n\n陈思远\n\n"
      "城市绿地系统服务公平性的空间测度及其优化策略探讨\n\n赵清;刘洋\n\n";
  struct Case {
    std::string name;
    std::string text;
    std::vector<std::string> kept;
  };
  const std::vector<Case> cases = {
      {"a table of contents", "首页 | 期刊 | 关于我们\n" + toc + "版权所有 © 2024\n",
       {"老城区更新过程中公共空间再利用的路径与实施机制研究\n\n张明远", "城市绿地系统服务公平性的空间测度"}},
      {"a list of links",
       "热门文章\n* 老城区更新过程中公共空间再利用的路径与实施机制研究\n"
       "* 中小城市轨道交通走廊沿线土地开发强度的综合评估方法\n"
       "* 历史文化街区保护规划中居民参与机制的国际比较与启示\n"
       "* 城市绿地系统服务公平性的空间测度及其优化策略探讨\n",
       {}},
      {"a menu", "首页\n新闻\n体育\n财经\n科技\n娱乐\n汽车\n房产\n", {}},
      // A trail whose crumbs are long names, and a section heading over the first title.
      {"a table of contents under a trail",
       "2024年第2期目录 - 城市规划学报\n"
       "首页 > 期刊要览 > 中共中央党校（国家行政学院）学报 > 2024年第2期\n\n城市更新与空间治理研究\n\n" +
           toc,
       {"城市更新与空间治理研究", "老城区更新过程中公共空间再利用"}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    const pith::Document doc = Strip(c.text);
    if (c.kept.empty()) CHECK(doc.text.empty());
    for (const std::string& k : c.kept) {
      INFO(k);
      CHECK(doc.text.find(k) != std::string::npos);
    }
    CHECK(doc.text.find("版权所有") == std::string::npos);
    CHECK(doc.text.find("首页") == std::string::npos);
  }
}

TEST_CASE("An answer's first sentence under a row of buttons is not a teaser", "[strip]") {
  // A paragraph alone under a headline is a teaser in a feed; a row of buttons is no headline.
  const std::string page =
      "地震预警能提前多久？\n"
      "* 首页\n* 用户\n* 认证用户\n* 帮帮团\n* 认证团队\n* 合伙人\n* 企业\n* 媒体\n* 政府\n"
      "* 其他组织\n* 商城\n* 手机答题\n* 我的\n4个回答\n"
      "采纳数：1451 获赞数：249608\n向TA提问 私信TA\n关注 [avatar.jpeg]\n展开全部\n\n"
      "地震预警一般能在破坏性地震波到达前几秒到几十秒发出警报。\n\n"
      "一、预警的原理\n\n"
      "地震发生时会同时产生传播较快的纵波和破坏力较大的横波，监测台站捕捉到纵波后迅速计算震级和位置，"
      "抢在横波到达之前把警报发到手机和电视上。\n\n"
      "离震中越远，能提前的时间就越长，但受到的破坏也越小；离震中很近的地方，往往来不及发出预警。\n";
  const pith::Document doc = Strip(page);
  CheckKept(doc, {"地震预警一般能在", "纵波和破坏力较大的横波", "来不及发出预警"},
            {"向TA提问", "展开全部"});
}

TEST_CASE("A short last sentence stays with the body", "[strip]") {
  const std::string page = ReadPage("en_news.txt");
  const pith::Document doc = Strip(page);
  CHECK(Label(doc, LineOf(page, "Construction starts in June.")) == "body");
  CHECK(doc.text.find("Construction starts in June.") != std::string::npos);
}

TEST_CASE("Indentation with ideographic spaces and NBSP does not change a line's label",
          "[strip]") {
  const std::string indent = "\u3000\u3000";
  const std::string nbsp = "\u00a0\u00a0";
  const std::string text = indent + "今年春天，城东区新建的社区图书馆正式开放，首周接待读者超过一万人次。\n" + nbsp +
                           "责任编辑：张丽\n" + indent +
                           "区文化局表示，下一步将在图书馆举办读书分享会和科普讲座，并与学校合作。\n";
  const pith::Document doc = Strip(text);
  CHECK(Explain(doc, 1) == "body body.prose");
  CHECK(Explain(doc, 2) == "meta meta.editor");
  CHECK(Explain(doc, 3) == "body body.prose");
  // The kept lines are kept as they were, indentation and all.
  CHECK(doc.text.rfind(indent + "今年春天", 0) == 0);
  REQUIRE(doc.meta_lines.size() == 1);
  CHECK(doc.meta_lines[0].text == "责任编辑：张丽");
}

// The last points of a numbered list are often a few words each; the numbering, not their
// length, says they are the article's. A list that starts its numbering again is another list.
TEST_CASE("A numbered list keeps its last short items", "[strip]") {
  const std::vector<TextCase> cases = {
      {"Chinese",
       "社区图书馆本周起延长开放时间，读者可以通过以下方式预约座位和借阅图书，具体办法如下。\n"
       "1.登录图书馆官方网站，在首页点击预约入口，选择日期和时段后提交申请即可。\n"
       "2.打开图书馆的手机应用，在服务菜单中找到座位预约，按提示填写借阅证号码。\n"
       "3.到馆后在自助机上刷证签到\n"
       "4.座位保留三十分钟\n"
       "1.城东区新建三座口袋公园\n"
       "2.地铁五号线下月试运行\n"
       "网友评论\n",
       {"3.到馆后在自助机上刷证签到", "4.座位保留三十分钟"},
       {"口袋公园", "地铁五号线", "网友评论"}},
      {"English",
       "The library will open longer hours from next week, and readers can book a seat or borrow "
       "books in the following ways, the director said on Monday.\n"
       "1. Log in to the library's website, choose the booking page on the front page, and pick "
       "a day and a time for the visit.\n"
       "2. Open the library's app and find the seat booking in the services menu, then enter the "
       "number of your card.\n"
       "3. Sign in at the front desk\n"
       "4. Seats are held for thirty minutes\n"
       "1. New parks for the east side\n"
       "2. Metro line opens next month\n"
       "Leave a comment\n",
       {"3. Sign in at the front desk", "4. Seats are held for thirty minutes"},
       {"New parks", "Metro line", "Leave a comment"}},
      // A list whose first item went with its header does not come back at its second.
      {"a list of sources under a header",
       "Risks\n\nFasting can cause headaches, irritability and low energy at first. People who "
       "take insulin should not fast without medical advice.\n\nTakeaway\n\nFasting is one way "
       "to eat less, but it is not magic. The best diet is one you can keep to.\n\n"
       "How we reviewed this article:\n\nOur experts watch the health and wellness space, and we "
       "update our articles when new information becomes available.\n\nSources\n\n"
       "1. Lee D, et al. Calorie restriction with or without time-restricted eating. J Med. 2022.\n"
       "2. Park R, Sears D. Metabolic effects of intermittent fasting. Rev Nutr. 2017.\n\n"
       "Get our wellness newsletter\n",
       {"The best diet is one you can keep to."},
       {"Calorie restriction", "Metabolic effects"}},
  };
  CheckCases(cases);
}

TEST_CASE("A bulleted list the body reads in keeps its points, not the menu after it",
          "[strip]") {
  // A release note: its points are phrases, and only one of them is a sentence.
  const std::vector<TextCase> cases = {
      {"English",
       "Release 2.4 notes\n"
       "Home\n"
       "* Added a dark theme for the editor\n"
       "* Added export to PDF and EPUB\n"
       "* Faster start on large projects\n"
       "* The search box now remembers the last ten queries you ran, and it can be cleared from "
       "the settings page when you no longer want them kept.\n"
       "* Fixed a crash when opening empty files\n"
       "* Removed the old plugin loader\n"
       "Newer\n"
       "* About\n"
       "* Contact\n",
       {"dark theme", "export to PDF", "Faster start", "Fixed a crash", "old plugin loader"},
       {"Newer", "About", "Contact"}},
      {"Chinese",
       "版本更新说明\n"
       "首页\n"
       "* 新增夜间模式和护眼配色\n"
       "* 新增导出为电子书的功能\n"
       "* 搜索框会记住最近十次搜索的内容，不想保留时可以在设置页面一键清除，清除后不能恢复。\n"
       "* 修复打开空白文件时闪退的问题\n"
       "* 删除旧版插件加载方式\n"
       "上一篇\n"
       "* 关于\n"
       "* 联系\n",
       {"夜间模式", "导出为电子书", "闪退", "旧版插件"},
       {"上一篇", "关于", "联系"}},
      // Points stated in sentences, with few function words, over a table of contents.
      {"English, takeaways over contents",
       "What is a heat pump?\n\nKey takeaways\n\n"
       "* A heat pump moves heat instead of making it, which is why it can be three to four times "
       "as efficient as a furnace.\n"
       "* Modern cold-climate models keep working well below freezing.\n"
       "* Federal tax credits can cover up to $2,000 of the cost.\n\n"
       "In this article\n\n* How a heat pump works\n* Types of heat pumps\n* FAQ\n\n"
       "How a heat pump works\n\n"
       "A heat pump uses a refrigerant that absorbs heat when it evaporates and releases it when "
       "it condenses. In winter, the outdoor unit pulls heat from the air, even cold air.\n\n"
       "Air-source heat pumps are the most common and the least expensive to install, and "
       "ground-source systems cost more up front but run more efficiently.\n",
       {"keep working well below freezing.", "Federal tax credits", "A heat pump uses"},
       {"In this article", "Types of heat pumps"}},
      // An article of paragraphs does not take in the list of links after it.
      {"English, links after paragraphs",
       "The city council voted on Tuesday to approve a network of protected bike lanes along "
       "three of the busiest streets in the downtown area.\n"
       "Supporters packed the public gallery for the vote, and several of them said the decision "
       "was long overdue for the people who cycle every day.\n"
       "* Mayor names new head of transport\n"
       "* Bus fares to rise in spring\n",
       {"protected bike lanes", "long overdue"},
       {"Mayor names", "Bus fares"}},
  };
  CheckCases(cases);
  // A list that runs to the last line of the page.
  CheckKept(Strip("Release notes\n* Added a dark theme\n* The search box now remembers the last "
                  "ten queries you ran.\n* Fixed a crash on empty files\n"),
            {"dark theme", "remembers", "Fixed a crash"}, {});
  const pith::Document doc = Strip(cases[0].text);
  CHECK(Explain(doc, 3) == "body body.list");
  CHECK(Explain(doc, 6) == "body body.prose");
}

TEST_CASE("A sentence that leads into a video or a list ends the body too", "[strip]") {
  // The last paragraph of Between() is line 5; the lead-in follows it.
  const pith::Document doc = Strip(Between("Councillors debated the plan for three hours.", false) +
                                   "To see the council's vote, watch the video below:\n"
                                   "IFRAME: https://video.example.com/embed/1234\n");
  CHECK(Label(doc, 5) == "body");
  CHECK(Explain(doc, 6) == "body body.context");
  CHECK(Explain(doc, 7) == "chrome chrome.lynx-frame");
}

TEST_CASE("The items under a lead-in are the text's when it announces them or the text goes on",
          "[strip]") {
  const std::string zh = Between("性能方面，新机搭载最新一代处理器，内置大容量电池，支持有线和无线快充。", true);
  const std::string en = Between("The scheduler was rewritten last year to run tasks on many machines.", false);
  const std::vector<TextCase> cases = {
      {"specifications under the last paragraph",
       zh + "\n新机参数如下：\n* 屏幕：6.4 英寸\n* 电池：5600mAh\n* 重量：229 克\n\n"
            "广告声明：文内含有的对外跳转链接用于传递更多信息，结果仅供参考。\n",
       {"新机参数如下", "电池：5600mAh", "重量：229 克"},
       {"广告声明"}},
      {"components between paragraphs",
       "How the scheduler works\n\n" + en + "\nIt consists of the following components:\n"
           "* Frontend\n* Task store\n* Queue\n* Controller\n* Executor\n\n" + en,
       {"following components", "* Task store", "* Executor"},
       {}},
      // Any lead-in, when the text goes on under its list.
      {"tips between a lead-in and the last sentence",
       "Ten years of riding the same bicycle\n\n" + en + "\nHere is what I have learned about keeping it on the road:\n\n"
           "* Clean the chain\n* Learn to true a wheel\n\nHere is to the next ten years.\n",
       {"Clean the chain", "true a wheel", "next ten years"},
       {}},
      {"links under a lead-in at the end of the text",
       "Ten years of riding the same bicycle\n\n" + en + "\nMore stories from our partners around the web:\n"
           "* Ten bicycles under a thousand pounds\n* Why cycling to work is worth it\n\n"
           "© 2024 Slow Miles\n",
       {"run tasks on many machines"},
       {"Ten bicycles under", "Why cycling to work"}},
      // A header of links says what they are, not that a list follows.
      {"links under a header that names them",
       zh + "\n以下为城市图书馆建设的相关报道：\n* 县城图书馆的十年\n* 社区书房开到家门口\n",
       {"首周接待读者"},
       {"县城图书馆的十年", "社区书房"}},
  };
  CheckCases(cases);
}

TEST_CASE("Explain labels every non-blank line by its number in the input", "[strip]") {
  const std::string text = "\n\n标题：社区图书馆开放\n\n正文第一段，说明了开放的时间和地点。\n   \n\u3000\n结尾。\n";
  const pith::Document doc = Strip(text);
  std::vector<int> numbers;
  for (const pith::LineLabel& l : doc.lines) {
    numbers.push_back(l.n);
    CHECK(!l.rule.empty());
    CHECK(l.text.empty());
  }
  // Lines of spaces, NBSP or ideographic spaces are blank.
  CHECK(numbers == std::vector<int>{3, 5, 8});
}

TEST_CASE("Without explain there are no lines, but removed title and meta lines are kept",
          "[strip]") {
  pith::StageOptions options;
  pith::Document doc;
  doc.text = ReadPage("zh_news.txt");
  pith::MakeStage("strip", options)->Process(doc);
  CHECK(doc.lines.empty());
  REQUIRE(doc.meta_lines.size() == 3);
  CHECK(doc.meta_lines[0].label == pith::Label::kTitle);
  CHECK(doc.meta_lines[0].text == "城东新建社区图书馆正式开放 首周接待读者逾万人次");
  CHECK(doc.meta_lines[1].label == pith::Label::kMeta);
  CHECK(doc.meta_lines[1].text == "2024-03-18 09:30:12 来源：晨光网 作者：李明");
  CHECK(doc.meta_lines[2].text == "责任编辑：张丽");
  CHECK(doc.meta_lines[2].n == LineOf(ReadPage("zh_news.txt"), "责任编辑"));
}

TEST_CASE("Notices that quote a title travel to extract; other notices do not", "[strip]") {
  const std::string text =
      "今年春天，城东区新建的社区图书馆正式开放，首周接待读者超过一万人次，借阅量创下新高。\n"
      "本文转载自《城东新建社区图书馆正式开放》一文，版权归原作者所有，如有侵权请联系删除。\n"
      "版权声明：本站所有内容未经授权不得转载。\n";
  const pith::Document doc = Strip(text);
  CHECK(Explain(doc, 2).rfind("notice ", 0) == 0);
  CHECK(Explain(doc, 3).rfind("notice ", 0) == 0);
  REQUIRE(doc.meta_lines.size() == 1);
  CHECK(doc.meta_lines[0].label == pith::Label::kNotice);
  CHECK(doc.meta_lines[0].n == 2);
}

TEST_CASE("Signals count the characters in and the characters removed", "[strip]") {
  const std::string text = Between("登录 | 注册", true);
  std::size_t code_points = 0;
  for (unsigned char c : text) code_points += (c & 0xC0) != 0x80;
  const pith::Document doc = Strip(text);
  CHECK(doc.signals["input_chars"] == code_points);
  CHECK(doc.signals["removed_chars"] == 7);  // code points of the removed line, not bytes
}

TEST_CASE("Keep retains the labels asked for", "[strip]") {
  const std::string page = ReadPage("zh_news.txt");
  pith::StageOptions options;
  options.strip.keep = {pith::Label::kBody, pith::Label::kTitle, pith::Label::kMeta};
  const pith::Document doc = Strip(page, options);
  CHECK(doc.text.rfind("城东新建社区图书馆正式开放 首周接待读者逾万人次\n", 0) == 0);
  CHECK(doc.text.find("责任编辑：张丽") != std::string::npos);
  CHECK(doc.text.find("猜你喜欢") == std::string::npos);
  // What is kept is not in meta_lines.
  CHECK(doc.meta_lines.empty());
}

TEST_CASE("The title is the headline, and its repeats are chrome", "[strip]") {
  const std::string para1 = "今年春天，城东区新建的社区图书馆正式开放，首周接待读者超过一万人次。";
  const std::string para2 = "区文化局表示，下一步将在图书馆举办读书分享会和科普讲座，并与学校合作。";
  struct Case {
    std::string text;
    std::vector<std::pair<int, std::string>> labels;  // line -> label and rule (or label only)
  };
  const Case cases[] = {
      // The first line is the title; the same words again are chrome.
      {"社区图书馆正式开放\n\n" + para1 + "\n\n社区图书馆正式开放\n\n" + para2 + "\n",
       {{1, "title title.headline"}, {5, "chrome chrome.title-repeat"}, {3, "body body.prose"}}},
      // A keyword-stuffed first line is spam, and the headline below it the title.
      {"久久精品-国产精品-日韩中文字幕-在线观看\n\n社区图书馆正式开放\n\n" + para1 + "\n",
       {{1, "spam"}, {3, "title title.headline"}}},
      // A numbered headline (lynx numbers ordered lists) is still the title.
      {"1. 社区图书馆正式开放\n\n" + para1 + "\n" + para2 + "\n", {{1, "title title.headline"}}},
      // "Blog: Post" on line 1: the blog's name at the top, the post's title above the post.
      {"城东社区读书会: 社区图书馆正式开放\n城东社区读书会\n\n首页\n关于\n\n社区图书馆正式开放\n\n" +
           para1 + "\n\n" + para2 + "\n",
       {{7, "title title.headline"}, {2, "chrome"}}},
      // Unless the page prints it again: a name in the menu and above the text is the site's.
      {"社区图书馆正式开放 | 城东社区读书会\n\n* 首页\n* 城东社区读书会\n\n社区图书馆正式开放\n\n城东社区读书会\n\n" +
           para1 + "\n\n" + para2 + "\n",
       {{6, "title title.headline"}, {8, "chrome"}}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const pith::Document doc = Strip(c.text);
    for (const auto& [n, expected] : c.labels) {
      INFO("line " << n);
      CHECK((expected.find(' ') == std::string::npos ? Label(doc, n) : Explain(doc, n)) == expected);
    }
  }
  // A lynx dump: the page title on line 1, the headline alone above the text.
  const std::string page = ReadPage("en_news.txt");
  const pith::Document doc = Strip(page);
  CHECK(Explain(doc, 1) == "chrome chrome.title-repeat");
  CHECK(Explain(doc, LineOf(page, "Council approves new bike lanes", 1)) == "title title.headline");
  REQUIRE(!doc.meta_lines.empty());
  CHECK(doc.meta_lines[0].text == "Council approves new bike lanes after year-long review");
}

TEST_CASE("Text above line 1's repeat as the headline goes when chrome parts them", "[strip]") {
  const std::string title = "Harbour ferry returns after winter repairs";
  const std::string lead =
      "The harbour ferry made its first crossing of the year on Monday morning, three weeks later "
      "than planned because of repairs to its engines.";
  const std::string paras =
      "About two hundred passengers waited on the pier when the gates opened, many of them "
      "commuters who had spent the winter driving around the bay.\n\n"
      "The operator said the new engines use less fuel and are quieter, and that the timetable "
      "will add two evening crossings from June when the days are longer.\n\n"
      "Several riders said the crossing was the best part of their day, and that they had missed "
      "the view of the old lighthouse more than they expected to.\n";
  // Four lines the rules call chrome.
  const std::string chrome = "Sign In | Register\nShare: Facebook Twitter Email\nPrint Article\n"
                             "Home > News > Local\n";
  CheckCases({
      {"a menu of promoted pages above the site's chrome",
       ReadPage("en_magazine_promos.txt"),
       {"Ten years ago, most of the apples", "harvest festival that brings visitors"},
       {"Quick weeknight dinners", "Cook along with our editors", "twelve issues a year"}},
      {"the same in Chinese",
       ReadPage("zh_portal_promos.txt"),
       {"本报讯 经过一年多的改造", "邀请原住户参与街区的日常管理"},
       {"跟着我们的记者走进老城", "第一时间获取本地新闻", "本月新开的十家小店"}},
      {"a lead paragraph right above the repeat",
       title + "\n\n" + lead + "\n\n" + title + "\n\n" + paras,
       {lead.c_str(), "About two hundred passengers"},
       {}},
      {"the article above a later repeat with less text under it",
       title + "\n\n" + lead + "\n\n" + paras + "\n" + chrome + "\n" + title + "\n\n" +
           "The ferry will run a reduced schedule on public holidays, the operator said in a "
           "statement on its website.\n",
       {lead.c_str(), "About two hundred passengers", "best part of their day"},
       {}},
      {"comments above a later repeat, when an earlier one heads a teaser",
       title + "\n\n" + chrome + "\n" + title + "\n\n" + lead + "\n\n" + chrome + "\n" +
           "Nobody asked for a ferry that costs this much to run, and the council should have "
           "spent the money on the buses instead.\n\n"
           "I rode it on Monday and the crossing took ten minutes longer than the timetable "
           "said it would, which is not what we were promised.\n\n" +
           chrome + "\n" + title + "\n\n" + lead + "\n\n" + paras,
       {lead.c_str(), "About two hundred passengers", "best part of their day"},
       {"Nobody asked for a ferry", "I rode it on Monday"}},
  });
}

TEST_CASE("A lead-in or a wire dateline right above the text opens it", "[strip]") {
  const std::string para =
      "The storm reached the coast late on Sunday, bringing gusts of more than ninety kilometres "
      "an hour and heavy rain to the towns along the bay.\n\n"
      "Crews worked through the night to clear fallen trees, and most roads had reopened by the "
      "morning, the county said in a statement.\n";
  CheckCases({
      {"an English lead-in under the headline",
       "Storm brings high winds to the coast\n\nPrint | Email\n\n"
       "Here is what we know so far about the storm:\n\n" + para,
       {"Here is what we know so far about the storm:", "The storm reached the coast"},
       {"Print | Email"}},
      {"a notice's salutation",
       "关于做好防汛工作的通知\n\n【打印】 【关闭】\n\n各区、各有关单位和部门负责同志：\n\n"
       "近期我市将进入主汛期，强降雨天气明显增多。为切实做好防汛工作，保障人民群众生命财产安全，现将有关事项通知如下。\n\n"
       "各区要加强值班值守，严格落实领导带班和二十四小时值班制度，发现险情及时报告并妥善处置。\n",
       {"各区、各有关单位和部门负责同志：", "近期我市将进入主汛期"},
       {"【打印】"}},
      {"a wire dateline",
       "长三角一体化发展座谈会召开\n\n【打印】 【关闭】\n\n新华社上海11月30日电\n\n"
       "近期我市将进入主汛期，强降雨天气明显增多。为切实做好防汛工作，保障人民群众生命财产安全，现将有关事项通知如下。\n\n"
       "各区要加强值班值守，严格落实领导带班和二十四小时值班制度，发现险情及时报告并妥善处置。\n",
       {"新华社上海11月30日电", "近期我市将进入主汛期"},
       {"【打印】"}},
      {"a wire dateline with its reporter",
       "长三角一体化发展座谈会召开\n\n【打印】 【关闭】\n\n中新网北京3月5日电 （记者 张三）\n\n"
       "近期我市将进入主汛期，强降雨天气明显增多。为切实做好防汛工作，保障人民群众生命财产安全，现将有关事项通知如下。\n\n"
       "各区要加强值班值守，严格落实领导带班和二十四小时值班制度，发现险情及时报告并妥善处置。\n",
       {"中新网北京3月5日电 （记者 张三）", "近期我市将进入主汛期"},
       {"【打印】"}},
      {"a paper's or a site's dateline",
       "长三角一体化发展座谈会召开\n\n【打印】 【关闭】\n\n本报北京3月5日讯\n\n"
       "近期我市将进入主汛期，强降雨天气明显增多。为切实做好防汛工作，保障人民群众生命财产安全，现将有关事项通知如下。\n\n"
       "各区要加强值班值守，严格落实领导带班和二十四小时值班制度，发现险情及时报告并妥善处置。\n",
       {"本报北京3月5日讯", "近期我市将进入主汛期"},
       {"【打印】"}},
      {"a dateline that says the story reports",
       "长三角一体化发展座谈会召开\n\n【打印】 【关闭】\n\n科技日报网 10月14日报道\n\n"
       "近期我市将进入主汛期，强降雨天气明显增多。为切实做好防汛工作，保障人民群众生命财产安全，现将有关事项通知如下。\n\n"
       "各区要加强值班值守，严格落实领导带班和二十四小时值班制度，发现险情及时报告并妥善处置。\n",
       {"科技日报网 10月14日报道", "近期我市将进入主汛期"},
       {"【打印】"}},
      // Too short to lead into anything: a label, not a sentence.
      {"a label with a colon",
       "Storm brings high winds to the coast\n\nWeather:\n\n" + para,
       {"The storm reached the coast"},
       {"Weather:"}},
      // A title whose separators end in colons, and line 1, the page's title.
      {"a title's separators",
       "山城散步記 : 慢行筆記 : 痞客邦 :\n\n首頁 | 相簿 | 留言板\n\n秋日山城散步記 @ 慢行筆記 :: 痞客邦 ::\n\n"
       "週末一早搭上往山城的公車，沿著溪邊的步道慢慢走到老街，街上的店家才剛開門，空氣裡都是桂花的香氣。\n\n"
       "中午在老街轉角的芋圓店吃了一碗熱呼呼的芋圓湯，店裡的阿姨說這家店已經開了三十多年。\n",
       {"週末一早搭上往山城的公車"},
       {"山城散步記 : 慢行筆記", "秋日山城散步記 @ 慢行筆記 :: 痞客邦 ::"}},
      {"line 1 right above the text",
       "Notes from a slow walk through the hill town, part one:\n\n" + para,
       {"The storm reached the coast"},
       {"Notes from a slow walk"}},
  });
}

// Paragraphs of a laptop review.
const std::string kReviewText =
    "For the past few years, the company has built a reputation for laptops that are sensible "
    "rather than exciting. They were reliable, reasonably priced and a little dull.\n\n"
    "The panel runs at 2880 by 1800 pixels with a 120Hz refresh rate, and it covers the full "
    "colour gamut in our tests. Blacks are truly black, as you would expect from OLED.\n\n"
    "Ports are where the company has cut corners. You get two USB-C ports, both on the left "
    "side, and nothing else: no USB-A port, no card reader and no headphone jack.\n";

TEST_CASE("A section under a table of the section before is the article's", "[strip]") {
  // The last section's heading follows a table, not text, and stands further below the headline
  // than an article's text starts; it is a subheading all the same, and the paragraph under it
  // no teaser. The author's box under the article goes.
  const std::string page =
      "Slate 14 review: a quiet laptop | Gadgets\n\nNews | Reviews | Deals\n\n"
      "Slate 14 review: a quiet laptop\n\n" + kReviewText + "\nSpecs\n\n"
      "Display    14-inch OLED, 2880 x 1800, 120Hz\nProcessor  12-core C3 Pro\n"
      "Memory     16GB (soldered)\nStorage    1TB NVMe SSD\n"
      "Battery    72Wh, 65W USB-C charger\nPorts      2x USB-C (Thunderbolt 4)\n"
      "Weight     1.21kg (2.67lbs)\nColour     Graphite\nWarranty   Two years\n"
      "Dimensions 312 x 221 x 14.9mm\n\n"
      "Should you buy the Slate 14?\n\n"
      "If you want a light laptop with a screen you will enjoy looking at all day, and you mostly "
      "work in a browser and office apps, it is easy to recommend. For everyone else, this is the "
      "best laptop the company has made, and one of the best you can buy at this price.\n\n"
      "Share this article Facebook X Reddit Email\n\n"
      "Ann Lee is Gadgets' senior reviews editor. She has tested laptops for a decade.\n\n"
      "You might also like\n\n* Nimbus Air 13 review\n* The best laptops in 2024\n";
  CheckKept(Strip(page), {"For the past few years", "If you want a light laptop"},
            {"Ann Lee is Gadgets'", "Nimbus Air 13 review"});
}

TEST_CASE("A short sentence right under the headline or its byline opens the text", "[strip]") {
  const std::string paras = NovelParagraphs();
  const std::string menu = "首页 | 小说 | 排行榜\n\n";
  CheckCases({
      {"under the byline",
       "雨夜来客\n\n" + menu + "雨夜来客\n\n作者：林溪\n\n雨下了整整一夜。\n\n" + paras,
       {"雨下了整整一夜。", "陈默坐在窗前"},
       {"作者：林溪"}},
      {"under the headline",
       "雨夜来客 - 小说网\n\n" + menu + "雨夜来客\n\n雨下了整整一夜！\n\n" + paras,
       {"雨下了整整一夜！", "陈默坐在窗前"},
       {}},
      {"under line 1's repeat as the headline",
       "雨夜来客\n\n" + menu + "雨夜来客\n\n雨下了整整一夜。\n\n" + paras,
       {"雨下了整整一夜。", "陈默坐在窗前"},
       {}},
      {"under a menu's last items",
       "雨夜来客\n\n" + menu + "雨夜来客\n\n作者：林溪\n\n* 玄幻\n\n* 武侠\n\n雨下了整整一夜。\n\n" +
           paras,
       {"陈默坐在窗前"},
       {"雨下了整整一夜。"}},
      {"under a frame",
       "雨夜来客\n\n" + menu + "雨夜来客\n\n作者：林溪\n\nIFRAME: https://ads.example.com/slot\n\n"
       "本站不支持您的浏览器。\n\n" + paras,
       {"陈默坐在窗前"},
       {"本站不支持您的浏览器。"}},
      // A review's standfirst, then its byline, a share bar and a disclosure that the rules
      // claim; a caption over its credit is no standfirst.
      {"over a byline, a share bar and a disclosure",
       "Slate 14 review: a quiet laptop | Gadgets\n\nNews | Reviews | Deals\n\n"
       "Slate 14 review: a quiet laptop\n\n"
       "The best screen we have seen on a thin laptop this year, and the battery to match, held "
       "back by a stingy set of ports.\n\n"
       "By Ann Lee, Senior Reviews Editor · May 9, 2024\n\n"
       "Share: Facebook X Reddit Email Copy link\n\n"
       "When you purchase through links on our site, we may earn an affiliate commission.\n\n" +
           kReviewText,
       {"The best screen we have seen", "For the past few years"},
       {"Share: Facebook", "When you purchase"}},
      {"a caption over its credit",
       "Slate 14 review: a quiet laptop | Gadgets\n\nNews | Reviews | Deals\n\n"
       "Slate 14 review: a quiet laptop\n\n"
       "The Slate 14 on a wooden desk.\n\n© Gadgets Photo Desk\n\n"
       "Share: Facebook X Reddit Email Copy link\n\n" + kReviewText,
       {"For the past few years"},
       {"The Slate 14 on a wooden desk."}},
      // A live blog's summary, then its first entry's time and headline over the entry's text.
      {"over the first section's heading",
       "Storm live updates - Coastal Daily\n\nNews | Weather | Sports\n\n"
       "Storm live updates: Power outages spread as winds reach 70 mph\n\n"
       "Updated 11:48 a.m. PST Jan. 9, 2025\n\n"
       "A powerful storm moved across the coast on Thursday, bringing heavy rain, high winds and "
       "scattered power outages. Follow our live coverage below.\n\n11:45 a.m.\n\n"
       "More than 40,000 customers without power\n\n"
       "The utility said crews were working to restore power to more than 40,000 customers, most "
       "of them in the northern part of the county. Officials warned that some outages could last "
       "into Friday.\n\n11:20 a.m.\n\nHighway 1 closed near Big Creek\n\n"
       "State transportation officials closed a stretch of Highway 1 after a rock slide. No "
       "injuries were reported, and there is no estimate for when the road will reopen.\n",
       {"A powerful storm moved", "More than 40,000 customers without power",
        "The utility said crews", "Highway 1 closed near Big Creek"},
       {"News | Weather"}},
  });
}

TEST_CASE("A lead paragraph right under line 1's repeat as the headline is the article's",
          "[strip]") {
  const std::string title = "How to stop buying things you do not need";
  const std::string lead =
      "We all buy things from time to time that we do not really need, and that is fine as long "
      "as it stays within what we can afford.";
  // More menu lines than a headline's text is ever below it, so line 1 is far from the text.
  std::string menu;
  for (const char* item : {"Home", "Money", "Health", "Travel", "Food", "Style", "Tech", "Cars",
                           "Homes", "Jobs", "Books", "Film", "Music", "Games", "Science", "Sport",
                           "Weather", "Podcasts"})
    menu += std::string("* ") + item + "\n";
  menu += "\n";
  const std::string page =
      title + "\n\n" + menu + "Sign In | Register\n\n" + title + "\n\n" +
      lead + "\n\nKnow your own brain\n\n" + title + "\n\n" +
      "Stores employ all kinds of tricks to get you to part with your money, from the music they "
      "play to the way the shelves are laid out near the tills.\n\n"
      "The first step is to notice the moment you want something, and to wait a day before you "
      "decide whether you still want it at all.\n";
  CheckKept(Strip(page), {lead.c_str(), "Stores employ all kinds of tricks", "wait a day"},
            {"* Podcasts"});
}

TEST_CASE("An encyclopedia's lead under its box of facts is the article's", "[strip]") {
  // The box's rows, cells set apart by runs of spaces, put the lead further under the headline
  // than a headline's text starts; its last row is no headline that the lead would be the
  // teaser of. A table of contents stands between the lead and the sections.
  std::string box;
  for (const char* row : {"Country      United States", "State        Vermont",
                          "County       Ashby County", "Settled      1771",
                          "Incorporated 1794", "Government   Town meeting",
                          "Area         41.6 sq mi (107.7 km2)", "Elevation    612 ft (187 m)",
                          "Population (2020) 6,284", "Time zone    UTC-5 (Eastern)",
                          "ZIP code     05099", "Website      harwickfalls.example.gov"})
    box += std::string(row) + "\n";
  const std::string lead =
      "Harwick Falls is a town in Ashby County, Vermont, United States, situated on the Otter "
      "Branch river where it drops roughly 40 feet over a series of granite ledges. The population "
      "was 6,284 at the 2020 census.";
  const std::string page =
      "Harwick Falls - Lexipedia\n\n* Main page\n* Contents\n* Random article\n\n"
      "Harwick Falls\n\nFrom Lexipedia, the free encyclopedia\n\nCAPTION: Harwick Falls\n\n"
      "Harwick Falls viewed from the Mill Street bridge.\n" + box + "\n" + lead + "\n\n"
      "Contents\n\n* 1 History\n+ 1.1 Early years\n+ 1.2 Mill era\n* 2 Geography\n"
      "* 3 Economy\n\nHistory[edit]\n\n"
      "The land that became Harwick Falls was part of a grant issued in 1761 to a group of "
      "proprietors from Connecticut, most of whom never visited it.\n\n"
      "For its first half-century the town remained overwhelmingly agricultural, and the river "
      "was used mainly to grind grain and saw timber for local use.\n\n"
      "The arrival of the railroad in 1849 transformed the town: investors built a large woollen "
      "mill at the foot of the falls in 1852, and a second mill within a decade.\n";
  CheckKept(Strip(page), {lead.c_str(), "The land that became", "The arrival of the railroad"},
            {"* Random article", "ZIP code"});
}

TEST_CASE("A headline under a summary is the title when the text quotes it twice", "[strip]") {
  // The summary comes first; the headline under it counts when two longer lines quote it, in
  // their own spacing, punctuation and case. A line that quotes it once does not make it one.
  const std::string summary =
      "本报讯，记者昨日从区文化局获悉，新建的社区图书馆已于上周末对外开放，市民反响热烈。\n\n";
  const std::string quote =
      "据悉，“城东区 社区图书馆正式开放、首周接待读者破万”一事引发关注，馆方表示将延长开放时间。";
  const std::string again =
      "区文化局在通报中写道：城东区社区图书馆正式开放，首周接待读者破万。下一步将举办读书会。";
  const std::string other =
      "图书馆还与附近的三所小学合作，每周为学生安排阅读课，并开放自习室供中学生使用。";
  const std::string english_quote =
      "The report, \"5G Coverage Reaches Every District Of The City, Says Bureau\", was "
      "read by many, the bureau said on Monday in a statement to the press.";
  struct Case {
    std::string text;
    int line;
    std::string expected;
  };
  const Case cases[] = {
      {summary + "城东区社区图书馆正式开放 首周接待读者破万\n\n" + quote + "\n\n" + again + "\n",
       3, "title title.headline"},
      {summary + "城东区社区图书馆正式开放 首周接待读者破万\n\n" + quote + "\n\n" + other + "\n",
       3, "body"},
      // All ASCII: no character beyond it to look for first.
      {"The city said on Monday that every district now has coverage, after two years of work.\n\n"
       "5G coverage reaches every district of the city, says bureau\n\n" +
           english_quote + "\n\n" + english_quote + " It was quoted again.\n",
       3, "title title.headline"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const pith::Document doc = Strip(c.text);
    const std::string got = Explain(doc, c.line);
    CHECK((c.expected.find(' ') == std::string::npos ? got.substr(0, got.find(' ')) : got) ==
          c.expected);
  }
}

TEST_CASE("The items under a list header are chrome until the body resumes", "[strip]") {
  const std::string page = ReadPage("en_news.txt");
  const pith::Document doc = Strip(page);
  CHECK(Explain(doc, LineOf(page, "Related stories")) == "chrome chrome.related-header");
  CHECK(Explain(doc, LineOf(page, "Bridge repairs delayed")) == "chrome chrome.list-block");
  CHECK(Explain(doc, LineOf(page, "Storm warning issued")) == "chrome chrome.list-block");
  // Inside an article, a list header's block ends where paragraphs follow again.
  const pith::Document inline_list = Strip(
      "The city council voted on Tuesday to approve a network of protected bike lanes in the "
      "downtown area, after a review that took a year.\n"
      "Related articles\n"
      "* Parking fees to rise\n"
      "* Bridge repairs delayed\n"
      "Supporters packed the public gallery for the vote, and several of them said the decision "
      "was long overdue.\n"
      "The plan removes about 140 parking spaces, a point that drew objections from some of the "
      "shop owners.\n");
  CHECK(Label(inline_list, 3) == "chrome");
  CHECK(Label(inline_list, 5) == "body");
  CHECK(Label(inline_list, 6) == "body");
  // Bulleted items stay the list's even when they are whole sentences, as questions are.
  const std::string questions =
      "有关防疫政策的问题也是民众最为关注的，下面介绍几种常见的办法，供大家在遇到问题时参考使用。\n"
      "除了拨打热线电话以外，还可以通过政务服务平台和小程序反映问题，处理的进度也可以随时查询。\n"
      "图文推荐\n"
      "* 西班牙画家毕加索生平经历 毕加索最著名的画有哪些？他一生创作了多少作品，为什么这么受欢迎？\n"
      "* 三国人物凌统生平简介 凌统的故事凌统是怎么死的？他和甘宁之间到底有什么恩怨，后来怎样了？\n"
      "* 魏征生平简介 魏征的故事魏征是个怎样的人？唐太宗为什么说他是一面镜子，又为什么推倒了他的碑？\n";
  const pith::Document list = Strip(questions);
  CHECK(Explain(list, 3) == "chrome chrome.related-header");
  for (int n = 4; n <= 6; ++n) CHECK(Explain(list, n) == "chrome chrome.list-block");
  CHECK(Label(list, 1) == "body");
}

TEST_CASE("Summaries that run into the next item under a list header are the list's own",
          "[strip]") {
  // Paragraphs set apart by blank lines, as a dump of HTML's paragraphs has them.
  const std::string article =
      FerryOpening() +
      "The operator said the new engines use less fuel and are quieter, and that the timetable "
      "will add two evening crossings from June when the days are longer.\n\n";
  // Each item a headline run into its summary, one item to a line, with no blank line between.
  const std::string teasers =
      "Related coverage\n\n"
      "Bus lanes extended A review of the city's bus lanes found that riders saved ten minutes "
      "on the busiest routes, and the council has voted to add more of them.\n"
      "Bridge repairs delayed The repairs to the old bridge will take until the autumn, the "
      "engineers said, because the steel that was ordered arrived late.\n";
  const std::string resumed =
      "Several riders said the crossing was the best part of their day, and that they had missed "
      "the view of the old lighthouse more than they expected to.\n"
      "The operator thanked them for their patience, and promised that the next repairs would "
      "be done in the quiet weeks after the new year.\n\n"
      "Tickets are on sale at the pier and on the operator's website, at the same prices as "
      "last year for the whole of the season.\n";
  CheckCases({
      {"summaries that run into a rule's line",
       article + teasers + "Share: Facebook Twitter Email\n\n" + resumed,
       {"About two hundred passengers", "best part of their day"},
       {"Bus lanes extended", "Bridge repairs delayed"}},
      {"summaries that run into a list item",
       article + teasers + "* Parking fees to rise\n\n" + resumed,
       {"About two hundred passengers", "best part of their day"},
       {"Bus lanes extended", "Bridge repairs delayed"}},
      {"paragraphs that run into each other and then stand apart resume the body",
       article + "Related coverage\n\n" + resumed,
       {"best part of their day", "promised that the next repairs", "Tickets are on sale"},
       {}},
  });
}

TEST_CASE("The article's last paragraph under a box of related links is kept", "[strip]") {
  const std::string article =
      FerryOpening() +
      "The operator said the new engines use less fuel and are quieter, and that the timetable "
      "will add two evening crossings from June.\n\n"
      "RELATED STORIES\n\n"
      "* Bus lanes extended on the busiest routes\n"
      "* Bridge repairs delayed until the autumn\n"
      "* Parking fees to rise next year\n";
  const std::string last =
      "The ferry will run a reduced schedule on public holidays, the operator said.";
  const std::string share = "* Twitter\n* Facebook\n* LinkedIn\n";
  CheckCases({
      {"a paragraph set apart, then share buttons",
       article + "\n" + last + "\n" + share,
       {"About two hundred passengers", last.c_str()},
       {"Bus lanes extended", "Parking fees to rise"}},
      {"a paragraph run into the list is the list's",
       article + last + "\n" + share,
       {"About two hundred passengers"},
       {"Bus lanes extended", last.c_str()}},
  });
}

TEST_CASE("A paragraph between a box's notices is the box's pitch", "[strip]") {
  const std::string head = FerryOpening();
  const std::string tail =
      "The operator said the new engines use less fuel and are quieter, and that the timetable "
      "will add two evening crossings from June.\n\n"
      "The ferry will run a reduced schedule on public holidays, the operator said.\n";
  const std::string pitch =
      "The week's best local stories, picked by our editors and sent every Friday morning.";
  CheckCases({
      {"a newsletter box between paragraphs",
       head + "* Sign up to Harbour Weekly\nFree weekly newsletter\n" + pitch +
           "\nThis site is protected by reCAPTCHA and the Google Privacy Policy and Terms of "
           "Service apply.\nafter newsletter promotion\n\n" + tail,
       {"About two hundred passengers", "two evening crossings", "public holidays"},
       {pitch.c_str(), "Free weekly newsletter", "reCAPTCHA"}},
      // Set apart by blank lines, it is a paragraph between two markers, as between two ads.
      {"a paragraph set apart from the box's lines",
       head + "Sign up to Harbour Weekly\n\n" + pitch + "\n\nafter newsletter promotion\n\n" + tail,
       {pitch.c_str(), "two evening crossings"},
       {"Sign up to Harbour Weekly"}},
  });
}

TEST_CASE("A sentence glued into a card of furniture is not where the text starts", "[strip]") {
  const std::string paras = NovelParagraphs();
  const std::string motto = "关注城市里的公共阅读空间，每周一篇深度报道。";
  CheckCases({
      // Paragraphs set apart by blank lines; the card's lines are not.
      {"an account's card above the text",
       "一个县城图书馆的十年\n\n城市书房\n" + motto + "\n126篇原创内容\n公众号\n\n" + paras,
       {"陈默坐在窗前", "显然在雨里走了很久"},
       {motto.c_str(), "126篇原创内容"}},
      // Without blank lines between paragraphs, every line is glued to its neighbours.
      {"a page written without blank lines",
       UnspacedCardPage(),
       {motto.c_str(), "十年前，县图书馆"},
       {}},
      // A post between its header and its buttons is a post, glued or not.
      {"a post between its header and its buttons",
       "周末去哪里看花\n\n" + std::string("1楼 2024-04-02 12:30\n") + motto + "\n回复 举报\n\n" + paras,
       {motto.c_str(), "陈默坐在窗前"},
       {}},
  });
}

TEST_CASE("A heading right under a list of links between paragraphs is the article's",
          "[strip]") {
  const std::string lead =
      "Licence rules\n\n"
      "You need a rod fishing licence to fish for salmon, trout, freshwater fish, smelt or eel in "
      "rivers, lakes and canals across the country.\n\n"
      "Contents\n* Who needs a licence\n* How much it costs\n* How to apply\n\n";
  const std::string text =
      "You must have a licence if you are aged 13 or over, and you can be fined if you fish "
      "without one on any water where a licence is needed.\n";
  CheckCases({
      {"one line under the list",
       lead + "Who needs a licence\n\n" + text,
       {"You need a rod fishing licence", "\nWho needs a licence\n", "You must have a licence"},
       {"* How much it costs", "Contents"}},
      {"two lines under the list are not a heading",
       lead + "Spring tides\n\nRiver levels\n\n" + text,
       {"You need a rod fishing licence", "You must have a licence"},
       {"Spring tides", "River levels", "Contents"}},
      // An encyclopedia's numbered contents, then the headings of a section and its first
      // subsection, each with its edit link: the entries name them. A rule claims the entry
      // "See also", which parts the contents, and the headings stand under its second part.
      {"headings that a numbered table of contents names",
       "Licence rules\n\n"
       "You need a rod fishing licence to fish for salmon, trout, freshwater fish, smelt or eel in "
       "rivers, lakes and canals across the country.\n\n"
       "Contents\n\n* 1 Who needs one\n+ 1.1 Young anglers\n+ 1.2 Disabled anglers\n"
       "* 2 How much it costs\n* 3 How to apply\n* 4 See also\n* 5 References\n"
       "* 6 External links\n\nWho needs one[edit]\n\n"
       "Young anglers[edit]\n\n" + text,
       {"You need a rod fishing licence", "\nWho needs one[edit]\n", "\nYoung anglers[edit]\n",
        "You must have a licence"},
       {"Contents", "1.2 Disabled anglers"}},
  });
}

TEST_CASE("The first section's heading that the table of contents names opens the text",
          "[strip]") {
  // A blog's contents in its sidebar, numbered as a list, then the post's headline, its byline
  // and the first section's heading over the text.
  const std::string page =
      "处理超大CSV文件的几种办法_博客\n\n首页 > Python > 正文\n\n目录\n\n"
      "1. 一、问题背景\n2. 二、为什么会内存溢出\n3. 三、解决办法\n4. 四、写在最后\n\n"
      "处理超大CSV文件的几种办法\n\n蓝月 于 2024-05-12 10:23:45 发布\n\n一、问题背景\n\n"
      "最近在公司接手了一个数据清洗的小需求，运维同事导出了一份将近二十GB的访问日志，需要按天统计"
      "每个接口的调用次数和平均响应时间。\n\n"
      "需求本身很简单，我想着用几行代码就能搞定，结果刚执行到读取文件那一行，程序就被系统直接杀掉了，"
      "终端里只留下一个冷冰冰的提示。\n\n"
      "我的开发机是十六GB内存，按理说读一个二十GB的文件确实会有压力，但我没想到会这么快就失败。\n";
  CheckKept(Strip(page), {"一、问题背景", "最近在公司接手", "我的开发机"},
            {"1. 一、问题背景", "二、为什么会内存溢出"});
}

TEST_CASE("A text's first chapter heading opens it when its second chapter follows", "[strip]") {
  // A regulation's fields and title, then its first chapter's heading right above its first
  // article, which scores nothing; its second chapter's heading stands among the articles.
  const std::string page =
      "社区养老服务促进办法_法规全文_法规库\n\n首页 > 地方政府规章 > 法规全文\n\n"
      "发布部门： 市人民政府\n发布日期： 2023年11月20日\n\n社区养老服务促进办法\n\n第一章 总则\n\n"
      "第一条 为了积极应对人口老龄化，健全社区养老服务体系，满足老年人就近就便的养老服务需求，根据有关法律"
      "法规，结合本市实际，制定本办法。\n\n"
      "第二条 本市行政区域内社区养老服务的规划建设、服务提供、扶持保障和监督管理，适用本办法。\n\n"
      "第二章 设施规划与建设\n\n"
      "第三条 市民政部门应当会同自然资源和规划等部门编制社区养老服务设施布局专项规划，报市人民政府批准"
      "后组织实施。\n\n"
      "第四条 新建住宅小区应当按照每百户不少于二十平方米的标准配套建设社区养老服务设施，并与住宅同步规划、"
      "同步建设、同步验收、同步交付使用。\n";
  CheckKept(Strip(page), {"第一章 总则", "第一条 为了积极应对", "第二章 设施规划与建设"},
            {"首页 > 地方政府规章"});
}

TEST_CASE("Items of a few words with a sentence under them are a list in the text", "[strip]") {
  const std::string intro =
      "How to descale a kettle\n\n"
      "Hard water leaves a chalky layer of limescale inside kettles. It slows down boiling and "
      "leaves flakes in your tea, but a little white vinegar removes it in under an hour.\n\n";
  const std::string outro =
      "Bring the mixture to a boil, switch the kettle off and let it stand for thirty minutes "
      "before you pour it away and rinse the kettle twice.\n";
  CheckCases({
      {"what a how-to needs, then its first step",
       intro + "What you need\n\n* White vinegar\n* Water\n* A soft sponge\n\n"
               "Step 1: Mix the solution\n\nFill the kettle halfway with vinegar and water.\n\n"
               "Step 2: Boil and soak\n\n" + outro,
       {"* White vinegar", "* A soft sponge", "Step 1: Mix the solution", "Fill the kettle halfway",
        "Step 2: Boil and soak", "Bring the mixture"},
       {}},
      // Headlines, with a teaser under them, are another list of stories.
      {"headlines, then a teaser",
       intro + "Around the county\n\n* Council votes to close the old swimming pool next spring\n"
               "* Harbour ferry returns after three weeks of winter repairs\n"
               "* Bus fares to rise by ten pence on every route in April\n\n"
               "The mayor opened the new library on Monday.\n\nLibrary opens\n\n" + outro,
       {"Hard water leaves", "Bring the mixture"},
       {"swimming pool", "Harbour ferry", "Bus fares", "The mayor opened"}},
      // What a recipe needs, measured, under its heading and over the next: a list of links
      // between the paragraphs has no figures in most of its items.
      {"measured items between paragraphs",
       intro + "Ingredients\n\n* 2 cups white vinegar\n* 1 cup water\n* 1 tablespoon baking "
               "soda\n* 1 soft sponge\n* Lemon juice\n\nMethod\n\n" + outro,
       {"* 2 cups white vinegar", "* 1 tablespoon baking soda", "* Lemon juice", "Method"},
       {}},
      {"a numbered table of contents between paragraphs",
       intro + "Contents\n\n* 1. Descale\n* 2. Rinse\n* 3. Dry\n* 4. Store\n* 5. Repeat\n\n"
               "Method\n\n" + outro,
       {"Hard water leaves", "Bring the mixture"},
       {"Descale", "Repeat"}},
      {"items of a few words between paragraphs",
       intro + "More from us\n\n* Kettles\n* Toasters\n* Coffee makers\n* Blenders\n"
               "* Juicers\n\nMethod\n\n" + outro,
       {"Hard water leaves", "Bring the mixture"},
       {"Toasters", "Juicers"}},
      {"measured items in Chinese",
       "家常番茄炒蛋\n\n番茄炒蛋是最常见的家常菜之一，做法简单，酸甜可口，几乎每个家庭都会做，关键在于火候和调味的顺序。\n\n"
       "用料\n\n* 番茄 2个\n* 鸡蛋 3个\n* 白糖 1小勺\n* 食盐 适量\n* 葱花 少许\n\n做法\n\n"
       "先把鸡蛋打散，锅中放油烧热后倒入蛋液，炒至凝固后盛出；再炒番茄，出汁后倒回鸡蛋，加盐和糖翻匀即可出锅。\n",
       {"* 番茄 2个", "* 白糖 1小勺", "* 葱花 少许", "做法"},
       {}},
  });
}

TEST_CASE("A header that counts the comments ends the article", "[strip]") {
  const std::string article =
      "Storm knocks out power across the Midwest\n\nBy Rachel Moore\n\n"
      "A line of severe thunderstorms swept across the Midwest on Monday, knocking out power to more "
      "than 200,000 homes and businesses.\n\n"
      "The storms brought wind gusts of up to 70 mph in parts of Ohio and Indiana, according to the "
      "weather service.\n\n"
      "Utility crews from neighbouring states were sent to help restore power, which could take "
      "until Wednesday in the hardest-hit areas.\n\n"
      "No deaths were reported, though several people were treated for minor injuries caused by "
      "falling branches.\n\n";
  const std::string comments =
      "I lost power for two days and the utility never once told us when it would be back, which "
      "is simply not good enough.\n\n"
      "Same here, and the food in our freezer went bad before the crews arrived on Wednesday "
      "afternoon.\n";
  CheckCases({
      {"WordPress's header", article + "12 thoughts on \u201cStorm knocks out power\u201d\n\n" + comments,
       {"No deaths were reported"},
       {"12 thoughts on", "I lost power for two days", "Same here"}},
      {"a count in brackets", article + "Comments (3)\n\n" + comments,
       {"No deaths were reported"},
       {"I lost power for two days", "Same here"}},
      {"in Chinese", article + "12 条评论\n\n" + comments,
       {"No deaths were reported"},
       {"I lost power for two days", "Same here"}},
      // Under the byline, the count is a link to the comments, not their header.
      {"a count above the article",
       "Storm knocks out power across the Midwest\n\nBy Rachel Moore\n\nComments (3)\n\n" +
           article.substr(article.find("A line of severe")),
       {"A line of severe thunderstorms", "No deaths were reported"},
       {"Comments (3)"}},
  });
}

// strip remembers what it measured and matched on lines it has seen; what it decides about a
// page must not depend on the pages it saw before.
TEST_CASE("A page gets the same labels whatever pages came before it", "[strip]") {
  const char* pages[] = {"en_news.txt", "zh_news.txt", "zh_forum.txt", "zh_portal.txt",
                         "en_health_comments.txt", "zh_news_wrapped.txt"};
  // The first pass sees each page with the lines of the ones before it remembered; the second,
  // in the other order, after all of them; the last, every page twice in a row.
  auto labels = [](const std::string& page) {
    std::string out;
    for (const pith::LineLabel& l : Strip(ReadPage(page)).lines) {
      out += std::to_string(l.n) + " " + std::string(pith::LabelName(l.label)) + " " + l.rule + "\n";
    }
    return out;
  };
  std::vector<std::string> first, second(std::size(pages)), third;
  for (const char* page : pages) first.push_back(labels(page));
  for (std::size_t i = std::size(pages); i-- > 0;) second[i] = labels(pages[i]);
  for (const char* page : pages) {
    labels(page);
    third.push_back(labels(page));
  }
  for (std::size_t i = 0; i < std::size(pages); ++i) {
    INFO(pages[i]);
    CHECK(first[i] == second[i]);
    CHECK(first[i] == third[i]);
  }
}

// What strip works out about one page (whether its paragraphs stand apart, where its text
// opens) must not carry over to the next, even when the next is judged by rules that skip the
// step that works it out.
TEST_CASE("A page gets the same labels whatever page and rules came before it", "[strip]") {
  pith::StageOptions no_lists;
  no_lists.rules = pith::RuleSet::FromJsonText(
      R"({"extends": "default", "rules": [{"id": "chrome.list-block", "label": "chrome",
          "why": "off", "detector": "list-block", "enabled": false}]})",
      "no-lists.json");
  const std::string plain = UnspacedCardPage();
  auto labels = [](const pith::Document& doc) {
    std::string out;
    for (const pith::LineLabel& l : doc.lines) out += std::to_string(l.n) + " " + l.rule + "\n";
    return out;
  };
  const std::string alone = labels(Strip(plain, no_lists));
  Strip(ReadPage("zh_wechat.txt"));  // paragraphs set apart, and a card glued above them
  CHECK(labels(Strip(plain, no_lists)) == alone);
}

TEST_CASE("Pages of several kinds keep their article and drop the rest", "[strip]") {
  struct Case {
    const char* page;
    std::vector<const char*> kept;     // lines that must be in the text
    std::vector<const char*> dropped;  // lines that must not
  };
  const Case cases[] = {
      {"en_news.txt",
       {"The city council voted seven to two", "Cyclists ride along Harbour Street",
        "Costs and funding", "\"We need to get the details right,\" she said."},
       {"Skip to main content", "News > Local > Transport", "By Maria Hollis", "Related stories",
        "Downtown parking fees", "Leave a comment", "All rights reserved", "Privacy policy"}},
      {"zh_news.txt",
       {"本报讯 3月16日", "图为读者在少儿阅读区看书。", "区文化局负责人表示"},
       {"首页|新闻", "当前位置", "来源：晨光网", "责任编辑", "版权声明", "相关阅读", "全市将新增",
        "这座城市的夜景", "网友评论", "京ICP备"}},
      {"zh_forum.txt",
       {"今年第一次在阳台种番茄", "掉花最常见的原因是授粉不好", "浇水也别太勤", "谢谢各位！"},
       {"绿叶论坛\n", "只看楼主", "初级会员", "1楼 2024-04-02", "老农夫", "发表回复", "版权所有"}},
      {"zh_thread.txt",
       {"家里是九十年代的老房子", "先找潮气从哪来。", "同意楼上\n铲到见底", "谢谢两位，周末先把墙根铲开看看。"},
       {"安居社区", "查看: 2056", "青石巷", "木工老周", "发表于", "回复 举报", "相关帖子", "新房甲醛",
        "版权所有"}},
      {"en_news_wrapped.txt",
       {"The city council voted seven to two", "downtown area, ending a review that began more",
        "Cyclists ride along Harbour Street", "need to get the details right,\" she said."},
       {"Skip to main content", "By Maria Hollis", "Related stories", "Downtown parking fees",
        "Leave a comment", "All rights reserved"}},
      {"zh_news_wrapped.txt",
       {"本报讯 3月16日", "书馆共接待读者一万二千余人次", "校合作开展阅读活动。"},
       {"首页|新闻", "来源：晨光网", "责任编辑", "版权声明", "全市将新增", "京ICP备"}},
      {"zh_news_lynx.txt",
       {"本报讯", "加装电梯800台以上", "惠及居民近万户。"},
       {"首页 要闻", "登录 | 注册", "当前位置", "来源：江南日报", "责任编辑", "版权声明",
        "应在授权范围内使用", "相关新闻", "房价涨了吗", "上一篇", "发表评论", "ICP备"}},
      {"zh_portal.txt",
       {"本报讯（记者 林晓舟）", "注意防范城市内涝、山洪和地质灾害。", "图为18日清晨"},
       {"当前位置", "来源：滨江晚报", "字号", "分享到", "责任编辑", "转载此文是出于传递更多信息之目的",
        "上一篇", "气象台发布暴雨橙色预警", "请文明上网", "热点排行", "中考成绩", "备案号"}},
      {"en_news_newsletter.txt",
       {"under growing strain", "The utility said it would reduce output",
        "Analysts said the pressure on the grid", "after sunset."},
       {"Ad Feedback", "Sign up to Green Ledger", "Free weekly newsletter",
        "climate stories, picked by our editors", "reCAPTCHA", "after newsletter promotion",
        "Let us know in the comments", "Morning Ledger newsletter", "Most viewed"}},
      {"zh_tech_news.txt",
       {"6 月 18 日消息", "参数如下：", "* 电池：5600mAh", "* 重量：229 克"},
       {"晨光科技旗下网站", "欢迎在评论区留言讨论", "更多原创资讯", "广告声明", "仅代表该作者或机构观点",
        "相关文章", "另一品牌折叠屏新机曝光", "版权所有"}},
      {"en_wire.txt",
       {"The smell of fresh rye bread will no longer drift down Main Street.",
        "The building has been sold. The new owner has not announced plans."},
       {"Trending:", "School levy", "By Kevin O'Brien", "Facebook Twitter Email Print",
        "Follow Kevin O'Brien", "Sponsored Content", "energy bill", "barn blaze", "Copyright"}},
      {"en_feature_wrapped.txt",
       {"Scientists analyzing sediment cores", "so deep, or so early.\"",
        "animals can mix sediment layers."},
       {"Subscribe Now", "Courtesy of the Ocean Institute", "Gift Article", "Advertisement",
        "Most Read", "rare comet", "Sign up for the Science newsletter", "Cookie Settings"}},
      {"zh_hant_blog.txt",
       {"週末一早搭上往山城的公車", "老街轉角的芋圓店。", "下次想挑個平日再來"},
       {"留言板", "發表於", "本文標籤", "相關文章", "雨天的港邊小鎮", "上一篇", "禁止轉載"}},
      {"en_health_comments.txt",
       {"A ten-minute walk after a meal", "walking uses the biggest muscles you have.\"",
        "benefits of their own for the heart and for mood."},
       {"Sign up for a free", "Thank you for supporting", "Why you feel sleepy", "Read now",
        "View comments", "I started walking the dog", "Is ten minutes really enough?",
        "Five stretches", "All rights reserved"}},
      {"en_recipe_blog.txt",
       {"These pancakes are light and fluffy", "the breakfast my kids ask for every Saturday.",
        "1. Whisk the ricotta", "3. Heat a lightly buttered pan"},
       {"Skip to content", "Home » Breakfast", "This post may contain affiliate links",
        "Jump to Recipe", "from 143 votes", "Did you make this recipe?", "Pin this recipe",
        "You might also like", "Banana Bread with Walnuts", "Leave a Reply", "Maria says:",
        "I added a few blueberries", "All rights reserved"}},
      {"en_news_inline.txt",
       {"The city will replace every lead water pipe", "The work will cost about $62 million.",
        "Homeowners will not pay", "free water filters to every home"},
       {"Subscribe for $1", "Local | City to replace", "By Rachel Ortiz", "Published: May 2, 2024",
        "Advertisement", "Read more: Council approves", "Share this article", "Most Read",
        "Police identify driver", "Sign in to comment", "All rights reserved"}},
      {"en_forum.txt",
       {"I started my first sourdough starter", "It is not dead, it is hungry.",
        "Thank you! I switched to two feedings"},
       {"Board index", "Posts: 3821", "Joined: Sat Jan 10", "Location: Vermont",
        "Re: Sourdough starter", "Post by oldbaker", "Display posts from previous",
        "Who is online", "Powered by phpBB"}},
      {"zh_portal_news.txt",
       {"本报讯（记者 周婷）从本月起", "现在坐夜班车回家方便多了。", "并在部分站点增设照明设施。"},
       {"新闻中心 > 社会新闻", "扫一扫", "字号：T|T", "分享到", "34 条评论", "（责任编辑：王磊）",
        "本文来源", "如有侵权请联系删除", "热门推荐", "24小时排行", "中考成绩今天公布", "请文明上网",
        "沪ICP备"}},
      {"en_wp_blog.txt",
       {"For six years I bought the same expensive planner", "useful filter: if I keep copying",
        "I no longer feel guilty about the empty boxes."},
       {"Skip to content", "Notes on working with less", "Posted on April 9, 2024", "Leave a comment",
        "Share this:", "Like Loading", "Filed under Productivity", "About the Author",
        "Your email address will not be published", "Save my name", "Recent Posts",
        "A desk without a drawer", "Archives", "Proudly powered by WordPress"}},
      {"zh_wechat.txt",
       {"十年前，县图书馆只有一间", "一个夏天收了一万多本。", "吸引了三万多人次参加。"},
       {"原创 林晓 城市书房", "关注城市里的公共阅读空间", "126篇原创内容", "公众号\n", "-END-", "文字 | 林晓",
        "喜欢此内容的人还喜欢",
        "老街上的旧书摊", "微信扫一扫", "轻触阅读原文", "取消 允许", "轻点两下取消赞"}},
      {"zh_gov_notice.txt",
       {"各区园林绿化主管部门，各有关单位：", "现将有关事项通知如下：", "（二）植物生长情况。",
        "抽查结果纳入年度考核。"},
       {"无障碍浏览", "您当前的位置", "【打印】", "相关链接", "2023年度城市绿化养护检查结果通报", "上一篇",
        "网站地图", "浙ICP备"}},
      {"zh_blog_comments.txt",
       {"三月初的周末", "约好秋天再来看稻田。"},
       {"上一篇", "大家说", "山风", "照片拍得真好", "我们去年也去过", "停车方便吗", "回复", "Copyright"}},
  };
  for (const Case& c : cases) {
    INFO(c.page);
    const pith::Document doc = Strip(ReadPage(c.page));
    CheckKept(doc, c.kept, c.dropped);
  }
}

// Replies are body in a thread, where the post itself sits under a header with its time; under a
// news article, comments come after a list header or a notice, which close the article.
TEST_CASE("Replies under post headers are body in a thread, not under an article", "[strip]") {
  const std::string post =
      "发表于 2024-03-05 10:21\n"
      "家里是九十年代的老房子，一楼，每年梅雨季北面卧室的墙就返潮，墙皮一块块鼓起来，角落还长黑霉。"
      "去年铲掉重新刷了乳胶漆，今年又这样了，想问问大家有什么办法能一次解决。\n";
  const std::string replies =
      "#1\n木工老周\n2024-03-05 11:02\n先找潮气从哪来，光刷漆没用。\n回复 举报\n"
      "#2\n小满\n2024-03-05 12:47\n同意\n铲到见底，刷两遍防水涂料。\n回复 举报\n";
  struct Case {
    std::string name;
    std::string text;
    bool replies_kept;
  };
  // The same thread with times as long ago, in either language.
  auto ago = [&](std::string text, const char* first, const char* second) {
    text.replace(text.find("2024-03-05 11:02"), 16, first);
    text.replace(text.find("2024-03-05 12:47"), 16, second);
    return text;
  };
  // A headline that says how long ago something happened is not a post's header.
  const std::string headline = "发表于 2024-03-05 10:21\n" + post.substr(post.find('\n') + 1) +
                               "老房子20年前的墙面为何容易返潮\n同意\n铲到见底，刷两遍防水涂料。\n";
  const std::vector<Case> cases = {
      {"a thread", post + replies, true},
      {"a thread with times ago", ago(post + replies, "3 天前", "2天前"), true},
      {"a thread with times ago in English", ago(post + replies, "3 days ago", "2 hours ago"), true},
      {"a thread without the post's own header", post.substr(post.find('\n') + 1) + replies, false},
      {"comments under a list header", post + "网友评论\n" + replies, false},
      {"comments after a notice", post + "版权声明：本文版权归原作者所有，未经授权不得转载。\n" + replies,
       false},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    const pith::Document doc = Strip(c.text);
    CHECK(doc.text.find("家里是九十年代的老房子") != std::string::npos);
    for (const char* reply : {"先找潮气从哪来", "同意\n铲到见底"}) {
      INFO(reply);
      CHECK((doc.text.find(reply) != std::string::npos) == c.replies_kept);
    }
    for (const char* furniture : {"木工老周", "小满", "回复 举报", "#1", "2024-03-05 11:02"}) {
      INFO(furniture);
      CHECK(doc.text.find(furniture) == std::string::npos);
    }
    if (c.replies_kept) CHECK(Explain(doc, LineOf(c.text, "先找潮气")) == "body body.reply");
  }
  const std::string text = headline + "回复 举报\n";
  const pith::Document doc = Strip(text);
  CHECK(Label(doc, LineOf(text, "铲到见底")) != "body");
}

// Long replies make a thread's densest run reach past its first replies; a short reply among
// them is still a reply, and the row of links under a reply is not.
TEST_CASE("A short reply among long ones is a reply", "[strip]") {
  const std::string header = "发表于 2024-5-12 21:08:33 | 只看该作者\n";
  const std::string long_reply =
      "看照片像是早疫病，下部老叶先黄，上面有同心轮纹的褐斑。先把病叶摘掉，别让叶子沾水，浇水浇在根部。"
      "盆栽番茄每天浇一次太勤了，盆土表面干了再浇透。\n";
  const std::string text =
      "阳台的番茄叶子发黄怎么办\n" + header +
      "今年第一次在阳台用花盆种番茄，一开始长得挺好，最近下面的叶子一片一片发黄，有的还有褐色的斑点。"
      "每天早上浇一次水，阳台朝南，光照应该够，是不是浇水太多了？\n"
      "老园丁\n发表于 2024-5-12 22:15:02\n" + long_reply + "楼层 直达 本帖\n" +
      "青青子衿\n发表于 2024-5-13 07:40:19\n谢谢老师！今天就去把黄叶剪掉，浇水也改一改。\n" +
      "楼层 直达 本帖\n" + "阳台小菜园\n发表于 2024-5-13 10:22:45\n" + long_reply;
  const pith::Document doc = Strip(text);
  CHECK(Explain(doc, LineOf(text, "谢谢老师")) == "body body.reply");
  CHECK(Label(doc, LineOf(text, "楼层 直达 本帖")) == "chrome");
  CHECK(Label(doc, LineOf(text, "青青子衿")) == "chrome");
}

// A paragraph under a header that dates a post is a comment: it does not end the list block of
// the comments, as the article resuming after a list would.
TEST_CASE("Comments under a list header stay out, however long", "[strip]") {
  const std::string article =
      "The city council voted on Tuesday to approve a network of protected bike lanes in the "
      "downtown area, after a review that took more than a year and drew hundreds of letters.\n"
      "Supporters packed the public gallery for the vote, and several of them said the decision "
      "was long overdue for the people who ride to work every day.\n";
  // Two paragraphs: a paragraph followed by more text is what tells the body resuming.
  const std::string comment =
      "I ride this route every morning and the new lanes cannot come soon enough, because the "
      "traffic at the bridge has become dangerous for anyone on two wheels.\n"
      "The council should also look at the junction by the station, where the lights are far too "
      "short for anyone who is not in a car, and where two riders were hurt last year.\n";
  struct Case {
    std::string name;
    std::string header;
  };
  const std::vector<Case> cases = {
      {"English", "Ammon · March 11, 2017 at 8:41 PM"},
      {"a day before the month", "Ammon · 11 March 2017 20:41"},
      {"Chinese", "网友 骑车上班的人 2017-03-11 20:41"},
      {"how long ago", "Ammon · 3 days ago"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    const std::string text =
        article + "Join the discussion\n" + c.header + "\n" + comment + "Reply\n" + c.header + "\n" + comment;
    const pith::Document doc = Strip(text);
    CHECK(doc.text.find("The city council voted") != std::string::npos);
    CHECK(doc.text.find("I ride this route") == std::string::npos);
    CHECK(Explain(doc, LineOf(text, "I ride this route")) == "chrome chrome.list-block");
  }
}

// Comments are dated to the minute, and that alone opens them when no header announces them.
// A thread that signs its posts below them dates each post right under its text instead, and its
// later posts are not comments.
TEST_CASE("A post header after the article opens its comments, without a list header",
          "[strip]") {
  const std::string article =
      "The city council voted on Tuesday to approve a network of protected bike lanes in the "
      "downtown area, after a review that took more than a year and drew hundreds of letters.\n"
      "Supporters packed the public gallery for the vote, and several of them said the decision "
      "was long overdue for the people who ride to work every day.\n"
      "Work on the first street is due to start in June, and the city expects the whole network "
      "to be finished within two years if the funding holds.\n";
  const std::string comment =
      "I ride this route every morning and the new lanes cannot come soon enough, because the "
      "traffic at the bridge has become dangerous for anyone on two wheels.\n"
      "The council should also look at the junction by the station, where the lights are far too "
      "short for anyone who is not in a car.\n";
  const std::vector<TextCase> cases = {
      {"English comments",
       article + "Share this article\nAmmon · March 11, 2017 at 8:41 PM\n" + comment +
           "Reply\nJo · March 12, 2017 at 9:15 AM\n"
           "Finally some good news for the people who cycle in this town, after years of "
           "promises that never came to anything at all.\n",
       {"The city council voted", "if the funding holds."},
       {"I ride this route", "junction by the station", "Ammon", "Finally some good news"}},
      {"an article whose source line stands after its lead",
       "区图书馆新馆开放首周接待读者一万二千余人次，少儿阅读区和自习区座位几乎天天坐满，不少家长带着孩子一早就来排队。\n"
       "新馆建筑面积约一万平方米，藏书六十万册，设有报告厅、展览厅和二十四小时自助借还区，还开通了线上预约座位的服务。\n"
       "图为新馆外景\n来源：晨光网 2024-01-29 11:30\n"
       "区文化局负责人表示，下一步将在图书馆举办读书分享会和科普讲座，并与周边学校合作开展阅读活动，让更多居民走进图书馆。\n"
       "据介绍，新馆周一至周日均对外开放，开放时间为每天上午九点至晚上九点，节假日照常开放，读者凭身份证即可免费办理借阅证。\n",
       {"区图书馆新馆开放首周", "区文化局负责人表示", "凭身份证即可免费办理借阅证"},
       {"来源：晨光网"}},
      {"a thread signed below its posts",
       "为什么这次地震很多城市都有震感？\n"
       "震感范围广，一个原因是震级较大，另一个原因是长周期地震波传得远，在软土和盆地里还会被放大，"
       "所以很远的城市也能感觉到。这次的震中在海上，周围没有高山阻挡，能量一路传到了内陆。\n"
       "沿海平原的城市大多建在河流冲积层上，土层松软，高楼对长周期的晃动尤其敏感，住在高层的人感觉会更明显。\n"
       "发布于 2024-04-03 09:55・IP 属地重庆\n赞同 161\n更多回答\n山间听雨\n"
       "我在三十多层的办公室里，桌上的水杯晃了好一阵，同事们都跑到楼道里去了，过了几分钟才敢回来。\n"
       "后来看新闻才知道震中离我们这里有好几百公里，没想到震感还这么明显，真是第一次遇到。\n"
       "发布于 2024-04-03 10:12・IP 属地福建\n赞同 12\n",
       {"震感范围广", "我在三十多层的办公室里", "真是第一次遇到。"},
       {"发布于", "山间听雨"}},
  };
  CheckCases(cases);
  const std::string page = ReadPage("zh_blog_comments.txt");
  CHECK(Explain(Strip(page), LineOf(page, "照片拍得真好")) == "chrome chrome.outside-body");
}

TEST_CASE("References under the article end it", "[strip]") {
  const std::string article =
      "区图书馆新馆开放首周接待读者一万二千余人次，少儿阅读区和自习区座位几乎天天坐满，不少家长带着孩子一早就来排队。\n\n"
      "新馆建筑面积约一万平方米，藏书六十万册，设有报告厅、展览厅和二十四小时自助借还区，还开通了线上预约座位的服务。\n\n"
      "区文化局负责人表示，下一步将在图书馆举办读书分享会和科普讲座，并与周边学校合作开展阅读活动。\n\n";
  const std::vector<TextCase> cases = {
      {"a section of references",
       article + "参考文献[编辑]\n\n"
                 "1. ^ 刘某. 区图书馆新馆正式开放. 晨光网. 2024-01-29 [2024-02-01]. （原始内容存档于2024-02-01）.\n"
                 "2. ^ 新馆开放时间和借阅办法说明，区图书馆官方网站，2024-01-30 [2024-02-01]。\n",
       {"区图书馆新馆开放首周", "周边学校合作开展阅读活动"},
       {"参考文献", "原始内容存档", "借阅办法说明"}},
      // A notice between two articles of one page, or above an article, ends nothing.
      {"a reprint notice in the middle",
       article + "本站专稿，未经书面授权请勿转载。\n\n" + article,
       {"区图书馆新馆开放首周", "周边学校合作开展阅读活动"},
       {"未经书面授权"}},
  };
  CheckCases(cases);
  const pith::Document doc = Strip(cases[1].text);
  CHECK(Explain(doc, 13) == "body body.prose");
}

// A page whose article sits under a dated byline looks like a thread from the top; a comment
// section's header under the text still says that what follows is comments.
TEST_CASE("A comment section's header ends the article, even under a dated byline", "[strip]") {
  const std::vector<TextCase> cases = {
      {"English, a comment form between article and comments",
       "Lights out for the old power station\n\nBy Dana Reyes\nApril 5, 2018 | 6:00 PM\n"
       "The old power station on the river was switched off for good on Thursday, ending ninety "
       "years of coal burning on a site that once lit half of the city.\n"
       "Its owners plan to turn the turbine hall into a market and the yard into a park, and the "
       "city has already promised a bridge to reach it from the other bank.\n"
       "The last shift of forty workers left the gates at noon, most of them for jobs at the new "
       "wind farm down the coast, which the same company opened two years ago.\n"
       "View comments (27)\nYour name ____________________\nAdd comment\nAnonymous\n"
       "I grew up two streets away from that chimney and I will not miss the soot on the washing "
       "every single week, but it is strange to think it will be gone for good.\n"
       "A market is fine, but the city should keep some of the machinery on show so that people "
       "remember what the place was for and who worked there.\n",
       {"switched off for good on Thursday", "a bridge to reach it"},
       {"I grew up two streets away", "keep some of the machinery", "Anonymous"}},
      {"Chinese, a readers' comments header",
       "老城区雨污分流改造完工\n作者：李明 2024-01-29 11:30\n"
       "经过十个月施工，老城区雨污分流改造工程日前全部完工，二十三条街巷的地下管网得到更新，雨季内涝的问题有望缓解。\n"
       "据介绍，工程共铺设管道四十多公里，施工期间采取分段封闭、夜间作业等方式，尽量减少对居民出行和商户经营的影响。\n"
       "区住建局表示，明年还将对周边六个老旧小区的排水设施进行改造，届时将提前公布施工路段和时间，方便居民安排出行。\n"
       "读者评论\n老街坊\n"
       "我家门口那条路修了大半年，现在总算平整了，下大雨的时候再也不用蹚水出门了，希望以后能好好维护。\n"
       "施工期间晚上确实有点吵，不过能理解，只是希望其他几个小区也能尽快排上改造的日程。\n",
       {"老城区雨污分流改造工程日前全部完工", "尽量减少对居民出行和商户经营的影响。"},
       {"老街坊", "我家门口那条路", "其他几个小区"}},
  };
  CheckCases(cases);
}

// Between posts, a post's header is furniture, not a line of the text the posts hem in; a short
// post between headers stays. A sentence that names a date and a time is text.
TEST_CASE("Post headers between posts are dropped, the posts kept", "[strip]") {
  const std::vector<TextCase> cases = {
      {"Chinese reviews",
       "120 有用 山风 看过 2024-04-07 02:34:58 上海\n"
       "这部剧把婚后生活拍得很真实，两个女主角的处境一个比一个难，台词也写得好，看完第一集就停不下来了。\n"
       "[a.jpg]\n98 有用 小鹿 看过 2024-04-07 10:12:40 江苏\n旁白一出来我就知道要打五星了\n"
       "[b.jpg]\n75 有用 访客 看过 2024-04-08 21:05:13 广东\n"
       "不认为她四十岁碰到前任哭是矫情，而是她终于可以面对自己，这一段演得太好了，看得我也跟着哭了。\n"
       "[c.jpg]\n60 有用 青禾 看过 2024-04-09 08:30:02 四川\n"
       "结尾有点仓促，希望第二季能把几条线都交代清楚，配角的故事也值得多拍几集。\n",
       {"这部剧把婚后生活", "旁白一出来我就知道要打五星了", "结尾有点仓促"},
       {"小鹿", "访客", "青禾", "2024-04-08 21:05:13"}},
      {"English comments",
       "Jo Marsh · March 12, 2017 at 9:15 AM\n"
       "The new lanes on Harbour Street have made my commute so much calmer, and I have seen far "
       "more children riding to school since they opened.\n"
       "Sam · March 12, 2017 at 11:40 AM\nAgreed, great work by the council\n"
       "Lee · March 13, 2017 at 8:02 PM\n"
       "I still think the junction by the station needs a proper crossing, because the lights "
       "change far too quickly for anyone on foot or on a bike.\n"
       "The public meeting on the plan is set for March 20, 2017 at 6:30 PM in the town hall.\n"
       "Anna · March 14, 2017 at 7:45 AM\n"
       "Thanks for the reminder about the meeting, I will be there with a few of the neighbours "
       "who ride every day.\n",
       {"Agreed, great work by the council", "set for March 20, 2017 at 6:30 PM", "Thanks for the"},
       {"Sam ·", "Lee ·", "Anna ·"}},
  };
  CheckCases(cases);
}

TEST_CASE("A thread that signs its posts below them keeps its replies", "[strip]") {
  // Each post ends with its floor and time; the next post's author, level and buttons follow.
  const std::string furniture = "回复收起回复\n[head.jpg]\n* 山间听雨\n* 初级粉丝\n1\n";
  const std::string page =
      "什么样的人才算是佛系？\n" + furniture +
      "我觉得佛系不是什么都不在乎，而是不和别人攀比，按自己的节奏过日子，该努力的时候还是要努力。\n"
      "身边有个朋友就是这样，工作认真但从不抢功劳，下班以后养花看书，过得比谁都踏实，我挺羡慕他的。\n"
      "来自Android客户端3楼2022-11-26 15:19\n" + furniture +
      "草薙龙瞬那本讲怎么成为一个快乐的人的书讲得很好\n"
      "来自Android客户端4楼2022-11-27 21:26\n" + furniture +
      "看完这些回答我也想开了，以后少跟别人比较\n"
      "来自iPhone客户端5楼2023-02-01 21:54\n"
      "扫二维码下载贴吧客户端\n";
  const pith::Document doc = Strip(page);
  CheckKept(doc, {"我觉得佛系不是", "讲得很好", "以后少跟别人比较"},
            {"来自Android客户端", "山间听雨", "初级粉丝", "扫二维码"});
  CHECK(Explain(doc, LineOf(page, "讲得很好")) == "body body.reply");
}

// An advertisement marker stands inside the article: the short sentences after it still close
// the article, as they would without it; a rule without in_text ends the body there.
TEST_CASE("A bar to the previous and next chapter under the text ends it", "[strip]") {
  const std::string bar = "上一章 ← 目录 → 下一章 加入书签\n\n";
  const std::string chapter = "第十章 雨夜来客\n\n" + bar + "第十章 雨夜来客\n\n" + NovelParagraphs() +
                              "\n" + "他愣了片刻，侧身让开，示意那人进屋，又回头添了一勺灯油。\n\n";
  CheckCases({
      // The author's note under the chapter is no part of it.
      {"an author's note under it",
       chapter + bar + "作者有话说：\n\n今天加班回来晚了，更新迟了一点，抱歉抱歉。下一章打架，我尽量写得痛快些。\n",
       {"陈默坐在窗前", "又回头添了一勺灯油"},
       {"今天加班回来晚了"}},
      // Above the text, the bar ends nothing.
      {"only above it", chapter, {"陈默坐在窗前", "又回头添了一勺灯油"}, {"上一章"}},
  });
}

TEST_CASE("Lines that stand inside articles do not end the body", "[strip]") {
  const std::string text =
      "Council approves the budget\n"
      "\n"
      "The City Council on Thursday approved a budget that gives teachers their largest raise in "
      "more than a decade, capping months of talks between the mayor and the union.\n"
      "Council member Greg Holt, who voted no, said the plan relies on one-time federal money that "
      "runs out in two years, and that the city will face a deficit.\n"
      "Story continues below advertisement\n"
      "\"We are building a house on sand,\" Holt said.\n"
      "The new budget takes effect July 1.\n"
      "Most Popular\n"
      "Highway 7 closed after crash\n";
  const int marker = LineOf(text, "Story continues");
  const pith::Document doc = Strip(text);
  CHECK(Explain(doc, marker) == "chrome chrome.ad-marker");
  CHECK(Explain(doc, marker + 1) == "body body.context");
  CHECK(Explain(doc, marker + 2) == "body body.context");
  CHECK(Label(doc, LineOf(text, "Highway 7")) == "chrome");

  pith::StageOptions options;
  options.rules = pith::RuleSet::FromJsonText(
      R"({"extends": "default", "rules": [{"id": "chrome.ad-marker", "label": "chrome",
          "why": "the marker, as a line that does not stand inside articles",
          "keywords": ["Story continues below advertisement"], "whole_line": true}]})",
      "ad-marker.json");
  const pith::Document without = Strip(text, options);
  CHECK(Explain(without, marker) == "chrome chrome.ad-marker");
  CHECK(Label(without, marker + 1) == "chrome");
}

TEST_CASE("Wrapped paragraphs are judged whole", "[strip]") {
  // A dump wrapped at 72 columns: a two-line headline, a byline, three paragraphs of three lines.
  const std::string text =
      "Harbour Street bike lanes approved after a long public review and two\n"
      "rounds of hearings\n"
      "\n"
      "By Maria Hollis\n"
      "\n" +
      WrappedStory();
  const pith::Document doc = Strip(text);
  CHECK(Explain(doc, 1) == "title title.headline");
  CHECK(Explain(doc, 2) == "title title.headline");
  CHECK(Label(doc, 4) == "meta");
  for (int n : {6, 7, 8, 10, 11, 12, 14, 15, 16}) {
    INFO("line " << n);
    CHECK(Label(doc, n) == "body");
  }
  // The title is handed on whole, once.
  REQUIRE(doc.meta_lines.size() == 2);
  CHECK(doc.meta_lines[0].n == 1);
  CHECK(doc.meta_lines[0].text ==
        "Harbour Street bike lanes approved after a long public review and two rounds of hearings");
  CHECK(doc.text.rfind("The city council voted", 0) == 0);
}

TEST_CASE("An address under a wrapped paragraph's last sentence stands alone", "[strip]") {
  // Too long for the line the sentence ends on, the image's address (or its placeholder) went on
  // into it as the next word would, and the article's last sentence came out in a unit of chrome:
  // after a short last line, and after a full one.
  const std::string url = "https://images.example.com/uploads/2024/03/harbour-lanes-plan.jpg";
  const std::string placeholder = "[harbour-street-bike-lanes-plan-drawn-by-the-city-planners.jpg]";
  const struct {
    std::string text;
    const char* last;  // the last sentence, at the end of its line
    std::string image;
  } cases[] = {
      {WrappedStory() + "\nWork starts in May.\n" + url + "\n", "Work starts in May.\n", url},
      {WrappedStory() + url + "\n", "starting in June.\n", url},
      {WrappedStory() + placeholder + "\n", "starting in June.\n", placeholder},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const pith::Document doc = Strip(c.text);
    CHECK(doc.text.find(c.last) != std::string::npos);
    CHECK(doc.text.find(c.image) == std::string::npos);
  }
}

TEST_CASE("A short field or furniture over a wrapped Chinese paragraph stays on its own line",
          "[strip]") {
  // Lynx breaks at the space after "作者：佚名" when the text after it does not fit beside it, as
  // it does after "本报讯"; a field like this one, or a site's button, stands on its own line far
  // more often.
  const auto page_with = [](const std::string& over) {
    return "秋夜独宿赏析\n\n"
           "   " + over + "\n"
           "   此诗写于元和六年，时年诗人四十岁。从“独宿在空堂”可以看出，此诗是为一个与作者相爱的女子而写。学者考证，这个女子就是诗人几度在诗作中提到过的邻\n"
           "   家女子，两人自幼相识，情投意合，却因门第之见终未能成婚。\n"
           "\n"
           "   这首诗不是当时所流行的工整的今体诗，它共有七句话，前四句大量地重复用字，也并不合乎诗歌的习惯。意象的描写被放在了叙事之后，全诗没有比喻、没有用\n"
           "   典，可以说完全没有格律的羁绊，用最直白的语言抒发了最真挚的情感。\n"
           "\n"
           "   " + over + "\n"
           "   开头开门见山地写出了所要记叙的事情，好像是憋闷了许久的话终于说了出来。接下来的几句由事及情，由情及景，层层推进，读来令人动容，这也正是此诗流传\n"
           "   千年而不衰的原因，后世的评论家对它多有称道。\n"
           "\n"
           "   诗中的景物描写同样值得注意。秋夜、空堂、残灯、冷月，这些看似平常的意象组合在一起，烘托出诗人独处时的孤寂与思念，情景交融，含蓄而深沉，比直接的\n"
           "   倾诉更能打动人心，也更耐人寻味。\n";
  };
  for (const std::string over : {"作者：佚名", "编辑"}) {
    INFO(over);
    CheckKept(Strip(page_with(over)), {"此诗写于元和六年", "开头开门见山地"}, {over.c_str()});
  }
  // A sentence is no furniture, though the rule for "next article" links matches its start: it
  // opens its paragraph, as "本报讯" does.
  const pith::Document doc = Strip(page_with("下一篇文章里，我们再谈这首诗的版本流传。"));
  CHECK(doc.text.find("版本流传。 此诗写于元和六年") != std::string::npos);
}

TEST_CASE("Furniture under a wrapped paragraph's last sentence stays on its own line",
          "[strip]") {
  // A post's last line ends its sentence near the width, and the thread's "Top" link under it
  // would not have fitted beside it: lynx did not break there, the page did.
  const std::string page =
      "Harbour ferry returns - Forums\n"
      "\n"
      "   The ferry made its first crossing of the year on Monday morning, three\n"
      "   weeks later than planned because of repairs to its engines, and about\n"
      "   two hundred passengers were waiting on the pier when the gates opened,\n"
      "   many of them commuters who had spent the whole winter driving around\n"
      "   the bay to reach their offices in town, and cheered when it docked.\n"
      "   Top\n"
      "\n"
      "   Several of them said the crossing saved them almost an hour each way,\n"
      "   which they planned to spend on breakfast instead of in traffic jams,\n"
      "   and the operator said it would add a second boat on weekday mornings\n"
      "   from next month onwards, weather and crews permitting, said its chief.\n"
      "   Top\n";
  CheckKept(Strip(page), {"and cheered when it docked.", "said its chief."},
            {"docked. Top", "chief. Top"});
}

TEST_CASE("A wrapped paragraph comes out whole, on one line", "[strip]") {
  // Lynx broke the English at spaces, which come back, and the Chinese anywhere in a line without
  // one ("…800" over "台以上"), where nothing comes between the pieces, but at the space after
  // "本报讯", which stands alone over the rest of its paragraph.
  struct Case {
    const char* page;
    std::vector<const char*> paragraphs;  // text across the page's breaks, as the page had it
  };
  const Case cases[] = {
      {"en_news_wrapped.txt",
       {"The city council voted seven to two on Tuesday night to approve a network of protected "
        "bike lanes along three of the busiest streets in the downtown area, ending a review that "
        "began more than a year ago."}},
      {"zh_news_lynx_short.txt",
       {"本报讯（记者 刘晓明 通讯员 王丽）记者从", "具备条件的较大人口规模自然村",
        "同时，持续推进城乡客运一体化"}},
      {"zh_news_lynx.txt",
       {"本报讯 记者从市住建局获悉",
        "加装电梯800台以上，其中今年计划完成200台，重点解决老年人“上下楼难”问题。",
        "给予补助，同时允许业主提取住房公积金用于支付加装费用。",
        "审批服务，审批时限由原来的60个工作日压缩至20个工作日以内。"}},
  };
  for (const Case& c : cases) {
    INFO(c.page);
    const pith::Document doc = Strip(ReadPage(c.page));
    for (const char* paragraph : c.paragraphs) {
      INFO(paragraph);
      CHECK(doc.text.find(paragraph) != std::string::npos);
    }
  }
}

TEST_CASE("A wrapped paragraph is judged as the page printed it, on one line", "[strip]") {
  // The photo's alt text and its caption, the same words twice, broken by the wrapper: the rules
  // see them whole, without the break and the indentation between.
  std::string page = ReadPage("en_news_wrapped.txt");
  const std::string caption = "   Cyclists ride along Harbour Street on Monday morning.\n";
  const std::size_t at = page.find(caption);
  REQUIRE(at != std::string::npos);
  page.replace(at, caption.size(),
               "   Cyclists ride along Harbour Street on Monday morning. Cyclists ride along\n"
               "   Harbour Street on Monday morning.\n");
  const pith::Document doc = Strip(page);
  const int line = LineOf(page, "Monday morning. Cyclists");
  CHECK(Explain(doc, line) == "chrome chrome.image-caption");
  CHECK(Explain(doc, line + 1) == "chrome chrome.image-caption");
  CHECK(doc.text.find("The plan removes about 140 parking spaces") != std::string::npos);
}

TEST_CASE("Rules without the structural detectors only remove what they match", "[strip]") {
  pith::StageOptions options;
  options.rules = pith::RuleSet::FromFile(std::string(PITH_TESTDATA_DIR) + "/rules/standalone.json");
  const std::string page = ReadPage("en_news.txt");
  const pith::Document doc = Strip(page, options);
  CHECK(Explain(doc, LineOf(page, "All rights reserved")) == "notice notice.only-copyright");
  CHECK(Label(doc, LineOf(page, "Skip to main content")) == "body");
  CHECK(Label(doc, 1) == "body");
}
