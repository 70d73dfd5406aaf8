#include "extract_fields.h"

#include <algorithm>
#include <string_view>
#include <utility>

#include <re2/re2.h>
#include <re2/set.h>

#include "extract_text.h"
#include "extract_title.h"
#include "pith/error.h"

namespace pith::internal {
namespace {

enum class Role {
  kAuthor,
  kPublisher,
  kEditor,
  kOriginalTitle,
  kTags,
  kPublished,  // a date key that names publication
  kDate,       // a date key that does not say which date
  kUpdated,    // a date key that names the last change: the weakest date
  kOther,      // a field pith does not keep (views, photographer, ...): ends the value before it
};

}  // namespace

// A kind of key. `glued` keys may follow a name with no space (半月談記者, 晨光網專欄作者) and
// precede their value with no delimiter (记者张三); other keys need a boundary before them and a
// colon or a space after.
struct MetaLineReader::KeyClass {
  Role role;
  int rank;
  bool glued;
  const char* pattern;
};

struct MetaLineReader::KeyClassSet {
  static RE2::Options Quiet() {
    RE2::Options options;
    options.set_log_errors(false);
    return options;
  }
  RE2::Set set{Quiet(), RE2::ANCHOR_START};
};

struct MetaLineReader::Key {
  const KeyClass* cls;
  std::size_t begin;        // where the key starts
  std::size_t value_begin;  // after the key and its delimiter
  bool colon;               // the key was followed by a colon
};

namespace {

// The patterns hold no assertions (^, $, \b): MetaLineReader::ClassAt matches them without the
// text before the key.
// Order matters where two keys can start at the same place: the first listed wins (so 摄影记者
// is a photographer, not a reporter, and "posted by" an author, not a date).
constexpr const char* kOtherGlued =
    "(?:摄影|攝影|视频|視頻|图片|圖片|实习生|實習生)(?:记者|記者)?|通讯员|通訊員";
constexpr const char* kReporter =
    "(?:本报|本報|本刊|本台|本网|本網|本站|特约|特約|实习|實習|见习|見習|首席|资深|資深|特派|"
    "融媒体|融媒體|全媒体|全媒體|驻[^\\s:：]{1,3}?|駐[^\\s:：]{1,3}?)?(?:记者|記者)";
constexpr const char* kColumnist = "(?:专栏|專欄|特约|特約|签约|簽約)(?:作者|作家|撰稿人)";
constexpr const char* kWriter = "撰文|执笔|執筆|采写|採寫|撰稿|文字?[ \\t]*[/／|｜]";
constexpr const char* kAuthorPlain = "作者|作家|撰稿人";
constexpr const char* kAuthorLatin =
    "(?i:written by|words by|reported by|posted by|authors?|reporters?|by)";
constexpr const char* kPoster = "发布者|發佈者|發布者|发布人|發布人|發佈人|发帖人|上传者|上傳者|(?i:uploaded by)";
constexpr const char* kSource =
    "(?:本文|文章|信息|資訊|资讯|新闻|新聞|消息|稿件|内容|內容|图文|圖文)?(?:来源|來源)(?:于|於)?|"
    "出处|出處|稿源|转自|轉自|转载自|轉載自|摘自|选自|選自|原载|原載|刊于|刊於|"
    "(?i:sources?|courtesy of)";
constexpr const char* kChiefEditor = "责任编辑|責任編輯|责编|責編";
constexpr const char* kEditor =
    "(?:值班|实习|實習|本期|网络|網絡|网站|網站|新媒体|新媒體)?(?:编辑|編輯)|主编|主編|编审|編審|"
    "(?i:edited by|editors?)";
constexpr const char* kOriginalTitle = "原标题|原標題|原题|原題|(?i:original title)";
constexpr const char* kTags =
    "(?:本文|文章)?(?:标签|標簽|標籤|关键词|關鍵詞|关键字|關鍵字)|"
    "(?i:tag(?:s|ged(?: with| in)?)|keywords|topics)";
constexpr const char* kPublished =
    "(?:发布|發佈|發布|发表|發表|首发|首發|刊发|刊發|出版)(?:时间|時間|日期|于|於)?|"
    "(?i:first published(?: on)?|published(?: on| at)?|posted(?: on| at)?|date published|"
    "publication date|pubdate)";
constexpr const char* kUpdated =
    "(?:最后更新|最後更新|更新|修改|修订|修訂)(?:时间|時間|日期|于|於)?|"
    "(?i:last updated|updated(?: on| at)?|last modified|modified)";
constexpr const char* kDateKey = "时间|時間|日期|(?i:dated?)";
constexpr const char* kOther =
    "(?:阅读|閱讀|浏览|瀏覽|点击|點擊)(?:次数|次數|数|數|量)?|字号|字號|字体|字體|评论|評論|分享到?|收藏|打印|"
    "分类|分類|"
    "校对|校對|审核|"
    "審核|审校|審校|监制|監製|出品|策划|策劃|制作|製作|设计|設計|排版|美编|美編|"
    "(?i:photo(?:graph)?s?(?: by)?|images?(?: by)?|illustrations?(?: by)?|views|comments?|share|print)";

constexpr const char* kUrl =
    "(?i)((?:https?://|www\\.)[^\\s<>\"'()\\[\\]{}（）【】，,；;、　]+)";

// Cuts every date out of values, whatever the latest plausible one.
constexpr CivilDate kNoLatest{9999, 12, 31};

// What text browsers write for images and buttons: [photo.jpg], [IMG], (BUTTON).
constexpr const char* kDumpResidue =
    "(\\[[^\\]\\s]{1,200}\\.(?i:jpe?g|png|gif|webp|svg|bmp)\\]|\\[(?:IMG|INLINE|LINK)\\]|\\(BUTTON\\))";

// Words that close a byline and are not part of the names: 记者 张三 报道.
constexpr std::string_view kBylineTails[] = {
    "综合报道", "綜合報道", "报道", "報道", "報導", "报导", "编译", "編譯", "整理", "摄影", "攝影",
    "摄", "攝", "等"};
// English words left at the end of a name when a date was cut out: "By Jane Doe on [date]".
constexpr std::string_view kLatinTails[] = {" on", " at", " in", " and", " updated", " published"};

bool IsLatinKey(std::string_view key) {
  return !key.empty() && ((key[0] >= 'A' && key[0] <= 'Z') || (key[0] >= 'a' && key[0] <= 'z'));
}

bool IsAsciiAlnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool HasSentencePunct(std::string_view s) {
  for (std::string_view p : {"。", "！", "？", "!", "?", "；"}) {
    if (s.find(p) != std::string_view::npos) return true;
  }
  return false;
}

// Whether `s` holds "www." in any case.
bool HasWww(std::string_view s) {
  for (std::size_t dot = s.find('.', 3); dot != std::string_view::npos; dot = s.find('.', dot + 1)) {
    auto w = [&](std::size_t i) { return (s[i] | 0x20) == 'w'; };
    if (w(dot - 1) && w(dot - 2) && w(dot - 3)) return true;
  }
  return false;
}

bool HasWordChar(std::string_view s) {
  for (std::size_t i = 0, len; i < s.size(); i += len) {
    const char32_t c = DecodeAt(s, i, &len);
    if (IsWordChar(c) && !IsDigitChar(c)) return true;
  }
  return false;
}

// A name that can stand before 记者/作者 as the reporter's organisation: short, no digits.
bool IsOrgLike(std::string_view s) {
  const std::size_t n = CodePointCount(s);
  if (n < 2 || n > 16) return false;
  for (std::size_t i = 0, len; i < s.size(); i += len) {
    const char32_t c = DecodeAt(s, i, &len);
    if (!IsWordChar(c) || IsDigitChar(c)) return false;
  }
  return true;
}

// The brackets that set notes and links apart in bylines, each with its closing half.
constexpr std::pair<std::string_view, std::string_view> kBrackets[] = {
    {"(", ")"}, {"（", "）"}, {"[", "]"}, {"【", "】"}};

// The first piece of `s` cut at the separators sites put between fields (|, •), or at a bracket
// that closes what opened before the key: （編輯：李大華）1130726.
std::string_view FirstPiece(std::string_view s) {
  for (const auto& [open, close] : kBrackets) {
    const std::size_t at = s.find(close);
    if (at != std::string_view::npos && s.substr(0, at).find(open) == std::string_view::npos)
      s = s.substr(0, at);
  }
  for (std::string_view sep : {"|", "｜", "丨", "•", "▪"}) {
    for (std::size_t at = s.find(sep); at != std::string_view::npos; at = s.find(sep)) {
      if (!TrimPunct(s.substr(0, at)).empty()) {
        s = s.substr(0, at);
        break;
      }
      s = s.substr(at + sep.size());
    }
  }
  return s;
}

// An English byline value ends where a date, a handle or a job title begins:
// "Jo Marsh March 18 at 3:57 PM Follow @jomarsh" → "Jo Marsh",
// "Dana Reyes, Senior Staff Technologist, Riverside Legal Project" → "Dana Reyes".
std::string_view CutLatinName(std::string_view s) {
  // More words than this in all, with a comma, are names and a title or affiliation.
  constexpr std::size_t kMaxNameWords = 5;
  constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                          "jul", "aug", "sep", "oct", "nov", "dec"};
  std::vector<std::string_view> words;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t end = std::min(s.find(' ', i), s.size());
    if (end > i) words.push_back(s.substr(i, end - i));
    i = end + 1;
  }
  auto has = [](std::string_view w, auto pred) { return std::any_of(w.begin(), w.end(), pred); };
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string prefix;
    for (std::size_t k = 0; k < 3 && k < words[i].size(); ++k) prefix.push_back(static_cast<char>(words[i][k] | 0x20));
    const bool month = std::find(std::begin(kMonths), std::end(kMonths), prefix) != std::end(kMonths) &&
                       i + 1 < words.size() && is_digit(words[i + 1][0]);
    if (i > 0 && (month || has(words[i], is_digit) || words[i][0] == '@')) {
      s = s.substr(0, static_cast<std::size_t>(words[i].data() - s.data()));
      words.resize(i);
      break;
    }
  }
  // After a comma come more names ("Jane Doe, John Roe"), or the writer's job, degree or outlet
  // ("Maria Delgado, Staff Writer", "Brenda Goodman, MA", "Rachel Moore, National News",
  // "Ana Ruiz, CNN": an outlet's initials are capitals, while "Jean DUPONT, Marie CURIE" writes
  // surnames in capitals).
  constexpr std::string_view kRoles[] = {"staff", "writer", "editor", "reporter", "correspondent",
                                         "contributor", "columnist", "producer", "news", "press",
                                         "times", "post", "ma", "md", "phd", "rn", "mph"};
  const std::size_t comma = s.find(',');
  if (comma == std::string_view::npos) return s;
  bool role = words.size() > kMaxNameWords;
  int after = 0, initials = 0;  // words after the comma, and those of them in capitals
  for (const std::string_view w : words) {
    if (static_cast<std::size_t>(w.data() - s.data()) < comma) continue;
    std::string lower;
    for (char c : w) {
      if (c != ',' && c != '.') lower.push_back(static_cast<char>(c | 0x20));
    }
    ++after;
    initials += lower.size() >= 2 && lower.size() <= 6 &&
                std::all_of(w.begin(), w.end(), [](char c) {
                  return (c >= 'A' && c <= 'Z') || c == ',' || c == '.';
                });
    role = role || std::find(std::begin(kRoles), std::end(kRoles), lower) != std::end(kRoles);
  }
  return role || (after > 0 && initials == after) ? s.substr(0, comma) : s;
}

