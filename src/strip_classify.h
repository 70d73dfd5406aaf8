// The line classifier behind strip: rules first, then the document's structure. Private to the
// library; the stage in stages/strip.cc turns its decisions into text, lines and meta_lines.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "pith/document.h"
#include "pith/rules.h"
#include "strip_lines.h"

namespace re2 {
class RE2;
}

namespace pith::internal {

// The verdict on one line and who decided it: a rule id, or one of the body detectors below.
// `rule` points into the RuleSet or at a string literal, so it lives as long as the classifier.
struct Decision {
  Label label = Label::kBody;
  std::string_view rule;
};

// Ids reported for body lines, which no rule decides.
inline constexpr std::string_view kBodyProse = "body.prose";      // reads as running text
inline constexpr std::string_view kBodyContext = "body.context";  // short, but among body lines
inline constexpr std::string_view kBodyOnly = "body.only-text";   // nothing else on the page
inline constexpr std::string_view kBodyReply = "body.reply";      // a reply in a forum thread
inline constexpr std::string_view kBodyList = "body.list";        // a point of the body's list

// Labels lines in three layers, each explainable:
//  1. per line: the rules (one RE2::Set pass) and the line detectors (breadcrumb, link list...);
//  2. per line: how much it reads like running text (length, sentence marks, function words);
//  3. per document: the title and its repeats, the lists under list headers, short lines wedged
//     between boilerplate, and the densest run of content lines, which is taken for the body:
//     cut where an article's comments begin, and with the replies under it when the page is a
//     forum thread.
// Immutable; Classify is thread-safe.
class Classifier {
 public:
  explicit Classifier(std::shared_ptr<const RuleSet> rules);
  ~Classifier();

  // Fills `out` with one decision per line of `lines` (blank lines get kBody and no rule; they
  // are not labelled).
  void Classify(const std::vector<Line>& lines, std::vector<Decision>* out) const;

  // Whether a rule claims `line` by itself as a site's furniture (chrome): such a line is
  // whole, whatever follows it. Metadata rules are not asked: a dateline's pattern also matches
  // a sentence that opens with a date.
  bool Claims(const Line& line) const;

 private:
  struct Work;
  void ApplyRules(const std::vector<Line>& lines, Work* w) const;
  void FindTitle(const std::vector<Line>& lines, Work* w) const;
  void MarkListBlocks(const std::vector<Line>& lines, Work* w) const;
  void FindDensestRun(const std::vector<Line>& lines, Work* w) const;
  void EndAtComments(const std::vector<Line>& lines, Work* w) const;
  void FindReplies(const std::vector<Line>& lines, Work* w) const;
  bool Posted(const std::vector<Line>& lines, Work* w, int p) const;
  // Whether a meta rule (a byline, a date line) claims position p.
  bool ClaimedAsMeta(const Work& w, int p) const;
  // Whether p is the headline, a repeat of it, or its byline: what the text's opening stands under.
  bool HeadsText(const Work& w, int p) const;
  void ResolveByContext(const std::vector<Line>& lines, Work* w) const;

  std::shared_ptr<const RuleSet> rules_;
  // When a post was written: a date and a time of day ("2020.06.09 09:42", "2024年5月15日 20点20分"),
  // or how long ago ("3天前", "2 hours ago"), or "March 10, 2017 at 1:26 AM".
  std::unique_ptr<const re2::RE2> posted_;
  // Rule indices of the detectors, -1 when switched off.
  int html_residue_, script_residue_, breadcrumb_, link_list_, keyword_stuffing_, doubled_;
  int title_, title_repeat_, list_block_, menu_run_, outside_body_;
};

}  // namespace pith::internal
