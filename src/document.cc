#include "pith/document.h"

#include <array>
#include <cstdint>

#include "pith/error.h"

namespace pith {
namespace {

constexpr std::array<std::string_view, 6> kLabelNames = {"body", "title", "meta",
                                                         "spam", "chrome", "notice"};

// The fields Document types; everything else goes to `extra`.
enum class Field { kId, kSource, kText, kMetadata, kLines, kMetaLines, kFlags, kSignals, kOther };

Field FieldOf(std::string_view key, std::string_view text_field, std::string_view id_field) {
  if (key == id_field) return Field::kId;
  if (key == text_field) return Field::kText;
  if (key == "source") return Field::kSource;
  if (key == "metadata") return Field::kMetadata;
  if (key == "lines") return Field::kLines;
  if (key == "meta_lines") return Field::kMetaLines;
  if (key == "flags") return Field::kFlags;
  if (key == "signals") return Field::kSignals;
  return Field::kOther;
}

// Length of the valid UTF-8 sequence at s[i], or 0 if it is invalid.
std::size_t Utf8SequenceLength(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  auto cont = [&](std::size_t k) {
    return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
  };
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    const auto c1 = static_cast<unsigned char>(s[i + 1]);
    if (c == 0xE0 && c1 < 0xA0) return 0;  // overlong
    if (c == 0xED && c1 > 0x9F) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    const auto c1 = static_cast<unsigned char>(s[i + 1]);
    if (c == 0xF0 && c1 < 0x90) return 0;
    if (c == 0xF4 && c1 > 0x8F) return 0;
    return 4;
  }
  return 0;
}

// Writes `s` as a JSON string. Runs of bytes that need no escaping are copied in one append,
// which is what keeps serialization off the profile for long CJK texts.
void AppendJsonString(std::string_view s, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  std::size_t run = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      const std::size_t len = Utf8SequenceLength(s, i);
      if (len != 0) {
        i += len;
        continue;
      }
    }
    out->append(s.data() + run, i - run);
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default:
        if (c < 0x20) {
          out->append("\\u00");
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 15]);
        } else {
          out->append("\xEF\xBF\xBD");  // invalid UTF-8 byte
        }
    }
    ++i;
    run = i;
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
}

void AppendJson(const Json& value, std::string* out) {
  out->append(value.dump(-1, ' ', false, Json::error_handler_t::replace));
}

void AppendLines(const std::vector<LineLabel>& lines, std::string* out) {
  out->push_back('[');
  bool first = true;
  for (const LineLabel& l : lines) {
    if (!first) out->push_back(',');
    first = false;
    out->append("{\"n\":");
    out->append(std::to_string(l.n));
    out->append(",\"label\":\"");
    out->append(LabelName(l.label));
    out->append("\"");
    if (!l.rule.empty()) {
      out->append(",\"rule\":");
      AppendJsonString(l.rule, out);
    }
    if (!l.text.empty()) {
      out->append(",\"text\":");
      AppendJsonString(l.text, out);
    }
    out->push_back('}');
  }
  out->push_back(']');
}

void AppendStrings(const std::vector<std::string>& items, std::string* out) {
  out->push_back('[');
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out->push_back(',');
    AppendJsonString(items[i], out);
  }
  out->push_back(']');
}

// Appends `"key":value` for one known field; returns false when the field is to be omitted.
bool AppendKnown(const Document& doc, Field field, bool present_in_input, std::string* out,
                 bool* first) {
  auto key = [&](std::string_view k) {
    if (!*first) out->push_back(',');
    *first = false;
    AppendJsonString(k, out);
    out->push_back(':');
  };
  switch (field) {
    case Field::kId: key("id"); AppendJsonString(doc.id, out); return true;
    case Field::kSource:
      if (doc.source.empty() && !present_in_input) return false;
      key("source"); AppendJsonString(doc.source, out); return true;
    case Field::kText: key("text"); AppendJsonString(doc.text, out); return true;
    case Field::kMetadata:
      if (doc.metadata.empty() && !present_in_input) return false;
      key("metadata"); AppendJson(doc.metadata, out); return true;
    case Field::kLines:
      if (doc.lines.empty() && !present_in_input) return false;
      key("lines"); AppendLines(doc.lines, out); return true;
    case Field::kMetaLines:
      // Consumed by extract: once empty it disappears from the record.
      if (doc.meta_lines.empty()) return false;
      key("meta_lines"); AppendLines(doc.meta_lines, out); return true;
    case Field::kFlags:
      if (doc.flags.empty() && !present_in_input) return false;
      key("flags"); AppendStrings(doc.flags, out); return true;
    case Field::kSignals:
      if (doc.signals.empty() && !present_in_input) return false;
      key("signals"); AppendJson(doc.signals, out); return true;
    case Field::kOther: return false;
  }
  return false;
}

