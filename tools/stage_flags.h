// The flags of each per-document stage, defined once: the stage's own subcommand and `pith clean`
// offer them under the same names.
#pragma once

#include <memory>
#include <vector>

#include <CLI/CLI.hpp>

#include "pith/stage.h"

namespace pith::tools {

// --nfkc, --to hans|hant, --no-mojibake-repair into options->normalize.
void AddNormalizeFlags(CLI::App* app, const std::shared_ptr<StageOptions>& options);
// --explain and --keep LABEL... into options->strip. --keep is collected into *keep and applied
// by ApplyKeep, because an empty list must leave the default (body) in place.
void AddStripFlags(CLI::App* app, StageOptions* options, std::vector<Label>* keep);
void ApplyKeep(const std::vector<Label>& keep, StageOptions* options);
// --not-after into options->extract.
void AddExtractFlags(CLI::App* app, StageOptions* options);

}  // namespace pith::tools
