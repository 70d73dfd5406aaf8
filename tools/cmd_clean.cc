// pith clean: ingest → normalize → strip → extract in one process, on all cores.
#include "cmd_common.h"
#include "pith/pipeline.h"
#include "stage_flags.h"

namespace pith::tools {
namespace {

std::function<int()> Setup(CLI::App* app) {
  auto flags = std::make_shared<CommonFlags>();
  auto ingest = std::make_shared<IngestOptions>();
  auto options = std::make_shared<StageOptions>();
  auto keep = std::make_shared<std::vector<Label>>();
  AddCommonFlags(app, flags.get());
  AddIngestFlags(app, ingest.get());
  AddNormalizeFlags(app, options);
  AddRulesFlag(app, flags.get());
  AddStripFlags(app, options.get(), keep.get());
  AddExtractFlags(app, options.get());
  app->footer(
      "The same output as ingest | normalize | strip | extract, each stage's flags under the\n"
      "same names.\n"
      "Examples:\n"
      "  pith clean dumps/ > clean.jsonl\n"
      "  pith clean --format text page.txt | less\n"
      "  pith clean --explain --keep body title page.txt | jq -c '.lines[]'\n"
      "  pith clean --jsonl corpus.jsonl.gz --to hans -o clean.jsonl -j 8");
  return [flags, ingest, options, keep] {
    ApplyKeep(*keep, options.get());
    options->rules = LoadRules(*flags);
    const Pipeline pipeline = Pipeline::Default(*options);
    return RunDocuments("clean", *flags, *ingest,
                        [&pipeline](Document& doc) { return pipeline.Run(doc); });
  };
}

const bool registered =
    RegisterCommand({"clean", "The whole default pipeline in one process", 5, Setup});

}  // namespace
}  // namespace pith::tools
