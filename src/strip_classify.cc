#include "strip_classify.h"

#include <re2/re2.h>

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
  kNone, kRule, kTitle, kTitleRepeat, kListBlock, kMenuRun, kOutsideBody, kBodyOnly, kReply, kListPoint
};

// Weights below this carry no text: "[logo.gif]", "*", "()".
constexpr int kVoidWeight = 3;

// Whether a line ends in a colon. The separators of a title ("Blog :: Site ::") end in a colon
// too, but in two.
bool EndsInColon(const Line& line) {
  return (line.last == ':' || line.last == U'：') && !line.core.ends_with("::");
}

// A line that ends in a colon and says enough to lead into what follows: the salutation of a
// notice ("各区、各有关单位："), "Here is what we know so far:".
bool LeadsIn(const Line& line) { return EndsInColon(line) && (line.words >= 5 || line.cjk >= 8); }

// A lead-in that announces a list under it: "参数如下：", "The changes include the following:".
// A header of related links says what the links are ("以下为相关报道：", "More on this
// story:"), not that a list follows.
bool AnnouncesList(const Line& line) {
  if (!EndsInColon(line) || (line.words < 3 && line.cjk < 4)) return false;
  for (std::string_view word : {"如下", "下列", "following", "as follows"}) {
    if (line.core.find(word) != std::string_view::npos) return true;
  }
  return false;
}

// A news agency's dateline on a line of its own, which Chinese wire stories open with:
// "新华社上海11月30日电", "中新网北京3月5日电（记者 张三）", "本报北京3月5日讯",
// "TNW中文站 10月14日报道".
bool IsWireDateline(const Line& line) {
  std::string_view s = line.core;
  // The reporter's note: from the last opening bracket of the kind that closes the line.
  if (s.ends_with("）") || s.ends_with(")")) {
    const std::size_t open = s.ends_with(")") ? s.rfind('(') : s.rfind("（");
    if (open == std::string_view::npos) return false;
    s = s.substr(0, open);
  }
  while (s.ends_with(' ')) s.remove_suffix(1);
  return (s.ends_with("日电") || s.ends_with("日讯") || s.ends_with("日报道") ||
          s.ends_with("日消息")) &&
         s.find("月") != std::string_view::npos;
}

// What may stand right above an article's first paragraph and belong to it.
bool OpensText(const Line& line) { return LeadsIn(line) || IsWireDateline(line); }

// The unit of a heading that opens the first of its kind ("第一章 总则": 章; 节, 部分, 编, 篇 the
// same), or "" for other lines.
std::string_view FirstChapterUnit(std::string_view s) {
  constexpr std::string_view kFirst = "第一";
  if (!s.starts_with(kFirst)) return "";
  s.remove_prefix(kFirst.size());
  for (std::string_view unit : {"章", "节", "節", "部分", "编", "編", "篇"}) {
    if (s.starts_with(unit)) return unit;
  }
  return "";
}

// A sentence that closes the text, or leads into what the page shows next ("see the video
// below:"): the short lines that may end an article.
bool ClosesSentence(const Line& line) { return line.ends_terminal || LeadsIn(line); }

Kind KindOf(const Line& line) {
  const int w = line.Weight();
  if (w < kVoidWeight || IsImageName(line.core)) return Kind::kVoid;
  const bool marked = line.terminals > 0 || line.commas > 0;
  if (line.MostlyCjk()) {
    // Twenty characters with a comma or a full stop are a sentence; sixty are a paragraph, but
    // not without a single mark (a sidebar's run of names). Headlines end in ！ or ？ and rarely
    // hold a full stop; sentences do.
    if ((w >= 60 && line.periods > 0) || (w >= 90 && line.terminals > 0 && line.commas > 0) ||
        (w >= 180 && marked))
      return Kind::kGood;
    if ((w >= 36 && marked) || w >= 60) return Kind::kNear;
    return Kind::kShort;
  }
  // Alphabetic scripts: length and the share of function words, as jusText does.
  // Headlines Capitalize Most Words and end without a full stop: text, not a paragraph.
  // (German capitalizes its nouns, but its sentences are full of function words.)
  if (line.words >= 4 && 10 * line.caps >= 6 * line.words && !line.ends_terminal &&
      line.StopDensity() < 0.35)
    return line.chars >= 40 && line.chars <= 150 ? Kind::kNear : Kind::kShort;
  // Languages whose function words the list lacks still write long sentences: several full
  // stops in a long line are running text in any alphabet.
  const double density = line.StopDensity();
  if (line.chars >= 200 && density >= 0.3) return Kind::kGood;
  if (line.chars >= 70 && density >= 0.3 && marked) return Kind::kGood;
  if (line.chars >= 150 && line.terminals >= 2 && density >= 0.1) return Kind::kGood;
  if (line.chars >= 150 && line.terminals >= 1 && density >= 0.25) return Kind::kGood;
  if (line.chars >= 70 && density >= 0.2) return Kind::kNear;
  if (line.chars >= 70 && line.terminals >= 1 && line.ends_terminal) return Kind::kNear;
  if (line.words >= 5 && density >= 0.25 && line.ends_terminal) return Kind::kNear;
  return Kind::kShort;
}

// Lines strong enough to end a list block: a paragraph that finishes its sentence.
bool IsStrongBody(const Line& line, Kind kind) {
  return kind == Kind::kGood && line.bullet != Bullet::kSymbol && !line.ends_ellipsis &&
         line.ends_terminal && IsProse(line);
}

// Whether a rule's line closes the text above it: a list header, or a notice other than those
// that stand inside articles (a newsletter box between paragraphs).
bool ClosesText(const Rule& rule) {
  return rule.opens_block || (rule.label == Label::kNotice && !rule.in_text);
}

// Whether `s` numbers a floor of a thread, "3楼" or "12 樓": the post it signs or heads.
bool NamesFloor(std::string_view s) {
  for (std::string_view floor : {std::string_view("楼"), std::string_view("樓")}) {
    for (std::size_t at = s.find(floor); at != std::string_view::npos; at = s.find(floor, at + 1)) {
      std::size_t k = at;
      while (k > 0 && s[k - 1] == ' ') --k;
      if (k > 0 && s[k - 1] >= '0' && s[k - 1] <= '9') return true;
    }
  }
  return false;
}

// A headline: a few words to a long line, no sentence inside, not a list item.
bool IsTitleLike(const Line& line) {
  if (line.Weight() < 6 || line.chars > 150 || line.bullet == Bullet::kSymbol) return false;
  if (line.ends_ellipsis || line.commas > 3 || line.urls > 0) return false;
  // "Dezubekizacja reaktywacja. Czyli daty mają znaczenie" is a title; a line that ends in a
  // full stop is a sentence.
  const bool question = line.last == U'？' || line.last == '?' || line.last == U'！' || line.last == '!';
  return line.terminals <= 2 && (!line.ends_terminal || question);
}

// The number of a numbered list item ("6. ", "7、"), or -1 for other lines.
int ItemNumber(const Line& line) {
  if (line.bullet != Bullet::kNumber) return -1;
  const std::string_view t = line.text;
  std::size_t i = 0;
  while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) ++i;
  int n = 0;
  for (; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i) n = 10 * n + (t[i] - '0');
  return n;
}