// `s` without the notes in brackets that bylines add after names ("Jo Roy (reporting)",
// 张三(实习)) and the links that portals bracket beside them (王磊 [纠错], 张三【打印】).
std::string DropBracketNotes(std::string_view s) {
  std::string out;
  std::size_t at = 0;
  while (at < s.size()) {
    std::size_t open = std::string_view::npos, close_at = std::string_view::npos, close_len = 0;
    for (const auto& [o, c] : kBrackets) {
      const std::size_t i = s.find(o, at);
      if (i == std::string_view::npos || (open != std::string_view::npos && i > open)) continue;
      const std::size_t j = s.find(c, i + o.size());
      if (j == std::string_view::npos) continue;
      open = i;
      close_at = j;
      close_len = c.size();
    }
    if (open == std::string_view::npos) break;
    out.append(s.substr(at, open - at));
    out.push_back(' ');
    at = close_at + close_len;
  }
  out.append(s.substr(std::min(at, s.size())));
  return out;
}

std::string CleanName(std::string_view raw) {
  std::string s = CollapseSpaces(TrimPunct(DropBracketNotes(FirstPiece(raw))));
  if (HanCount(s) == 0) s = CollapseSpaces(TrimPunct(CutLatinName(s)));
  for (bool changed = true; changed;) {
    changed = false;
    for (std::string_view tail : kBylineTails) {
      if (s.ends_with(tail) && s.size() > tail.size()) {
        s = CollapseSpaces(TrimPunct(std::string_view(s).substr(0, s.size() - tail.size())));
        changed = true;
      }
    }
    for (std::string_view tail : kLatinTails) {
      if (s.size() > tail.size() && s.ends_with(tail)) {
        s = CollapseSpaces(TrimPunct(std::string_view(s).substr(0, s.size() - tail.size())));
        changed = true;
      }
    }
  }
  return s;
}

