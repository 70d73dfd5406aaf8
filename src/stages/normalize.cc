#include "stages/stages.h"

namespace pith::internal {
namespace {

// Placeholder until the normalize stage lands: passes documents through unchanged.
class NormalizeStage final : public Stage {
 public:
  std::string_view Name() const override { return "normalize"; }
  StageResult Process(Document&) const override { return {}; }
};

}  // namespace

std::unique_ptr<Stage> MakeNormalizeStage(const StageOptions&) { return std::make_unique<NormalizeStage>(); }

}  // namespace pith::internal
