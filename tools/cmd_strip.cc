// pith strip: Label every line and keep the article body.
#include "cmd_common.h"

namespace pith::tools {
namespace {

std::function<int()> Setup(CLI::App* app) {
  auto flags = std::make_shared<CommonFlags>();
  auto options = std::make_shared<StageOptions>();
  AddCommonFlags(app, flags.get());
  app->footer(
      "Example:\n"
      "  pith ingest dumps/ | pith strip > out.jsonl");
  return [flags, options] { return RunStage("strip", *flags, *options); };
}

const bool registered = RegisterCommand({"strip", "Label every line and keep the article body", 30, Setup});

}  // namespace
}  // namespace pith::tools
