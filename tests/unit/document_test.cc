#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "document_scan.h"
#include "pith/document.h"
#include "pith/error.h"

TEST_CASE("Document JSON round trip keeps unknown fields in place", "[document]") {
  struct Case {
    std::string input;
    std::string expected;
  };
  // Each row: a record read and written back unchanged apart from canonical spacing.
  const Case cases[] = {
      {R"({"id":"a","text":"x"})", R"({"id":"a","text":"x"})"},
      {R"({"url":"u","text":"x","id":"a","meta":{"k":[1,2]}})",
       R"({"url":"u","text":"x","id":"a","meta":{"k":[1,2]}})"},
      {R"({"id":7,"text":"中文\n行"})", R"({"id":"7","text":"中文\n行"})"},
      {R"({"text":"t","lines":[{"n":1,"label":"title","rule":"r"}],"flags":["mojibake"]})",
       R"({"id":"","text":"t","lines":[{"n":1,"label":"title","rule":"r"}],"flags":["mojibake"]})"},
      {R"({"text":"tab\there \"q\" \\ \u0001"})", R"({"id":"","text":"tab\there \"q\" \\ \u0001"})"},
  };
  for (const Case& c : cases) {
    INFO(c.input);
    CHECK(pith::ToJsonLine(pith::DocumentFromJson(c.input)) == c.expected);
  }
}

TEST_CASE("Document fields added by stages come after the input's", "[document]") {
  pith::Document doc = pith::DocumentFromJson(R"({"text":"x","id":"a","x":1})");
  doc.metadata["title"] = "T";
  doc.AddFlag("mojibake");
  doc.AddFlag("mojibake");
  CHECK(pith::ToJsonLine(doc) ==
        R"({"text":"x","id":"a","x":1,"metadata":{"title":"T"},"flags":["mojibake"]})");
}

TEST_CASE("Document text field can be renamed on input", "[document]") {
  pith::Document doc = pith::DocumentFromJson(R"({"doc_id":"d","content":"c"})", "content", "doc_id");
  CHECK(doc.id == "d");
  CHECK(doc.text == "c");
  CHECK(pith::ToJsonLine(doc) == R"({"id":"d","text":"c"})");
}

TEST_CASE("Document rejects records it cannot read", "[document]") {
  // Each row: an input line that must raise InputError.
  const char* bad[] = {"", "{", "[1,2]", R"({"id":"a"})", R"({"text":5})",
                       R"({"text":"x","lines":[{"n":"1"}]})", R"({"text":"x","lines":[{"n":1,"label":"junk"}]})"};
  for (const char* line : bad) {
    INFO(line);
    CHECK_THROWS_AS(pith::DocumentFromJson(line), pith::InputError);
  }
}

TEST_CASE("Invalid UTF-8 is written as U+FFFD", "[document]") {
  pith::Document doc;
  doc.id = "a";
  doc.text = std::string("ok\xff\xc3(") + "\xe4\xb8\xad";
  CHECK(pith::ToJsonLine(doc) == "{\"id\":\"a\",\"text\":\"ok\xEF\xBF\xBD\xEF\xBF\xBD(\xe4\xb8\xad\"}");
}

TEST_CASE("meta_lines travel between strip and extract and vanish once consumed", "[document]") {
  const std::string line =
      R"({"id":"a","text":"body","meta_lines":[{"n":1,"label":"title","rule":"title.first","text":"T"}]})";
  pith::Document doc = pith::DocumentFromJson(line);
  REQUIRE(doc.meta_lines.size() == 1);
  CHECK(doc.meta_lines[0].text == "T");
  CHECK(pith::ToJsonLine(doc) == line);
  doc.meta_lines.clear();
  CHECK(pith::ToJsonLine(doc) == R"({"id":"a","text":"body"})");
}

