// pith extract: Fill metadata from title and meta lines.
#include "cmd_common.h"
#include "stage_flags.h"

namespace pith::tools {
namespace {

std::function<int()> Setup(CLI::App* app) {
  auto flags = std::make_shared<CommonFlags>();
  auto options = std::make_shared<StageOptions>();
  AddCommonFlags(app, flags.get());
  AddExtractFlags(app, options.get());
  app->footer(
      "Reads the title and meta lines strip left in \"meta_lines\" (or, without them, the text\n"
      "itself) and writes \"metadata\": title, date (YYYY-MM-DD), time (HH:MM), author,\n"
      "publisher, editor, original_title, urls, tags. Keys it does not find are left out.\n"
      "Examples:\n"
      "  pith ingest dumps/ | pith normalize | pith strip | pith extract > out.jsonl\n"
      "  pith extract --not-after 2023-06-30 -i crawl-2023-06.jsonl | jq .metadata");
  return [flags, options] { return RunStage("extract", *flags, *options); };
}

const bool registered = RegisterCommand({"extract", "Fill metadata from title and meta lines", 40, Setup});

}  // namespace
}  // namespace pith::tools
