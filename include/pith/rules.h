// RuleSet: the boilerplate rules strip applies, as data.
//
//   auto rules = pith::RuleSet::Default();                 // compiled into the library
//   auto mine  = pith::RuleSet::FromFile("my_rules.json");  // {"extends": "default", "rules": [...]}
//   std::vector<int> hits;
//   rules->Match("相关阅读：", &hits);                        // indices into rules->rules()
//
// A rules file is {"version": 1?, "extends": "default"?, "rules": [RULE, ...]}. A RULE is
//
//   {"id": "chrome.related-header",         unique; names the rule in `lines` and in errors
//    "label": "chrome",                     body|title|meta|spam|chrome|notice
//    "why": "one line: the kind of boilerplate it finds",
//    "langs": ["zh", "en"],                 the languages its words are in; ["*"] = any (default)
//    and exactly one of
//    "patterns": ["RE2", ...],              matched anywhere in the line, case-insensitively
//    "keywords": ["literal", ...],          any of these phrases, case-insensitively
//    "detector": "breadcrumb",              a structural detector built into strip (DetectorNames)
//    and optionally
//    "max_chars": 40,                       applies only to lines of at most 40 code points
//    "min_hits": 2,                         keywords: at least 2 different ones in the line
//    "whole_line": true,                    keywords: the line is one keyword, give or take
//                                           punctuation, symbols and digits around it
//    "skip_prose": true,                    strip ignores the rule on lines that read as prose
//    "opens_block": true,                   the line heads a list (related links, hot news):
//                                           strip labels the lines under it chrome until the
//                                           body resumes
//    "in_text": true,                       the line stands inside articles (an image, an
//                                           advertisement marker): strip does not let it end
//                                           the body, and judges the lines after it by the
//                                           text before it
//    "ends_article": true,                  the line opens what follows an article (a comment
//                                           section): under a stretch of text, strip ends the
//                                           body above it, whatever text comes after
//    "enabled": false}                      turns the rule off; with "extends", an entry of just
//                                           {"id", "enabled": false} switches a default rule off
//
// Lines are matched without their surrounding whitespace and list bullets. With
// "extends": "default" the file's rules are added to the defaults, ahead of them, and a rule whose
// id is already there replaces it in place; without, the file's rules are the whole set. When
// several rules match a line, the first in that order decides. The languages are descriptive:
// every rule is tried on every document, because pages mix languages in their chrome (an English
// copyright footer on a Chinese page), and a pattern only matches text in its own language.
//
// Loading rejects unknown keys, a missing or empty id, label or why, empty patterns or keywords,
// duplicate ids, unknown detectors, and patterns that do not compile, with a RuleError naming the
// file, the JSON path and the rule id, e.g.
//   my_rules.json: /rules/3/patterns/0: missing ): (ab (rule "chrome.nav")
//
// All patterns and keywords of a set are compiled once into RE2::Sets, so a line is matched
// against every rule in two searches (patterns anchored at the start, and the others), however
// many rules there are. A RuleSet is immutable and thread-safe once built; stages share it
// through shared_ptr.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pith/document.h"

namespace pith {

// One rule as written in the data (the compiled matchers live inside the RuleSet).
struct Rule {
  std::string id;
  Label label = Label::kChrome;
  std::string why;
  std::vector<std::string> langs = {"*"};
  std::vector<std::string> patterns;  // RE2 syntax
  std::vector<std::string> keywords;  // literal phrases
  std::string detector;               // name of a structural detector, or empty
  int max_chars = 0;                  // 0 = lines of any length
  int min_hits = 1;                   // keywords only
  bool whole_line = false;            // keywords only
  bool skip_prose = false;
  bool opens_block = false;
  bool in_text = false;
  bool ends_article = false;
  bool enabled = true;
};

// The rule's JSON form, as a rules file writes it (`pith rules --json`).
Json RuleToJson(const Rule& rule);

// The names a rule's "detector" may take: the structural detectors strip implements.
const std::vector<std::string>& DetectorNames();

class RuleSet {
 public:
  ~RuleSet();
  RuleSet(const RuleSet&) = delete;
  RuleSet& operator=(const RuleSet&) = delete;

  // The built-in rules (src/default_rules.json). Parsed and compiled once per process.
  static std::shared_ptr<const RuleSet> Default();
  // Loads rules from JSON text; `where` names the source in messages. Throws RuleError.
  static std::shared_ptr<const RuleSet> FromJsonText(std::string_view text, const std::string& where);
  // Loads a rules file. Throws InputError if it cannot be read, RuleError if it is invalid.
  static std::shared_ptr<const RuleSet> FromFile(const std::string& path);

  // The enabled rules in priority order.
  const std::vector<Rule>& rules() const;

  // Fills `hits` with the indices (into rules(), ascending, so the first decides) of the pattern
  // and keyword rules that match `line`, honouring max_chars, min_hits and whole_line. `line`
  // should already be trimmed of whitespace and bullets, as strip does. `hits` is cleared first;
  // reusing one vector across calls avoids allocation. Thread-safe. Verdicts on short lines are
  // remembered per thread (a bounded table), so boilerplate seen before costs a lookup.
  void Match(std::string_view line, std::vector<int>* hits) const;

  // The index of the enabled rule using `detector`, or -1 when none does.
  int DetectorRule(std::string_view detector) const;

 private:
  struct Impl;
  explicit RuleSet(std::unique_ptr<Impl> impl);
  void MatchUncached(std::string_view line, std::vector<int>* hits) const;
  std::unique_ptr<Impl> impl_;
  std::uint64_t number_;  // names this set in the per-thread memo of verdicts
};

}  // namespace pith