// A publication's name without the 《》 that mark it: 光明网-《光明日报》 → 光明网-光明日报.
std::string CleanPublisher(std::string_view raw) {
  std::string s(FirstPiece(raw));
  for (std::string_view mark : {"《", "》"}) {
    for (std::size_t at = s.find(mark); at != std::string::npos; at = s.find(mark)) s.erase(at, mark.size());
  }
  return CollapseSpaces(TrimPunct(s));
}

// Names in Chinese separated by spaces: 王帆, 戴小河 印朋, 欧阳晓明.
bool IsHanNameList(std::string_view s) {
  // Chinese names have two or three characters, four with a surname of two (a button's label
  // has four too: 参与互动).
  constexpr std::size_t kMaxNameChars = 3;
  constexpr std::string_view kDoubleSurnames[] = {"欧阳", "歐陽", "司马", "司馬", "上官", "诸葛",
                                                  "諸葛", "东方", "東方", "皇甫", "司徒", "令狐",
                                                  "慕容", "公孙", "公孫", "夏侯", "端木", "长孙",
                                                  "長孫", "宇文", "尉迟", "尉遲", "南宫", "南宮"};
  std::size_t start = 0;
  while (start <= s.size()) {
    const std::size_t space = std::min(s.find(' ', start), s.size());
    const std::string_view name = s.substr(start, space - start);
    const std::size_t n = CodePointCount(name);
    const bool double_surname =
        n == kMaxNameChars + 1 &&
        std::any_of(std::begin(kDoubleSurnames), std::end(kDoubleSurnames),
                    [name](std::string_view surname) { return name.starts_with(surname); });
    if (n < 2 || (n > kMaxNameChars && !double_surname) || HanCount(name) != n) return false;
    start = space + 1;
  }
  return true;
}

