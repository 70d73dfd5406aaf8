// pith clean: ingest → normalize → strip → extract in one process, on all cores.
#include "cmd_common.h"
#include "pith/pipeline.h"

namespace pith::tools {
namespace {

std::function<int()> Setup(CLI::App* app) {
  auto flags = std::make_shared<CommonFlags>();
  auto ingest = std::make_shared<IngestOptions>();
  auto options = std::make_shared<StageOptions>();
  AddCommonFlags(app, flags.get());
  AddIngestFlags(app, ingest.get());
  AddRulesFlag(app, flags.get());
  app->footer(
      "Examples:\n"
      "  pith clean dumps/ > clean.jsonl\n"
      "  pith clean --format text page.txt | less\n"
      "  pith clean --jsonl corpus.jsonl.gz -o clean.jsonl -j 8");
  return [flags, ingest, options] {
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
