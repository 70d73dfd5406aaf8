#include <algorithm>

#include "normalize_text.h"
#include "stages/stages.h"

namespace pith::internal {
namespace {

class NormalizeStage final : public Stage {
 public:
  explicit NormalizeStage(const NormalizeOptions& options) : normalizer_(options) {}

  std::string_view Name() const override { return "normalize"; }

  StageResult Process(Document& doc) const override {
    NormalizeReport report;
    normalizer_.Normalize(&doc.text, doc.HasFlag("mojibake"), &report);
    // Signals are only ever added to, so that normalizing twice gives the same record.
    const auto counts = report.Counts();
    if (!counts.empty()) {
      Json& out = doc.signals["normalize"];
      out = Json::object();
      for (const auto& [name, value] : counts) out[name] = value;
    }
    if (!report.mojibake_lines.empty()) {
      doc.AddFlag("mojibake");
      std::vector<int> lines = report.mojibake_lines;
      if (const auto it = doc.signals.find("mojibake_lines");
          it != doc.signals.end() && it->is_array()) {
        for (const Json& n : *it) {
          if (n.is_number_integer()) lines.push_back(n.get<int>());
        }
      }
      std::sort(lines.begin(), lines.end());
      lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
      doc.signals["mojibake_lines"] = lines;
      doc.signals["mojibake_chars"] = report.mojibake_chars;
    }
    return {};
  }

 private:
  TextNormalizer normalizer_;
};

}  // namespace

std::unique_ptr<Stage> MakeNormalizeStage(const StageOptions& options) {
  return std::make_unique<NormalizeStage>(options.normalize);
}

}  // namespace pith::internal
