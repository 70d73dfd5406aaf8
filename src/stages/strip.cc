#include <array>

#include "pith/rules.h"
#include "stages/stages.h"
#include "strip_classify.h"
#include "strip_text.h"

namespace pith::internal {
namespace {

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
    thread_local std::vector<Line> lines;
    thread_local Unwrapped unwrapped;
    thread_local std::vector<Decision> decisions;
    SplitLines(doc.text, &lines);
    // Wrapped paragraphs are judged whole; their lines share the verdict.
    const bool wrapped = JoinWrapped(
        lines, &unwrapped, [this](const Line& line) { return classifier_.Claims(line); });
    classifier_.Classify(wrapped ? unwrapped.units : lines, &decisions);

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
      const std::size_t unit = wrapped ? unwrapped.unit_of[i] : i;
      const Decision& d = decisions[unit];
      if (explain_) doc.lines.push_back({line.n, d.label, std::string(d.rule), std::string()});
      // A wrapped paragraph comes out whole, on one line, with its first line.
      const Line& whole = wrapped ? unwrapped.units[unit] : line;
      const bool first = whole.n == line.n;
      if (keep_[static_cast<int>(d.label)]) {
        if (first) {
          if (last_kept >= 0) {
            if (removed_since) text.append(paragraph_break);
            else text.append(i - last_kept, '\n');
          }
          text.append(whole.text);
          removed_since = false;
        }
        last_kept = static_cast<int>(i);
        continue;
      }
      removed_since = true;
      removed_chars += CountCodePoints(line.text);
      // Reprint notices often quote the article's title or its source publication in
      // 《》 (本文摘自《半月谈》; 转载《…》一文), which may be the only place the title stands.
      const bool quoting_notice =
          d.label == Label::kNotice && line.core.find("《") != std::string_view::npos;
      if (!first || (d.label != Label::kTitle && d.label != Label::kMeta && !quoting_notice))
        continue;
      doc.meta_lines.push_back({line.n, d.label, std::string(d.rule), std::string(whole.core)});
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