bool IsPlausibleName(std::string_view s) {
  if (!HasWordChar(s) || HasSentencePunct(s)) return false;
  const std::size_t n = CodePointCount(s);
  if (HanCount(s) > 0) return n <= 30 && s.find("，") == std::string_view::npos;
  std::size_t words = 1;
  for (char c : s) words += c == ' ';
  return n <= 80 && words <= 10;
}

}  // namespace

void Fields::Offer(Candidate* slot, std::string_view value, int rank) {
  if (value.empty() || rank <= slot->rank) return;
  slot->value = std::string(value);
  slot->rank = rank;
}

void Fields::OfferDate(const DateMatch& d, int rank) {
  if (rank <= date_rank) return;
  date = d;
  date_rank = rank;
}

void Fields::OfferTags(std::vector<std::string> t, int rank) {
  if (t.empty() || rank <= tags_rank) return;
  tags = std::move(t);
  tags_rank = rank;
}

void Fields::AddUrl(std::string_view url) {
  if (url.empty() || std::find(urls.begin(), urls.end(), url) != urls.end()) return;
  urls.emplace_back(url);
}

std::vector<std::string> SplitTags(std::string_view value) {
  value = TrimSpaces(value);
  std::vector<std::string_view> seps = {",", "，", "、", ";", "；", "|", "｜", "/", "／"};
  bool has_sep = false;
  for (std::string_view sep : seps) has_sep = has_sep || value.find(sep) != std::string_view::npos;
  const bool han = HanCount(value) > 0;
  std::vector<std::string> tags;
  auto add = [&](std::string_view piece) {
    std::string tag = CollapseSpaces(TrimPunct(piece));
    if (tag.empty() || CodePointCount(tag) > 30 || tags.size() >= 30) return;
    if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(std::move(tag));
  };
  std::size_t start = 0;
  int spaces = 0;  // length of the current run of spaces
  bool wide_space = false;  // the run holds NBSP or U+3000
  for (std::size_t i = 0, len; i <= value.size(); i += len) {
    if (i == value.size()) {
      add(value.substr(start));
      break;
    }
    const char32_t c = DecodeAt(value, i, &len);
    std::size_t cut = 0;  // bytes of separator ending at i + len
    if (has_sep) {
      for (std::string_view sep : seps) {
        if (value.substr(i, sep.size()) == sep) cut = sep.size();
      }
      if (cut) {
        add(value.substr(start, i - start));
        start = i + cut;
        len = cut;
      }
      continue;
    }
    if (IsSpace(c)) {
      ++spaces;
      wide_space = wide_space || c == 0xA0 || c == 0x3000;
      continue;
    }
    if (spaces > 0 && (han || spaces >= 2 || wide_space)) {
      add(value.substr(start, i - start));
      start = i;
    }
    spaces = 0;
    wide_space = false;
  }
  return tags;
}

