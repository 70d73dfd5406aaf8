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
      "Text files may be in UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK, Big5,\n"
      "Shift_JIS, EUC-JP, EUC-KR or windows-1252; the encoding is detected and the text converted\n"
      "to UTF-8 (signals.encoding says which it was). Invalid UTF-8 becomes U+FFFD and is flagged\n"
      "\"invalid-utf8\". Binary files are skipped and counted. Gzip files are read transparently.\n"
      "Ids are file stems, made unique by the path below the directory argument.\n"
      "\n"
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
