// InputReader: walking inputs, ids, what is skipped and how it is reported; Decode of JSON lines.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "pith/ingest.h"

namespace fs = std::filesystem;

namespace {

const std::string kData = PITH_TESTDATA_DIR;

// A directory of files written by the test, removed afterwards.
class TempDir {
 public:
  TempDir() {
    static int counter = 0;
    path_ = fs::temp_directory_path() /
            ("pith_ingest_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }

  // Writes `bytes` to `rel` below the directory and returns the file's path.
  std::string Write(const std::string& rel, const std::string& bytes) const {
    const fs::path p = path_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
  std::string Path(const std::string& rel = "") const { return (path_ / rel).string(); }

 private:
  fs::path path_;
};

struct ReadAll {
  std::vector<pith::RawInput> inputs;
  std::vector<pith::Diagnostic> notes;
  std::size_t skipped = 0;
  std::size_t io_errors = 0;

  explicit ReadAll(std::vector<std::string> paths, pith::IngestOptions options = {}) {
    pith::InputReader reader(std::move(paths), options);
    pith::RawInput raw;
    while (reader.Next(&raw, &notes)) inputs.push_back(std::move(raw));
    skipped = reader.skipped();
    io_errors = reader.io_errors();
    // The contract the runner counts by: each error note is one input lost, and counted.
    const auto errors = std::count_if(notes.begin(), notes.end(), [](const pith::Diagnostic& n) {
      return n.severity == pith::Severity::kError;
    });
    CHECK(static_cast<std::size_t>(errors) == skipped + io_errors);
  }

  std::vector<std::string> Ids() const {
    std::vector<std::string> ids;
    for (const auto& raw : inputs) ids.push_back(raw.id);
    return ids;
  }
};

}  // namespace

TEST_CASE("InputReader walks directories sorted, skipping hidden names", "[ingest]") {
  TempDir dir;
  dir.Write("b.txt", "b");
  dir.Write("a.txt", "a");
  dir.Write("sub/c.txt", "c");
  dir.Write(".hidden.txt", "no");
  dir.Write(".git/config.txt", "no");
  const ReadAll r({dir.Path()});
  CHECK(r.Ids() == std::vector<std::string>{"a", "b", "c"});
  REQUIRE(r.inputs.size() == 3);
  CHECK(r.inputs[2].source == dir.Path("sub/c.txt"));
  CHECK(r.inputs[2].where == dir.Path("sub/c.txt"));
  CHECK(r.inputs[2].bytes == "c");
  CHECK(r.notes.empty());
}

TEST_CASE("InputReader makes ids unique by the path below the directory argument", "[ingest]") {
  TempDir dir;
  dir.Write("d/news/a.txt", "1");
  dir.Write("d/blog/a.txt", "2");
  dir.Write("d/b.txt.gz", "3");  // not gzip: read as it is, but the id drops both extensions
  dir.Write("d/x.y.txt", "4");
  SECTION("within one directory") {
    const ReadAll r({dir.Path("d")});
    CHECK(r.Ids() == std::vector<std::string>{"b", "blog/a", "news/a", "x.y"});
  }
  SECTION("across two directory arguments, by the paths as given") {
    dir.Write("e/a.txt", "5");
    dir.Write("f/a.txt", "6");
    const ReadAll r({dir.Path("e"), dir.Path("f")});
    CHECK(r.Ids() == std::vector<std::string>{dir.Path("e/a"), dir.Path("f/a")});
  }
  SECTION("same stem, other extension") {
    dir.Write("g/a.txt", "7");
    dir.Write("g/a.md", "8");
    const ReadAll r({dir.Path("g")});
    CHECK(r.Ids() == std::vector<std::string>{dir.Path("g/a.md"), dir.Path("g/a.txt")});
  }
  SECTION("the same file twice") {
    const std::string f = dir.Path("d/x.y.txt");
    const ReadAll r({f, f});
    CHECK(r.Ids() == std::vector<std::string>{f, f + "#2"});
  }
}

TEST_CASE("InputReader reports inputs it cannot read and goes on", "[ingest]") {
  TempDir dir;
  const std::string good = dir.Write("good.txt", "fine");
  const std::string missing = dir.Path("missing.txt");
  const std::string binary = kData + "/bad/binary.png";
  const std::string utf16 = kData + "/encodings/mixed.utf16le.txt";
  const std::string truncated = kData + "/bad/truncated.txt.gz";
  const ReadAll r({missing, binary, good, "/dev/null", truncated, utf16});
  CHECK(r.Ids() == std::vector<std::string>{"good", "mixed.utf16le"});
  CHECK(r.io_errors == 2);
  CHECK(r.skipped == 2);
  REQUIRE(r.notes.size() == 4);
  CHECK(r.notes[0].ToString() == missing + ": cannot open: No such file or directory");
  CHECK(r.notes[1].ToString() == binary + ": binary file, skipped");
  CHECK(r.notes[2].ToString() == "/dev/null: cannot open: not a regular file or directory");
  CHECK(r.notes[3].ToString() == truncated + ": corrupt gzip data: unexpected end of file");
}

TEST_CASE("InputReader decompresses gzip files", "[ingest]") {
  std::ifstream plain(kData + "/encodings/zh-hans.gbk.txt", std::ios::binary);
  const std::string expected{std::istreambuf_iterator<char>(plain),
                             std::istreambuf_iterator<char>()};
  const ReadAll r({kData + "/encodings/zh-hans.gbk.txt.gz"});
  REQUIRE(r.inputs.size() == 1);
  CHECK(r.inputs[0].bytes == expected);
  CHECK(r.inputs[0].id == "zh-hans.gbk");
}

TEST_CASE("InputReader drops documents over max_doc_bytes", "[ingest]") {
  TempDir dir;
  const std::string big = dir.Write("big.txt", std::string(100, 'x'));
  const std::string fits = dir.Write("fits.txt", std::string(50, 'x'));
  const std::string gz = kData + "/encodings/zh-hans.gbk.txt.gz";  // 256 bytes decompressed
  pith::IngestOptions options;
  options.max_doc_bytes = 50;
  const ReadAll r({big, fits, gz}, options);
  CHECK(r.Ids() == std::vector<std::string>{"fits"});
  CHECK(r.skipped == 2);
  REQUIRE(r.notes.size() == 2);
  CHECK(r.notes[0].ToString() == big + ": 100 bytes, over --max-doc-bytes 50, dropped");
  CHECK(r.notes[1].ToString() == gz + ": more than 50 bytes, over --max-doc-bytes 50, dropped");
}

TEST_CASE("An empty file is a document with empty text and a warning", "[ingest]") {
  TempDir dir;
  const std::string bom = dir.Write("bom.txt", "\xEF\xBB\xBF");
  const ReadAll r({kData + "/bad/empty.txt", bom});
  REQUIRE(r.inputs.size() == 2);
  for (const pith::RawInput& raw : r.inputs) {
    const pith::DecodeResult d = pith::Decode(raw, pith::IngestOptions());
    REQUIRE(d.doc);
    CHECK(d.doc->text.empty());
    REQUIRE(d.notes.size() == 1);
    CHECK(d.notes[0].severity == pith::Severity::kWarning);
    CHECK(d.notes[0].ToString() == raw.where + ": empty file");
  }
  CHECK(r.Ids() == std::vector<std::string>{"empty", "bom"});
}

TEST_CASE("JSON Lines: every line is an input named by file:line", "[ingest]") {
  const std::string file = kData + "/bad/malformed.jsonl";
  pith::IngestOptions options;
  options.jsonl = true;
  const ReadAll r({file}, options);
  REQUIRE(r.inputs.size() == 4);
  std::vector<std::string> ids;
  std::vector<pith::Diagnostic> errors;
  for (std::size_t i = 0; i < r.inputs.size(); ++i) {
    CHECK(r.inputs[i].where == file + ":" + std::to_string(i + 1));
    pith::DecodeResult d = pith::Decode(r.inputs[i], options);
    if (d.doc) ids.push_back(d.doc->id);
    errors.insert(errors.end(), d.notes.begin(), d.notes.end());
  }
  // The malformed third line is reported; the lines around it are records.
  CHECK(ids == std::vector<std::string>{"r1", "r2", "r4"});
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].severity == pith::Severity::kError);
  CHECK(errors[0].where == file + ":3");
}

TEST_CASE("JSON Lines: blank lines are skipped, long lines over the limit dropped", "[ingest]") {
  TempDir dir;
  const std::string file =
      dir.Write("in.jsonl", "{\"text\":\"a\"}\n\n   \n{\"text\":\"" + std::string(100, 'b') +
                                "\"}\r\n{\"text\":\"c\"}");
  pith::IngestOptions options;
  options.jsonl = true;
  options.max_doc_bytes = 50;
  const ReadAll r({file}, options);
  REQUIRE(r.inputs.size() == 2);
  CHECK(r.inputs[0].where == file + ":1");
  CHECK(r.inputs[1].where == file + ":5");
  CHECK(r.inputs[1].bytes == "{\"text\":\"c\"}");
  REQUIRE(r.notes.size() == 1);
  CHECK(r.notes[0].ToString() == file + ":4: 111 bytes, over --max-doc-bytes 50, dropped");
}

// A line is parsed before it is checked for UTF-8, so every place an invalid byte can sit must
// still end in a repair (inside strings) or an error (where JSON allows no such byte).
TEST_CASE("JSON Lines: invalid UTF-8 anywhere in a line", "[ingest]") {
  struct Case {
    std::string line;
    bool read;            // a document comes out
    std::string text;     // its text
    std::string note;     // the one diagnostic, after "in.jsonl:1: "
  };
  const std::vector<Case> cases = {
      {"{\"text\":\"ok\"}", true, "ok", ""},
      {"{\"te\xffxt\":\"k\",\"text\":\"t\"}", true, "t", "invalid UTF-8 at byte 4 (1 sequence replaced)"},
      {"{\"text\":\"t\",\"metadata\":{\"a\":\"\xc3\"}}", true, "t",
       "invalid UTF-8 at byte 29 (1 sequence replaced)"},
      {"{\"text\":\"\xe4\xb8\"}", true, "\uFFFD", "invalid UTF-8 at byte 9 (1 sequence replaced)"},
      {"{\"text\":\"t\"}\xff", false, "", ""},
      {"{\"text\":\"t\",}", false, "", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.line);
    pith::RawInput raw;
    raw.kind = pith::RawInput::Kind::kJsonLine;
    raw.bytes = c.line;
    raw.where = "in.jsonl:1";
    pith::IngestOptions options;
    options.jsonl = true;
    const pith::DecodeResult d = pith::Decode(raw, options);
    CHECK(d.doc.has_value() == c.read);
    if (c.read) {
      CHECK(d.doc->text == c.text);
      CHECK(d.doc->HasFlag("invalid-utf8") == !c.note.empty());
      REQUIRE(d.notes.size() == (c.note.empty() ? 0u : 1u));
      if (!c.note.empty()) CHECK(d.notes[0].ToString() == "in.jsonl:1: " + c.note);
    } else {
      REQUIRE(d.notes.size() == 1);
      CHECK(d.notes[0].severity == pith::Severity::kError);
    }
  }
}

TEST_CASE("JSON Lines: invalid UTF-8 in a line is repaired and reported", "[ingest]") {
  pith::RawInput raw;
  raw.kind = pith::RawInput::Kind::kJsonLine;
  raw.bytes = "{\"id\":\"x\",\"text\":\"ab\xff\"}";
  raw.source = "in.jsonl";
  raw.where = "in.jsonl:7";
  pith::IngestOptions options;
  options.jsonl = true;
  const pith::DecodeResult d = pith::Decode(raw, options);
  REQUIRE(d.doc);
  CHECK(d.doc->text == "ab\uFFFD");
  CHECK(d.doc->source == "in.jsonl");
  CHECK(d.doc->HasFlag("invalid-utf8"));
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0].ToString() == "in.jsonl:7: invalid UTF-8 at byte 20 (1 sequence replaced)");
}
