// What every subcommand shares: the common flags, the registry of subcommands, and the
// read → process → write loop that runs per-document work on -j threads with output in input
// order and memory bounded by the documents in flight.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
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

// Where a document stands in the input: `index` counts the inputs handed to the workers from 0,
// in input order; `where` is "file:line" or "file", as in messages.
struct Place {
  std::size_t index = 0;
  std::string_view where;
};

// The steps of the loop under RunDocuments, for commands that need more than per-document work
// (check reports in input order, dedup decides in input order). Only `process` is required.
struct LoopSteps {
  // On the workers, in any order.
  std::function<StageResult(const Place&, Document&)> process;
  // On the workers: writes a kept document's output. Default: the record as JSONL, or as text
  // with --format text.
  std::function<void(const Document&, std::string* out)> write;
  // On the calling thread, in input order, for each document `process` ran on. Returns true when
  // the document is a data failure although it was written (exit 1), as a document that failed
  // check.
  std::function<bool(std::size_t index)> in_order;
};

// What a run did: the summary line and the exit status are made from it.
struct RunCounts {
  std::size_t read = 0, written = 0, failed = 0, flagged = 0, bytes = 0;
  std::size_t io_errors = 0, unreadable = 0;  // inputs the reader could not open, or decode
  std::map<std::string, std::size_t> drops;   // by reason
  bool stopped = false;                       // --on-error stop ended the run early
  double seconds = 0;
};

// The loop RunDocuments runs, without the summary: reads every input, runs the steps, writes the
// kept documents to flags.output in input order.
RunCounts RunLoop(std::string_view command, const CommonFlags& flags, const IngestOptions& ingest,
                  const LoopSteps& steps);
// Prints "pith COMMAND: read N, written N, dropped N (reasons), ..." on stderr unless -q.
void PrintSummary(std::string_view command, const CommonFlags& flags, const RunCounts& counts);
// 3 after I/O errors; 1 after data errors (per --on-error) or flagged documents; else 0.
int ExitStatus(const CommonFlags& flags, const RunCounts& counts);

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
