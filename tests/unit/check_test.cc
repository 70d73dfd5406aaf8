#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "pith/check.h"
#include "pith/error.h"

namespace {

// Every threshold off, so a test judges one signal at a time.
pith::CheckOptions AllOff() {
  pith::CheckOptions options;
  for (const pith::CheckThreshold& t : pith::CheckThresholds()) {
    options.*t.field = t.is_min ? 0 : pith::CheckOptions::kOff;
  }
  return options;
}

pith::Json SignalsOf(pith::Document doc) {
  pith::Checker(AllOff()).Check(doc);
  return doc.signals;
}

pith::Json SignalsOf(const std::string& text) {
  pith::Document doc;
  doc.text = text;
  return SignalsOf(doc);
}

// Writes a config file for one test and returns its path.
std::string WriteConfig(const std::string& name, const std::string& json) {
  const auto path = std::filesystem::temp_directory_path() / ("pith_check_test_" + name + ".json");
  std::ofstream(path) << json;
  return path.string();
}

}  // namespace

TEST_CASE("Check measures each signal from the text", "[check]") {
  struct Case {
    std::string text;
    std::string signal;
    double expected;
  };
  const Case cases[] = {
      // chars: code points, line breaks not counted.
      {"ab\ncd", "chars", 4},
      {"中文\n", "chars", 2},
      // lines: non-blank lines only.
      {"a\n\n  \nb", "lines", 2},
      // cjk_ratio: among code points that are not white space.
      {"中文ab", "cjk_ratio", 0.5},
      {"中 文", "cjk_ratio", 1},
      {"ひらがなとカタカナ", "cjk_ratio", 1},
      {"plain English", "cjk_ratio", 0},
      // mean_line_length: chars per non-blank line.
      {"abcd\n\nef", "mean_line_length", 3},
      // sentence_end_ratio: both scripts, closing quotes included.
      {"Done.\nnot done\n结束。\n他说：“好。”", "sentence_end_ratio", 0.75},
      {"Really?\nYes!\n真的吗？\n「是的」", "sentence_end_ratio", 1},
      {"Home > News\nMenu", "sentence_end_ratio", 0},
      // dup_line_ratio: lines repeating an earlier one (white space around them ignored).
      {"a\na\n a \nb", "dup_line_ratio", 0.5},
      {"a\nb\nc", "dup_line_ratio", 0},
      // spam_score: keyword lists, link farms, spam vocabulary; weighted by length.
      {"色情 - 博彩 - 百家乐 - 六合彩 - 老虎机", "spam_score", 1},
      {"免费电影 | 高清视频 | 在线下载 | 最新影视 | 热门剧集 | 综艺节目", "spam_score", 1},
      {"best.com cheap.net sale.cn", "spam_score", 1},
      {"Visit http://example.com/a", "spam_score", 1},
      {"Best casino and poker bonuses here today", "spam_score", 1},
      {"The casino closed in 2020 after the storm.", "spam_score", 0},
      {"apples, pears, plums, figs and dates are in season.", "spam_score", 0},
      {"Node.js and Vue.js are libraries.", "spam_score", 0},
      {"A state-of-the-art, well-known, long-term plan", "spam_score", 0},
      {"色94色欧美-色97色-色99色-色99视频-免费视频", "spam_score", 1},
      {"0123456789\ncasino poker", "spam_score", 12.0 / 22},
      // Spam words count as whole words: "av" glued to Chinese counts, inside "have" not, and
      // a byte that is not UTF-8 bounds a word as any other byte but a letter or digit does.
      {"在线观看av", "spam_score", 1},
      {"We have a casino here", "spam_score", 0},
      {"CASINO\xFFPOKER", "spam_score", 1},
      {"casinos and pokers", "spam_score", 0},
      // White space of every kind: U+3000 indentation is not a visible character.
      {"\u3000\u3000中文", "cjk_ratio", 1},
      {"\u2003中\u205F文\u00A0", "cjk_ratio", 1},
      // mojibake_ratio: replacement characters and common mojibake patterns.
      {"cafÃ© ok", "mojibake_ratio", 0.25},
      {"锟斤拷", "mojibake_ratio", 1},
      {"ab\xEF\xBF\xBD\xEF\xBF\xBD", "mojibake_ratio", 0.5},
      {"café, naïve, Ünïcödé", "mojibake_ratio", 0},
      {"â€™s fine", "mojibake_ratio", 3.0 / 9},
      // invalid_utf8: invalid sequences still in the text.
      {"ab\xFF" "c", "invalid_utf8", 1},
      {"ok", "invalid_utf8", 0},
  };
  for (const Case& c : cases) {
    INFO(c.text << " -> " << c.signal);
    const pith::Json s = SignalsOf(c.text);
    REQUIRE(s.contains(c.signal));
    CHECK(s[c.signal].get<double>() == Approx(c.expected).margin(1e-4));
  }
}

