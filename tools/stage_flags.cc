#include "stage_flags.h"

#include <map>
#include <string>

namespace pith::tools {

void AddNormalizeFlags(CLI::App* app, const std::shared_ptr<StageOptions>& options) {
  NormalizeOptions& normalize = options->normalize;
  app->add_flag("--nfkc", normalize.nfkc, "NFKC instead of NFC (folds fullwidth forms, ligatures)");
  app->add_option("--to", normalize.to_script, "Convert the script: hans (simplified) or hant (traditional)")
      ->check(CLI::IsMember({"hans", "hant"}));
  app->add_flag_callback("--no-mojibake-repair", [options] { options->normalize.repair_mojibake = false; },
                         "Only detect mojibake (flag and count it), do not repair it");
}

void AddStripFlags(CLI::App* app, StageOptions* options, std::vector<Label>* keep) {
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
}

void ApplyKeep(const std::vector<Label>& keep, StageOptions* options) {
  if (!keep.empty()) options->strip.keep = keep;
}

void AddExtractFlags(CLI::App* app, StageOptions* options) {
  app->add_option("--not-after", options->extract.not_after,
                  "Reject dates after this day (YYYY-MM-DD), e.g. the crawl date of an archive "
                  "(default: tomorrow, UTC)");
}

}  // namespace pith::tools