// Whether `s` opens with a number that counts its place in a list ("1. ", "2、", "3)"): a table
// of contents numbers its headings, a recipe measures what it takes ("2 cups").
bool Numbered(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i == 0 || i == s.size()) return false;
  const std::string_view rest = s.substr(i);
  return rest.starts_with(". ") || rest.starts_with(") ") || rest.starts_with("、") ||
         rest.starts_with("）");
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

// A rule that spares prose does not claim a sentence its pattern matches.
bool Spares(const Rule& rule, const Line& line) { return rule.skip_prose && IsProse(line); }

// A table's row, its cells set apart by runs of spaces. Chinese sets names apart so too, in
// lines that may be a headline.
bool TableRow(const Line& line) {
  return !line.MostlyCjk() && line.core.find("  ") != std::string_view::npos;
}

// The most rows of a table in an article's section.
constexpr int kMaxTableRows = 20;

}  // namespace

struct Classifier::Work {
  std::vector<int> at;  // line index of each non-blank line, in order; "positions" index this
  std::vector<int> rule;
  std::vector<Kind> kind;
  std::vector<State> state;
  std::vector<Why> why;
  // List items: bulleted lines, and the line after a bullet that holds only an image (lynx puts
  // "+ [thumb.jpg]" on one line and the item's headline on the next).
  std::vector<bool> item;
  // Lines a rule marks as standing inside articles (Rule::in_text).
  std::vector<bool> in_text;
  // Lines where the text resumes under a list a header opened (MarkListBlocks).
  std::vector<bool> resumes;
  std::vector<std::int64_t> score;
  std::vector<std::uint64_t> hash;  // of each line's letters, to find repeats
  // Whether a line dates a post (Classifier::Posted), asked once per line and only when needed:
  // -1 not asked yet, else 0 or 1.
  std::vector<std::int8_t> posted;
  std::vector<int> hits;
  std::string squash_a, squash_b;
  int title = -1;  // position of the title line
  int anchor = -1;  // the headline (the title or a repeat of it) the body follows, if any
  int from = 0, to = -1;  // the densest run of content, positions inclusive
  // Where the run started before the short sentences above it joined it (they are body), or -1.
  int led_from = -1;
  // Whether most paragraphs stand apart, with a blank line under them (HTML's paragraphs in a
  // text dump; a list's items, a card's lines and lines broken by <br> come without).
  bool spaced = false;

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
    item.assign(m, false);
    posted.assign(m, -1);
    in_text.assign(m, false);
    resumes.assign(m, false);
    title = -1;
    anchor = -1;
    led_from = -1;
    spaced = false;
  }
  const Line& L(const std::vector<Line>& lines, int p) const { return lines[at[p]]; }
  // Whether the lines right above and below p, with no blank line between, are no paragraphs
  // and one of them is a rule's (other than the markers that stand inside articles).
  bool Glued(int p) const {
    const int m = static_cast<int>(at.size());
    if (p == 0 || p + 1 >= m || at[p - 1] + 1 != at[p] || at[p] + 1 != at[p + 1]) return false;
    auto ruled = [&](int q) { return why[q] == Why::kRule && !in_text[q]; };
    return kind[p - 1] != Kind::kGood && kind[p + 1] != Kind::kGood && (ruled(p - 1) || ruled(p + 1));
  }
  // Whether the body resumes at position p after a list: a paragraph followed by more text (an
  // item's summary is followed by the next item), or three lines of text in a row (blogs written
  // in lines of phrases, without sentence marks; an item is a headline and a summary at most).
  // A bulleted line never does: under a list header, bullets are the list's own items, even when
  // they are whole sentences (a list of questions).
  // On a page that sets its paragraphs apart with blank lines (`spaced`), text that runs straight
  // into a list item or a rule's line is an item's summary running into the next item.
  bool BodyResumes(const std::vector<Line>& lines, int p, bool spaced) const {
    if (L(lines, p).bullet == Bullet::kSymbol) return false;
    const int m = static_cast<int>(at.size());
    for (int r = p; spaced && r + 1 < m && at[r + 1] == at[r] + 1; ++r) {
      if (why[r + 1] != Why::kNone || item[r + 1]) return false;
    }
    auto next = [&](int q) {
      ++q;
      while (q < m && kind[q] == Kind::kVoid) ++q;
      return q;
    };
    if (IsStrongBody(L(lines, p), kind[p])) {
      // More text within the next few lines, with no list item or rule line in between
      // (a heading or a repeat of the title may stand between two paragraphs).
      int r = next(p);
      if (r >= m) return true;
      for (int k = 0; k < 3 && r < m; ++k, r = next(r)) {
        if (why[r] == Why::kTitleRepeat) continue;
        if (why[r] != Why::kNone || item[r]) return false;
        if (Prose(lines, r)) return true;
      }
      return false;
    }
    int q = p;
    for (int k = 0; k < 3; ++k, q = next(q)) {
      if (q >= m || why[q] != Why::kNone || !TextLine(lines, q)) return false;
    }
    return true;
  }
  // The nearest line before and after p that holds text (images, bare bullets, repeats of the
  // title and lines that stand inside articles, such as advertisement markers, skipped).
  bool Skipped(int p) const {
    return kind[p] == Kind::kVoid || why[p] == Why::kTitleRepeat ||
           (why[p] == Why::kRule && in_text[p]);
  }
  int Prev(int p) const {
    do --p; while (p >= 0 && Skipped(p));
    return p;
  }
  int Next(int p) const {
    const int m = static_cast<int>(at.size());
    do ++p; while (p < m && Skipped(p));
    return p;
  }
  // Prose and phrase lines: undecided text that is (not) a sentence.
  bool Prose(const std::vector<Line>& lines, int p) const {
    return p >= 0 && p < static_cast<int>(at.size()) && why[p] == Why::kNone &&
           TextLine(lines, p) && (kind[p] == Kind::kGood || !IsTitleLike(L(lines, p)));
  }
  bool Phrase(const std::vector<Line>& lines, int p) const {
    return p >= 0 && p < static_cast<int>(at.size()) && why[p] == Why::kNone &&
           TextLine(lines, p) && !Prose(lines, p);
  }
  bool NextToProse(const std::vector<Line>& lines, int p) const {
    return Prose(lines, Prev(p)) || Prose(lines, Next(p));
  }
  // Whether p sits under a headline that does not follow text (a subheading follows the last
  // paragraph of the section before; an item's headline follows the last item's furniture).
  // An item's author, date or source may stand between its headline and its summary, which a
  // section's heading and paragraph never have.
  bool UnderHeadline(const std::vector<Line>& lines, int p) const {
    int q = Prev(p);
    int furniture = 0;
    for (; furniture < 2 && q >= 0 && L(lines, q).Weight() < 18; ++furniture) q = Prev(q);
    if (q < 0 || (why[q] != Why::kNone && why[q] != Why::kListBlock)) return false;
    const Line& line = L(lines, q);
    // Words of a few CJK characters set apart by spaces are a row of buttons ("向TA提问 私信TA"),
    // not a headline, and nor is the last line of a block of code, or a table's row (an
    // encyclopedia's box of facts over its lead).
    const bool buttons = line.MostlyCjk() && line.cjk < 4 * (line.spaces + 1);
    if (!item[q] && (line.Weight() < 18 || !IsTitleLike(line) || buttons || TableRow(line) ||
                     IsCode(line)))
      return false;
    if (furniture > 0) return true;
    // A section's table (a review's specifications, under their own short heading) may stand
    // between its text and the next section's heading. Not every row shows a run of spaces: the
    // widest cell of a column is set apart by one.
    int before = Prev(q), rows = 0;
    for (int k = 0; k < kMaxTableRows && before >= 0 && !Prose(lines, before) && !item[before];
         ++k) {
      rows += TableRow(L(lines, before));
      before = Prev(before);
    }
    return !Prose(lines, rows >= 2 ? before : Prev(q));
  }
  // Runs of phrases are how some Chinese blogs write; in alphabetic scripts such runs are lists
  // of headlines.
  bool NextToPhrases(const std::vector<Line>& lines, int p) const {
    return L(lines, p).MostlyCjk() && (Phrase(lines, Prev(p)) || Phrase(lines, Next(p)));
  }
  // Whether p is undecided and carries on the numbered list of the text line before it.
  bool NextItem(const std::vector<Line>& lines, int p) const {
    const int n = ItemNumber(L(lines, p));
    const int before = Prev(p);
    return n > 0 && why[p] == Why::kNone && before >= 0 && ItemNumber(L(lines, before)) == n - 1;
  }
  // Whether p, no item, is the heading that an entry of a numbered table of contents a little
  // above names ("History[edit]" under "1 History", "历史沿革[编辑]" under "1 历史沿革"): the
  // sections under a table of contents come back with their headings, a few lines under it.
  bool NamesEntry(const std::vector<Line>& lines, int p) const {
    constexpr int kWithin = 40;  // lines: a long table of contents, and the headings under it
    constexpr std::size_t kMaxSuffix = 8;  // an edit link's "[edit]" after the heading
    const std::string_view heading = L(lines, p).core;
    if (item[p]) return false;
    for (int k = Prev(p); k >= 0 && k >= p - kWithin; k = Prev(k)) {
      // Numbered as a list ("1. 一、问题背景", the number gone with the marker) or as sections
      // under bullets ("* 1.1 Early years").
      std::string_view entry = L(lines, k).core;
      const bool numbered = L(lines, k).bullet == Bullet::kNumber;
      if (!numbered && (!item[k] || entry.empty() || entry[0] < '0' || entry[0] > '9')) continue;
      entry.remove_prefix(std::min(entry.size(), entry.find_first_not_of("0123456789. ")));
      if (entry.size() >= 4 && heading.starts_with(entry) &&
          heading.size() <= entry.size() + kMaxSuffix)
        return true;
    }
    return false;
  }
  // Whether p is the heading of a text's first chapter whose second stands below, up to `last`
  // ("第一章 总则" over "第一条", "第二章" further down).
  bool OpensChapters(const std::vector<Line>& lines, int p, int last) const {
    const std::string_view unit = FirstChapterUnit(L(lines, p).core);
    if (unit.empty()) return false;
    const std::string second = std::string("第二").append(unit);
    for (int k = p + 1; k <= last; ++k) {
      if (L(lines, k).core.starts_with(second)) return true;
    }
    return false;
  }
  // A line of text that is not a list item or a teaser.
  bool TextLine(const std::vector<Line>& lines, int p) const {
    return (kind[p] == Kind::kNear || kind[p] == Kind::kGood) && !item[p] && !L(lines, p).ends_ellipsis;
  }
};

