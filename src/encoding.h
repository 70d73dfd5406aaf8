// Encoding detection and conversion to UTF-8 (private to the library; Decode() in ingest.h is the
// public face).
//
// Valid UTF-8 is recognised without ICU and passed through untouched. Anything else is decided in
// this order: a BOM; BOM-less UTF-16 (NUL bytes on one side only); UTF-8 with a few bad bytes
// (repaired); the CJK legacy encodings, each decoded and scored by how many of the characters it
// yields are common ones; ICU's detector; windows-1252.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pith::encoding {

inline constexpr std::size_t kNoOffset = std::string_view::npos;

// What a UTF-8 scan found. Ill-formed sequences are counted as Unicode recommends for U+FFFD
// substitution: each maximal subpart of an ill-formed sequence is one.
struct Utf8Scan {
  std::size_t multibyte = 0;              // well-formed sequences of 2 to 4 bytes
  std::size_t invalid = 0;                // ill-formed sequences
  std::size_t first_invalid = kNoOffset;  // byte offset of the first ill-formed sequence
};

// True when `bytes` is well-formed UTF-8. The fast path: no allocation, no ICU.
bool IsValidUtf8(std::string_view bytes);

// Scans `bytes`; when `repaired` is not null, appends them to it with each ill-formed sequence
// replaced by U+FFFD.
Utf8Scan ScanUtf8(std::string_view bytes, std::string* repaired = nullptr);

// True when the first bytes of a file hold UTF-16 text: a BOM, or NUL bytes at even offsets only
// or at odd offsets only, often enough to be the high bytes of ASCII characters. A file whose
// first bytes contain NUL and that is not UTF-16 is binary.
bool LooksLikeUtf16(std::string_view head);

struct Decoded {
  std::string text;                   // UTF-8
  std::string encoding;               // "UTF-8", "UTF-16LE", "GB18030", "Big5", ...
  std::size_t replaced = 0;           // byte sequences replaced by U+FFFD
  std::size_t first_bad = kNoOffset;  // byte offset (in the input) of the first of them
};

// Detects the encoding of `bytes` (a whole document) and converts them to UTF-8. A UTF-8 BOM is
// removed. Never fails: bytes that cannot be decoded become U+FFFD and are counted. Thread-safe;
// ICU converters are cached per thread.
Decoded ToUtf8(std::string bytes);

}  // namespace pith::encoding
