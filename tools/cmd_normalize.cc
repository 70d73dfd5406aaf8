// pith normalize: Repair Unicode, whitespace, HTML residue and mojibake.
#include "cmd_common.h"

namespace pith::tools {
namespace {

std::function<int()> Setup(CLI::App* app) {
  auto flags = std::make_shared<CommonFlags>();
  auto options = std::make_shared<StageOptions>();
  AddCommonFlags(app, flags.get());
  NormalizeOptions& normalize = options->normalize;
  app->add_flag("--nfkc", normalize.nfkc, "NFKC instead of NFC (folds fullwidth forms, ligatures)");
  app->add_option("--to", normalize.to_script, "Convert the script: hans (simplified) or hant (traditional)")
      ->check(CLI::IsMember({"hans", "hant"}));
  app->add_flag_callback("--no-mojibake-repair", [options] { options->normalize.repair_mojibake = false; },
                         "Only detect mojibake (flag and count it), do not repair it");
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
