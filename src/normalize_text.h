// The work of the normalize stage on one document's text, apart from the Document record.
//
//   TextNormalizer normalizer(options);        // throws ConfigError for a bad options.to_script
//   NormalizeReport report;
//   normalizer.Normalize(&text, false, &report);  // text repaired in place, line for line
//
// Line n of the output is line n of the input: every repair works inside a line, and nothing that
// decodes to a line break (a character reference, NFKC) is allowed to make one.
//
// Private to the library.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pith/stage.h"

namespace pith::internal {

// What Normalize changed and found in one document.
struct NormalizeReport {
  int html_tags = 0;          // tags and comments removed
  int entities = 0;           // character references decoded
  int pinyin = 0;             // converter annotations removed: 網(wǎng) → 網
  int spaces = 0;             // NBSP, U+3000 and other spaces made ASCII spaces
  int invisible = 0;          // zero-width characters and BOMs removed
  int controls = 0;           // control characters removed
  int trimmed = 0;            // lines whose indentation or trailing spaces were trimmed
  int unicode = 0;            // lines NFC (or NFKC) changed
  int mojibake_repaired = 0;  // spans of mojibake repaired
  int script = 0;             // characters converted by --to hans|hant
  std::vector<int> mojibake_lines;  // 1-based lines with mojibake, repaired or not
  int mojibake_chars = 0;           // code points still garbled after repair

  // The non-zero counts, by name ("html_tags": 3, ...), in a fixed order.
  std::vector<std::pair<const char*, int>> Counts() const;
};

// What the scan of one line finds that the mojibake repair acts on: its Han characters and kana,
// and whether it shows signs of CJK mojibake (rare Han, private use, U+FFFD, three uncommon
// characters in four, a '?' stuck between Han and ASCII). The scan takes runs of common Han
// characters on a fast path; tests hold it to these rules through this function.
struct LineSigns {
  int han = 0;
  int kana = 0;
  bool garbled = false;
};
LineSigns ScanLineSigns(std::string_view line);

class TextNormalizer {
 public:
  // Throws ConfigError when options.to_script is not "", "hans" or "hant", or when ICU lacks the
  // normalization data.
  explicit TextNormalizer(const NormalizeOptions& options);
  ~TextNormalizer();
  TextNormalizer(const TextNormalizer&) = delete;
  TextNormalizer& operator=(const TextNormalizer&) = delete;

  // Normalizes `text` (UTF-8) in place and adds what it did to `report`. `known_mojibake` says the
  // document was flagged before (a second run), so that its replacement characters count as they
  // did the first time. Const and thread-safe.
  void Normalize(std::string* text, bool known_mojibake, NormalizeReport* report) const;

 private:
  struct Impl;
  std::unique_ptr<const Impl> impl_;
};

}  // namespace pith::internal