Classifier::Classifier(std::shared_ptr<const RuleSet> rules)
    : rules_(std::move(rules)),
      posted_(std::make_unique<const RE2>(
          R"((?:^|\D)(?:\d{4}|\d{2})\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\D{0,12}?\d{1,2}\s*[:：点]\s*\d{2})"
          R"(|\d\s*(?:秒|分钟|分鐘|小时|小時|天|周|週|个月|個月|月|年)前(?:$|[^\p{Han}]))"
          R"(|(?i:\b\d+\s*(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b))"
          R"(|(?i:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\D{0,8}?\d{1,2}:\d{2}))"
          R"(|(?i:\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}\D{0,8}?\d{1,2}:\d{2}))")) {
  html_residue_ = rules_->DetectorRule(kHtmlResidue);
  script_residue_ = rules_->DetectorRule(kScriptResidue);
  breadcrumb_ = rules_->DetectorRule(kBreadcrumb);
  link_list_ = rules_->DetectorRule(kLinkList);
  keyword_stuffing_ = rules_->DetectorRule(kKeywordStuffing);
  doubled_ = rules_->DetectorRule(kDoubled);
  title_ = rules_->DetectorRule(kTitle);
  title_repeat_ = rules_->DetectorRule(kTitleRepeat);
  list_block_ = rules_->DetectorRule(kListBlock);
  menu_run_ = rules_->DetectorRule(kMenuRun);
  outside_body_ = rules_->DetectorRule(kOutsideBody);
}

Classifier::~Classifier() = default;

bool Classifier::Claims(const Line& line) const {
  thread_local std::vector<int> hits;
  rules_->Match(line.core, &hits);
  const std::vector<Rule>& rules = rules_->rules();
  return std::any_of(hits.begin(), hits.end(), [&](int hit) {
    return rules[hit].label == Label::kChrome && !Spares(rules[hit], line);
  });
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
                                    {script_residue_, IsScriptResidue},
                                    {breadcrumb_, IsBreadcrumb},
                                    {link_list_, IsLinkList},
                                    {keyword_stuffing_, IsKeywordStuffed},
                                    {doubled_, IsDoubled}};
  const int m = static_cast<int>(w->at.size());
  for (int p = 0; p < m; ++p) {
    const Line& line = w->L(lines, p);
    rules_->Match(line.core, &w->hits);
    int best = -1;
    for (int r : w->hits) {
      if (Spares(rules[r], line)) continue;
      best = r;
      break;
    }
    for (const LineDetector& d : detectors) {
      // Line 1 of a dump is the page's title, which joins its parts with | - » like a menu.
      const bool page_title = p == 0 && (d.fires == IsLinkList || d.fires == IsBreadcrumb);
      if (d.rule >= 0 && (best < 0 || d.rule < best) && !page_title && d.fires(line)) best = d.rule;
    }
    w->rule[p] = best;
    w->kind[p] = KindOf(line);
    const bool under_thumbnail =
        p > 0 && w->L(lines, p - 1).bullet == Bullet::kSymbol && w->kind[p - 1] == Kind::kVoid;
    const bool thumbnail_item = under_thumbnail || (line.bullet == Bullet::kSymbol && line.images > 0);
    // A bulleted sentence is text (articles are written in lists too), and so is bulleted code
    // ("- run: make"); headlines in a list, and anything under a thumbnail, are items of a list
    // of links. A point of six words or more closed by a full stop is a sentence, however few
    // its function words ("Modern models keep working well below freezing."): headlines in
    // English go without one.
    const bool stated = line.ends_terminal && line.last == '.' && line.words >= 6;
    w->item[p] = thumbnail_item ||
                 (line.bullet == Bullet::kSymbol &&
                  !((IsProse(line) || stated) && line.ends_terminal) && !IsCode(line));
    // Teasers under thumbnails are sentences, but only their neighbours can make them body.
    if (thumbnail_item && w->kind[p] == Kind::kGood && line.Weight() < 180) w->kind[p] = Kind::kNear;
    if (best >= 0) {
      w->why[p] = Why::kRule;
      w->in_text[p] = rules[best].in_text;
    }
  }
}