MetaLineReader::MetaLineReader() {
  classes_ = {
      {Role::kOther, 0, true, kOtherGlued},
      {Role::kAuthor, kRankStrong, true, kReporter},
      {Role::kAuthor, kRankStrong, true, kColumnist},
      {Role::kAuthor, kRankStrong, false, kWriter},
      {Role::kAuthor, kRankPlain, false, kAuthorPlain},
      {Role::kAuthor, kRankWeak, false, kPoster},
      {Role::kAuthor, kRankPlain, false, kAuthorLatin},
      {Role::kPublisher, kRankStrong, false, kSource},
      {Role::kEditor, kRankStrong, false, kChiefEditor},
      {Role::kEditor, kRankPlain, false, kEditor},
      {Role::kOriginalTitle, kRankStrong, false, kOriginalTitle},
      {Role::kTags, kRankStrong, false, kTags},
      {Role::kPublished, kRankStrong, false, kPublished},
      {Role::kUpdated, kRankWeak, false, kUpdated},
      {Role::kDate, kRankPlain, false, kDateKey},
      {Role::kOther, 0, false, kOther},
  };
  std::string all;
  for (const KeyClass& c : classes_) all += std::string(all.empty() ? "" : "|") + "(" + c.pattern + ")";
  keys_ = CompileBuiltIn(all, "meta keys");
  auto set = std::make_unique<KeyClassSet>();
  for (const KeyClass& c : classes_) {
    std::string error;
    if (set->set.Add(c.pattern, &error) < 0) throw RuleError("extract", "meta key classes", error);
  }
  if (!set->set.Compile()) throw RuleError("extract", "meta key classes", "out of memory");
  key_classes_ = std::move(set);
  urls_ = CompileBuiltIn(kUrl, "urls");
  dump_residue_ = CompileBuiltIn(kDumpResidue, "dump residue");
}

MetaLineReader::~MetaLineReader() = default;

std::size_t MetaLineReader::ClassAt(std::string_view line, std::size_t begin) const {
  // The keys pattern is an alternation of one group per class, and RE2 prefers the first
  // alternative that matches (as Perl does): the class of a key is the first whose pattern
  // matches at its start. The set finds those in one pass of a DFA over the few bytes a key
  // takes; asking the keys pattern for its groups runs a backtracker over it, several times
  // slower. The patterns hold no assertions (^, $, \b), so the text before `begin` is not needed.
  std::vector<int> matched;
  if (key_classes_->set.Match(re2::StringPiece(line.data() + begin, line.size() - begin), &matched)) {
    return static_cast<std::size_t>(*std::min_element(matched.begin(), matched.end()));
  }
  // The set's DFA ran out of memory (the key is known to be there): ask for the groups.
  std::vector<re2::StringPiece> groups(classes_.size() + 1);
  keys_->Match(re2::StringPiece(line.data(), line.size()), begin, line.size(), RE2::ANCHOR_START, groups.data(),
               static_cast<int>(groups.size()));
  std::size_t which = 1;
  while (which < groups.size() && groups[which].data() == nullptr) ++which;
  return which - 1;
}