// The fast reader (ScanRecord) and the writer share SkipPlain, which steps over eight bytes or
// two CJK characters at a time; each special byte is tried at every offset across a word.
TEST_CASE("Strings are escaped the same at every offset", "[document]") {
  struct Case {
    std::string raw;      // bytes in the document
    std::string written;  // how they appear inside the JSON string
  };
  // Each row: one special sequence and its serialization.
  const Case cases[] = {
      {"\"", "\\\""},
      {"\\", "\\\\"},
      {"\n", "\\n"},
      {"\b", "\\b"},
      {"\f", "\\f"},
      {"\x01", "\\u0001"},
      {"\x7f", "\x7f"},
      {"中文", "中文"},
      {"é", "é"},
      {"\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80"},                  // U+1F600, four bytes
      {"\xED\x95\x9C", "\xED\x95\x9C"},                          // U+D55C, Hangul, lead ED
      {"\xE0\xA4\x85", "\xE0\xA4\x85"},                          // U+0905, lead E0
      {"\xff", "\xEF\xBF\xBD"},                                  // never valid
      {"\xE4\xB8", "\xEF\xBF\xBD\xEF\xBF\xBD"},                  // truncated
      {"\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},  // a surrogate
      {"\xE0\x80\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},  // overlong
  };
  for (const Case& c : cases) {
    for (int offset = 0; offset < 18; ++offset) {
      // ASCII or CJK before it and CJK after it, so that it ends and starts runs of either kind.
      for (const std::string unit : {"a", "中"}) {
        std::string prefix;
        for (int i = 0; i < offset; ++i) prefix += unit;
        pith::Document doc;
        doc.id = "i";
        doc.text = prefix + c.raw + "中文z";
        INFO("offset " << offset << " unit " << unit << " raw " << c.raw);
        CHECK(pith::ToJsonLine(doc) == "{\"id\":\"i\",\"text\":\"" + prefix + c.written + "中文z\"}");
      }
    }
  }
}

TEST_CASE("The fast reader reads the common records itself", "[document]") {
  struct Case {
    std::string input;
    std::string expected;  // ToJsonLine of what was read
  };
  // Each row: a record ScanRecord must read (not leave to nlohmann/json), and its output.
  const Case cases[] = {
      // The shape of a corpus: id and text, plus fields pith does not know, kept in place.
      {R"({"id":"a","text":"x"})", R"({"id":"a","text":"x"})"},
      {R"({"url":"u","text":"x","id":"a","lang":"en"})", R"({"url":"u","text":"x","id":"a","lang":"en"})"},
      {R"( { "id" : "a" ,	"text" : "x" } )", R"({"id":"a","text":"x"})"},
      {R"({"id":"","text":""})", R"({"id":"","text":""})"},
      // Escapes, \u with surrogate pairs, raw UTF-8.
      {R"({"text":"a\nb\t\"q\" \\ \/ \b\f\r"})", R"({"id":"","text":"a\nb\t\"q\" \\ / \b\f\r"})"},
      {R"({"id":"\u0041","text":"\u4e2d\u6587 \ud83d\ude00 \u00e9 \u0001"})",
       "{\"id\":\"A\",\"text\":\"中文 \xF0\x9F\x98\x80 é \\u0001\"}"},
      {"{\"text\":\"\xF0\x9F\x98\x80 中 é\"}", "{\"id\":\"\",\"text\":\"\xF0\x9F\x98\x80 中 é\"}"},
      {R"({"te\u0078t":"x"})", R"({"id":"","text":"x"})"},
      // Numbers, literals and nested values, in place; brackets inside strings do not count.
      {R"({"id":7,"text":"t","n":-1.5e3,"m":0,"a":true,"b":null})",
       R"({"id":"7","text":"t","n":-1500.0,"m":0,"a":true,"b":null})"},
      {R"({"text":"t","meta":{"k":[1,{"s":"}]\"{"}],"e":{}},"arr":[]})",
       R"({"id":"","text":"t","meta":{"k":[1,{"s":"}]\"{"}],"e":{}},"arr":[]})"},
      {R"({"id":null,"text":"x"})", R"({"id":"","text":"x"})"},
      // The fields pith types, from a record an earlier stage wrote.
      {R"({"id":"a","source":"s.txt","text":"b","metadata":{"title":"T"},"lines":[{"n":1,"label":"title","rule":"r"}],"flags":["mojibake"],"signals":{"chars":1}})",
       R"({"id":"a","source":"s.txt","text":"b","metadata":{"title":"T"},"lines":[{"n":1,"label":"title","rule":"r"}],"flags":["mojibake"],"signals":{"chars":1}})"},
      {R"({"text":"x","metadata":"m"})", R"({"id":"","text":"x","metadata":"m"})"},
  };
  for (const Case& c : cases) {
    INFO(c.input);
    pith::Document doc;
    REQUIRE(pith::internal::ScanRecord(c.input, "text", "id", &doc));
    CHECK(pith::ToJsonLine(doc) == c.expected);
    CHECK(pith::ToJsonLine(pith::DocumentFromJson(c.input)) == c.expected);
  }
}

