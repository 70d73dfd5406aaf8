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
//   // reader.skipped() + reader.io_errors() inputs yielded no document; each was one kError note.
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
  bool jsonl = false;               // inputs are JSON Lines, one record per line
  std::string text_field = "text";  // with jsonl: the field holding the text
  std::string id_field = "id";      // with jsonl: the field holding the id
  // A file (after decompression) or JSONL line larger than this is reported and dropped. A plain
  // file's size is known before it is read, so it is not read at all.
  std::size_t max_doc_bytes = std::size_t{1} << 30;
};

// One undecoded document.
struct RawInput {
  enum class Kind { kFile, kJsonLine };
  Kind kind = Kind::kFile;
  std::string bytes;   // whole file (decompressed) or one JSONL line without its line ending
  std::string id;      // kFile: the id to give the document (file stem, made unique)
  std::string source;  // the path as given ("" for stdin); kJsonLine: the file it came from
  std::string where;   // "path" or "path:line" ("stdin", "stdin:line"), for messages
};

// Walks the inputs in a fixed order: each path is a file, a directory (walked recursively, names
// sorted bytewise, entries whose names start with '.' skipped, symbolic links to directories not
// followed) or "-" for stdin; no paths at all means stdin. Every input is read through zlib, so
// gzip-compressed files (and stdin) are decompressed transparently.
//
// Ids (plain-text inputs only): the file name without its extension, and without ".gz" before
// that ("news/a.txt.gz" -> "a"). Files that share a stem get their path relative to the directory
// argument instead ("news/a", "blog/a"), then the path as given; the result depends only on the
// list of inputs. stdin is "stdin".
//
// Not thread-safe.
class InputReader {
 public:
  // Lists the inputs (directories are walked here); never throws for a bad path: problems are
  // reported by Next in the input's turn.
  InputReader(std::vector<std::string> paths, IngestOptions options);
  ~InputReader();
  InputReader(const InputReader&) = delete;
  InputReader& operator=(const InputReader&) = delete;

  // Fills *raw with the next document and returns true, or returns false when all inputs are
  // read. Appends to *notes what it met on the way, each naming its path (or path:line):
  //   - Severity::kError means exactly one input is lost and counted in skipped() or io_errors():
  //     "cannot open: <reason>" or a path that is neither a file nor a directory (io_errors);
  //     a read error (io_errors); a binary file (NUL bytes in its first 8 KiB, and not UTF-16),
  //     corrupt gzip data, or a document larger than max_doc_bytes (skipped);
  //   - Severity::kWarning loses nothing (a special file inside a directory, ignored).
  // Never throws for a problem with an input.
  bool Next(RawInput* raw, std::vector<Diagnostic>* notes);

  std::size_t skipped() const;    // inputs read but not turned into a document
  std::size_t io_errors() const;  // inputs that could not be opened or read

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

struct DecodeResult {
  std::optional<Document> doc;    // empty when the input could not be decoded at all
  std::vector<Diagnostic> notes;  // warnings (repairs, an empty file) and errors (bad JSON)
};

// Decodes one raw input. Thread-safe, and fast on valid UTF-8 (checked without ICU, not copied).
//
// Files: a UTF-8 BOM is removed; UTF-16 is recognised by its BOM (or, without one, by NUL bytes
// on one side); text that is mostly valid UTF-8 stays UTF-8; other text is decoded as the CJK
// encoding in which it reads most plausibly (GB18030/GBK, Big5, Shift_JIS, EUC-JP, EUC-KR), else
// as what ICU's detector says, else windows-1252. The encoding, when not UTF-8, is recorded in
// signals.encoding. Bytes that cannot be decoded become U+FFFD with a kWarning note naming the
// byte offset of the first: for UTF-8 the flag "invalid-utf8" and signals.invalid_utf8 (the number
// of sequences replaced), otherwise the flag "invalid-bytes" and signals.invalid_bytes. An empty
// file (or one with only a BOM) gives a document with empty text and a kWarning note.
//
// JSON lines: the record is parsed with the fields named in `options`; invalid UTF-8 in the line
// is repaired as for files first. A line that is not a JSON object with a string text field gives
// no document and a kError note naming path:line.
DecodeResult Decode(RawInput raw, const IngestOptions& options);

}  // namespace pith