// How far below a headline its article's text starts, at most, in lines.
constexpr int kTextWithin = 15;

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
  std::vector<std::uint64_t>& same_as = w->hash;
  same_as.resize(m);
  for (int p = 0; p < m; ++p) same_as[p] = w->L(lines, p).letters_hash;
  auto candidate = [&](int p) { return w->rule[p] < 0 && IsTitleLike(w->L(lines, p)); };
  // Below line 1 a title is a headline: some words long, and not a name the page repeats (an
  // author or a place under every post of a thread).
  auto headline = [&](int p) {
    if (!candidate(p) || w->L(lines, p).Weight() < 24) return false;
    return std::count(same_as.begin(), same_as.end(), same_as[p]) < 3;
  };
  // A line after the first paragraph may still be the title (a summary can come first) when the
  // text quotes it again, as pages do in their lead and in their notices.
  auto recurs = [&](int p) {
    if (w->L(lines, p).commas > 1) return false;
    Squash(w->L(lines, p).core, &w->squash_a);
    if (w->squash_a.size() < 16) return false;
    // Squash never lengthens a line and keeps the bytes of the characters it keeps beyond ASCII:
    // a line no longer than the squashed title, or without its first such character, cannot
    // hold it, and is not squashed (most of a page is paragraphs that do not repeat the title).
    const std::string_view title = w->squash_a;
    std::size_t at = 0;
    while (at < title.size() && static_cast<unsigned char>(title[at]) < 0x80) ++at;
    std::string_view first_wide;
    if (at < title.size()) {
      std::size_t end = at;
      NextCodePoint(title, &end);
      first_wide = title.substr(at, end - at);
    }
    int found = 0;
    for (int q = 0; q < m && found < 2; ++q) {
      if (q == p) continue;
      const std::string_view core = w->L(lines, q).core;
      if (core.size() <= title.size() ||
          (!first_wide.empty() && core.find(first_wide) == std::string_view::npos)) {
        continue;
      }
      Squash(core, &w->squash_b);
      found += w->squash_b.size() > w->squash_a.size() &&
               w->squash_b.find(w->squash_a) != std::string::npos;
    }
    return found >= 2;
  };
  int title = -1;
  int page_title = candidate(0) ? 0 : -1;
  if (page_title == 0) {
    // The headline alone: a large part of line 1 (which adds the site's name), preferably the
    // first with text under it (a headline can recur in a list of other stories further down).
    Squash(w->L(lines, 0).core, &w->squash_a);
    int first = -1;
    const int page_weight = w->L(lines, 0).Weight();
    const auto part = [&](int p) {
      const int weight = w->L(lines, p).Weight();
      if (weight > page_weight || 5 * weight < 2 * page_weight || !candidate(p)) return false;
      Squash(w->L(lines, p).core, &w->squash_b);
      // Line 1 again, word for word, is one of its repeats.
      return w->squash_b.size() * 5 >= w->squash_a.size() * 2 && w->squash_b != w->squash_a &&
             w->squash_a.find(w->squash_b) != std::string::npos;
    };
    int text = -1;  // the first paragraph under the title
    for (int p = 1; p < m && title < 0; ++p) {
      if (!part(p)) continue;
      if (first < 0) first = p;
      for (int q = p + 1; q < std::min(m, p + kTextWithin) && title < 0; ++q) {
        if (w->kind[q] == Kind::kGood && w->rule[q] < 0) {
          title = p;
          text = q;
        }
      }
    }
    // Of two parts over the same text, the nearer is the headline: a blog's name stands at the
    // top of the page, its post's title right above the post ("Blog: Post" on line 1). A part
    // the page prints again is a site's name, in its menu, its logo or its footer.
    for (int p = title + 1; title > 0 && p < text; ++p) {
      if (part(p) && std::count(same_as.begin(), same_as.end(), same_as[p]) == 1) title = p;
    }
    if (first >= 0 && (title < 0 || title - first > 3 * kTextWithin)) title = first;
    if (title < 0) title = 0;
  } else {
    // The title-like line nearest above the body, or the first line after the body starts that
    // the text repeats.
    constexpr int kMaxGap = 12;
    for (int p = body - 1; p >= 0 && p >= body - kMaxGap && title < 0; --p) {
      if (headline(p)) title = p;
    }
    for (int p = body + 1; p < std::min(m, body + 4) && title < 0; ++p) {
      if (headline(p) && recurs(p)) title = p;
    }
    if (title < 0) return;
    // Of identical lines the first is the title.
    for (int p = 0; p < title; ++p) {
      if (w->rule[p] < 0 && same_as[p] == same_as[title]) {
        title = p;
        break;
      }
    }
  }
  w->title = title;
  w->why[title] = Why::kTitle;
  if (title > 0) w->anchor = title;
  if (title_repeat_ < 0) return;
  for (int p = 0; p < m; ++p) {
    if (p == title || w->rule[p] >= 0) continue;
    if (same_as[p] != same_as[title] && p != page_title) continue;
    w->why[p] = Why::kTitleRepeat;
    // Line 1 repeated as the headline above the text anchors the body there.
    if (title == 0 && w->anchor < 0) {
      for (int q = p + 1; q < std::min(m, p + kTextWithin); ++q) {
        if (w->kind[q] == Kind::kGood && w->rule[q] < 0) w->anchor = p;
      }
    }
  }
}

// A list header ("猜你喜欢", "Related stories") makes the lines under it chrome until a paragraph
// that finishes its sentence shows the body has resumed.
void Classifier::MarkListBlocks(const std::vector<Line>& lines, Work* w) const {
  if (list_block_ < 0) return;
  const std::vector<Rule>& rules = rules_->rules();
  const int m = static_cast<int>(w->at.size());
  int paragraphs = 0, apart = 0;
  for (int p = 0; p + 1 < m; ++p) {
    if (w->kind[p] != Kind::kGood || w->why[p] != Why::kNone) continue;
    ++paragraphs;
    apart += w->at[p + 1] > w->at[p] + 1;
  }
  w->spaced = paragraphs > 0 && 2 * apart >= paragraphs;
  const bool spaced = w->spaced;
  for (int p = 0; p < m; ++p) {
    // A header heads a list; a list item that happens to read "Editor's picks" heads nothing.
    if (w->rule[p] < 0 || !rules[w->rule[p]].opens_block ||
        w->L(lines, p).bullet == Bullet::kSymbol)
      continue;
    int q = p + 1;
    int items = 0;  // the list's items so far, while all of them are bulleted
    for (; q < m; ++q) {
      if (w->why[q] == Why::kTitle || w->why[q] == Why::kTitleRepeat) break;
      // A date or byline under a list header belongs to an item, not to the article.
      const bool item_meta = ClaimedAsMeta(*w, q);
      if (w->why[q] != Why::kNone && !item_meta) continue;
      // Under a header that dates a post, a paragraph is a comment in the list, not the article
      // resuming ("Ammon · March 11, 2017 at 8:41 PM"). Under a list of bulleted links, a
      // paragraph set apart without a bullet is the article's last, even with nothing but share
      // buttons after it.
      const int before = w->Prev(q);
      const Line& line = w->L(lines, q);
      const bool after_links = items >= 2 && line.bullet == Bullet::kNone && line.ends_terminal &&
                               IsStrongBody(line, w->kind[q]) && w->at[q] > w->at[q - 1] + 1;
      if (!(before >= 0 && Posted(lines, w, before)) &&
          (after_links || w->BodyResumes(lines, q, spaced))) {
        w->resumes[q] = true;
        break;
      }
      items = line.bullet == Bullet::kSymbol && items >= 0 ? items + 1 : -1;
      w->why[q] = Why::kListBlock;
    }
    p = q - 1;
  }
}

