// extract: fills Document::metadata from the title and meta lines strip removed (meta_lines), from
// notices that quote the title, and from bylines left at the start or end of the body. Without
// meta_lines (a record strip never saw), it reads the text itself: the first line as the title
// when it reads as one, and short lines that read as meta lines; the text is left unchanged.
#include <algorithm>

#include <re2/re2.h>

#include "date_parse.h"
#include "extract_fields.h"
#include "extract_text.h"
#include "extract_title.h"
#include "stages/stages.h"

namespace pith::internal {
namespace {

using Evidence = MetaLineReader::Evidence;

// The body lines that may hold a byline: the first and last few.
constexpr std::size_t kBodyEdgeLines = 2;
// Bylines left in the body are short lines.
constexpr std::size_t kMaxBodyBylineChars = 40;
// Without labels, meta lines are looked for with more lenient evidence near the top and the
// bottom of the text.
constexpr std::size_t kHeadLines = 15;
constexpr std::size_t kTailLines = 10;
// A line longer than this is a paragraph, not a title.
constexpr std::size_t kMaxTitleChars = 80;
constexpr std::size_t kMaxLatinTitleBytes = 200;
// Without labels, the title is looked for among the short lines at the top.
constexpr std::size_t kMaxTitleCandidates = 8;
// A line whose words hardly occur in the rest of the text is not its title (spam, chrome)...
constexpr double kMinTitleRelatedness = 0.3;
// ...and a line replaces an earlier candidate when this much more of its words occur there.
constexpr double kClearlyMoreRelated = 0.3;

// Words of reprint and copyright notices, which quote the article title: used only to find
// notices in text that strip has not labelled.
constexpr std::string_view kNoticeWords[] = {
    "本站", "本网", "本網", "转载", "轉載", "援引", "仅供", "僅供", "版权", "版權", "侵删", "侵刪",
    "免责", "免責", "声明", "聲明", "有关内容", "有關內容", "相关内容", "相關內容", "观点", "觀點"};

// A news agency's dateline opening the first paragraph: 新华社北京1月29日电(记者 张三).
constexpr const char* kDateline =
    "^[【\\[]?(\\p{Han}{2,12}?)(?:[0-9０-９]{1,2}月[0-9０-９]{1,2}日)?(?:电|電|讯|訊)[】\\]]?"
    "[\\s\\x{3000}]*(?:[(（]([^)）]{2,40})[)）])?";

bool IsNoticeLike(std::string_view line) {
  for (std::string_view w : kNoticeWords) {
    if (line.find(w) != std::string_view::npos) return true;
  }
  return false;
}

bool EndsLikeSentence(std::string_view s) {
  for (std::string_view p : {"。", "，", ",", "；", ";", "：", ":", "."}) {
    if (s.ends_with(p)) return true;
  }
  return false;
}

std::vector<std::string_view> NonBlankLines(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::string_view line : SplitLines(text)) {
    line = TrimSpaces(line);
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

CivilDate LatestDate(const ExtractOptions& options) {
  if (options.not_after.empty()) return NextDay(TodayUtc());
  const std::optional<CivilDate> d = ParseIsoDate(options.not_after);
  if (!d) throw ConfigError("extract: not-after \"" + options.not_after + "\" is not a date (YYYY-MM-DD)");
  return *d;
}

class ExtractStage final : public Stage {
 public:
  explicit ExtractStage(const ExtractOptions& options)
      : latest_(LatestDate(options)), dateline_(CompileBuiltIn(kDateline, "dateline")) {}

  std::string_view Name() const override { return "extract"; }

  StageResult Process(Document& doc) const override {
    Fields fields;
    std::vector<std::string> quoted;  // titles quoted by notices, in order
    std::string unlabelled_body;       // the lines of unlabelled text but notices
    std::string_view body = doc.text;  // what title segments are judged against
    // Labels from strip (meta_lines, or lines when it explained itself) mean the text is the body.
    if (!doc.meta_lines.empty() || !doc.lines.empty()) {
      ReadLabelled(doc.meta_lines, &fields, &quoted);
    } else {
      ReadUnlabelled(doc.text, &fields, &quoted, &unlabelled_body);
      body = unlabelled_body;
    }
    ReadBody(doc.text, &fields);
    Write(fields, quoted, body, &doc.metadata);
    doc.meta_lines.clear();
    return {};
  }

 private:
  void ReadLabelled(const std::vector<LineLabel>& lines, Fields* fields, std::vector<std::string>* quoted) const {
    for (const LineLabel& l : lines) {
      switch (l.label) {
        case Label::kTitle: Fields::Offer(&fields->title, TrimSpaces(l.text), kRankStrong); break;
        case Label::kMeta: reader_.Read(l.text, latest_, 0, fields); break;
        case Label::kNotice: ReadNotice(l.text, fields, quoted); break;
        default: break;
      }
    }
  }

  void ReadNotice(std::string_view line, Fields* fields, std::vector<std::string>* quoted) const {
    if (std::string q = TitleQuotedInNotice(line); !q.empty()) quoted->push_back(std::move(q));
    Fields::Offer(&fields->publisher, PublicationCitedInNotice(line), kRankInferred);
  }

  // Text no stage labelled: the first line may be the title, lines near the top and bottom may be
  // meta lines or notices. `body` gets the other lines.
  void ReadUnlabelled(std::string_view text, Fields* fields, std::vector<std::string>* quoted,
                      std::string* body) const {
    const std::vector<std::string_view> lines = NonBlankLines(text);
    // Meta lines cannot be the title but stay in the body the title is judged against (原标题
    // repeats it); notices quoting a title are left out of it, or the spam glued onto the quote
    // would count as related.
    std::vector<bool> meta(lines.size(), false);
    std::vector<bool> notice(lines.size(), false);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const Evidence evidence = i < kHeadLines                  ? Evidence::kKeyOrDate
                                : i + kTailLines >= lines.size() ? Evidence::kKey
                                                                 : Evidence::kKeyColon;
      // A notice is told by the title it quotes before its words: a quote needs a bracket,
      // which few lines hold, and ruling it out costs two searches where the words cost 22.
      if (reader_.LooksLikeMeta(lines[i], latest_, evidence)) {
        reader_.Read(lines[i], latest_, 0, fields);
        meta[i] = true;
      } else if (!TitleQuotedInNotice(lines[i]).empty() && IsNoticeLike(lines[i])) {
        ReadNotice(lines[i], fields, quoted);
        notice[i] = true;
      }
    }
    // Title candidates: the short lines above the first paragraph. The first line of a page is
    // its title unless its words hardly recur in the body; a later line replaces it only when
    // its words recur clearly more often.
    std::vector<std::size_t> candidates;
    for (std::size_t i = 0; i < lines.size() && candidates.size() < kMaxTitleCandidates; ++i) {
      if (!IsTitleShaped(lines[i])) break;
      if (!meta[i] && !notice[i]) candidates.push_back(i);
    }
    // Each line is judged against all the others but notices: a title repeated as a heading, or
    // as 原标题, counts for it. Relatedness reads only the start of that text.
    auto others = [&](std::size_t skip) {
      std::string text;
      for (std::size_t i = 0; i < lines.size() && text.size() < kRelatednessWindowBytes; ++i) {
        if (i == skip || notice[i]) continue;
        text.append(lines[i]);
        text.push_back('\n');
      }
      return text;
    };
    std::size_t best = lines.size();
    double best_related = 0;
    for (std::size_t i : candidates) {
      const std::string rest = others(i);
      // A text that is all title has none.
      if (rest.empty()) break;
      const double related = Relatedness(lines[i], rest);
      if (i == 0 && (related < 0 || related >= kMinTitleRelatedness)) {
        best = 0;
        best_related = std::max(related, kMinTitleRelatedness);
      } else if (related >= kMinTitleRelatedness &&
                 (best == lines.size() || related >= best_related + kClearlyMoreRelated)) {
        best = i;
        best_related = related;
      }
    }
    *body = others(best);
    if (best < lines.size()) Fields::Offer(&fields->title, lines[best], kRankStrong);
  }

  static bool IsTitleShaped(std::string_view line) {
    if (EndsLikeSentence(line)) return false;
    return HanCount(line, 1) > 0 ? CodePointCount(line, kMaxTitleChars + 1) <= kMaxTitleChars
                                 : line.size() <= kMaxLatinTitleBytes;
  }

  // Bylines at the edges of the body: a dateline or a short byline line at the start, a short
  // meta line or a bracketed one, "(责任编辑:张三)", at the end.
  void ReadBody(std::string_view text, Fields* fields) const {
    for (std::string_view line : EdgeLines(text, /*from_end=*/false)) {
      ReadDateline(line, fields);
      ReadShortByline(line, Evidence::kKeyOrDate, fields);
    }
    for (std::string_view line : EdgeLines(text, /*from_end=*/true)) {
      ReadShortByline(line, Evidence::kKey, fields);
      ReadBracketedTail(line, fields);
    }
  }

  // The first (or last) kBodyEdgeLines non-blank lines, found without splitting the whole text.
  static std::vector<std::string_view> EdgeLines(std::string_view text, bool from_end) {
    std::vector<std::string_view> lines;
    std::size_t pos = from_end ? text.size() : 0;
    while (lines.size() < kBodyEdgeLines) {
      std::string_view line;
      if (from_end) {
        if (pos == 0) break;
        const std::size_t nl = text.rfind('\n', pos - 1);
        const std::size_t start = nl == std::string_view::npos ? 0 : nl + 1;
        line = text.substr(start, pos - start);
        pos = nl == std::string_view::npos ? 0 : nl;
      } else {
        if (pos >= text.size()) break;
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos) nl = text.size();
        line = text.substr(pos, nl - pos);
        pos = nl + 1;
      }
      line = TrimSpaces(line);
      if (!line.empty()) lines.push_back(line);
    }
    if (from_end) std::reverse(lines.begin(), lines.end());
    return lines;
  }

