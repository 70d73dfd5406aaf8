// What every subcommand shares: the common flags, the registry of subcommands, and the
// read → process → write loop that runs per-document work on -j threads with output in input
// order and memory bounded by the documents in flight.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "pith/ingest.h"
#include "pith/stage.h"

namespace pith::tools {

// Exit statuses (see the README).
inline constexpr int kExitOk = 0;
inline constexpr int kExitData = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitIo = 3;

// What to do with a record that cannot be read or processed.
enum class OnError {
  kFail,  // report it, leave it out, go on; exit 1 at the end (default)
  kSkip,  // report it, leave it out, go on; exit 0
  kStop,  // report it and stop at once; exit 1
  kPass,  // report it and write the input line through unchanged (JSONL input); exit 0
};

struct CommonFlags {
  std::vector<std::string> inputs;  // -i/--input and positional paths; empty = stdin
  std::string output;               // -o/--output; empty = stdout
  int jobs = 0;                     // -j/--jobs; 0 = all cores
  OnError on_error = OnError::kFail;
  bool quiet = false;               // -q: no summary, no progress line
  std::string format = "jsonl";     // --format jsonl|text
  std::string rules_file;           // --rules
};

// Adds -i/-o/-j/--on-error/-q/--format and the positional inputs to `app`.
void AddCommonFlags(CLI::App* app, CommonFlags* flags);
// Adds --jsonl, --text-field, --id-field and --max-doc-bytes: how inputs are read.
void AddIngestFlags(CLI::App* app, IngestOptions* ingest);
// Adds --rules FILE.
void AddRulesFlag(CLI::App* app, CommonFlags* flags);
// The rules of --rules (extending the defaults), or nullptr for the defaults.
// Throws RuleError.
std::shared_ptr<const RuleSet> LoadRules(const CommonFlags& flags);

// Per-document work: rewrites the document and says whether it is kept.
using ProcessFn = std::function<StageResult(Document&)>;

// Reads every input document, applies `process` on flags.jobs threads, writes the kept ones in
// input order, prints the summary on stderr, and returns the exit status.
int RunDocuments(std::string_view command, const CommonFlags& flags, const IngestOptions& ingest,
                 const ProcessFn& process);

// Runs the one stage `name` over JSONL input: what `pith normalize`, `pith strip`, ... do.
// Loads --rules into options.rules unless set. Returns the exit status.
int RunStage(std::string_view name, const CommonFlags& flags, StageOptions options);

// One subcommand. `setup` adds the subcommand's own flags to `app` and returns the action run
// when the subcommand is chosen; the action returns the exit status.
struct Command {
  std::string name;
  std::string description;
  int order;  // position in --help
  std::function<std::function<int()>(CLI::App* app)> setup;
};

// Registers a subcommand; called from a static initializer in each cmd_*.cc.
bool RegisterCommand(Command command);
const std::vector<Command>& Commands();

// Entry point: parses argv, runs the chosen subcommand, maps errors to exit statuses.
int Run(int argc, char** argv);

}  // namespace pith::tools
