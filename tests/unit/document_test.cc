#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <random>
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

TEST_CASE("A record that is not JSON is named briefly, however long it is", "[document]") {
  // nlohmann/json's message quotes the last token it read, here the rest of a string left open:
  // the message keeps its start, cut between characters, and what follows the token.
  const std::string open_text = std::string(R"({"id":"a","text":")") + std::string(5000, 'x');
  std::string han;
  for (int i = 0; i < 2000; ++i) han += "\u4e2d";  // 中, three bytes
  struct Case {
    std::string input;
    std::string kept;  // in the message
    std::size_t max_size;  // of the whole message
  };
  const Case cases[] = {
      {open_text, "missing closing quote; last read: '\"xxxxxxxx", 300},
      {R"({"id":"a","text":")" + han, "last read: '\"\xe4\xb8\xad\xe4\xb8\xad", 300},
      {R"({"id":"a","text":"short" x})", "last read: '\"short\" x'; expected '}'", 300},
  };
  for (const Case& c : cases) {
    INFO(c.input.substr(0, 60));
    try {
      pith::DocumentFromJson(c.input);
      FAIL("read as a record");
    } catch (const pith::InputError& e) {
      const std::string message = e.what();
      INFO(message.substr(0, 400));
      CHECK(message.find(c.kept) != std::string::npos);
      CHECK(message.size() <= c.max_size);
      // Cut between characters: the message is valid UTF-8 up to its end.
      CHECK(message.find("\xe4\xb8...") == std::string::npos);
      CHECK(message.find("\xe4...") == std::string::npos);
    }
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
    // Past two 16-byte blocks of ASCII and three of CJK.
    for (int offset = 0; offset < 36; ++offset) {
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
      // Line labels as strip writes them, read without nlohmann/json: every label, escapes,
      // spaces, keys in any order, the largest n it reads itself.
      {R"({"text":"x","meta_lines":[{"n":1,"label":"title","rule":"title.first","text":"T \"q\" \u4e2d"},{"label":"meta","n":20,"text":"来源：某报"},{"n":3,"label":"notice"}]})",
       R"({"id":"","text":"x","meta_lines":[{"n":1,"label":"title","rule":"title.first","text":"T \"q\" 中"},{"n":20,"label":"meta","text":"来源：某报"},{"n":3,"label":"notice"}]})"},
      {R"({"text":"x","lines":[ { "n" : 0 , "label" : "body" } , {"n":999999999,"label":"chrome","rule":""},{"n":5,"label":"spam"}] })",
       R"({"id":"","text":"x","lines":[{"n":0,"label":"body"},{"n":999999999,"label":"chrome"},{"n":5,"label":"spam"}]})"},
      {R"({"text":"x","lines":[]})", R"({"id":"","text":"x","lines":[]})"},
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
      // Line labels the fast reader leaves to nlohmann/json, which reads them its own way.
      {R"({"text":"x","lines":[{"n":1,"label":"body","extra":true}]})", R"({"id":"","text":"x","lines":[{"n":1,"label":"body"}]})"},
      {R"({"text":"x","lines":[{"n":1,"label":"body","rule":7}]})", R"({"id":"","text":"x","lines":[{"n":1,"label":"body"}]})"},
      {R"({"text":"x","lines":[{"n":-2,"label":"body"}]})", R"({"id":"","text":"x","lines":[{"n":-2,"label":"body"}]})"},
      {R"({"text":"x","lines":[{"n":1234567890,"label":"body"}]})", R"({"id":"","text":"x","lines":[{"n":1234567890,"label":"body"}]})"},
      {R"({"text":"x","lines":[{"n":1,"n":2,"label":"body"}]})", R"({"id":"","text":"x","lines":[{"n":2,"label":"body"}]})"},
      {R"({"text":"x","lines":[{"n":1.5,"label":"body"}]})", ""},
      {R"({"text":"x","lines":[{"n":1e2,"label":"body"}]})", ""},
      {R"({"text":"x","lines":[{"n":01,"label":"body"}]})", ""},
      {R"({"text":"x","lines":[{"label":"body"}]})", ""},
      {R"({"text":"x","lines":[{"n":1,"label":"junk"}]})", ""},
      {R"({"text":"x","lines":[{}]})", ""},
      {R"({"text":"x","lines":[{"n":1,"label":"body"},]})", ""},
      {R"({"text":"x","meta_lines":{"n":1}})", ""},
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