std::vector<MetaLineReader::Key> MetaLineReader::FindKeys(std::string_view line) const {
  std::vector<Key> keys;
  const re2::StringPiece text(line.data(), line.size());
  re2::StringPiece match;
  std::size_t pos = 0;
  while (pos < line.size() && keys_->Match(text, pos, line.size(), RE2::UNANCHORED, &match, 1)) {
    const std::size_t begin = static_cast<std::size_t>(match.data() - line.data());
    const std::size_t end = begin + match.size();
    std::size_t first_len;
    DecodeAt(line, begin, &first_len);
    pos = begin + first_len;
    const KeyClass& cls = classes_[ClassAt(line, begin)];
    const std::string_view key = line.substr(begin, end - begin);
    const bool latin = IsLatinKey(key);
    const char32_t before = DecodeBefore(line, begin);
    std::size_t after_len = 0;
    const char32_t after = end < line.size() ? DecodeAt(line, end, &after_len) : 0;
    if (latin && (IsAsciiAlnum(before) || IsAsciiAlnum(after))) continue;
    // The delimiter: a colon, a space, the slash of 文/, or nothing for glued keys.
    std::size_t v = end, len;
    while (v < line.size() && IsSpace(DecodeAt(line, v, &len))) v += len;
    const bool spaced = v > end;
    bool colon = false;
    if (v < line.size()) {
      const char32_t c = DecodeAt(line, v, &len);
      if (c == ':' || c == 0xFF1A) {
        colon = true;
        v += len;
        while (v < line.size() && IsSpace(DecodeAt(line, v, &len))) v += len;
      }
    }
    // Other keys need a boundary before them, except an author key with a colon, which may follow
    // the name of its organisation (新京报作者：…).
    const bool bounded = begin == 0 || !IsWordChar(before) || IsDigitChar(before);
    if (!cls.glued && !bounded && !(cls.role == Role::kAuthor && colon)) continue;
    const char32_t last = DecodeBefore(line, end);
    const bool slash = last == '/' || last == 0xFF0F || last == '|' || last == 0xFF5C;
    if (!colon && !spaced && !slash && !cls.glued && v < line.size()) continue;
    // "by" names someone only when a name follows: "By Jane Doe", not "stand by".
    if (cls.role == Role::kAuthor && latin && !colon && (key == "by" || key == "By" || key == "BY")) {
      if (!spaced || v >= line.size() || !IsWordChar(DecodeAt(line, v, &len))) continue;
    }
    // Inside an original title, only a new "key:" after a space starts another field: titles
    // themselves hold words like 记者 or 时间.
    if (!keys.empty() && keys.back().cls->role == Role::kOriginalTitle && !(colon && IsSpace(before))) {
      continue;
    }
    keys.push_back({&cls, begin, v, colon});
    pos = std::max(pos, v);
  }
  return keys;
}