bool Classifier::ClaimedAsMeta(const Work& w, int p) const {
  return w.why[p] == Why::kRule && rules_->rules()[w.rule[p]].label == Label::kMeta;
}

bool Classifier::HeadsText(const Work& w, int p) const {
  return p == w.title || w.why[p] == Why::kTitleRepeat || ClaimedAsMeta(w, p);
}

// Layer 3: the body is the densest run of content lines: the stretch that maximizes the weight of
// its text minus the cost of its boilerplate (Kadane over the lines). Running text counts in full,
// lines of text without sentences (headlines, phrases) for half, list items for nothing; rule
// lines cost a little, the lines that close an article (notices, list and comment headers) a lot.
void Classifier::FindDensestRun(const std::vector<Line>& lines, Work* w) const {
  const int m = static_cast<int>(w->at.size());
  w->from = 0;
  w->to = m - 1;
  if (outside_body_ < 0) return;
  const std::vector<Rule>& rules = rules_->rules();
  std::vector<std::int64_t>& score = w->score;
  score.assign(m, 0);
  for (int p = 0; p < m; ++p) {
    const Line& line = w->L(lines, p);
    if (w->why[p] == Why::kRule) {
      score[p] = -(ClosesText(rules[w->rule[p]]) ? 60 : 10) - line.Weight() / 4;
    } else if (w->why[p] == Why::kTitleRepeat) {
      score[p] = -2;
    } else if (w->why[p] != Why::kNone) {
      score[p] = -10 - line.Weight() / 4;
    } else if (w->kind[p] == Kind::kGood) {
      // A paragraph among paragraphs is an article's; one alone under a headline is a teaser in
      // a feed (a post in a thread stands alone too, but under its author's name).
      score[p] = line.Weight();
      const auto under = [&](int h) { return h >= 0 && p > h && p - h <= kTextWithin; };
      const bool under_title = under(w->title) || under(w->anchor);
      if (!under_title && !w->NextToProse(lines, p) && w->UnderHeadline(lines, p)) score[p] = 0;
      // Where paragraphs stand apart, a sentence glued to a rule's line and to another line
      // that is no paragraph is a card's (an account's motto over its post count); a post's
      // text between its header and its buttons is not.
      if (w->spaced && w->Glued(p) && !Posted(lines, w, p - 1) && !Posted(lines, w, p + 1))
        score[p] = 0;
    } else if (w->kind[p] == Kind::kNear && w->TextLine(lines, p)) {
      // Shorter sentences count for half; phrases without sentences count when they come in runs
      // (a blog in verse-like lines), while a headline alone does not.
      score[p] = w->Prose(lines, p) || w->NextToPhrases(lines, p) ? line.Weight() / 2 : 0;
    } else if (w->kind[p] != Kind::kVoid) {
      score[p] = -2;
    }
  }
  std::int64_t best = 0, sum = 0;
  int best_from = 0, best_to = -1, from = 0;
  for (int p = 0; p < m; ++p) {
    if (sum <= 0) {
      sum = 0;
      from = p;
    }
    sum += score[p];
    if (sum > best) {
      best = sum;
      best_from = from;
      best_to = p;
    }
  }
  // A headline on the page anchors the article: the text right under it is the body even when a
  // feed further down holds more text, unless what follows the headline is thin.
  if (w->anchor >= 0) {
    std::int64_t anchored = 0, run = 0;
    int anchored_to = -1;
    for (int p = w->anchor + 1; p < m; ++p) {
      run += score[p];
      if (run > anchored) {
        anchored = run;
        anchored_to = p;
      }
    }
    const bool apart = best_to <= w->anchor || best_from > anchored_to;
    if (apart && anchored_to >= 0 && anchored >= 100 && 4 * anchored >= best) {
      best_from = w->anchor + 1;
      best_to = anchored_to;
    }
  }
  // Text above the title is not the article's.
  if (w->title >= 0 && best_from <= w->title && w->title < best_to) best_from = w->title + 1;
  // Nor, mostly, is text above line 1's repeat as the headline. A lead paragraph can stand right
  // above it, and the article itself above a repeat further down (a caption, a list of stories):
  // the text above goes only when chrome parts it from the headline and the text under the
  // headline outweighs it, as under a site's menu of promoted pages or a comment box the page
  // puts first. Of several such repeats in the run the first decides, to cut the least.
  for (int h = best_from + 1; w->title == 0 && h < best_to; ++h) {
    if (w->why[h] != Why::kTitleRepeat) continue;
    // About four lines a rule calls chrome, or twenty short lines without text.
    constexpr std::int64_t kMinParting = 40;
    std::int64_t parting = 0, above = 0, below = 0;
    int p = h - 1;
    for (; p >= best_from && score[p] <= 0; --p) parting -= score[p];
    for (; p >= best_from; --p) above += score[p];
    for (p = h + 1; p <= best_to; ++p) below += score[p];
    if (parting >= kMinParting && below >= above) {
      best_from = h + 1;
      break;
    }
  }
  // A lead-in or a wire dateline right above the run opens it: short, it scores nothing of its
  // own, and the run would start under it; so does the first section's heading that a table of
  // contents names, or whose second the run holds ("第一章 总则" over "第一条", "第二章" further
  // down). (One the rules claim stays theirs; the context decides by rule first.)
  if (best_to >= 0) {
    const int q = w->Prev(best_from);
    if (q >= 0 && (OpensText(w->L(lines, q)) ||
                   (w->why[q] == Why::kNone &&
                    (w->NamesEntry(lines, q) || w->OpensChapters(lines, q, best_to)))))
      best_from = q;
  }
  // A short sentence or two can open or close the article: they cost a little and would fall
  // just outside the run; the context decides them.
  const auto sentence = [&](int q) {
    return w->why[q] == Why::kNone && !w->item[q] && ClosesSentence(w->L(lines, q));
  };
  // Above the run, only right under the headline or its byline: under a menu's last items, a
  // sentence is one more item, and under a form or a frame, the site's own words. A few lines
  // the rules claim may part them from the run when the first is a byline (then a share bar, a
  // disclosure): an image's caption over its credit is a sentence too.
  const auto lead_above = [&](int q) {
    constexpr int kMaxClaimed = 3;
    const int next = q;
    q = w->Prev(q);
    for (int k = 0; k < kMaxClaimed && q >= 0 && w->why[q] == Why::kRule && !w->item[q]; ++k)
      q = w->Prev(q);
    if (q < 0) return -1;
    const int after = w->Next(q);
    return after == next || (after < m && ClaimedAsMeta(*w, after)) ? q : -1;
  };
  int lead = best_from;
  for (int k = 0, q = lead_above(best_from); k < 2 && best_to >= 0 && q > w->title && sentence(q);
       ++k, q = lead_above(q)) {
    lead = q;
  }
  int above = lead - 1;  // a repeat of the title counts here, so only images are passed over
  while (above >= 0 && w->kind[above] == Kind::kVoid && w->why[above] == Why::kNone) --above;
  if (lead < best_from && above >= 0 && HeadsText(*w, above)) {
    w->led_from = best_from;
    best_from = lead;
  }
  for (int k = 0, q = w->Next(best_to); k < 2 && best_to >= 0 && q < m && sentence(q);
       ++k, q = w->Next(q)) {
    best_to = q;
  }
  // A list of links inside the article costs more than a last paragraph under it weighs: the run
  // goes on to the paragraph where the list ended because the text resumed.
  if (best_to >= 0) {
    int q = w->Next(best_to);
    const bool header = q < m && w->why[q] == Why::kRule && rules[w->rule[q]].opens_block;
    for (q = w->Next(q); header && q < m && w->why[q] == Why::kListBlock;) q = w->Next(q);
    if (header && q < m && w->resumes[q]) best_to = q;
  }
  // A numbered list goes on to its last item: items that carry on the numbering are the list's,
  // however short (its last points are often a few words each).
  for (int q = w->Next(best_to); best_to >= 0 && q < m && w->NextItem(lines, q); q = w->Next(q)) {
    best_to = q;
  }
  // So does a bulleted list the run begins or ends in: a changelog or a list of steps, whose
  // points are phrases, holds a sentence or two that the run found. Its points go on while they
  // are written out (two words or more; a menu's items are one) and no rule claims them.
  const auto point = [&](int q) {
    if (q < 0 || q >= m) return false;
    const Line& line = w->L(lines, q);
    return w->why[q] == Why::kNone && line.bullet == Bullet::kSymbol && !line.ends_ellipsis &&
           (line.words >= 2 || line.cjk >= 4);
  };
  if (best_to >= 0 && point(best_to)) {
    for (int q = w->Next(best_to); point(q); q = w->Next(q)) w->why[best_to = q] = Why::kListPoint;
  }
  if (best_to >= 0 && point(best_from)) {
    for (int q = w->Prev(best_from); q > w->title && point(q); q = w->Prev(q))
      w->why[best_from = q] = Why::kListPoint;
  }
  // The items right under a lead-in are the text's, however short (a phone's specifications,
  // "电池：5600mAh"), as are those of a numbered list, when the lead-in says a list follows or
  // the text goes on under the list ("Here is what I learned:", three tips, a last sentence). A
  // header over links at the end of an article does neither. A lead-in that announces a list
  // right under the run joins it.
  const auto lead_in = [&](int p, bool announced) {
    if (p < 0 || p >= m || w->why[p] != Why::kNone) return false;
    const Line& line = w->L(lines, p);
    return AnnouncesList(line) || (!announced && LeadsIn(line));
  };
  if (best_to >= 0 && lead_in(w->Next(best_to), true)) best_to = w->Next(best_to);
  for (int p = best_from; best_to >= 0 && p <= best_to; ++p) {
    if (!lead_in(p, false)) continue;
    // The items follow one another, the first right under the lead-in or a blank line below.
    int last = p;
    while (last + 1 < m && (last == p || w->at[last + 1] == w->at[last] + 1) &&
           w->why[last + 1] == Why::kNone && w->L(lines, last + 1).bullet != Bullet::kNone &&
           !w->L(lines, last + 1).ends_ellipsis)
      ++last;
    const int after = w->Next(last);
    const bool resumed = after < m && sentence(after);
    if (last == p || (!AnnouncesList(w->L(lines, p)) && !resumed)) continue;
    for (int q = p + 1; q <= last; ++q) w->why[q] = Why::kListPoint;
    best_to = std::max(best_to, resumed ? after : last);
  }
  w->from = best_from;
  w->to = best_to;
}