void ParseLines(const Json& value, const std::string& key, std::vector<LineLabel>* out) {
  if (!value.is_array()) throw InputError("field \"" + key + "\" is not an array");
  for (const Json& l : value) {
    if (!l.is_object() || !l.contains("n") || !l["n"].is_number_integer() || !l.contains("label") ||
        !l["label"].is_string())
      throw InputError("field \"" + key + "\" has an entry without integer n and string label");
    auto label = ParseLabel(l["label"].get<std::string>());
    if (!label) throw InputError("field \"" + key + "\" has unknown label " + l["label"].dump());
    LineLabel ll{l["n"].get<int>(), *label, "", ""};
    if (auto it = l.find("rule"); it != l.end() && it->is_string()) ll.rule = it->get<std::string>();
    if (auto it = l.find("text"); it != l.end() && it->is_string()) ll.text = it->get<std::string>();
    out->push_back(std::move(ll));
  }
}

}  // namespace

std::string_view LabelName(Label label) { return kLabelNames[static_cast<int>(label)]; }

std::optional<Label> ParseLabel(std::string_view name) {
  for (std::size_t i = 0; i < kLabelNames.size(); ++i) {
    if (kLabelNames[i] == name) return static_cast<Label>(i);
  }
  return std::nullopt;
}

void Document::AddFlag(std::string_view flag) {
  if (!HasFlag(flag)) flags.emplace_back(flag);
}

bool Document::HasFlag(std::string_view flag) const {
  for (const auto& f : flags) {
    if (f == flag) return true;
  }
  return false;
}

Document DocumentFromJson(std::string_view json, std::string_view text_field,
                          std::string_view id_field) {
  Json j;
  try {
    j = Json::parse(json);
  } catch (const Json::exception& e) {
    throw InputError(std::string("not JSON: ") + e.what());
  }
  if (!j.is_object()) throw InputError("not a JSON object");
  Document doc;
  bool has_text = false;
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& key = it.key();
    Json& value = it.value();
    const Field field = FieldOf(key, text_field, id_field);
    doc.field_order.push_back(field == Field::kId ? "id" : field == Field::kText ? "text" : key);
    switch (field) {
      case Field::kId:
        if (value.is_string()) doc.id = value.get<std::string>();
        else if (value.is_number_integer()) doc.id = value.dump();
        else if (!value.is_null()) throw InputError("field \"" + key + "\" is not a string");
        break;
      case Field::kText:
        if (!value.is_string()) throw InputError("field \"" + key + "\" is not a string");
        doc.text = std::move(value.get_ref<std::string&>());
        has_text = true;
        break;
      case Field::kSource:
        if (value.is_string()) doc.source = value.get<std::string>();
        else doc.extra[key] = std::move(value);
        break;
      case Field::kMetadata:
        if (value.is_object()) doc.metadata = std::move(value);
        else doc.extra[key] = std::move(value);
        break;
      case Field::kLines:
        ParseLines(value, key, &doc.lines);
        break;
      case Field::kMetaLines:
        ParseLines(value, key, &doc.meta_lines);
        break;
      case Field::kFlags:
        if (!value.is_array()) throw InputError("field \"flags\" is not an array");
        for (const Json& f : value) {
          if (f.is_string()) doc.AddFlag(f.get<std::string>());
        }
        break;
      case Field::kSignals:
        if (value.is_object()) doc.signals = std::move(value);
        else doc.extra[key] = std::move(value);
        break;
      case Field::kOther: doc.extra[key] = std::move(value); break;
    }
  }
  if (!has_text) throw InputError("no \"" + std::string(text_field) + "\" field");
  return doc;
}

void AppendJsonLine(const Document& doc, std::string* out) {
  out->push_back('{');
  bool first = true;
  bool seen[static_cast<int>(Field::kOther)] = {};
  for (const std::string& key : doc.field_order) {
    const Field field = FieldOf(key, "text", "id");
    if (field != Field::kOther && !doc.extra.contains(key)) {
      seen[static_cast<int>(field)] = true;
      AppendKnown(doc, field, /*present_in_input=*/true, out, &first);
    } else if (auto it = doc.extra.find(key); it != doc.extra.end()) {
      if (!first) out->push_back(',');
      first = false;
      AppendJsonString(key, out);
      out->push_back(':');
      AppendJson(*it, out);
    }
  }
  for (int f = 0; f < static_cast<int>(Field::kOther); ++f) {
    if (!seen[f]) AppendKnown(doc, static_cast<Field>(f), /*present_in_input=*/false, out, &first);
  }
  // Fields added to `extra` after parsing (by a stage) have no place in field_order.
  for (auto it = doc.extra.begin(); it != doc.extra.end(); ++it) {
    bool listed = false;
    for (const std::string& key : doc.field_order) listed = listed || key == it.key();
    if (listed) continue;
    if (!first) out->push_back(',');
    first = false;
    AppendJsonString(it.key(), out);
    out->push_back(':');
    AppendJson(*it, out);
  }
  out->push_back('}');
}

std::string ToJsonLine(const Document& doc) {
  std::string out;
  out.reserve(doc.text.size() + 256);
  AppendJsonLine(doc, &out);
  return out;
}

}  // namespace pith