TEST_CASE("Check uses what earlier stages recorded", "[check]") {
  pith::Document doc;
  doc.text = "0123456789";
  // Without strip's counts the boilerplate ratio is unknown, not 0.
  CHECK(SignalsOf(doc)["boilerplate_ratio"].is_null());

  doc.signals = {{"input_chars", 100}, {"removed_chars", 40}, {"mojibake_chars", 5}, {"invalid_utf8", 3}};
  const pith::Json s = SignalsOf(doc);
  CHECK(s["boilerplate_ratio"].get<double>() == Approx(0.4));
  CHECK(s["mojibake_ratio"].get<double>() == Approx(0.5));
  CHECK(s["invalid_utf8"].get<int>() == 3);
  CHECK(s["input_chars"].get<int>() == 100);  // other stages' signals stay

  // ingest's flag without a count still says the document had invalid UTF-8.
  pith::Document flagged;
  flagged.text = "clean now";
  flagged.AddFlag("invalid-utf8");
  CHECK(SignalsOf(flagged)["invalid_utf8"].get<int>() == 1);
}

TEST_CASE("Each threshold fails a document past its limit and passes it at the limit", "[check]") {
  pith::Document base;
  base.text = "A line that ends well.\nA line that ends well.\ncasino poker slots\nÃ© \xFF 中文";
  base.signals = {{"input_chars", 200}, {"removed_chars", 50}};
  const pith::Json measured = SignalsOf(base);
  for (const pith::CheckThreshold& t : pith::CheckThresholds()) {
    INFO(t.name);
    const double value = measured[std::string(t.signal)].get<double>();
    REQUIRE(value > 0);  // the document exercises every signal
    pith::CheckOptions options = AllOff();
    options.*t.field = value;
    pith::Document doc = base;
    CHECK(pith::Checker(options).Check(doc).empty());

    options.*t.field = t.is_min ? value + 0.001 : value - 0.001;
    doc = base;
    const std::vector<pith::CheckFailure> failures = pith::Checker(options).Check(doc);
    REQUIRE(failures.size() == 1);
    CHECK(failures[0].threshold == t.name);
    CHECK(failures[0].signal == t.signal);
    CHECK(failures[0].value == Approx(value));
  }
}

TEST_CASE("Check defaults pass an article and fail a fragment", "[check]") {
  const pith::Checker checker{pith::CheckOptions{}};
  pith::Document article;
  for (int i = 0; i < 6; ++i) {
    article.text += "Paragraph " + std::to_string(i) + " of a real article says something and ends.\n";
  }
  CHECK(checker.Check(article).empty());

  pith::Document fragment;
  fragment.text = "Home\nNews\nLogin";
  std::vector<std::string> broken;
  for (const auto& f : checker.Check(fragment)) broken.push_back(f.threshold);
  CHECK(broken == std::vector<std::string>{"min-chars", "min-mean-line-length", "min-sentence-end-ratio"});

  // --lang zh asks for Chinese text; English fails it.
  pith::CheckOptions zh;
  pith::ApplyCheckLanguage("zh", &zh);
  CHECK(zh.min_cjk_ratio == 0.3);
  article.signals = pith::Json::object();
  const auto failures = pith::Checker(zh).Check(article);
  REQUIRE(failures.size() == 1);
  CHECK(failures[0].Message() == "cjk_ratio 0 < 0.3");
  CHECK_THROWS_AS(pith::ApplyCheckLanguage("klingon", &zh), pith::ConfigError);
}

TEST_CASE("Check config sets thresholds and rejects unknown keys", "[check]") {
  pith::CheckOptions options;
  pith::LoadCheckConfig(WriteConfig("ok", R"({"min-chars": 50, "max-spam-score": null, "lang": "zh", "drop": true})"),
                        &options);
  CHECK(options.min_chars == 50);
  CHECK(std::isinf(options.max_spam_score));
  CHECK(options.min_cjk_ratio == 0.3);
  CHECK(options.drop);

  struct Case {
    std::string json;
    std::string message;  // part of the ConfigError
  };
  const Case bad[] = {
      {R"({"min-char": 5})", "unknown key \"min-char\""},
      {R"({"min-chars": "5"})", "/min-chars: expected a number or null"},
      {R"({"drop": 1})", "/drop: expected true or false"},
      {R"([1])", "expected a JSON object"},
      {R"({"min-chars": )", "not JSON"},
      // A string left open: the message quotes the start of the rest of the file, not all of it.
      {R"({"lang": ")" + std::string(5000, 'x'), "xxxxxxxx...'"},
  };
  for (const Case& c : bad) {
    INFO(c.json);
    const std::string path = WriteConfig("bad", c.json);
    try {
      pith::LoadCheckConfig(path, &options);
      FAIL("no error");
    } catch (const pith::ConfigError& e) {
      CHECK_THAT(e.what(), Catch::Contains(path) && Catch::Contains(c.message));
      CHECK(std::string(e.what()).size() < path.size() + 300);
    }
  }
  CHECK_THROWS_AS(pith::LoadCheckConfig("/nonexistent/check.json", &options), pith::InputError);
}

TEST_CASE("The check stage reports failures as notes, or drops with --drop", "[check]") {
  pith::StageOptions options;
  options.check.min_chars = 100;
  pith::Document doc;
  doc.text = "Too short.";
  pith::StageResult kept = pith::MakeStage("check", options)->Process(doc);
  CHECK(kept.verdict == pith::Verdict::kKeep);
  REQUIRE(kept.notes.size() == 1);
  CHECK(kept.notes[0].message == "check: min-chars: chars 10 < 100");
  CHECK(doc.signals["chars"] == 10);

  options.check.drop = true;
  pith::StageResult dropped = pith::MakeStage("check", options)->Process(doc);
  CHECK(dropped.verdict == pith::Verdict::kDrop);
  CHECK(dropped.drop_reason == "check: min-chars");
}
