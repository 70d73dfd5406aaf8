#include "strip_classify.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include "strip_detectors.h"
#include "strip_text.h"

namespace pith::internal {
namespace {

// How much a line reads like running text, before its neighbours are considered (jusText's
// classes: good paragraphs, near-good ones, short ones, and lines with no text at all).
enum class Kind : std::uint8_t { kVoid, kShort, kNear, kGood };

// Where a line stands while the context is resolved: body, boilerplate, not decided yet, or void
// (an image or a bare bullet: it neither makes nor breaks a run of body).
enum class State : std::uint8_t { kVoid, kCand, kBody, kBoiler };

// Which step decided a line, for the id reported in `lines`.
enum class Why : std::uint8_t {
  kNone, kRule, kTitle, kTitleRepeat, kListBlock, kMenuRun, kOutsideBody,
  kBodyProse, kBodyContext, kBodyOnly
};

// Weights below this carry no text: "[logo.gif]", "*", "()".
constexpr int kVoidWeight = 3;

Kind KindOf(const Line& line) {
  const int w = line.Weight();
  if (w < kVoidWeight) return Kind::kVoid;
  const bool marked = line.terminals > 0 || line.commas > 0;
  if (line.MostlyCjk()) {
    // Twenty characters with a comma or a full stop are a sentence; sixty are a paragraph.
    if ((w >= 60 && line.terminals > 0) || (w >= 90 && marked) || w >= 180) return Kind::kGood;
    if ((w >= 36 && marked) || w >= 60) return Kind::kNear;
    return Kind::kShort;
  }
  // Alphabetic scripts: length and the share of function words, as jusText does.
  const double density = line.StopDensity();
  if (line.chars >= 200 && density >= 0.3) return Kind::kGood;
  if (line.chars >= 70 && density >= 0.3 && marked) return Kind::kGood;
  if (line.chars >= 70 && density >= 0.2) return Kind::kNear;
  if (line.words >= 5 && density >= 0.25 && line.ends_terminal) return Kind::kNear;
  return Kind::kShort;
}

// Lines strong enough to end a list block: a paragraph that finishes its sentence.
bool IsStrongBody(const Line& line, Kind kind) {
  return kind == Kind::kGood && line.bullet != Bullet::kSymbol && !line.ends_ellipsis &&
         line.ends_terminal && IsProse(line);
}

// A headline: a few words to a long line, no sentence inside, not a list item.
bool IsTitleLike(const Line& line) {
  if (line.Weight() < 6 || line.chars > 150 || line.bullet == Bullet::kSymbol) return false;
  if (line.ends_ellipsis || line.commas > 3 || line.urls > 0) return false;
  const bool question = line.last == U'？' || line.last == '?' || line.last == U'！' || line.last == '!';
  if (line.terminals > 1 || (line.ends_terminal && !question)) return false;
  return line.terminals == 0 || line.ends_terminal;
}

// The letters, digits and CJK characters of `s`, ASCII lower-cased: what two lines must share to
// be the same title whatever their spacing, punctuation or bullets.
void Squash(std::string_view s, std::string* out) {
  out->clear();
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t at = i;
    const char32_t c = NextCodePoint(s, &i);
    if (!(IsCjk(c) || IsLetter(c) || IsDigit(c))) continue;
    if (c < 0x80) out->push_back(static_cast<char>(c | (IsAsciiAlpha(c) ? 0x20 : 0)));
    else out->append(s.substr(at, i - at));
  }
}

// Penalty a boilerplate line adds to a run of body: enough that a menu of short lines, or one
// long notice, separates two stretches of text.
std::int64_t BoilerCost(const Line& line) { return 10 + line.Weight() / 4; }

}  // namespace

struct Classifier::Work {
  std::vector<int> at;  // line index of each non-blank line, in order; "positions" index this
  std::vector<int> rule;
  std::vector<Kind> kind;
  std::vector<State> state;
  std::vector<Why> why;
  std::vector<std::int64_t> score;
  std::vector<int> hits;
  std::string squash_a, squash_b;
  int title = -1;  // position of the title line

  void Reset(const std::vector<Line>& lines) {
    at.clear();
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (!lines[i].blank) at.push_back(static_cast<int>(i));
    }
    const std::size_t m = at.size();
    rule.assign(m, -1);
    kind.assign(m, Kind::kVoid);
    state.assign(m, State::kCand);
    why.assign(m, Why::kNone);
    title = -1;
  }
  const Line& L(const std::vector<Line>& lines, int p) const { return lines[at[p]]; }
};

