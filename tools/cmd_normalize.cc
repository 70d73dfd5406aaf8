// pith normalize: Repair Unicode, whitespace, HTML residue and mojibake.
#include "cmd_common.h"

namespace pith::tools {
namespace {

std::function<int()> Setup(CLI::App* app) {
  auto flags = std::make_shared<CommonFlags>();
  auto options = std::make_shared<StageOptions>();
  AddCommonFlags(app, flags.get());
  app->footer(
      "Example:\n"
      "  pith ingest dumps/ | pith normalize > out.jsonl");
  return [flags, options] { return RunStage("normalize", *flags, *options); };
}

const bool registered = RegisterCommand({"normalize", "Repair Unicode, whitespace, HTML residue and mojibake", 20, Setup});

}  // namespace
}  // namespace pith::tools
