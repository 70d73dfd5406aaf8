#include "stages/stages.h"

namespace pith::internal {
namespace {

// Placeholder until the extract stage lands: passes documents through unchanged.
class ExtractStage final : public Stage {
 public:
  std::string_view Name() const override { return "extract"; }
  StageResult Process(Document&) const override { return {}; }
};

}  // namespace

std::unique_ptr<Stage> MakeExtractStage(const StageOptions&) { return std::make_unique<ExtractStage>(); }

}  // namespace pith::internal
