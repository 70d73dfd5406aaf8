#include "stages/stages.h"

namespace pith::internal {
namespace {

// Placeholder until the check stage lands: passes documents through unchanged.
class CheckStage final : public Stage {
 public:
  std::string_view Name() const override { return "check"; }
  StageResult Process(Document&) const override { return {}; }
};

}  // namespace

std::unique_ptr<Stage> MakeCheckStage(const StageOptions&) { return std::make_unique<CheckStage>(); }

}  // namespace pith::internal