namespace {

// What the writer must make of `raw`, one character at a time, as RFC 8259 and RFC 3629 say:
// the reference the block and word loops are checked against.
std::string EscapedByReference(const std::string& raw) {
  std::string out;
  auto at = [&](std::size_t i) { return i < raw.size() ? static_cast<unsigned char>(raw[i]) : 0u; };
  auto cont = [&](std::size_t i) { return (at(i) & 0xC0) == 0x80; };
  for (std::size_t i = 0; i < raw.size();) {
    const unsigned c = at(i);
    std::size_t len = 0;
    if (c < 0x80) len = 1;
    else if (c >= 0xC2 && c <= 0xDF && cont(i + 1)) len = 2;
    else if (c >= 0xE0 && c <= 0xEF && cont(i + 1) && cont(i + 2) && !(c == 0xE0 && at(i + 1) < 0xA0) &&
             !(c == 0xED && at(i + 1) > 0x9F))
      len = 3;
    else if (c >= 0xF0 && c <= 0xF4 && cont(i + 1) && cont(i + 2) && cont(i + 3) &&
             !(c == 0xF0 && at(i + 1) < 0x90) && !(c == 0xF4 && at(i + 1) > 0x8F))
      len = 4;
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    if (c == '"') out += "\\\"";
    else if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c == '\b') out += "\\b";
    else if (c == '\f') out += "\\f";
    else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out.append(raw, i, len);
    }
    i += len;
  }
  return out;
}

}  // namespace

// Random strings built from the pieces where a fast path could go wrong: runs of ASCII and of
// CJK (which the loops skip in blocks), specials, characters of every length with the leads
// whose second byte is bounded (E0, ED, F0, F4), and the ways UTF-8 breaks. Each is written
// and compared with the reference, and read back when it was valid.
TEST_CASE("Strings are escaped as the reference says, in and across blocks", "[document]") {
  const std::vector<std::string> pieces = {
      "a", "plain ascii text ", "\"", "\\", "\n", "\r", "\t", "\x01", "\x1f", " ", "\x7f", "中",
      "中文汉字的一段话", "，", "é", "\xE0\xA4\x85", "\xED\x9F\xBF", "\xEE\x80\x80", "\xEF\xBF\xBF",
      "\xF0\x90\x80\x80", "\xF0\x9F\x98\x80", "\xF4\x8F\xBF\xBF",
      // Never valid: stray continuation bytes, truncated leads, C0, C1, F5-FF, overlong forms,
      // surrogates, code points above U+10FFFF.
      "\x80", "\xBF", "\xC3", "\xE4\xB8", "\xF0\x9F\x98", "\xC0\xAF", "\xC1\xBF", "\xF5\x80\x80\x80",
      "\xFF", "\xE0\x9F\xBF", "\xED\xA0\x80", "\xF0\x8F\xBF\xBF", "\xF4\x90\x80\x80"};
  std::mt19937 rng(20240229);
  for (int round = 0; round < 4000; ++round) {
    std::string raw;
    const std::size_t n = rng() % 24;
    for (std::size_t i = 0; i < n; ++i) raw += pieces[rng() % pieces.size()];
    pith::Document doc;
    doc.id = "r";
    doc.text = raw;
    const std::string line = pith::ToJsonLine(doc);
    const std::string expected = "{\"id\":\"r\",\"text\":\"" + EscapedByReference(raw) + "\"}";
    INFO("round " << round);
    REQUIRE(line == expected);
    // What was written reads back to the text written, U+FFFD and all.
    pith::Document back;
    REQUIRE(pith::internal::ScanRecord(line, "text", "id", &back));
    CHECK(pith::ToJsonLine(back) == line);
    // Raw text in a record reads only when it is valid UTF-8 without control characters.
    const bool valid = EscapedByReference(raw).find("\xEF\xBF\xBD") == std::string::npos &&
                       std::none_of(raw.begin(), raw.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; });
    std::string unescaped_line = "{\"text\":\"";
    for (char c : raw) {
      if (c == '"' || c == '\\') unescaped_line.push_back('\\');
      unescaped_line.push_back(c);
    }
    unescaped_line += "\"}";
    pith::Document raw_doc;
    CHECK(pith::internal::ScanRecord(unescaped_line, "text", "id", &raw_doc) == valid);
    if (valid) CHECK(raw_doc.text == raw);
  }
}

