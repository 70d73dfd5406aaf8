// Ingest: turns files, directories, stdin and JSON Lines into Documents.
//
// Reading is split in two so that a corpus is read by one thread and decoded by many:
//   - an InputReader walks the inputs in a fixed order and yields RawInput values (the bytes of
//     a file, or one JSONL line) with the id each document will get;
//   - Decode() turns one RawInput into a Document (encoding detection and conversion, JSON
//     parsing); it is pure and thread-safe.
//
//   pith::IngestOptions opt;
//   pith::InputReader reader({"dumps/"}, opt);
//   pith::RawInput raw;
//   std::vector<pith::Diagnostic> notes;
//   while (reader.Next(&raw, &notes)) {
//     pith::DecodeResult d = pith::Decode(std::move(raw), opt);
//     if (d.doc) ...
//   }
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pith/document.h"
#include "pith/error.h"

namespace pith {

struct IngestOptions {
  bool jsonl = false;              // inputs are JSON Lines, one record per line
  std::string text_field = "text";  // with jsonl: the field holding the text
  std::string id_field = "id";      // with jsonl: the field holding the id
  std::size_t max_doc_bytes = std::size_t{1} << 30;  // larger documents are reported and dropped
};

// One undecoded document.
struct RawInput {
  enum class Kind { kFile, kJsonLine };
  Kind kind = Kind::kFile;
  std::string bytes;   // whole file (decompressed) or one JSONL line
  std::string id;      // kFile: the id to give the document (file stem, made unique)
  std::string source;  // kFile: the path as given; kJsonLine: the file it came from
  std::string where;   // "path" or "path:line", for messages
};

// Walks the inputs: files, directories (recursively, sorted), "-" for stdin; ".gz" files are
// decompressed. With no inputs, reads stdin. Not thread-safe.
class InputReader {
 public:
  InputReader(std::vector<std::string> paths, IngestOptions options);
  ~InputReader();
  InputReader(const InputReader&) = delete;
  InputReader& operator=(const InputReader&) = delete;

  // Fills *raw with the next document and returns true, or returns false when all inputs are
  // read. Problems that lose no document (an empty file) and problems that lose one (a binary
  // file, a missing file) are appended to *notes; the latter with Severity::kError, and they are
  // counted in skipped(). Does not throw for a missing or unreadable input: it is reported and
  // counted in io_errors() so the tool can exit 3 after the rest is done.
  bool Next(RawInput* raw, std::vector<Diagnostic>* notes);

  std::size_t skipped() const;    // inputs that yielded no document (binary, unreadable)
  std::size_t io_errors() const;  // inputs that could not be opened or read

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

struct DecodeResult {
  std::optional<Document> doc;   // empty when the input could not be decoded at all
  std::vector<Diagnostic> notes;  // warnings (e.g. invalid UTF-8 repaired) and errors
};

// Decodes one raw input. Files: detects the encoding (BOMs, UTF-8, GB18030/GBK, Big5,
// Shift-JIS, EUC-KR, windows-1252) and converts to UTF-8; invalid bytes become U+FFFD and the
// document gets the flag "invalid-utf8". JSON lines: parses the record with the fields named
// in `options`. Thread-safe.
DecodeResult Decode(RawInput raw, const IngestOptions& options);

}  // namespace pith