// A line of furniture that says when a post was written (a time needs a digit, so most lines are
// ruled out before the regex; a header is short, not a post). Several steps ask about the same
// line, so the answer is kept in `w`.
bool Classifier::Posted(const std::vector<Line>& lines, Work* w, int p) const {
  std::int8_t& known = w->posted[p];
  if (known < 0) {
    constexpr int kMaxHeader = 100;  // characters
    const Line& line = w->L(lines, p);
    known = line.digits > 0 && line.chars <= kMaxHeader &&
            RE2::PartialMatch(re2::StringPiece(line.core.data(), line.core.size()), *posted_);
  }
  return known != 0;
}

// Under an article, a header that says when a post was written opens the comments, whether or
// not a list header announces them, and so does a comment section's own header (Rule::
// ends_article): the run ends above the first of either that follows a good stretch of text.
// A page whose text starts under such a header is a thread: its replies are FindReplies' to
// judge, unless a comment section's header comes first.
void Classifier::EndAtComments(const std::vector<Line>& lines, Work* w) const {
  const int m = static_cast<int>(w->at.size());
  if (outside_body_ < 0 || w->to < 0 || w->from >= m) return;
  bool thread = false;
  for (int p = std::max(0, w->from - kTextWithin); p <= w->from && !thread; ++p) {
    thread = Posted(lines, w, p);
  }
  constexpr int kMinArticle = 300;  // score of the text above the comments
  std::int64_t text = 0;
  for (int p = w->from; p <= w->to; ++p) {
    // A header right under text dates the text above it (a thread that signs its posts below).
    const int before = w->Prev(p);
    // The article's own source or date line ("来源：… 2024-01-29 11:30") is meta, not a post's
    // header, wherever the page puts it.
    const Rule* rule = w->why[p] == Why::kRule ? &rules_->rules()[w->rule[p]] : nullptr;
    const bool meta = rule != nullptr && rule->label == Label::kMeta;
    const bool header =
        !thread && !meta && Posted(lines, w, p) && before >= 0 && !w->TextLine(lines, before);
    if (text >= kMinArticle && (header || (rule != nullptr && rule->ends_article))) {
      w->to = w->Prev(p);
      return;
    }
    text += std::max<std::int64_t>(w->score[p], 0);
  }
}

