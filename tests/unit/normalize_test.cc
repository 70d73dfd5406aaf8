// The normalize stage, through the public Stage interface: one table of cases per repair, each
// with the cases that must come out unchanged.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "pith/stage.h"

namespace {

struct Case {
  std::string input;
  std::string expected;
};

pith::Document Normalize(std::string text, const pith::NormalizeOptions& options = {}) {
  pith::StageOptions stage_options;
  stage_options.normalize = options;
  const auto stage = pith::MakeStage("normalize", stage_options);
  pith::Document doc;
  doc.id = "t";
  doc.text = std::move(text);
  stage->Process(doc);
  return doc;
}

void CheckTable(const std::vector<Case>& cases, const pith::NormalizeOptions& options = {}) {
  for (const Case& c : cases) {
    INFO("input: " << c.input);
    CHECK(Normalize(c.input, options).text == c.expected);
  }
}

int Signal(const pith::Document& doc, const char* name) {
  const auto it = doc.signals.find("normalize");
  if (it == doc.signals.end() || !it->contains(name)) return 0;
  return (*it)[name].get<int>();
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Seed(const std::string& prefix) {
  for (const auto& entry : std::filesystem::directory_iterator(std::string(PITH_TESTDATA_DIR) + "/seeds")) {
    if (entry.path().filename().string().rfind(prefix, 0) == 0) return ReadFile(entry.path());
  }
  FAIL("no seed " << prefix);
  return "";
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::stringstream ss(text);
  for (std::string line; std::getline(ss, line, '\n');) lines.push_back(line);
  return lines;
}

std::size_t LineCount(const std::string& text) { return std::count(text.begin(), text.end(), '\n') + 1; }

// The text without any whitespace, ASCII or Unicode.
std::string WithoutSpaces(const std::string& text) {
  static const std::regex spaces("[ \\t\\r\\n]|\xC2\xA0|\xE3\x80\x80|\xE2\x80[\x80-\x8B]");
  return std::regex_replace(text, spaces, "");
}

}  // namespace

TEST_CASE("Normalize cleans whitespace and keeps blank lines", "[normalize]") {
  CheckTable({
      // Unicode spaces become ASCII spaces; indentation and trailing spaces go.
      {"a\u00A0b", "a b"},
      {"\u3000\u3000正文", "正文"},
      {"a\u2003b\u202Fc", "a b c"},
      {"  indented  ", "indented"},
      {"\ttabbed\t", "tabbed"},
      // Zero-width characters and control characters go.
      {"zero\u200Bwidth\u200C\u200D", "zerowidth"},
      {"\uFEFFbom", "bom"},
      {"ctrl\x01\x7F\u0085", "ctrl"},
      {"crlf\r\nline", "crlf\nline"},
      // Blank lines stay, and a line of only spaces stays as a blank line.
      {"a\n\n   \nb", "a\n\n\nb"},
      {"   ", ""},
      // Must not change.
      {"a\tb", "a\tb"},
      {"plain ASCII text, two  spaces inside", "plain ASCII text, two  spaces inside"},
      {"中文，标点。", "中文，标点。"},
      {"", ""},
  });
}

TEST_CASE("Normalize sees what a long ASCII run asks for at every offset", "[normalize]") {
  // The line scan steps over plain ASCII sixteen and eight bytes at a time: each byte that asks
  // for a repair, with the repair it gets, at every offset from the start of the run and at every
  // distance from its end.
  const std::vector<Case> marks = {
      {"&amp;", "&"}, {"<br>", " "}, {"\x01", ""}, {"\x7F", ""},
      {"\u00A0", " "}, {"\u200B", ""}, {"\t", "\t"}, {"(", "("}, {"?", "?"}};
  for (const Case& mark : marks) {
    for (std::size_t before = 1; before < 40; ++before) {
      for (const std::size_t after : {std::size_t{1}, std::size_t{9}, std::size_t{23}}) {
        const std::string head(before, 'a'), tail(after, 'b');
        INFO("mark " << mark.input << " after " << before << " bytes, " << after << " before the end");
        CHECK(Normalize(head + mark.input + tail).text == head + mark.expected + tail);
      }
    }
  }
}

TEST_CASE("Normalize removes HTML tags and decodes references, and only those", "[normalize]") {
  CheckTable({
      {"<sub id=\"dxmnt\"><ol id=\"dxmnt\"></ol></sub>", ""},
      {"正文。</p>", "正文。"},
      {"<p class=lead>段落</p>", "段落"},
      {"one<br/>two", "one two"},
      {"<BR>upper", "upper"},
      {"<!-- comment -->text", "text"},
      {"x<script type=\"text/javascript\">var a = 1;</script>y", "xy"},
      {"&nbsp;lead", "lead"},
      {"A&amp;B", "A&B"},
      {"&#x4e2d;&#20013;", "中中"},
      {"&ldquo;quoted&rdquo;", "\u201Cquoted\u201D"},
      {"&amp;lt;b&amp;gt;bold", "bold"},  // double-escaped tags come out and go
      {"line&#10;break", "line break"},     // a reference never breaks the line
      // Must not change: comparisons, book-title marks, unknown names, bare ampersands.
      {"a < b", "a < b"},
      {"<<三体>>", "<<三体>>"},
      {"《书名》", "《书名》"},
      {"x<y>z", "x<y>z"},
      {"if a<b && c>d", "if a<b && c>d"},
      {"AT&T", "AT&T"},
      {"&unknown; &#xZZ; &#0;", "&unknown; &#xZZ; &#0;"},
      {"<p unclosed", "<p unclosed"},
  });
  const pith::Document doc = Normalize("<p>a&amp;b</p>");
  CHECK(Signal(doc, "html_tags") == 2);
  CHECK(Signal(doc, "entities") == 1);
}

TEST_CASE("Normalize removes converter pinyin only where the document shows the pattern", "[normalize]") {
  CheckTable({
      {"觀察者網(wǎng)的發(fā)展和結(jié)構(gòu)", "觀察者網的發展和結構"},
      {"節(jié)奏\n常態(tài)\n優(yōu)秀", "節奏\n常態\n優秀"},
      // Must not change: a lone annotation, two of them, non-pinyin brackets.
      {"乾(qián)卦", "乾(qián)卦"},
      {"網(wǎng)和發(fā)", "網(wǎng)和發(fā)"},
      {"咖啡(café)和(résumé)和(naïve)", "咖啡(café)和(résumé)和(naïve)"},
      {"公式(x)和(abc)和(1)", "公式(x)和(abc)和(1)"},
  });
  CHECK(Signal(Normalize("網(wǎng)發(fā)結(jié)構(gòu)"), "pinyin") == 4);
}

TEST_CASE("Normalize removes pinyin that a mojibake repair brings back", "[normalize][mojibake]") {
  // Three lines whose annotations follow garbled characters: only after realignment do they
  // follow the Han characters they annotate (下發(fā)), and only then are they artifacts.
  const std::string text = ReadFile(std::string(PITH_TESTDATA_DIR) + "/normalize/pinyin_inside_mojibake.txt");
  const pith::Document once = Normalize(text);
  INFO(once.text);
  CHECK(once.text.find("(fā)") == std::string::npos);
  CHECK(once.text.find("(xiàn)") == std::string::npos);
  CHECK(once.text.find("下發。") != std::string::npos);
  CHECK(Normalize(once.text).text == once.text);
}

TEST_CASE("Normalize repairs UTF-8 read as windows-1252", "[normalize][mojibake]") {
  CheckTable({
      {"cafÃ©", "café"},
      {"donâ€™t", "don\u2019t"},
      {"InfogrÃ¡fico", "Infográfico"},
      {"Ã¢â‚¬â„¢", "\u2019"},  // garbled twice
      // Must not change: real accents, a lone Ã.
      {"café naïve résumé", "café naïve résumé"},
      {"Ã alone", "Ã alone"},
      {"Ångström ±5°C", "Ångström ±5°C"},
  });
  const pith::Document doc = Normalize("cafÃ©");
  CHECK(doc.HasFlag("mojibake"));
  CHECK(Signal(doc, "mojibake_repaired") == 1);
}

TEST_CASE("Normalize repairs UTF-8 read as GBK", "[normalize][mojibake]") {
  CheckTable({
      {"鏁版嵁澶勭悊", "数据处理"},
      {"浣犲ソ涓栫晫", "你好世界"},
      {"标题：缁忔祹鍙戝睍", "标题：经济发展"},
      // Must not change.
      {"数据处理和经济发展", "数据处理和经济发展"},
  });
}

TEST_CASE("Normalize realigns GBK decoded out of step", "[normalize][mojibake]") {
  CheckTable({
      // A lost byte turned 。看似高效響應，實則 into pairs across characters.
      {"追求“號令即出、即刻反饋”??此聘咝ы憫\uE002瑢崉t把上級發文作為附件立即轉發至下級并要求落實。",
       "追求“號令即出、即刻反饋”。看似高效響應，實則把上級發文作為附件立即轉發至下級并要求落實。"},
      {"好像個個都是重點?!熬拖褚粋€棋手同時下八個棋盤,我就是章魚也搞不定啊。”",
       "好像個個都是重點。“就像一個棋手同時下八個棋盤,我就是章魚也搞不定啊。”"},
      {"總之,基層治理要返璞歸真?;鶎由罡\uE367米约旱囊划€三分地,各行各業的“根系”才能越扎越深。",
       "總之,基層治理要返璞歸真。基層深耕好自己的一畝三分地,各行各業的“根系”才能越扎越深。"},
      // A weak case is repaired when the document has a strong one: the swallowed '<' of </p>
      // comes back, and the tag then goes.
      {"即刻反饋”??此聘咝ы憫\uE002瑢崉t把上級\n“怎么讓群眾滿意?!?/p>",
       "即刻反饋”。看似高效響應，實則把上級\n“怎么讓群眾滿意。”"},
      // Must not change: the weak case alone, clean text in both scripts, question marks,
      // Japanese, Russian, Cantonese, kaomoji.
      {"“怎么讓群眾滿意?!?/p>", "“怎么讓群眾滿意?!?/p>"},
      {"基层干部最焦虑的是什么?", "基层干部最焦虑的是什么?"},
      {"好好的政策傳到基層就走樣?一些干部道出心聲", "好好的政策傳到基層就走樣?一些干部道出心聲"},
      {"日本人はそんなことを言わない。月が綺麗ですね、とでもしておきなさい",
       "日本人はそんなことを言わない。月が綺麗ですね、とでもしておきなさい"},
      {"* Русский язык", "* Русский язык"},
      {"雖然佢已經冇咗喺幕前演出，不過佢亦不時喺社交網分享生活", "雖然佢已經冇咗喺幕前演出，不過佢亦不時喺社交網分享生活"},
      {"这个软件在00后里倒是很受欢迎╮(╯▽╰)╭", "这个软件在00后里倒是很受欢迎╮(╯▽╰)╭"},
  });
}

TEST_CASE("Normalize flags mojibake it cannot repair and counts it", "[normalize][mojibake]") {
  pith::NormalizeOptions detect_only;
  detect_only.repair_mojibake = false;
  const std::string garbled = "第一行\n反饋”??此聘咝ы憫\uE002瑢崉t把上級";
  const pith::Document doc = Normalize(garbled, detect_only);
  CHECK(doc.text == garbled);
  CHECK(doc.HasFlag("mojibake"));
  CHECK(doc.signals["mojibake_lines"] == pith::Json::array({2}));
  CHECK(doc.signals["mojibake_chars"].get<int>() >= 3);
  // Replacement characters alone are lost bytes, not mojibake.
  CHECK_FALSE(Normalize("��超出作品解读的范畴。").HasFlag("mojibake"));
}

TEST_CASE("Normalize composes to NFC, or NFKC on request", "[normalize]") {
  CheckTable({
      {"e\u0301t\u00E9", "\u00E9t\u00E9"},
      {"\u212B", "\u00C5"},
      // Must not change: already NFC, compatibility characters under NFC.
      {"été 中文", "été 中文"},
      {"ｆｕｌｌ ﬁ", "ｆｕｌｌ ﬁ"},
  });
  pith::NormalizeOptions nfkc;
  nfkc.nfkc = true;
  CheckTable({{"ｆｕｌｌ ﬁ ①", "full fi 1"}, {"plain", "plain"}}, nfkc);
  CHECK(Signal(Normalize("e\u0301\nok\ne\u0301"), "unicode") == 2);
  CHECK(Normalize("already NFC").signals.empty());
}

TEST_CASE("Normalize converts the script on request", "[normalize]") {
  pith::NormalizeOptions to_hant, to_hans;
  to_hant.to_script = "hant";
  to_hans.to_script = "hans";
  CheckTable({{"简体中文\n发展", "簡體中文\n發展"}, {"English", "English"}}, to_hant);
  CheckTable({{"繁體中文\n發展", "繁体中文\n发展"}}, to_hans);
  CHECK(Signal(Normalize("简体", to_hant), "script") == 2);
  pith::StageOptions bad;
  bad.normalize.to_script = "latin";
  CHECK_THROWS_AS(pith::MakeStage("normalize", bad), pith::ConfigError);
}

TEST_CASE("Normalize never merges or splits lines", "[normalize]") {
  const std::string text =
      "  <p>一</p>\n&#10;&#13;\n\u2028\u2029\n\r\n網(wǎng)發(fā)結(jié)\n\u3000\n\n末行&nbsp;";
  const pith::Document doc = Normalize(text);
  CHECK(LineCount(doc.text) == LineCount(text));
  pith::NormalizeOptions nfkc;
  nfkc.nfkc = true;
  nfkc.to_script = "hans";
  CHECK(LineCount(Normalize(text, nfkc).text) == LineCount(text));
}

TEST_CASE("Normalize on the seeds", "[normalize][seeds]") {
  SECTION("clean seeds change only in whitespace and are not flagged") {
    for (const char* id : {"000", "001", "003", "004"}) {
      INFO("seed " << id);
      const std::string text = Seed(id);
      const pith::Document doc = Normalize(text);
      CHECK_FALSE(doc.HasFlag("mojibake"));
      CHECK(LineCount(doc.text) == LineCount(text));
      CHECK(WithoutSpaces(doc.text) == WithoutSpaces(text));
    }
  }
  SECTION("seed 002 loses its converter residue and gets its mojibake repaired") {
    const std::string text = Seed("002");
    const pith::Document doc = Normalize(text);
    CHECK(LineCount(doc.text) == LineCount(text));
    CHECK(doc.HasFlag("mojibake"));
    CHECK_FALSE(std::regex_search(doc.text, std::regex("\\([a-z\xC3\xC4\xC5\xC7]{1,8}\\)")));
    CHECK(doc.text.find('<') == std::string::npos);
    CHECK(doc.text.find('>') == std::string::npos);
    CHECK(doc.text.find("\u00A0") == std::string::npos);
    CHECK(doc.text.find("\u3000") == std::string::npos);
    CHECK(Signal(doc, "pinyin") > 250);
    CHECK(Signal(doc, "mojibake_repaired") >= 10);
    // The expected repairs, by line.
    const std::vector<std::string> lines = Lines(doc.text);
    const std::vector<std::pair<int, std::string>> repairs = {
        {23, "即刻反饋”。看似高效響應，實則把上級發文"},
        {25, "稍作修改,變為本級文件后再下發。"},
        {27, "怎么讓群眾滿意。”"},
        {29, "有你好果子吃。”"},
        {33, "嵌入當地，而拋棄了接地氣的群眾工作方法,則無異于"},
        {44, "都是重點。“就像一個棋手"},
        {52, "而得不到確定的結果。”"},
        {75, "及對當地村民的了解,在凌晨"},
        {79, "這一行政手段解決。現如今"},
        {81, "結合當地實際情況"},
        {85, "困難重重。基層為了數據準確及時"},
        {89, "反饋到決策層的視野"},
        {96, "已轉變為多元目標的復雜性。"},
        {96, "而變為了提振質量。"},
        {106, "是做減法。”"},
        {117, "亙古不變的工作法寶。回歸本職的"},
        {125, "返璞歸真。基層深耕好自己的一畝三分地"},
        {125, "越來越強。基層治理貴在不折騰"},
    };
    for (const auto& [n, expected] : repairs) {
      INFO("line " << n);
      REQUIRE(static_cast<std::size_t>(n) <= lines.size());
      CHECK(lines[n - 1].find(expected) != std::string::npos);
    }
  }
}

TEST_CASE("Normalize is idempotent on all testdata", "[normalize]") {
  std::vector<std::string> texts;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(PITH_TESTDATA_DIR)) {
    if (!entry.is_regular_file()) continue;
    const std::string ext = entry.path().extension().string();
    if (ext == ".txt") texts.push_back(ReadFile(entry.path()));
    if (ext == ".jsonl") {
      for (const std::string& line : Lines(ReadFile(entry.path()))) {
        try {
          texts.push_back(pith::DocumentFromJson(line).text);
        } catch (const pith::InputError&) {
          // testdata/bad holds records that do not parse; they have no text to normalize.
        }
      }
    }
  }
  REQUIRE(texts.size() >= 5);
  pith::StageOptions options;
  const auto stage = pith::MakeStage("normalize", options);
  for (const std::string& text : texts) {
    pith::Document once;
    once.text = text;
    stage->Process(once);
    pith::Document twice = once;
    stage->Process(twice);
    INFO("text: " << text.substr(0, 80));
    CHECK(twice.text == once.text);
    CHECK(pith::ToJsonLine(twice) == pith::ToJsonLine(once));
  }
}

TEST_CASE("Normalize gives the same result from many threads", "[normalize]") {
  pith::StageOptions options;
  options.normalize.to_script = "hans";
  const auto stage = pith::MakeStage("normalize", options);
  const std::vector<std::string> seeds = {Seed("000"), Seed("001"), Seed("002"), Seed("003"), Seed("004")};
  std::vector<std::string> expected;
  for (const std::string& s : seeds) {
    pith::Document doc;
    doc.text = s;
    stage->Process(doc);
    expected.push_back(pith::ToJsonLine(doc));
  }
  std::vector<std::vector<std::string>> got(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < got.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 3; ++round) {
        for (const std::string& s : seeds) {
          pith::Document doc;
          doc.text = s;
          stage->Process(doc);
          if (round == 0) got[t].push_back(pith::ToJsonLine(doc));
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (const auto& g : got) CHECK(g == expected);
}
