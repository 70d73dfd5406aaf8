// pith strip: Label every line and keep the article body.
#include <map>

#include "cmd_common.h"

namespace pith::tools {
namespace {

std::function<int()> Setup(CLI::App* app) {
  auto flags = std::make_shared<CommonFlags>();
  auto options = std::make_shared<StageOptions>();
  auto keep = std::make_shared<std::vector<Label>>();
  AddCommonFlags(app, flags.get());
  AddRulesFlag(app, flags.get());
  app->add_flag("--explain", options->strip.explain,
                "Write \"lines\": every non-blank line's number, label and deciding rule");
  std::map<std::string, Label> labels;
  for (int l = 0; l <= static_cast<int>(Label::kNotice); ++l)
    labels.emplace(LabelName(static_cast<Label>(l)), static_cast<Label>(l));
  app->add_option("--keep", *keep,
                  "Labels whose lines stay in the text (default: body); e.g. --keep body title meta")
      ->transform(CLI::CheckedTransformer(labels))
      ->option_text("LABEL ...")
      ->expected(1, -1);
  app->footer(
      "Examples:\n"
      "  pith ingest dumps/ | pith strip > out.jsonl\n"
      "  pith ingest page.txt | pith strip --explain | jq -c '.lines[]'\n"
      "  pith strip --keep body title --rules my_rules.json -i docs.jsonl");
  return [flags, options, keep] {
    if (!keep->empty()) options->strip.keep = *keep;
    return RunStage("strip", *flags, *options);
  };
}

const bool registered = RegisterCommand({"strip", "Label every line and keep the article body", 30, Setup});

}  // namespace
}  // namespace pith::tools
