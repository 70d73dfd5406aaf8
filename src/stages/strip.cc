#include "stages/stages.h"

namespace pith::internal {
namespace {

// Placeholder until the strip stage lands: passes documents through unchanged.
class StripStage final : public Stage {
 public:
  std::string_view Name() const override { return "strip"; }
  StageResult Process(Document&) const override { return {}; }
};

}  // namespace

std::unique_ptr<Stage> MakeStripStage(const StageOptions&) { return std::make_unique<StripStage>(); }

}  // namespace pith::internal