Classifier::Classifier(std::shared_ptr<const RuleSet> rules) : rules_(std::move(rules)) {
  html_residue_ = rules_->DetectorRule(kHtmlResidue);
  breadcrumb_ = rules_->DetectorRule(kBreadcrumb);
  link_list_ = rules_->DetectorRule(kLinkList);
  keyword_stuffing_ = rules_->DetectorRule(kKeywordStuffing);
  title_ = rules_->DetectorRule(kTitle);
  title_repeat_ = rules_->DetectorRule(kTitleRepeat);
  list_block_ = rules_->DetectorRule(kListBlock);
  menu_run_ = rules_->DetectorRule(kMenuRun);
  outside_body_ = rules_->DetectorRule(kOutsideBody);
}

// Layer 1: the first rule, in priority order, that matches, among pattern and keyword rules
// (one RE2::Set pass) and the line detectors.
void Classifier::ApplyRules(const std::vector<Line>& lines, Work* w) const {
  const std::vector<Rule>& rules = rules_->rules();
  struct LineDetector {
    int rule;
    bool (*fires)(const Line&);
  };
  const LineDetector detectors[] = {{html_residue_, IsHtmlResidue},
                                    {breadcrumb_, IsBreadcrumb},
                                    {link_list_, IsLinkList},
                                    {keyword_stuffing_, IsKeywordStuffed}};
  const int m = static_cast<int>(w->at.size());
  for (int p = 0; p < m; ++p) {
    const Line& line = w->L(lines, p);
    rules_->Match(line.core, &w->hits);
    int best = -1;
    for (int r : w->hits) {
      if (rules[r].skip_prose && IsProse(line)) continue;
      best = r;
      break;
    }
    for (const LineDetector& d : detectors) {
      if (d.rule >= 0 && (best < 0 || d.rule < best) && d.fires(line)) best = d.rule;
    }
    w->rule[p] = best;
    w->kind[p] = KindOf(line);
    if (best >= 0) w->why[p] = Why::kRule;
  }
}

// The title is the first title-like line before the body; a lynx dump puts the page's <title>
// (the headline plus the site's name) on line 1, and the headline alone again above the text, in
// which case the headline is the title and line 1 one of its repeats. Repeats are chrome.
void Classifier::FindTitle(const std::vector<Line>& lines, Work* w) const {
  const int m = static_cast<int>(w->at.size());
  if (title_ < 0 || m < 2) return;
  // Where the body starts: the first paragraph of running text.
  int body = 0;
  while (body < m && !(w->kind[body] == Kind::kGood && IsProse(w->L(lines, body)))) ++body;
  if (body == m) return;
  auto candidate = [&](int p) { return w->rule[p] < 0 && IsTitleLike(w->L(lines, p)); };
  // A line after the first paragraph may still be the title (a summary can come first) when the
  // text quotes it again, as pages do in their lead and in their notices.
  auto recurs = [&](int p) {
    if (w->L(lines, p).commas > 1) return false;
    Squash(w->L(lines, p).core, &w->squash_a);
    if (w->squash_a.size() < 16) return false;
    int found = 0;
    for (int q = 0; q < m && found < 2; ++q) {
      if (q == p) continue;
      Squash(w->L(lines, q).core, &w->squash_b);
      found += w->squash_b.size() > w->squash_a.size() &&
               w->squash_b.find(w->squash_a) != std::string::npos;
    }
    return found >= 2;
  };
  int title = -1;
  int page_title = candidate(0) ? 0 : -1;
  if (page_title == 0) {
    // The headline alone, somewhere above the body: a large part of line 1.
    Squash(w->L(lines, 0).core, &w->squash_a);
    for (int p = 1; p < body && title < 0; ++p) {
      if (!candidate(p)) continue;
      Squash(w->L(lines, p).core, &w->squash_b);
      if (w->squash_b.size() * 5 >= w->squash_a.size() * 2 &&
          w->squash_a.find(w->squash_b) != std::string::npos)
        title = p;
    }
    if (title < 0) title = 0;
  } else {
    // The title-like line nearest above the body, or the first line after the body starts that
    // the text repeats.
    constexpr int kMaxGap = 12;
    for (int p = body - 1; p >= 0 && p >= body - kMaxGap && title < 0; --p) {
      if (candidate(p)) title = p;
    }
    for (int p = body + 1; p < std::min(m, body + 4) && title < 0; ++p) {
      if (candidate(p) && recurs(p)) title = p;
    }
    if (title < 0) return;
    // Of identical lines the first is the title.
    Squash(w->L(lines, title).core, &w->squash_a);
    for (int p = 0; p < title; ++p) {
      Squash(w->L(lines, p).core, &w->squash_b);
      if (w->rule[p] < 0 && w->squash_b == w->squash_a) {
        title = p;
        break;
      }
    }
  }
  w->title = title;
  w->why[title] = Why::kTitle;
  if (title_repeat_ < 0) return;
  Squash(w->L(lines, title).core, &w->squash_a);
  for (int p = 0; p < m; ++p) {
    if (p == title || w->rule[p] >= 0) continue;
    Squash(w->L(lines, p).core, &w->squash_b);
    if (w->squash_b == w->squash_a || p == page_title) w->why[p] = Why::kTitleRepeat;
  }
}