TEST_CASE("The fast reader leaves odd records to nlohmann/json", "[document]") {
  struct Case {
    std::string input;
    std::string expected;  // ToJsonLine of what DocumentFromJson read, or "" if it must throw
  };
  // Each row: a record ScanRecord must not read; DocumentFromJson still reads it the way
  // nlohmann/json does, or rejects it.
  const Case cases[] = {
      // Repeated keys: the last value wins, at the first place.
      {R"({"text":"a","text":"b"})", R"({"id":"","text":"b"})"},
      {R"({"text":"a","u":1,"u":2})", R"({"id":"","text":"a","u":2})"},
      {R"({"id":"a","id":"b","text":"t"})", R"({"id":"b","text":"t"})"},
      // Malformed JSON.
      {"", ""},
      {"{}", ""},
      {"[1]", ""},
      {R"("text")", ""},
      {R"({"text":"a"} x)", ""},
      {R"({"text":"a",})", ""},
      {R"({"text":"abc)", ""},
      {R"({"text":"\q"})", ""},
      {R"({"text":"\u12"})", ""},
      {R"({"text":"t","n":01})", ""},
      {R"({"text":"t","n":[1,2})", ""},
      // Strings JSON does not allow: raw control characters, invalid UTF-8, lone surrogates.
      {"{\"text\":\"a\tb\"}", ""},
      {"{\"text\":\"\xff\"}", ""},
      {"{\"text\":\"\xE4\xB8\"}", ""},
      {"{\"text\":\"t\",\"m\":{\"k\":\"\xff\"}}", ""},
      {R"({"text":"\ud83d"})", ""},
      {R"({"text":"\ud83dx"})", ""},
      {R"({"text":"\ude00"})", ""},
      // Fields DocumentFromJson rejects.
      {R"({"id":"a"})", ""},
      {R"({"text":5})", ""},
      {R"({"id":1.5,"text":"t"})", ""},
      {R"({"text":"x","lines":[{"n":"1"}]})", ""},
      {R"({"text":"x","flags":"f"})", ""},
  };
  for (const Case& c : cases) {
    INFO(c.input);
    pith::Document doc;
    CHECK_FALSE(pith::internal::ScanRecord(c.input, "text", "id", &doc));
    if (c.expected.empty()) {
      CHECK_THROWS_AS(pith::DocumentFromJson(c.input), pith::InputError);
    } else {
      CHECK(pith::ToJsonLine(pith::DocumentFromJson(c.input)) == c.expected);
    }
  }
}

TEST_CASE("Records pith writes read back to the same bytes", "[document]") {
  // Each row: a document whose serialization must survive a read and a write unchanged.
  std::vector<pith::Document> docs(3);
  docs[0].id = "a";
  docs[0].text = "标题\n\n正文\t\"引号\" \\ \x01 \xF0\x9F\x98\x80";
  docs[1].id = "b";
  docs[1].text = std::string(1000, 'x') + "中" + std::string(7, 'y');
  docs[1].metadata["title"] = "T";
  docs[1].lines.push_back({3, pith::Label::kChrome, "chrome.nav", ""});
  docs[2].text = "bad \xff byte";
  for (const pith::Document& doc : docs) {
    const std::string once = pith::ToJsonLine(doc);
    INFO(once);
    pith::Document back;
    REQUIRE(pith::internal::ScanRecord(once, "text", "id", &back));
    CHECK(pith::ToJsonLine(back) == once);
  }
}

TEST_CASE("Fields added stage by stage come out as if added at once", "[document]") {
  // Each row: an input record; normalize adds signals, then extract adds metadata and a flag.
  const char* inputs[] = {R"({"id":"a","text":"x"})", R"({"text":"x","id":"a","u":1})",
                          R"({"u":1,"text":"x"})", R"({"signals":{"k":1},"text":"x","id":"a"})"};
  for (const char* input : inputs) {
    INFO(input);
    pith::Document at_once = pith::DocumentFromJson(input);
    at_once.signals["chars"] = 1;
    at_once.metadata["title"] = "T";
    at_once.AddFlag("mojibake");

    pith::Document first = pith::DocumentFromJson(input);
    first.signals["chars"] = 1;
    pith::Document second = pith::DocumentFromJson(pith::ToJsonLine(first));
    second.metadata["title"] = "T";
    second.AddFlag("mojibake");
    CHECK(pith::ToJsonLine(second) == pith::ToJsonLine(at_once));
  }
}