  void ReadShortByline(std::string_view line, Evidence evidence, Fields* fields) const {
    if (CodePointCount(line, kMaxBodyBylineChars + 1) <= kMaxBodyBylineChars &&
        reader_.LooksLikeMeta(line, latest_, evidence)) {
      reader_.Read(line, latest_, kBodyRankOffset, fields);
    }
  }

  void ReadDateline(std::string_view line, Fields* fields) const {
    re2::StringPiece head, byline;
    if (!RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), *dateline_, &head, &byline)) return;
    // The agency is the longest start of the place part that ends like an organisation:
    // 新华社北京 → 新华社. 本报 (this paper) names no one.
    const std::string_view place(head.data(), head.size());
    for (std::size_t end = place.size(); end > 0; --end) {
      if (end < place.size() && (static_cast<unsigned char>(place[end]) & 0xC0) == 0x80) continue;
      const std::string_view org = place.substr(0, end);
      if (org.starts_with("本")) break;
      if (HasOrgSuffix(org) && CodePointCount(org) >= 2) {
        Fields::Offer(&fields->publisher, org, kRankPlain + kBodyRankOffset);
        break;
      }
    }
    const std::string_view inner(byline.data(), byline.size());
    if (!inner.empty() && reader_.LooksLikeMeta(inner, latest_, Evidence::kKey)) {
      reader_.Read(inner, latest_, kBodyRankOffset, fields);
    }
  }

  void ReadBracketedTail(std::string_view line, Fields* fields) const {
    constexpr std::pair<std::string_view, std::string_view> kPairs[] = {
        {"(", ")"}, {"（", "）"}, {"【", "】"}, {"[", "]"}};
    for (const auto& [open, close] : kPairs) {
      if (line.size() <= close.size() || !line.ends_with(close)) continue;
      const std::size_t at = RFind(line, open);
      if (at == std::string_view::npos) continue;
      const std::string_view inner = line.substr(at + open.size(), line.size() - close.size() - at - open.size());
      if (reader_.LooksLikeMeta(inner, latest_, Evidence::kKey)) reader_.Read(inner, latest_, kBodyRankOffset, fields);
    }
  }

  static void Write(const Fields& f, const std::vector<std::string>& quoted, std::string_view body,
                    Json* metadata) {
    std::string title = f.title.empty() ? "" : CleanTitle(f.title.value, body);
    for (std::size_t i = 0; title.empty() && i < quoted.size(); ++i) title = CleanTitle(quoted[i], body);
    // A repost that dropped the title line still names the original one.
    if (title.empty()) title = f.original_title.value;
    std::string publisher = f.publisher.value;
    if (publisher.empty()) publisher = PublisherPrefix(title);

    auto put = [&](const char* key, const std::string& value) {
      if (!value.empty() && !metadata->contains(key)) (*metadata)[key] = value;
    };
    put("title", title);
    if (f.date && !metadata->contains("date")) {
      (*metadata)["date"] = FormatIsoDate(f.date->date);
      put("time", FormatTime(*f.date));
    }
    put("author", f.author.value);
    put("publisher", publisher);
    put("editor", f.editor.value);
    put("original_title", f.original_title.value);
    if (!f.urls.empty() && !metadata->contains("urls")) (*metadata)["urls"] = f.urls;
    if (!f.tags.empty() && !metadata->contains("tags")) (*metadata)["tags"] = f.tags;
  }

  const CivilDate latest_;
  const MetaLineReader reader_;
  const std::unique_ptr<const re2::RE2> dateline_;
};

}  // namespace

std::unique_ptr<Stage> MakeExtractStage(const StageOptions& options) {
  return std::make_unique<ExtractStage>(options.extract);
}

}  // namespace pith::internal
