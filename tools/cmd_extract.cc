// pith extract: Fill metadata from title and meta lines.
#include "cmd_common.h"

namespace pith::tools {
namespace {

std::function<int()> Setup(CLI::App* app) {
  auto flags = std::make_shared<CommonFlags>();
  auto options = std::make_shared<StageOptions>();
  AddCommonFlags(app, flags.get());
  app->footer(
      "Example:\n"
      "  pith ingest dumps/ | pith extract > out.jsonl");
  return [flags, options] { return RunStage("extract", *flags, *options); };
}

const bool registered = RegisterCommand({"extract", "Fill metadata from title and meta lines", 40, Setup});

}  // namespace
}  // namespace pith::tools