bool MetaLineReader::Read(std::string_view line, const CivilDate& latest, int rank_offset,
                          Fields* fields) const {
  // Meta lines are short; a longer one is read only so far, which keeps the cost linear.
  constexpr std::size_t kMaxLineBytes = 4096;
  line = TrimSpaces(Prefix(line, kMaxLineBytes));
  const std::vector<Key> keys = FindKeys(line);

  // Dates and URLs, wherever they stand, and the spans they take (cut out of the values). Dates
  // after `latest` are cut out too, but not offered.
  std::vector<std::pair<std::size_t, std::size_t>> cuts;
  const std::vector<DateMatch> dates = dates_.FindAll(line, kNoLatest);
  for (const DateMatch& d : dates) {
    cuts.emplace_back(d.begin, d.end);
    if (latest < d.date) continue;
    int rank = kRankPlain;
    for (const Key& k : keys) {
      if (k.begin > d.begin) break;
      rank = k.cls->role == Role::kPublished ? kRankStrong
             : k.cls->role == Role::kUpdated ? kRankWeak
                                             : kRankPlain;
    }
    fields->OfferDate(d, rank + rank_offset);
  }
  re2::StringPiece url;
  re2::StringPiece input(line.data(), line.size());
  bool has_url = false;
  // A URL starts with "://" after its scheme or with www. in any case: most meta lines hold
  // neither and are spared the search.
  const bool may_hold_url = line.find("://") != std::string_view::npos || HasWww(line);
  while (may_hold_url && RE2::FindAndConsume(&input, *urls_, &url)) {
    has_url = true;
    std::string_view u(url.data(), url.size());
    while (!u.empty() && (u.back() == '.' || u.back() == ':' || u.back() == '!')) u.remove_suffix(1);
    fields->AddUrl(u);
    const std::size_t b = static_cast<std::size_t>(url.data() - line.data());
    cuts.emplace_back(b, b + url.size());
  }
  re2::StringPiece residue;
  input = re2::StringPiece(line.data(), line.size());
  // Every residue is bracketed: [photo.jpg], [IMG], (BUTTON).
  const bool may_hold_residue = line.find('[') != std::string_view::npos || line.find("(BUTTON)") != std::string_view::npos;
  while (may_hold_residue && RE2::FindAndConsume(&input, *dump_residue_, &residue)) {
    const std::size_t b = static_cast<std::size_t>(residue.data() - line.data());
    cuts.emplace_back(b, b + residue.size());
  }
  std::sort(cuts.begin(), cuts.end());

  // The text of [b, e) with the cut spans replaced by spaces.
  auto text_of = [&](std::size_t b, std::size_t e) {
    std::string out;
    std::size_t at = b;
    for (const auto& [cb, ce] : cuts) {
      if (ce <= at || cb >= e) continue;
      if (cb > at) out.append(line.substr(at, cb - at));
      out.push_back(' ');
      at = std::max(at, ce);
    }
    if (at < e) out.append(line.substr(at, e - at));
    return out;
  };

  // A name stands before any date or URL in its value: "by Steven Musil January 18, 2017 11:00 PM
  // PST" is Steven Musil.
  auto name_of = [&](std::size_t b, std::size_t e) {
    for (const auto& [cb, ce] : cuts) {
      if (cb >= b && cb < e && HasWordChar(line.substr(b, cb - b))) return text_of(b, cb);
    }
    return text_of(b, e);
  };

  // Cuts the organisation name glued before an author key off the end of [b, *e).
  auto take_org = [&](std::size_t b, std::size_t* e, const Key* next) {
    if (!next || next->cls->role != Role::kAuthor || *e <= b) return;
    if (!IsWordChar(DecodeBefore(line, *e))) return;
    std::size_t start = b;
    for (std::size_t i = b, len; i < *e; i += len) {
      if (!IsWordChar(DecodeAt(line, i, &len))) start = i + len;
    }
    const std::string_view org = line.substr(start, *e - start);
    if (!IsOrgLike(org)) return;
    Fields::Offer(&fields->publisher, org, kRankPlain + rank_offset);
    *e = start;
  };

  // What precedes the first key: an organisation beside a bare date ("新华网 2024-01-29").
  std::size_t lead_end = keys.empty() ? line.size() : keys.front().begin;
  take_org(0, &lead_end, keys.empty() ? nullptr : &keys.front());
  if (!dates.empty()) {
    const std::string lead = CollapseSpaces(TrimPunct(FirstPiece(text_of(0, lead_end))));
    if (HasOrgSuffix(lead) && IsOrgLike(lead)) Fields::Offer(&fields->publisher, lead, kRankWeak + rank_offset);
  }

  for (std::size_t i = 0; i < keys.size(); ++i) {
    const Key& k = keys[i];
    const Key* next = i + 1 < keys.size() ? &keys[i + 1] : nullptr;
    std::size_t end = next ? next->begin : line.size();
    // Words glued to the next author key describe that author (文/晨光網專欄作者 左瑋): they
    // are not a name themselves.
    const bool describes_next = next && next->cls->role == Role::kAuthor && end > k.value_begin &&
                                !IsSpace(DecodeBefore(line, end));
    take_org(k.value_begin, &end, next);
    if (end <= k.value_begin) continue;
    const std::string value = text_of(k.value_begin, end);
    const int rank = k.cls->rank + rank_offset;
    switch (k.cls->role) {
      case Role::kAuthor: {
        const std::string name = CleanName(name_of(k.value_begin, end));
        if (!describes_next && IsPlausibleName(name)) Fields::Offer(&fields->author, name, rank);
        break;
      }
      case Role::kEditor: {
        const std::string name = CleanName(name_of(k.value_begin, end));
        if (IsPlausibleName(name)) Fields::Offer(&fields->editor, name, rank);
        break;
      }
      case Role::kPublisher: {
        std::string name = CleanPublisher(value);
        // 来源：中国新闻网 王帆: an organisation, then the name of its writer; or a link's label
        // (来源：中国新闻网 参与互动), a few characters that name no organisation.
        if (const std::size_t space = name.find(' ');
            space != std::string::npos && HasOrgSuffix(std::string_view(name).substr(0, space))) {
          constexpr std::size_t kMaxLabelChars = 4;
          const std::string_view rest = std::string_view(name).substr(space + 1);
          const std::size_t n = CodePointCount(rest);
          const bool writer = IsHanNameList(rest);
          if (writer) Fields::Offer(&fields->author, rest, kRankWeak + rank_offset);
          if (writer || (!HasOrgSuffix(rest) && n <= kMaxLabelChars && HanCount(rest) == n)) {
            name.resize(space);
          }
        }
        if (HasWordChar(name) && !HasSentencePunct(name) && CodePointCount(name) <= 40) {
          Fields::Offer(&fields->publisher, name, rank);
        }
        break;
      }
      case Role::kOriginalTitle: {
        const std::string title = CleanTitle(line.substr(k.value_begin, end - k.value_begin), "");
        if (HasWordChar(title) && CodePointCount(title) <= 150) {
          Fields::Offer(&fields->original_title, title, rank);
        }
        break;
      }
      case Role::kTags: fields->OfferTags(SplitTags(value), rank); break;
      case Role::kPublished:
      case Role::kDate:
      case Role::kUpdated:
      case Role::kOther: break;
    }
  }
  return !keys.empty() || !dates.empty() || has_url;
}