// A list header ("猜你喜欢", "Related stories") makes the lines under it chrome until a paragraph
// that finishes its sentence shows the body has resumed.
void Classifier::MarkListBlocks(const std::vector<Line>& lines, Work* w) const {
  if (list_block_ < 0) return;
  const std::vector<Rule>& rules = rules_->rules();
  const int m = static_cast<int>(w->at.size());
  for (int p = 0; p < m; ++p) {
    if (w->rule[p] < 0 || !rules[w->rule[p]].opens_block) continue;
    int q = p + 1;
    for (; q < m; ++q) {
      if (w->why[q] == Why::kTitle) break;
      // A date or byline under a list header belongs to an item, not to the article.
      const bool item_meta = w->why[q] == Why::kRule && rules[w->rule[q]].label == Label::kMeta;
      if (w->why[q] != Why::kNone && !item_meta) continue;
      if (IsStrongBody(w->L(lines, q), w->kind[q])) break;
      w->why[q] = Why::kListBlock;
    }
    p = q - 1;
  }
}

// Layer 2 and the first part of layer 3: good lines are body, boilerplate stays boilerplate, and
// the lines in between are decided by their neighbours, as jusText does: a near-good line next to
// body is body; a few short lines between body lines are headings or captions; a short sentence
// after the body ends it; everything else short is menu.
void Classifier::ResolveByContext(const std::vector<Line>& lines, Work* w) const {
  const int m = static_cast<int>(w->at.size());
  for (int p = 0; p < m; ++p) {
    if (w->kind[p] == Kind::kVoid) w->state[p] = State::kVoid;
    else if (w->why[p] != Why::kNone) w->state[p] = State::kBoiler;
    else if (w->kind[p] == Kind::kGood) w->state[p] = State::kBody;
    else w->state[p] = State::kCand;
  }
  if (menu_run_ < 0) {
    for (State& s : w->state) {
      if (s == State::kCand) s = State::kBody;
    }
    return;
  }
  // Near-good lines next to body become body, spreading both ways.
  for (int round = 0; round < 2; ++round) {
    State last = State::kVoid;
    for (int p = 0; p < m; ++p) {
      if (w->state[p] == State::kCand && w->kind[p] == Kind::kNear && last == State::kBody)
        w->state[p] = State::kBody;
      if (w->state[p] != State::kVoid) last = w->state[p];
    }
    last = State::kVoid;
    for (int p = m - 1; p >= 0; --p) {
      if (w->state[p] == State::kCand && w->kind[p] == Kind::kNear && last == State::kBody)
        w->state[p] = State::kBody;
      if (w->state[p] != State::kVoid) last = w->state[p];
    }
  }
  // Runs of undecided lines, judged by what surrounds them.
  constexpr int kMaxWedged = 4;
  int p = 0;
  while (p < m) {
    if (w->state[p] != State::kCand) {
      ++p;
      continue;
    }
    int q = p;
    int count = 0;
    while (q < m && (w->state[q] == State::kCand || w->state[q] == State::kVoid)) {
      count += w->state[q] == State::kCand;
      ++q;
    }
    State before = State::kVoid;
    for (int k = p - 1; k >= 0 && before == State::kVoid; --k) before = w->state[k];
    const State after = q < m ? w->state[q] : State::kVoid;
    int ended = 0;  // short sentences that close the body
    for (int k = p; k < q; ++k) {
      if (w->state[k] != State::kCand) continue;
      const Line& line = w->L(lines, k);
      bool body = false;
      if (before == State::kBody && after == State::kBody) {
        body = count <= kMaxWedged;
      } else if (before == State::kBody) {
        body = ended < 2 && line.ends_terminal && line.bullet != Bullet::kSymbol;
        if (!body) ended = 2;
        else ++ended;
      }
      w->state[k] = body ? State::kBody : State::kBoiler;
      if (!body) w->why[k] = Why::kMenuRun;
    }
    p = q;
  }
}