// A forum thread is a post and its replies, each under a header that says when it was posted;
// the densest run holds the first post only. When the run starts under such a header, the text
// right under each later one is a reply, up to whatever closes the page (a notice, a list
// header). A reply is what the header's furniture leaves: a floor number or an image may come
// first, and its author's name, the reply and report buttons after it, which are not text.
void Classifier::FindReplies(const std::vector<Line>& lines, Work* w) const {
  const int m = static_cast<int>(w->at.size());
  if (outside_body_ < 0 || w->to < 0 || w->from >= m) return;
  const std::vector<Rule>& rules = rules_->rules();
  auto header = [&](int p) { return !w->item[p] && Posted(lines, w, p); };
  // The first line of a reply must read as text; the lines after it may be short phrases, but
  // not links joined by separators ("< 前页 后页 >").
  auto reply_text = [&](int p, bool first) {
    const Line& line = w->L(lines, p);
    if (w->why[p] != Why::kNone || w->item[p] || w->kind[p] == Kind::kVoid || header(p)) return false;
    const int phrase = first ? 8 : 6;  // CJK characters
    // Words of a few characters set apart by spaces are a row of links ("回复 支持 反对").
    return w->kind[p] != Kind::kShort || (line.ends_terminal && line.Weight() >= 9) ||
           (line.MostlyCjk() && line.cjk >= phrase && line.separators == 0 &&
            line.cjk >= 4 * (line.spaces + 1));
  };
  auto opener = [&](int p) {
    const Line& line = w->L(lines, p);
    return w->why[p] == Why::kNone && !w->item[p] && w->kind[p] == Kind::kShort &&
           line.separators == 0 && line.images == 0 && !header(p);
  };
  // Between a header and its reply: a floor number ("#1", "沙发") or an avatar.
  auto furniture = [&](int p) {
    return w->kind[p] == Kind::kVoid || (w->why[p] == Why::kRule && w->L(lines, p).Weight() < 18);
  };
  // What closes the page's posts: a notice, a list header.
  auto closes = [&](int p) { return w->why[p] == Why::kRule && ClosesText(rules[w->rule[p]]); };
  // A thread may sign its posts below them instead: the floor and time right under the run,
  // and then not a reply but the next post's furniture (its author, level, buttons). A header
  // is followed by its text at once, so a comment under an article never reads this way; nor
  // does a note dated under a post that names no floor ("本主题由…于 2024-4-6 20:46 审核通过").
  int signature = w->Next(w->to);
  for (int k = 0; k < 2 && signature < m && furniture(signature); ++k) signature = w->Next(signature);
  bool signed_below =
      signature < m && header(signature) && NamesFloor(w->L(lines, signature).core);
  for (int q = w->Next(signature), k = 0; signed_below && q < m && k < 2; q = w->Next(q), ++k) {
    signed_below = !reply_text(q, true);
  }
  if (signed_below) {
    // Then the text right above every later signature is a reply. (Above the run, a dated
    // line is as likely an article's dateline as a post's signature.)
    for (int h = signature + 1; h < m; ++h) {
      if (closes(h)) return;
      if (!header(h)) continue;
      int q = w->Prev(h);
      for (int skipped = 0; q >= 0 && skipped < 2 && furniture(q); ++skipped) q = w->Prev(q);
      for (; q > signature && reply_text(q, true); q = w->Prev(q)) w->why[q] = Why::kReply;
    }
    return;
  }
  int own_header = -1;
  for (int p = std::max(0, w->from - kTextWithin); p <= w->to && own_header < 0; ++p) {
    if (header(p)) own_header = p;
  }
  if (own_header < 0) return;
  // The replies start at the next header, inside the run too: a thread whose replies are long
  // makes them part of the densest run, and a short reply among them is judged as a reply.
  for (int h = own_header + 1; h < m; ++h) {
    if (closes(h)) return;
    if (w->why[h] == Why::kListBlock || !header(h)) continue;
    int q = h + 1;
    for (int skipped = 0; q < m && skipped < 2 && furniture(q); ++skipped) ++q;
    // A reply may open with a few words ("同意楼上") before its sentence.
    if (q + 1 < m && !reply_text(q, true) && opener(q) && reply_text(q + 1, true)) w->why[q++] = Why::kReply;
    for (bool first = true; q < m && reply_text(q, first); ++q, first = false) w->why[q] = Why::kReply;
    h = q - 1;
  }
}

