// Encoding detection and conversion, through Decode() on file bytes.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <string>

#include "pith/ingest.h"

namespace {

std::string ReadFixture(const std::string& name) {
  std::ifstream in(std::string(PITH_TESTDATA_DIR) + "/" + name, std::ios::binary);
  REQUIRE(in.good());
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

pith::DecodeResult DecodeFile(std::string bytes) {
  pith::RawInput raw;
  raw.kind = pith::RawInput::Kind::kFile;
  raw.bytes = std::move(bytes);
  raw.id = "doc";
  raw.source = raw.where = "doc.txt";
  return pith::Decode(std::move(raw), pith::IngestOptions());
}

// "" when the document is UTF-8 (signals.encoding is absent).
std::string EncodingOf(const pith::Document& doc) {
  return doc.signals.contains("encoding") ? doc.signals["encoding"].get<std::string>() : "";
}

}  // namespace

TEST_CASE("Decode detects the encoding of whole files and converts them to UTF-8", "[encoding]") {
  struct Case {
    const char* file;      // in testdata/encodings/, made from `original` with iconv
    const char* original;  // the UTF-8 text
    const char* encoding;  // expected signals.encoding; "" for UTF-8
  };
  const Case cases[] = {
      {"zh-hans.gbk.txt", "zh-hans.txt", "GB18030"},
      {"zh-hant.big5.txt", "zh-hant.txt", "Big5"},
      {"ja.sjis.txt", "ja.txt", "Shift_JIS"},
      {"ja.eucjp.txt", "ja.txt", "EUC-JP"},
      {"ko.euckr.txt", "ko.txt", "EUC-KR"},
      {"fr.cp1252.txt", "fr.txt", "windows-1252"},
      {"mixed.utf16le.txt", "mixed.txt", "UTF-16LE"},
      {"mixed.utf16be.txt", "mixed.txt", "UTF-16BE"},
      // The BOM is removed; the text is UTF-8, so no encoding is recorded.
      {"zh-hans.utf8bom.txt", "zh-hans.txt", ""},
      {"zh-hans.txt", "zh-hans.txt", ""},
  };
  for (const Case& c : cases) {
    INFO(c.file);
    const pith::DecodeResult r = DecodeFile(ReadFixture(std::string("encodings/") + c.file));
    REQUIRE(r.doc);
    CHECK(r.doc->text == ReadFixture(std::string("encodings/") + c.original));
    CHECK(EncodingOf(*r.doc) == c.encoding);
    CHECK(r.doc->flags.empty());
    CHECK(r.notes.empty());
  }
}

TEST_CASE("Decode detects the encoding of a single line", "[encoding]") {
  // Short texts are where ICU's detector alone goes wrong; these are made with iconv.
  struct Case {
    std::string bytes;
    const char* text;
    const char* encoding;
  };
  const Case cases[] = {
      {"\xd6\xd0\xce\xc4\xcd\xf8\xd5\xbe\xb5\xc4\xd0\xc2\xce\xc5", "中文网站的新闻", "GB18030"},
      {"\xbb\x4f\xc6\x57\xaa\xba\xb7\x73\xbb\x44\xb3\xf8\xbe\xc9", "臺灣的新聞報導", "Big5"},
      {"\x82\xb1\x82\xf1\x82\xc9\x82\xbf\x82\xcd\x81\x41\x90\xa2\x8a\x45", "こんにちは、世界",
       "Shift_JIS"},
      {"\xc5\xec\xb5\xfe\xc5\xd4\xa4\xcf\xcb\xdc\xc6\xfc\xa1\xa2\xbf\xb7\xa4\xb7\xa4\xa4\xb8\xf2"
       "\xc4\xcc\xc0\xaf\xba\xf6\xa4\xf2\xc8\xaf\xc9\xbd\xa4\xb7\xa4\xbf",
       "東京都は本日、新しい交通政策を発表した", "EUC-JP"},
      // Korean is also plausible GB2312; the spaces between words tell it apart.
      {"\xbe\xc8\xb3\xe7\xc7\xcf\xbc\xbc\xbf\xe4\x20\xbf\xa9\xb7\xaf\xba\xd0", "안녕하세요 여러분",
       "EUC-KR"},
      // Accented letters inside Latin words are not read as CJK characters.
      {"\x63\x61\x66\xe9\x20\x63\x72\xe8\x6d\x65\x20\x62\x72\xfb\x6c\xe9\x65", "café crème brûlée",
       "windows-1252"},
      {"\x93\x53\x6d\x61\x72\x74\x20\x71\x75\x6f\x74\x65\x73\x94\x20\x96\x20\x35\x20\x80",
       "“Smart quotes” – 5 €", "windows-1252"},
      // CJK punctuation only: decodes cleanly as GBK, which is preferred.
      {"\xa1\xb0\xa1\xb1", "“”", "GB18030"},
      // UTF-16 without a BOM, told by its NUL bytes (ASCII-only, it is also valid UTF-8).
      {std::string("h\0e\0l\0l\0o\0\n\0", 12), "hello\n", "UTF-16LE"},
      {std::string("\0h\0e\0l\0l\0o\0\n", 12), "hello\n", "UTF-16BE"},
      {std::string("\x2d\x4e\x87\x65 \0o\0k\0", 10), "中文 ok", "UTF-16LE"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const pith::DecodeResult r = DecodeFile(c.bytes);
    REQUIRE(r.doc);
    CHECK(r.doc->text == c.text);
    CHECK(EncodingOf(*r.doc) == c.encoding);
  }
}

TEST_CASE("Decode repairs mostly valid UTF-8 and says where it was broken", "[encoding]") {
  // Four well-formed characters per ill-formed sequence make the text UTF-8 with a few bad bytes,
  // not a legacy encoding. Each maximal ill-formed subpart becomes one U+FFFD.
  const std::string zh = "中文中文中文中文中文";
  struct Case {
    std::string bytes;
    std::string text;
    int replaced;
    const char* message;
  };
  const Case cases[] = {
      {zh + "a\xff" + "b", zh + "a\uFFFDb", 1, "invalid UTF-8 at byte 31 (1 sequence replaced)"},
      // A character cut short: its lead and continuation bytes are one subpart.
      {zh + "\xe4\xb8" + "x", zh + "\uFFFDx", 1, "invalid UTF-8 at byte 30 (1 sequence replaced)"},
      {zh + "\xe4\xb8", zh + "\uFFFD", 1, "invalid UTF-8 at byte 30 (1 sequence replaced)"},
      // An overlong encoding and a surrogate: every byte is its own subpart.
      {zh + "\xc0\xaf", zh + "\uFFFD\uFFFD", 2, "invalid UTF-8 at byte 30 (2 sequences replaced)"},
      {"\xed\xa0\x80" + zh + zh, "\uFFFD\uFFFD\uFFFD" + zh + zh, 3,
       "invalid UTF-8 at byte 0 (3 sequences replaced)"},
      // Offsets count the BOM, which is removed.
      {"\xef\xbb\xbf" + zh + "\xff", zh + "\uFFFD", 1,
       "invalid UTF-8 at byte 33 (1 sequence replaced)"},
  };
  for (const Case& c : cases) {
    INFO(c.message);
    const pith::DecodeResult r = DecodeFile(c.bytes);
    REQUIRE(r.doc);
    CHECK(r.doc->text == c.text);
    CHECK(EncodingOf(*r.doc) == "");
    CHECK(r.doc->HasFlag("invalid-utf8"));
    CHECK(r.doc->signals["invalid_utf8"] == c.replaced);
    REQUIRE(r.notes.size() == 1);
    CHECK(r.notes[0].severity == pith::Severity::kWarning);
    CHECK(r.notes[0].ToString() == std::string("doc.txt: ") + c.message);
  }
}

TEST_CASE("Decode tells broken UTF-8 from a legacy encoding", "[encoding]") {
  SECTION("a UTF-8 file with one stray byte stays UTF-8") {
    std::string bytes = ReadFixture("encodings/zh-hans.txt");
    bytes.insert(9, "\xb1");
    const pith::DecodeResult r = DecodeFile(bytes);
    REQUIRE(r.doc);
    CHECK(EncodingOf(*r.doc) == "");
    CHECK(r.doc->signals["invalid_utf8"] == 1);
  }
  SECTION("English with one Latin-1 byte is windows-1252, not broken UTF-8") {
    const pith::DecodeResult r = DecodeFile("The caf\xe9 is open.\n");
    REQUIRE(r.doc);
    CHECK(r.doc->text == "The café is open.\n");
    CHECK(EncodingOf(*r.doc) == "windows-1252");
    CHECK(r.doc->flags.empty());
  }
  SECTION("a GBK file with a bad byte keeps its encoding and reports the byte") {
    std::string bytes = ReadFixture("encodings/zh-hans.gbk.txt");
    bytes.insert(4, "\x80");  // not a GBK character, between two whole ones
    const pith::DecodeResult r = DecodeFile(bytes);
    REQUIRE(r.doc);
    CHECK(EncodingOf(*r.doc) == "GB18030");
    CHECK(r.doc->text.rfind("北京\uFFFD市政府", 0) == 0);
    CHECK(r.doc->HasFlag("invalid-bytes"));
    CHECK(r.doc->signals["invalid_bytes"] == 1);
    REQUIRE(r.notes.size() == 1);
    CHECK(r.notes[0].message == "invalid GB18030 at byte 4 (1 sequence replaced)");
  }
}

TEST_CASE("Decode passes valid UTF-8 through unchanged", "[encoding]") {
  const std::string cases[] = {
      "plain ASCII\n",
      "中文 English 日本語 한국어 🙂\n",
      std::string("NUL \0 inside", 12),
  };
  for (const std::string& bytes : cases) {
    const pith::DecodeResult r = DecodeFile(bytes);
    REQUIRE(r.doc);
    CHECK(r.doc->text == bytes);
    CHECK(r.doc->signals.empty());
    CHECK(r.doc->flags.empty());
    CHECK(r.notes.empty());
  }
}
