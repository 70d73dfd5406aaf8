// Reading metadata fields out of meta lines: bylines, date/source lines, editor, original title,
// tags.
//
//   const MetaLineReader reader;
//   Fields fields;
//   reader.Read("来源:半月談 2024-01-29 11:30 作者:张三 责任编辑:李四", latest, 0, &fields);
//   // fields.publisher.value == "半月談", fields.date->date == {2024, 1, 29},
//   // fields.author.value == "张三", fields.editor.value == "李四"
//
// A line is split at the keys it holds (来源/來源/Source, 作者/记者/文/By, 责任编辑/Editor, 原标题,
// 本文标签/Tags, 发布时间/Published, 更新时间/Updated, and keys of fields that are not kept, such as
// 阅读 or 摄影, which only end the value before them). The text between a key and the next one is
// its value; dates, URLs and the residue of text dumps ([photo.jpg], (BUTTON)) found in it are
// taken out, and punctuation and brackets around it are trimmed. A name written right before an
// author key (半月談記者:…, 晨光網專欄作者 …) is the publisher. Private to the library.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "date_parse.h"

namespace pith::internal {

// Ranks order the candidates for one field: the highest wins, the first seen wins a tie.
inline constexpr int kRankStrong = 3;    // 来源, 记者, 文/, 责任编辑, 发布时间 ...
inline constexpr int kRankPlain = 2;     // 作者, By, 编辑, 日期; a name before 记者; a date with no key
inline constexpr int kRankWeak = 1;      // 更新时间, 发布者; an organisation name beside a bare date
inline constexpr int kRankInferred = 0;  // guessed from a title prefix or a notice
// Lines that strip labelled meta read with rank offset 0; patterns found in the body, which are
// less certain, with kBodyRankOffset, so that they only fill fields the meta lines left empty.
inline constexpr int kBodyRankOffset = -10;

struct Candidate {
  std::string value;
  int rank = -1000;
  bool empty() const { return value.empty(); }
};

// The best value found so far for each metadata field of one document.
struct Fields {
  Candidate title;
  Candidate author;
  Candidate publisher;
  Candidate editor;
  Candidate original_title;
  std::optional<DateMatch> date;
  int date_rank = -1000;
  std::vector<std::string> tags;
  int tags_rank = -1000;
  std::vector<std::string> urls;  // every distinct URL, in order

  // Keeps `value` in `slot` if it outranks what is there. Empty values are ignored.
  static void Offer(Candidate* slot, std::string_view value, int rank);
  void OfferDate(const DateMatch& date, int rank);
  void OfferTags(std::vector<std::string> tags, int rank);
  void AddUrl(std::string_view url);
};

// Splits a tags value: on commas, 、, semicolons, | and /, or else on spaces (NBSP and U+3000
// included); for Latin text without separators, only on runs of two or more spaces. Keeps each
// tag once, without '#' and surrounding punctuation.
std::vector<std::string> SplitTags(std::string_view value);

class MetaLineReader {
 public:
  // Compiles the key patterns; throws RuleError if one does not compile.
  MetaLineReader();
  ~MetaLineReader();
  MetaLineReader(const MetaLineReader&) = delete;
  MetaLineReader& operator=(const MetaLineReader&) = delete;

  // Reads the fields of one meta line into `fields`, adding `rank_offset` to every rank. Dates
  // after `latest` are ignored. Returns whether the line held a key, a date or a URL.
  // Const and thread-safe.
  bool Read(std::string_view line, const CivilDate& latest, int rank_offset, Fields* fields) const;

  // What makes an unlabelled line a meta line, from the most to the least lenient.
  enum class Evidence {
    kKeyOrDate,   // a key, or a date and little else (at the top of a page)
    kKey,         // a key (where lists of dated links are common, as at the end of a page)
    kKeyColon,    // a key followed by a colon, in a line of at most 60 characters (anywhere)
  };
  // Whether an unlabelled line reads as a meta line: short, not a sentence, and starting with a
  // key (after at most a short name, as in 新华社记者 张三), or holding a date as `evidence` allows.
  bool LooksLikeMeta(std::string_view line, const CivilDate& latest, Evidence evidence) const;

 private:
  struct Key;
  struct KeyClass;
  std::vector<Key> FindKeys(std::string_view line) const;
  // The index in classes_ of the key that keys_ matched at `begin`.
  std::size_t ClassAt(std::string_view line, std::size_t begin) const;

  DateFinder dates_;
  std::vector<KeyClass> classes_;
  std::unique_ptr<const re2::RE2> keys_;
  struct KeyClassSet;  // classes_' patterns, each anchored at the start, in one RE2::Set
  std::unique_ptr<const KeyClassSet> key_classes_;
  std::unique_ptr<const re2::RE2> urls_;
  std::unique_ptr<const re2::RE2> dump_residue_;
};

}  // namespace pith::internal
