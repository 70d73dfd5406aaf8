// pith strip: Label every line and keep the article body.
#include "cmd_common.h"
#include "stage_flags.h"

namespace pith::tools {
namespace {

std::function<int()> Setup(CLI::App* app) {
  auto flags = std::make_shared<CommonFlags>();
  auto options = std::make_shared<StageOptions>();
  auto keep = std::make_shared<std::vector<Label>>();
  AddCommonFlags(app, flags.get());
  AddRulesFlag(app, flags.get());
  AddStripFlags(app, options.get(), keep.get());
  app->footer(
      "A paragraph a wrapper broke into lines (lynx -dump breaks at about 74 characters) is\n"
      "judged whole and written on one line; --explain labels each of its lines.\n"
      "Examples:\n"
      "  pith ingest dumps/ | pith strip > out.jsonl\n"
      "  pith ingest page.txt | pith strip --explain | jq -c '.lines[]'\n"
      "  pith strip --keep body title --rules my_rules.json -i docs.jsonl");
  return [flags, options, keep] {
    ApplyKeep(*keep, options.get());
    return RunStage("strip", *flags, *options);
  };
}

const bool registered = RegisterCommand({"strip", "Label every line and keep the article body", 30, Setup});

}  // namespace
}  // namespace pith::tools
