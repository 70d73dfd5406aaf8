// The record every stage reads and writes: one JSON object per line (see the README's design
// note for the schema).
//
//   pith::Document doc;
//   doc.id = "000";
//   doc.text = "title\nbody line";
//   std::string line = pith::ToJsonLine(doc);          // {"id":"000","text":"title\nbody line"}
//   pith::Document back = pith::DocumentFromJson(line);  // throws InputError on bad JSON
//
// Fields pith does not know are kept in `extra` and written back where they stood, so pith
// composes with other tools' JSONL (datatrove and dolma use id/text/metadata the same way).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace pith {

using Json = nlohmann::ordered_json;

// What a line of a document is. Only kBody is kept by default.
enum class Label { kBody, kTitle, kMeta, kSpam, kChrome, kNotice };

// "body", "title", "meta", "spam", "chrome", "notice".
std::string_view LabelName(Label label);
// The inverse of LabelName; nullopt for an unknown name.
std::optional<Label> ParseLabel(std::string_view name);

// The verdict on one non-blank line. `n` is the 1-based line number in the text as ingested
// (normalize never merges or splits lines, so it stays valid); `rule` names the rule or detector
// that decided. `text` is the line itself, kept only where a later stage needs the words of a
// line that strip removed (see Document::meta_lines); it is empty in `lines`.
struct LineLabel {
  int n = 0;
  Label label = Label::kBody;
  std::string rule;
  std::string text;
};

// A plain record. Known fields are typed members; everything else is in `extra`.
struct Document {
  std::string id;
  std::string source;
  std::string text;
  Json metadata = Json::object();  // title, date, author, ...; absent keys mean "not found"
  std::vector<LineLabel> lines;    // written by strip --explain (and kept for later stages)
  // The title and meta lines strip removed from `text` (and notices that quote a 《title》),
  // with their words, for extract to read;
  // extract consumes them (clears this) once metadata is filled. Serialized as "meta_lines".
  std::vector<LineLabel> meta_lines;
  std::vector<std::string> flags;  // e.g. "mojibake", "invalid-utf8"; no duplicates
  Json signals = Json::object();   // per-document measures, by stage
  Json extra = Json::object();     // unknown fields, in input order

  // The key order of the input record, known and unknown keys alike, so that output keeps
  // every field in place. Empty for documents made by ingest from plain files.
  std::vector<std::string> field_order;

  // Adds `flag` unless present.
  void AddFlag(std::string_view flag);
  bool HasFlag(std::string_view flag) const;
};

// Parses one JSON object. `text_field` and `id_field` name the fields read into `text` and `id`
// (an id that is a number is kept as its decimal text). Throws InputError with the JSON parser's
// message when `json` is not an object, or when `text_field` is missing or not a string.
Document DocumentFromJson(std::string_view json, std::string_view text_field = "text",
                          std::string_view id_field = "id");

// Serializes `doc` as one line of JSON without the trailing newline. Keys of the input record come
// first in their input order; known fields that were not in the input follow in the order
// id, source, text, metadata, lines, meta_lines, flags, signals. Empty metadata, lines,
// meta_lines, flags and signals are omitted unless the input had them. Invalid UTF-8 in strings is written as U+FFFD.
std::string ToJsonLine(const Document& doc);
// Appends the same serialization to `out` (the hot path: no temporary strings).
void AppendJsonLine(const Document& doc, std::string* out);

}  // namespace pith
