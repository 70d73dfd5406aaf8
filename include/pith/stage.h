// The Stage interface: one step of the pipeline, applied to one document at a time.
//
//   pith::StageOptions options;                  // every field has a documented default
//   options.strip.explain = true;
//   auto strip = pith::MakeStage("strip", options);
//   pith::Document doc = ...;
//   pith::StageResult r = strip->Process(doc);   // doc.text now holds the body
//   if (r.verdict == pith::Verdict::kDrop) ...   // check --drop, for example
//
// Stages are immutable after construction: Process is const and safe to call from many threads
// at once on different documents.
#pragma once

#include <cstddef>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pith/document.h"
#include "pith/error.h"

namespace pith {

class RuleSet;

enum class Verdict { kKeep, kDrop };

// What a stage says about one document besides the changes it made to it.
struct StageResult {
  Verdict verdict = Verdict::kKeep;
  std::string drop_reason;            // set when verdict is kDrop, e.g. "check: min-chars"
  std::vector<Diagnostic> notes;      // warnings and errors about this document
};

// Options of `normalize`. Whatever they say, line n of the output is line n of the input.
struct NormalizeOptions {
  bool nfkc = false;          // NFKC instead of NFC
  std::string to_script;      // "", "hans" (to simplified) or "hant" (to traditional)
  bool repair_mojibake = true;  // false: mojibake is only flagged and counted, never rewritten
};

// Options of `strip`, which labels every non-blank line (see RuleSet for the rules) and keeps
// the lines whose label is in `keep`. Kept lines keep the blank lines that stood between them;
// where lines were removed the document's own paragraph break is used, and the text has no
// leading or trailing blank lines. Always, whatever the options: the title and meta lines it
// removed, and notices quoting a 《title》, go to Document::meta_lines with their text, and signals get "input_chars" (code points
// of the text as it arrived) and "removed_chars" (code points of the lines removed).
struct StripOptions {
  bool explain = false;  // write Document::lines: {n, label, rule} for every non-blank line
  std::vector<Label> keep = {Label::kBody};  // labels whose lines stay in text
};

// Options of `extract`.
struct ExtractOptions {
  // Dates after this day ("YYYY-MM-DD") are rejected as implausible. "" means tomorrow by the
  // system clock (UTC): pages in time zones ahead of UTC can carry tomorrow's date. Set it to the
  // crawl date when processing an archive. MakeStage throws ConfigError when it is not a date.
  std::string not_after;
};

// Options of `check`: thresholds on the signals (see pith/check.h); a document fails when it
// breaks any of them. A min-threshold of 0 and a max-threshold of infinity are off. The defaults
// follow published corpus rules; pith/check.h says where each comes from.
struct CheckOptions {
  double min_chars = 200;              // code points, line breaks not counted
  double min_mean_line_length = 10;    // code points per non-blank line
  double min_cjk_ratio = 0;            // off; 0.3 for a Chinese corpus (--lang zh)
  double min_sentence_end_ratio = 0.12;
  double max_boilerplate_ratio = kOff;
  double max_mojibake_ratio = 0.05;
  double max_dup_line_ratio = 0.3;
  double max_spam_score = 0.5;
  double max_invalid_utf8 = kOff;      // a count
  bool drop = false;  // drop failing documents instead of reporting them

  static constexpr double kOff = std::numeric_limits<double>::infinity();
};

// Every stage's options in one place, so a pipeline is configured by one value.
struct StageOptions {
  NormalizeOptions normalize;
  StripOptions strip;
  ExtractOptions extract;
  CheckOptions check;
  // Rules for strip (and extract). nullptr means RuleSet::Default().
  std::shared_ptr<const RuleSet> rules;
};

class Stage {
 public:
  virtual ~Stage() = default;
  // The registry name, e.g. "strip".
  virtual std::string_view Name() const = 0;
  // Rewrites `doc` in place. Never throws for problems with the document itself: those are
  // returned as notes (and a kDrop verdict where the stage drops).
  virtual StageResult Process(Document& doc) const = 0;
};

// Makes the stage registered under `name`. Throws ConfigError for an unknown name (the message
// lists the known ones) and RuleError when the rules cannot be compiled.
std::unique_ptr<Stage> MakeStage(std::string_view name, const StageOptions& options);

// The names MakeStage knows, in pipeline order.
std::vector<std::string> StageNames();

}  // namespace pith