TEST_CASE("A character and a fault are escaped right wherever the blocks split them",
          "[document]") {
  // The scan reads blocks of 16 or 32 bytes and takes the bytes before each block's first ones
  // from the block before: a lead byte anywhere in the 40 bytes before a broken sequence (and at
  // every distance from it) must neither hide the fault nor invent one.
  const std::string leads[] = {"\xC3\xA9", "\xE4\xB8\xAD", "\xF0\x9F\x98\x80", "\xE0\xA4\x85",
                               "\xED\x95\x9C", "\xF4\x8F\xBF\xBF"};
  // An overlong four-byte form and leads that begin nothing (C0, C1, F5-FF) come last: a block
  // may end with such a lead, its fault then showing only with the next block's first byte.
  const std::string faults[] = {"\x80", "\xBF\xBF", "\xC3", "\xE4\xB8", "\xF0\x9F\x98",
                                "\xE0\x9F\xBF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\"", "\n",
                                "\xF0\x8F\xBF\xBF", "\xC0\xAF", "\xC1", "\xF5\x80\x80\x80",
                                "\xF8\x88\x80\x80\x80", "\xFF"};
  for (std::size_t l = 0; l < std::size(leads); ++l) {
    for (std::size_t f = 0; f < std::size(faults); ++f) {
      for (std::size_t before = 0; before < 40; ++before) {
        for (std::size_t gap = 0; gap < 40; ++gap) {
          const std::string raw = std::string(before, 'a') + leads[l] + std::string(gap, 'b') +
                                  faults[f] + std::string(70, 'c');
          pith::Document doc;
          doc.id = "b";
          doc.text = raw;
          INFO("lead " << l << " fault " << f << " before " << before << " gap " << gap);
          REQUIRE(pith::ToJsonLine(doc) ==
                  "{\"id\":\"b\",\"text\":\"" + EscapedByReference(raw) + "\"}");
        }
      }
    }
  }
}

TEST_CASE("Huge strings are read and written whole", "[document]") {
  struct Case {
    std::string tail;     // after a long run of plain text
    std::string written;  // how it is written
  };
  // Each row: what ends a string of a megabyte or more of ASCII or CJK.
  const Case cases[] = {
      {"", ""},
      {"\n", "\\n"},
      {"\xE4\xB8", "\xEF\xBF\xBD\xEF\xBF\xBD"},  // truncated at the very end
      {"\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80"},
  };
  for (const std::string unit : {"abcdefgh", "中文字"}) {
    std::string body;
    while (body.size() < (1u << 20)) body += unit;
    for (const Case& c : cases) {
      INFO("unit " << unit << " tail " << c.written);
      pith::Document doc;
      doc.id = "h";
      doc.text = body + c.tail;
      const std::string line = pith::ToJsonLine(doc);
      CHECK(line == "{\"id\":\"h\",\"text\":\"" + body + c.written + "\"}");
      pith::Document back;
      REQUIRE(pith::internal::ScanRecord(line, "text", "id", &back));
      CHECK(pith::ToJsonLine(back) == line);
    }
  }
}