// Layer 3: the body is the densest run of content lines: the stretch that maximizes body weight
// minus boilerplate cost (Kadane over the lines). Body-like lines outside it (teasers, footers,
// sidebars) are chrome.
void Classifier::KeepDensestRun(const std::vector<Line>& lines, Work* w) const {
  if (outside_body_ < 0) return;
  const int m = static_cast<int>(w->at.size());
  std::int64_t best = 0, sum = 0;
  int best_from = 0, best_to = -1, from = 0;
  for (int p = 0; p < m; ++p) {
    std::int64_t s = 0;
    if (w->state[p] == State::kBody) s = w->L(lines, p).Weight();
    else if (w->state[p] == State::kBoiler) s = -BoilerCost(w->L(lines, p));
    if (sum <= 0) {
      sum = 0;
      from = p;
    }
    sum += s;
    if (sum > best) {
      best = sum;
      best_from = from;
      best_to = p;
    }
  }
  for (int p = 0; p < m; ++p) {
    if (w->state[p] == State::kBody && (p < best_from || p > best_to)) {
      w->state[p] = State::kBoiler;
      w->why[p] = Why::kOutsideBody;
    }
  }
}

void Classifier::Classify(const std::vector<Line>& lines, std::vector<Decision>* out) const {
  thread_local Work work;
  Work* w = &work;
  w->Reset(lines);
  ApplyRules(lines, w);
  FindTitle(lines, w);
  MarkListBlocks(lines, w);
  ResolveByContext(lines, w);
  KeepDensestRun(lines, w);

  const int m = static_cast<int>(w->at.size());
  bool any_body = false;
  for (int p = 0; p < m; ++p) any_body = any_body || w->state[p] == State::kBody;
  // A page with no body at all but a sentence or two is a short article, not boilerplate.
  if (!any_body) {
    for (int p = 0; p < m; ++p) {
      const Line& line = w->L(lines, p);
      if (w->rule[p] < 0 && w->why[p] != Why::kTitle && w->why[p] != Why::kTitleRepeat &&
          (line.ends_terminal || IsProse(line))) {
        w->state[p] = State::kBody;
        w->why[p] = Why::kBodyOnly;
      }
    }
  }

  const std::vector<Rule>& rules = rules_->rules();
  auto by_rule = [&](int r) { return Decision{rules[r].label, rules[r].id}; };
  out->assign(lines.size(), Decision{});
  for (int p = 0; p < m; ++p) {
    Decision& d = (*out)[w->at[p]];
    switch (w->why[p]) {
      case Why::kRule: d = by_rule(w->rule[p]); break;
      case Why::kTitle: d = by_rule(title_); break;
      case Why::kTitleRepeat: d = by_rule(title_repeat_); break;
      case Why::kListBlock: d = by_rule(list_block_); break;
      case Why::kMenuRun: d = by_rule(menu_run_); break;
      case Why::kOutsideBody: d = by_rule(outside_body_); break;
      case Why::kBodyOnly: d = {Label::kBody, kBodyOnly}; break;
      default:
        if (w->state[p] == State::kBody) {
          d = {Label::kBody, w->kind[p] == Kind::kGood ? kBodyProse : kBodyContext};
        } else if (w->state[p] == State::kVoid) {
          // An image or bare bullet no rule named: body between body lines, chrome elsewhere.
          int a = p - 1, b = p + 1;
          while (a >= 0 && w->state[a] == State::kVoid) --a;
          while (b < m && w->state[b] == State::kVoid) ++b;
          const bool inside = a >= 0 && b < m && w->state[a] == State::kBody && w->state[b] == State::kBody;
          d = inside || menu_run_ < 0 ? Decision{Label::kBody, kBodyContext} : by_rule(menu_run_);
        } else {
          d = {Label::kBody, kBodyContext};
        }
    }
  }
}

}  // namespace pith::internal
