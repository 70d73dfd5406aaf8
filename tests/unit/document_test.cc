#include <catch2/catch.hpp>

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
       R"({"text":"t","lines":[{"n":1,"label":"title","rule":"r"}],"flags":["mojibake"],"id":""})"},
      {R"({"text":"tab\there \"q\" \\ \u0001"})", R"({"text":"tab\there \"q\" \\ \u0001","id":""})"},
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
