// Quality signals and thresholds: what `pith check` measures and judges.
//
//   pith::CheckOptions options;                     // defaults in pith/stage.h
//   options.min_chars = 100;
//   pith::Checker checker(options);
//   pith::Document doc = ...;
//   std::vector<pith::CheckFailure> failed = checker.Check(doc);  // fills doc.signals
//   for (const auto& f : failed) std::cout << doc.id << ": " << f.Message() << "\n";
//
// The signals written into Document::signals (code points throughout, never bytes):
//   chars               code points of the text, line breaks not counted
//   lines               non-blank lines
//   cjk_ratio           Han, kana and Hangul among the non-space code points
//   mean_line_length    chars per non-blank line
//   sentence_end_ratio  share of non-blank lines that end like a sentence: 。！？… . ! ? ; and
//                       closing quotes or brackets after them (”」』" ) )
//   boilerplate_ratio   removed_chars / input_chars as strip recorded them; null when strip did
//                       not record them (it cannot be known from the text that is left)
//   mojibake_ratio      garbled code points / chars: U+FFFD replacement characters plus the
//                       mojibake normalize could not repair (signals.mojibake_chars), or, when
//                       normalize did not run, the commonest patterns found here (UTF-8 read as
//                       Latin-1 or cp1252 such as "Ã©" "â€™", and GBK's "锟斤拷")
//   dup_line_ratio      share of non-blank lines that repeat an earlier line of the document
//   spam_score          share of chars in spam-shaped lines (see below)
//   invalid_utf8        sequences ingest replaced (signals.invalid_utf8), or the invalid
//                       sequences still in the text; at least 1 with the "invalid-utf8" flag
//
// spam_score: a line is spam-shaped when it is a keyword list (five or more short items between
// list separators such as | _ 、 , / - and no sentence ending: SEO titles, tag clouds), a link
// farm (three or more URLs or domains, or URLs making up half the line), or when it holds two or
// more distinct words of gambling, pornography, counterfeit-goods or SEO-service vocabulary. The
// score weighs lines by their length, so one spammy line in a long article scores low.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pith/document.h"
#include "pith/stage.h"

namespace pith {

// One threshold a document broke.
struct CheckFailure {
  std::string threshold;  // its name, as in flags, config files and reports: "min-chars"
  std::string signal;     // the signal it judges: "chars"
  double value = 0;       // the document's signal
  double limit = 0;       // the threshold

  // "chars 150 < 200" for a min-threshold, "spam_score 0.62 > 0.5" for a max-threshold.
  std::string Message() const;
};

// One threshold of CheckOptions, described for flags, config keys, reports and --help.
struct CheckThreshold {
  std::string_view name;    // "min-chars"
  std::string_view signal;  // "chars"
  bool is_min;              // fails below the limit (else above it)
  double CheckOptions::*field;
  std::string_view help;    // what it is and where its default comes from
};

// Every threshold, in the order they are judged and reported.
const std::vector<CheckThreshold>& CheckThresholds();

// A language preset: "zh" sets min_cjk_ratio to 0.3 (a Chinese corpus); "any" changes nothing.
// Throws ConfigError for another name.
void ApplyCheckLanguage(std::string_view lang, CheckOptions* options);

// Reads a JSON config over `options`: an object whose keys are threshold names ("min-chars":
// 200; null turns a threshold off), "lang" (as ApplyCheckLanguage, applied before the
// thresholds) and "drop" (a boolean). Throws InputError when the file cannot be read and
// ConfigError, naming the file and the key, for bad JSON, an unknown key or a value of the wrong
// type.
void LoadCheckConfig(const std::string& path, CheckOptions* options);

// Measures and judges documents. Immutable; Check is safe to call from many threads at once.
class Checker {
 public:
  explicit Checker(CheckOptions options) : options_(options) {}

  // Writes the signals into doc.signals (keeping the signals other stages wrote) and returns
  // the thresholds the document broke, in CheckThresholds() order; empty when it passes.
  // Never throws for anything in the document (invalid UTF-8 is counted, not rejected).
  std::vector<CheckFailure> Check(Document& doc) const;

  const CheckOptions& options() const { return options_; }

 private:
  CheckOptions options_;
};

}  // namespace pith