// Inside the densest run, good lines are body, boilerplate stays boilerplate, and the lines in
// between are decided by their neighbours, as jusText does: a near-good line next to body is
// body; a few short lines between body lines are headings or captions; a short sentence after the
// body ends it; other short lines are menus. Outside the run nothing is body.
void Classifier::ResolveByContext(const std::vector<Line>& lines, Work* w) const {
  const int m = static_cast<int>(w->at.size());
  const std::vector<Rule>& rules = rules_->rules();
  // Where paragraphs stand apart, a paragraph run straight into a notice above and another below
  // is a box's own pitch (a newsletter's, between its sign-up line and its privacy note), not the
  // article's. Other rules' lines do not count: a brief of one paragraph sits between its source
  // and its editor, a command's output between the counters that stand for lines left out.
  const auto boxed = [&](int p) {
    const auto claimed = [&](int q) {
      return w->why[q] == Why::kRule && rules[w->rule[q]].label == Label::kNotice;
    };
    return w->spaced && p > 0 && p + 1 < m && w->at[p - 1] + 1 == w->at[p] &&
           w->at[p] + 1 == w->at[p + 1] && claimed(p - 1) && claimed(p + 1);
  };
  for (int p = 0; p < m; ++p) {
    // Repeats of the title (image captions that repeat it, say) and the markers of what stands
    // inside an article neither make nor break a run.
    if (w->Skipped(p)) {
      w->state[p] = State::kVoid;
    } else if (w->why[p] == Why::kReply || w->why[p] == Why::kListPoint) {
      w->state[p] = State::kBody;
    } else if (w->why[p] != Why::kNone) {
      w->state[p] = State::kBoiler;
    } else if (p < w->from || p > w->to) {
      w->state[p] = State::kBoiler;
      w->why[p] = Why::kOutsideBody;
    } else if (boxed(p)) {
      w->state[p] = State::kBoiler;
      w->why[p] = Why::kMenuRun;
    } else if (w->kind[p] == Kind::kGood || p < w->led_from ||
               (p == w->from && OpensText(w->L(lines, p)))) {
      w->state[p] = State::kBody;
    } else if (menu_run_ >= 0 && !w->L(lines, p).ends_terminal && Posted(lines, w, p)) {
      // A post's header between posts (its author, when and where) is no part of the text,
      // however closely the posts hem it in; like an image, it neither makes nor breaks the run
      // of posts around it.
      w->state[p] = State::kVoid;
      w->why[p] = Why::kMenuRun;
    } else {
      w->state[p] = State::kCand;
    }
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
  // Text written without sentence marks (a blog in short phrases) has no good lines to anchor
  // it: three or more lines of text close together anchor each other.
  constexpr int kMinTextRun = 3;
  for (int p = 0; p < m;) {
    if (!(w->state[p] == State::kCand && w->TextLine(lines, p) && w->L(lines, p).MostlyCjk())) {
      ++p;
      continue;
    }
    int q = p, texts = 0, last_text = p;
    while (q < m && (w->state[q] == State::kVoid || w->state[q] == State::kCand)) {
      if (w->TextLine(lines, q)) {
        ++texts;
        last_text = q;
      } else if (w->state[q] == State::kCand && q - last_text > 2) {
        break;  // more than one short line in a row ends the run
      }
      ++q;
    }
    if (texts >= kMinTextRun) {
      for (int k = p; k <= last_text; ++k) {
        if (w->state[k] == State::kCand && w->TextLine(lines, k)) w->state[k] = State::kBody;
      }
    }
    p = last_text + 1;
  }
  // Runs of undecided lines, judged by what surrounds them.
  constexpr int kMaxWedged = 4;
  constexpr int kMaxPhraseWeight = 30;  // "A soft sponge", "全脂牛奶 1000毫升"; headlines weigh more
  constexpr int kMaxTextList = 12;
  int p = 0;
  while (p < m) {
    if (w->state[p] != State::kCand) {
      ++p;
      continue;
    }
    int q = p;
    int count = 0;
    int last_item = -1, after_items = 0;  // the list's last item, and the lines after it
    bool sentence_after = false;          // whether a sentence follows the list's last item
    bool phrases = true;                  // whether the items are a few words each, no headlines
    bool sentence = false;                // whether any line that is no item closes a sentence
    int items = 0, measured = 0;          // the items, and those that hold a figure
    while (q < m && (w->state[q] == State::kCand || w->state[q] == State::kVoid)) {
      if (w->state[q] == State::kCand) {
        ++count;
        ++after_items;
        if (w->item[q]) {
          last_item = q;
          after_items = 0;
          sentence_after = false;
          phrases = phrases && w->L(lines, q).Weight() < kMaxPhraseWeight;
          ++items;
          measured += w->L(lines, q).digits > 0 && !Numbered(w->L(lines, q).core);
        } else if (ClosesSentence(w->L(lines, q))) {
          sentence_after = sentence = true;
        }
      }
      ++q;
    }
    // Between body lines, short lines are headings, captions, the rows of a table or the lines
    // of a poem; a list of links would come as bulleted items, and only a few of those are the
    // article's own. After the list's last item, one line is a heading over the text below.
    // Items of a few words each, with a sentence after them, are a list in the text (what a
    // how-to needs, then "Step 1: Mix", a sentence, "Step 2"): a list of links holds headlines.
    // A dozen lines at most: longer runs are a listing's furniture.
    const bool list_in_text = phrases && sentence_after && count <= kMaxTextList;
    // Between body lines, such items need no sentence after them when half of them hold a
    // figure: what a recipe takes, measured ("2 cups water", "鸡蛋 3个"), over the heading of
    // its method. Menus and lists of links seldom count.
    const bool quantities = phrases && count <= kMaxTextList && 2 * measured >= items;
    const bool wedged_text = last_item < 0 || count <= kMaxWedged || list_in_text;
    const bool heading = after_items == 1;
    State before = State::kVoid;
    int b = p - 1;
    for (; b >= 0 && w->state[b] == State::kVoid; --b) {}
    if (b >= 0) before = w->state[b];
    const State after = q < m ? w->state[q] : State::kVoid;
    // Under the headline and its byline, a few lines without a list that hold a sentence open
    // the text above the body, as lines between paragraphs do: a standfirst, then the first
    // section's heading (a live blog's first entry's time and headline).
    const bool headed = b >= 0 && before == State::kBoiler && last_item < 0 &&
                        count <= kMaxWedged && sentence && HeadsText(*w, b);
    int ended = 0;  // short sentences that close the body
    for (int k = p; k < q; ++k) {
      if (w->state[k] != State::kCand) continue;
      const Line& line = w->L(lines, k);
      bool body = false;
      if (headed && after == State::kBody) {
        body = true;
      } else if (before == State::kBody && after == State::kBody) {
        body = wedged_text || quantities || (heading && k > last_item) || w->NamesEntry(lines, k);
      } else if (after == State::kBody &&
                 (w->NamesEntry(lines, k) || w->OpensChapters(lines, k, w->to))) {
        body = true;
      } else if (before == State::kBody) {
        // The last items of a numbered list continue the body, whatever their length, when the
        // item before is the body's (a list of sources under a header that went is not).
        const int previous = w->Prev(k);
        body = (w->NextItem(lines, k) && previous >= 0 && w->state[previous] == State::kBody) ||
               (ended < 2 && ClosesSentence(line) && !w->item[k]);
        if (!body) ended = 2;
        else ++ended;
      }
      w->state[k] = body ? State::kBody : State::kBoiler;
      if (!body) w->why[k] = Why::kMenuRun;
    }
    p = q;
  }
}

void Classifier::Classify(const std::vector<Line>& lines, std::vector<Decision>* out) const {
  thread_local Work work;
  Work* w = &work;
  w->Reset(lines);
  ApplyRules(lines, w);
  FindTitle(lines, w);
  MarkListBlocks(lines, w);
  FindDensestRun(lines, w);
  EndAtComments(lines, w);
  FindReplies(lines, w);
  ResolveByContext(lines, w);

  const int m = static_cast<int>(w->at.size());
  bool any_body = false;
  for (int p = 0; p < m; ++p) any_body = any_body || w->state[p] == State::kBody;
  auto unruled = [&](int p) {
    return w->rule[p] < 0 && w->why[p] != Why::kTitle && w->why[p] != Why::kTitleRepeat;
  };
  // A page with no body at all but a sentence or two is a short article, not boilerplate.
  if (!any_body) {
    for (int p = 0; p < m; ++p) {
      const Line& line = w->L(lines, p);
      if (unruled(p) && (line.ends_terminal || IsProse(line))) {
        w->state[p] = State::kBody;
        w->why[p] = Why::kBodyOnly;
        any_body = true;
      }
    }
  }
  // Without a sentence anywhere, a page may still be content written in lines of text, such as
  // a table of contents (titles, each under or over its authors): the longest block of such
  // lines that no rule, list or title claims is its body. Menus and lists of links do not
  // qualify: their lines are short, bulleted or claimed by rules.
  if (!any_body) {
    constexpr int kMinTextLines = 4;
    constexpr int kMinWeight = 240;
    int best_from = -1, best_to = -1, best_weight = 0;
    for (int p = 0; p < m;) {
      if (!unruled(p) || w->item[p]) {
        ++p;
        continue;
      }
      int q = p, texts = 0, weight = 0, first = -1, last = -1;
      for (; q < m && unruled(q) && !w->item[q]; ++q) {
        if (!w->TextLine(lines, q)) continue;
        ++texts;
        weight += w->L(lines, q).Weight();
        if (first < 0) first = q;
        last = q;
      }
      if (texts >= kMinTextLines && weight >= kMinWeight && weight > best_weight) {
        best_weight = weight;
        best_from = first;
        best_to = last;
        // The headings over the first title ("目录", a section's name) are the block's too;
        // line 1 of a dump is the page's title.
        for (int k = 0, h = w->Prev(first); k < 2 && h >= std::max(p, 1); ++k, h = w->Prev(h)) {
          if (w->kind[h] != Kind::kVoid) best_from = h;
        }
      }
      p = q;
    }
    for (int p = best_from; p >= 0 && p <= best_to; ++p) {
      if (w->kind[p] == Kind::kVoid) continue;
      w->state[p] = State::kBody;
      w->why[p] = Why::kBodyOnly;
    }
  }

  const std::vector<Rule>& rules = rules_->rules();
  auto by_rule = [&](int r) { return Decision{rules[r].label, rules[r].id}; };
  // For images and bare bullets no rule named: whether the text on both sides of them is body.
  std::vector<std::int64_t>& body_before = w->score;  // reused: 1 when the last text was body
  body_before.assign(m, 0);
  for (int p = 1; p < m; ++p) {
    body_before[p] = w->state[p - 1] == State::kVoid ? body_before[p - 1]
                                                     : w->state[p - 1] == State::kBody;
  }
  bool body_after = false;
  out->assign(lines.size(), Decision{});
  for (int p = m - 1; p >= 0; --p) {
    if (p + 1 < m && w->state[p + 1] != State::kVoid) body_after = w->state[p + 1] == State::kBody;
    if (p + 1 >= m) body_after = false;
    Decision& d = (*out)[w->at[p]];
    switch (w->why[p]) {
      case Why::kRule: d = by_rule(w->rule[p]); break;
      case Why::kTitle: d = by_rule(title_); break;
      case Why::kTitleRepeat: d = by_rule(title_repeat_); break;
      case Why::kListBlock: d = by_rule(list_block_); break;
      case Why::kMenuRun: d = by_rule(menu_run_); break;
      case Why::kOutsideBody: d = by_rule(outside_body_); break;
      case Why::kBodyOnly: d = {Label::kBody, kBodyOnly}; break;
      case Why::kReply: d = {Label::kBody, kBodyReply}; break;
      case Why::kListPoint: d = {Label::kBody, kBodyList}; break;
      default:
        if (w->state[p] == State::kBody) {
          d = {Label::kBody, w->kind[p] == Kind::kGood ? kBodyProse : kBodyContext};
        } else if (w->state[p] == State::kVoid) {
          // Body between body lines, chrome elsewhere.
          const bool inside = body_before[p] && body_after;
          d = inside || menu_run_ < 0 ? Decision{Label::kBody, kBodyContext} : by_rule(menu_run_);
        } else {
          d = {Label::kBody, kBodyContext};
        }
    }
  }
}

}  // namespace pith::internal