bool MetaLineReader::LooksLikeMeta(std::string_view line, const CivilDate& latest, Evidence evidence) const {
  // Longer lines are prose, even when they start with a word like 作者; in the middle of a text,
  // where prose is, meta lines must be shorter still.
  const std::size_t kMaxChars = evidence == Evidence::kKeyColon ? 60 : 100;
  // 新华社记者, 晨光網專欄作者: a short name may stand before the first key.
  constexpr std::size_t kMaxLead = 8;
  // A date line may carry a few words besides the date: a site name, a weekday.
  constexpr std::size_t kMaxBesideDate = 20;
  line = TrimSpaces(line);
  const std::size_t n = CodePointCount(line, kMaxChars + 1);
  // Meta lines are not sentences.
  if (n == 0 || n > kMaxChars || line.find("。") != std::string_view::npos) return false;
  const std::vector<Key> keys = FindKeys(line);
  if (!keys.empty()) {
    const Key& first = keys.front();
    const std::string_view lead = TrimPunct(line.substr(0, first.begin));
    const bool starts = lead.empty() || (first.cls->glued && CodePointCount(lead) <= kMaxLead);
    if (first.cls->role != Role::kOther && starts && (first.colon || evidence != Evidence::kKeyColon)) {
      return true;
    }
  }
  if (evidence != Evidence::kKeyOrDate) return false;
  const std::vector<DateMatch> dates = dates_.FindAll(line, latest);
  if (dates.empty()) return false;
  std::size_t date_chars = 0;
  for (const DateMatch& d : dates) date_chars += CodePointCount(line.substr(d.begin, d.end - d.begin));
  return n - date_chars <= kMaxBesideDate;
}

}  // namespace pith::internal
