// pith ingest: files, directories, stdin or JSON Lines in; one record per document out.
#include "cmd_common.h"

namespace pith::tools {
namespace {

std::function<int()> Setup(CLI::App* app) {
  auto flags = std::make_shared<CommonFlags>();
  auto ingest = std::make_shared<IngestOptions>();
  AddCommonFlags(app, flags.get());
  AddIngestFlags(app, ingest.get());
  app->footer(
      "Examples:\n"
      "  pith ingest dumps/ > docs.jsonl           # every file below dumps/, sorted\n"
      "  pith ingest --jsonl corpus.jsonl.gz --text-field content\n"
      "  cat page.txt | pith ingest -");
  return [flags, ingest] {
    return RunDocuments("ingest", *flags, *ingest, [](Document&) { return StageResult{}; });
  };
}

const bool registered = RegisterCommand({"ingest", "Read files or JSONL into records", 10, Setup});

}  // namespace
}  // namespace pith::tools
