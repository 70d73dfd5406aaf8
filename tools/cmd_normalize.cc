// pith normalize: Repair Unicode, whitespace, HTML residue and mojibake.
#include "cmd_common.h"
#include "stage_flags.h"

namespace pith::tools {
namespace {

std::function<int()> Setup(CLI::App* app) {
  auto flags = std::make_shared<CommonFlags>();
  auto options = std::make_shared<StageOptions>();
  AddCommonFlags(app, flags.get());
  AddNormalizeFlags(app, options);
  app->footer(
      "Line n of the output is line n of the input. Each repair is counted in signals.normalize;\n"
      "mojibake flags the document and lists its lines in signals.mojibake_lines.\n"
      "Examples:\n"
      "  pith ingest dumps/ | pith normalize > out.jsonl\n"
      "  pith normalize --to hans -i in.jsonl -o simplified.jsonl");
  return [flags, options] { return RunStage("normalize", *flags, *options); };
}

const bool registered = RegisterCommand({"normalize", "Repair Unicode, whitespace, HTML residue and mojibake", 20, Setup});

}  // namespace
}  // namespace pith::tools
