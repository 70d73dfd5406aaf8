#include <array>

#include "pith/rules.h"
#include "stages/stages.h"
#include "strip_classify.h"
#include "strip_text.h"

namespace pith::internal {
namespace {

// Trims spaces, tabs and a carriage return from both ends.
std::string_view TrimBlanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Appends `line`, the next of a wrapped unit, to `out`: after a space where the wrapper broke
// the line before at one (JoinWrapped's `spaced`), else straight after it.
void AppendWrapped(std::string_view line, bool spaced, std::string* out) {
  const std::string_view piece = TrimBlanks(line);
  while (!out->empty() && (out->back() == ' ' || out->back() == '\t' || out->back() == '\r'))
    out->pop_back();
  if (piece.empty()) return;
  if (!out->empty() && spaced) out->push_back(' ');
  out->append(piece);
}

// The words of the unit that begins at line `first`, on one line: a wrapped title comes back
// whole.
std::string OneLine(const std::vector<Line>& lines, const std::vector<int>& unit_of,
                    const std::vector<bool>& spaced, std::size_t first) {
  std::string out(lines[first].core);
  for (std::size_t k = first + 1; k < lines.size() && unit_of[k] == unit_of[first]; ++k)
    AppendWrapped(lines[k].text, spaced[k - 1], &out);
  return out;
}

// Labels every line, keeps the labels asked for, and reports what it removed (see StripOptions).
class StripStage final : public Stage {
 public:
  explicit StripStage(const StageOptions& options)
      : explain_(options.strip.explain),
        classifier_(options.rules ? options.rules : RuleSet::Default()) {
    for (Label label : options.strip.keep) keep_[static_cast<int>(label)] = true;
  }

  std::string_view Name() const override { return "strip"; }

  StageResult Process(Document& doc) const override {
    thread_local std::vector<Line> lines, units;
    thread_local std::vector<int> unit_of;
    thread_local std::vector<bool> spaced;
    thread_local std::vector<Decision> decisions;
    SplitLines(doc.text, &lines);
    // Wrapped paragraphs are judged whole; their lines share the verdict.
    const bool wrapped = JoinWrapped(lines, &units, &unit_of, &spaced);
    classifier_.Classify(wrapped ? units : lines, &decisions);

    // Paragraphs joined the way the page joined them: kept neighbours keep what stood between
    // them; where lines were removed, the page's own paragraph break is used.
    bool blank_between = false;
    for (std::size_t i = 1; i + 1 < lines.size() && !blank_between; ++i)
      blank_between = lines[i].blank && !lines[i - 1].blank;
    const std::string_view paragraph_break = blank_between ? "\n\n" : "\n";

    std::string text;
    text.reserve(doc.text.size());
    std::size_t removed_chars = 0;
    int last_kept = -1;
    bool removed_since = false;
    doc.meta_lines.clear();
    if (explain_) doc.lines.clear();
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const Line& line = lines[i];
      if (line.blank) continue;
      const Decision& d = decisions[wrapped ? unit_of[i] : i];
      if (explain_) doc.lines.push_back({line.n, d.label, std::string(d.rule), std::string()});
      if (keep_[static_cast<int>(d.label)]) {
        // A wrapped paragraph comes out whole, on one line.
        if (wrapped && last_kept >= 0 && unit_of[last_kept] == unit_of[i]) {
          AppendWrapped(line.text, spaced[i - 1], &text);
          last_kept = static_cast<int>(i);
          continue;
        }
        if (last_kept >= 0) {
          if (removed_since) text.append(paragraph_break);
          else text.append(i - last_kept, '\n');
        }
        text.append(line.text);
        last_kept = static_cast<int>(i);
        removed_since = false;
        continue;
      }
      removed_since = true;
      removed_chars += CountCodePoints(line.text);
      // Reprint notices often quote the article's title or its source publication in
      // 《》 (本文摘自《半月谈》; 转载《…》一文), which may be the only place the title stands.
      const bool quoting_notice =
          d.label == Label::kNotice && line.core.find("《") != std::string_view::npos;
      if (d.label != Label::kTitle && d.label != Label::kMeta && !quoting_notice) continue;
      if (!wrapped) {
        doc.meta_lines.push_back({line.n, d.label, std::string(d.rule), std::string(line.core)});
      } else if (units[unit_of[i]].n == line.n) {
        doc.meta_lines.push_back(
            {line.n, d.label, std::string(d.rule), OneLine(lines, unit_of, spaced, i)});
      }
    }
    if (!text.empty() && !doc.text.empty() && doc.text.back() == '\n') text.push_back('\n');
    doc.signals["input_chars"] = CountCodePoints(doc.text);
    doc.signals["removed_chars"] = removed_chars;
    doc.text = std::move(text);
    return {};
  }

 private:
  bool explain_;
  std::array<bool, 6> keep_{};
  Classifier classifier_;
};

}  // namespace

std::unique_ptr<Stage> MakeStripStage(const StageOptions& options) {
  return std::make_unique<StripStage>(options);
}

}  // namespace pith::internal
