// RuleSet: the boilerplate rules strip applies, as data.
//
//   auto rules = pith::RuleSet::Default();                 // compiled into the library
//   auto mine  = pith::RuleSet::FromFile("my_rules.json");  // {"extends": "default", "rules": [...]}
//
// A rules file is {"extends": "default"?, "rules": [{"id", "label", "why", ...}, ...]}. With
// "extends": "default" its rules are added to the defaults, and a rule whose id is already there
// replaces it; without, the file's rules are the whole set. The loader rejects unknown keys,
// empty patterns, duplicate ids and patterns that do not compile, with a RuleError naming the
// file, the JSON path and the rule id.
//
// A RuleSet is immutable and thread-safe once built; stages share it through shared_ptr.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pith/document.h"

namespace pith {

// One rule as written in the data (the compiled matchers live in the RuleSet).
struct Rule {
  std::string id;
  Label label = Label::kChrome;
  std::string why;
  Json spec;  // the rule's JSON object as loaded
};

class RuleSet {
 public:
  ~RuleSet();
  RuleSet(const RuleSet&) = delete;
  RuleSet& operator=(const RuleSet&) = delete;

  // The built-in rules. Parsed and compiled once per process.
  static std::shared_ptr<const RuleSet> Default();
  // Loads rules from JSON text; `where` names the source in messages. Throws RuleError.
  static std::shared_ptr<const RuleSet> FromJsonText(std::string_view text, const std::string& where);
  // Loads a rules file. Throws InputError if it cannot be read, RuleError if it is invalid.
  static std::shared_ptr<const RuleSet> FromFile(const std::string& path);

  const std::vector<Rule>& rules() const;

  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  explicit RuleSet(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace pith
