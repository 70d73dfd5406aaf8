// Constructors of the per-document stages, one per file in src/stages/. Private to the library:
// users go through MakeStage.
#pragma once

#include <memory>

#include "pith/stage.h"

namespace pith::internal {

std::unique_ptr<Stage> MakeNormalizeStage(const StageOptions& options);
std::unique_ptr<Stage> MakeStripStage(const StageOptions& options);
std::unique_ptr<Stage> MakeExtractStage(const StageOptions& options);
std::unique_ptr<Stage> MakeCheckStage(const StageOptions& options);

}  // namespace pith::internal
