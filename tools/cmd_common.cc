#include "cmd_common.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>

#include "pith/error.h"
#include "pith/jsonl.h"
#include "pith/rules.h"

namespace pith::tools {
namespace {

// A batch is the unit of work in flight; three batches at most (one being read, one processed,
// one written) bound memory, whatever the corpus size. Batches grow with the number of workers,
// so that each has enough documents for uneven sizes to even out, and no further: memory a
// batch frees is taken again by the next while it is still mapped and in cache, where larger
// batches touch new pages (page faults were a fifth of `pith ingest --jsonl` with 16 MB ones).
constexpr std::size_t kBatchDocsPerWorker = 64;
constexpr std::size_t kBatchBytesPerWorker = std::size_t{1} << 20;
constexpr std::size_t kMaxBatchDocs = 1024;
constexpr std::size_t kMaxBatchBytes = std::size_t{16} << 20;

// The outcome of one document, produced by a worker and consumed in order by the writer.
struct Outcome {
  std::string output;  // serialized record(s), empty when nothing is written
  bool written = false;
  bool failed = false;  // could not be read or processed
  bool processed = false;  // LoopSteps::process ran on it
  std::string drop_reason;  // non-empty when the document was dropped
  std::vector<Diagnostic> notes;
};

// A fixed set of threads that work through queued jobs, each fn(0..n-1), in the order they were
// started: a worker that finds no index left in the oldest job goes on to the next one, so one
// long document at the end of a batch keeps one worker busy, not the others idle. Indices are
// handed out under the lock; a document costs far more than taking it.
class WorkerPool {
 public:
  struct Job {
    std::function<void(std::size_t)> fn;
    std::size_t size = 0;
    std::size_t next = 0;       // the next index to hand out
    std::size_t remaining = 0;  // indices not yet done
  };

  explicit WorkerPool(int threads) {
    for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { Loop(); });
  }
  ~WorkerPool() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    for (auto& t : threads_) t.join();
  }

  // Queues fn(0..n-1) behind the jobs started before; Wait(job) blocks until all are done.
  std::shared_ptr<Job> Start(std::size_t n, std::function<void(std::size_t)> fn) {
    auto job = std::make_shared<Job>();
    job->fn = std::move(fn);
    job->size = n;
    job->remaining = n;
    if (n > 0) {
      std::lock_guard<std::mutex> lock(mu_);
      queue_.push_back(job);
    }
    cv_.notify_all();
    return job;
  }
  void Wait(const std::shared_ptr<Job>& job) {
    std::unique_lock<std::mutex> lock(mu_);
    done_cv_.wait(lock, [&] { return job->remaining == 0; });
  }

 private:
  void Loop() {
    std::unique_lock<std::mutex> lock(mu_);
    while (true) {
      cv_.wait(lock, [&] { return stop_ || !queue_.empty(); });
      if (stop_) return;
      const std::shared_ptr<Job> job = queue_.front();
      const std::size_t i = job->next++;
      if (job->next == job->size) queue_.pop_front();
      lock.unlock();
      job->fn(i);
      lock.lock();
      if (--job->remaining == 0) done_cv_.notify_all();
    }
  }

  std::vector<std::thread> threads_;
  std::mutex mu_;
  std::condition_variable cv_, done_cv_;
  std::deque<std::shared_ptr<Job>> queue_;  // jobs with indices left to hand out
  bool stop_ = false;
};

std::vector<Command>& Registry() {
  static std::vector<Command> commands;
  return commands;
}

void AppendText(const Document& doc, std::string* out) {
  out->append("=== ").append(doc.id).append("\n").append(doc.text);
  if (!doc.text.empty() && doc.text.back() != '\n') out->push_back('\n');
  out->push_back('\n');
}

Outcome ProcessOne(RawInput raw, std::size_t index, const CommonFlags& flags,
                   const IngestOptions& ingest, const LoopSteps& steps) {
  Outcome o;
  const bool passable = raw.kind == RawInput::Kind::kJsonLine && flags.on_error == OnError::kPass;
  std::string original = passable ? raw.bytes : std::string();
  const std::string where = raw.where;
  DecodeResult d = Decode(std::move(raw), ingest);
  o.notes = std::move(d.notes);
  bool error = std::any_of(o.notes.begin(), o.notes.end(),
                           [](const Diagnostic& n) { return n.severity == Severity::kError; });
  if (d.doc && !error) {
    o.processed = true;
    StageResult r = steps.process(Place{index, where}, *d.doc);
    for (auto& n : r.notes) {
      if (n.where.empty()) n.where = where;
      if (n.id.empty()) n.id = d.doc->id;
      error = error || n.severity == Severity::kError;
      o.notes.push_back(std::move(n));
    }
    if (!error && r.verdict == Verdict::kDrop) {
      o.drop_reason = r.drop_reason.empty() ? "dropped" : r.drop_reason;
      return o;
    }
  }
  if (error || !d.doc) {
    o.failed = true;
    if (passable) {
      o.output = std::move(original);
      o.output.push_back('\n');
      o.written = true;
    }
    return o;
  }
  if (steps.write) steps.write(*d.doc, &o.output);
  else if (flags.format == "text") AppendText(*d.doc, &o.output);
  else {
    AppendJsonLine(*d.doc, &o.output);
    o.output.push_back('\n');
  }
  o.written = true;
  return o;
}

std::string Rate(double bytes, double seconds) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f s, %.1f MB/s", seconds, seconds > 0 ? bytes / 1e6 / seconds : 0.0);
  return buf;
}

}  // namespace

void AddCommonFlags(CLI::App* app, CommonFlags* flags) {
  app->add_option("paths", flags->inputs, "Input files or directories ('-' = stdin)");
  app->add_option("-i,--input", flags->inputs, "Input file (repeatable; '-' or none = stdin)");
  app->add_option("-o,--output", flags->output,
                  "Output file, written whole or not at all (default: stdout)");
  app->add_option("-j,--jobs", flags->jobs, "Worker threads (default: all cores)")
      ->check(CLI::NonNegativeNumber);
  const std::map<std::string, OnError> on_error = {
      {"fail", OnError::kFail}, {"skip", OnError::kSkip}, {"stop", OnError::kStop}, {"pass", OnError::kPass}};
  app->add_option("--on-error", flags->on_error,
                  "A record that cannot be processed: fail (report, leave out, go on, exit 1), "
                  "skip (same, exit 0), stop (stop at once), pass (write it through unchanged)")
      ->transform(CLI::CheckedTransformer(on_error, CLI::ignore_case))
      ->default_str("fail");
  app->add_flag("-q,--quiet", flags->quiet, "No summary or progress line on stderr");
  app->add_option("--format", flags->format, "Output: jsonl records, or text for people")
      ->check(CLI::IsMember({"jsonl", "text"}))
      ->default_str("jsonl");
}

void AddIngestFlags(CLI::App* app, IngestOptions* ingest) {
  app->add_flag("--jsonl", ingest->jsonl, "Inputs are JSON Lines records, not plain text files");
  app->add_option("--text-field", ingest->text_field, "With --jsonl: the field holding the text")
      ->default_str("text");
  app->add_option("--id-field", ingest->id_field, "With --jsonl: the field holding the id")
      ->default_str("id");
  app->add_option("--max-doc-bytes", ingest->max_doc_bytes,
                  "Report and drop documents (files, JSONL lines) larger than this")
      ->transform(CLI::AsSizeValue(false))
      ->default_str("1G");
}

void AddRulesFlag(CLI::App* app, CommonFlags* flags) {
  app->add_option("--rules", flags->rules_file,
                  "Rules file (JSON); with \"extends\": \"default\" it adds to or overrides the "
                  "built-in rules by id")
      ->check(CLI::ExistingFile);
}

std::shared_ptr<const RuleSet> LoadRules(const CommonFlags& flags) {
  if (flags.rules_file.empty()) return nullptr;
  return RuleSet::FromFile(flags.rules_file);
}

RunCounts RunLoop(std::string_view command, const CommonFlags& flags, const IngestOptions& ingest,
                  const LoopSteps& steps) {
  const auto start = std::chrono::steady_clock::now();
  const int jobs = flags.jobs > 0 ? flags.jobs : std::max(1u, std::thread::hardware_concurrency());
  const bool progress = !flags.quiet && ::isatty(STDERR_FILENO);
  const std::string prefix = "pith " + std::string(command) + ": ";

  // The reader walks its directories before the output's temporary file exists, so an output
  // inside an input directory is never read back as input.
  InputReader reader(flags.inputs, ingest);
  OutputFile out(flags.output);
  WorkerPool pool(jobs);

  const auto workers = static_cast<std::size_t>(jobs);
  const std::size_t batch_docs = std::min(kMaxBatchDocs, kBatchDocsPerWorker * workers);
  const std::size_t batch_bytes_max = std::min(kMaxBatchBytes, kBatchBytesPerWorker * workers);
  RunCounts c;
  std::size_t handed = 0;  // inputs given to the workers so far: the next Place::index

  auto report = [&](const std::vector<Diagnostic>& notes) {
    for (const Diagnostic& n : notes) {
      std::cerr << prefix << (n.severity == Severity::kError ? "error: " : "warning: ")
                << n.ToString() << "\n";
    }
  };

  // Reads the next batch into `batch`, reporting the reader's own notes.
  auto fill = [&](std::vector<RawInput>* batch) {
    batch->clear();
    std::size_t batch_bytes = 0;
    std::vector<Diagnostic> notes;
    RawInput raw;
    while (batch->size() < batch_docs && batch_bytes < batch_bytes_max && reader.Next(&raw, &notes)) {
      batch_bytes += raw.bytes.size();
      batch->push_back(std::move(raw));
      raw = RawInput();
    }
    report(notes);
    for (const Diagnostic& n : notes) {
      // The reader's errors each lose one input; they are counted as read and dropped.
      if (n.severity == Severity::kError) ++c.read;
    }
    c.bytes += batch_bytes;
  };

  // Takes a finished batch in input order: reports, counts, writes.
  auto consume = [&](std::vector<Outcome>& batch, std::size_t base) {
    for (std::size_t i = 0; i < batch.size() && !c.stopped; ++i) {
      Outcome& o = batch[i];
      ++c.read;
      report(o.notes);
      const bool flagged = o.processed && steps.in_order && steps.in_order(base + i);
      if (flagged && o.written) ++c.flagged;
      if (o.failed) ++c.failed;
      if (!o.drop_reason.empty()) ++c.drops[o.drop_reason];
      if (o.written) {
        ++c.written;
        out.Write(o.output);
      } else if (o.failed) {
        ++c.drops["error"];
      }
      c.stopped = o.failed && flags.on_error == OnError::kStop;
    }
  };

  // A batch read, and started, while the workers process the one before and this thread writes
  // the one before that: reading and writing never leave the workers idle, and at most three
  // batches are in memory. Each batch keeps its inputs and outcomes where the workers write them
  // (a deque moves no element when one is added at its back or taken from its front).
  struct Batch {
    std::vector<RawInput> inputs;
    std::vector<Outcome> outcomes;
    std::size_t base = 0;  // Place::index of its first input
    std::shared_ptr<WorkerPool::Job> job;
  };
  std::deque<Batch> started;
  auto start_next = [&] {
    Batch batch;
    fill(&batch.inputs);
    if (batch.inputs.empty()) return false;
    batch.base = handed;
    handed += batch.inputs.size();
    batch.outcomes.resize(batch.inputs.size());
    Batch& b = started.emplace_back(std::move(batch));
    b.job = pool.Start(b.inputs.size(), [&](std::size_t i) {
      b.outcomes[i] = ProcessOne(std::move(b.inputs[i]), b.base + i, flags, ingest, steps);
    });
    return true;
  };
  bool more = start_next() && start_next();
  while (!started.empty()) {
    Batch& batch = started.front();
    pool.Wait(batch.job);
    // After a stop, the batches already started are waited for, since their workers write into
    // them, and not written.
    if (!c.stopped) consume(batch.outcomes, batch.base);
    started.pop_front();
    if (more && !c.stopped) more = start_next();
    if (progress) {
      const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::cerr << "\r" << prefix << c.read << " documents, " << Rate(c.bytes, s) << "   " << std::flush;
    }
  }
  out.Commit();
  if (progress) std::cerr << "\r\033[K";
  c.io_errors = reader.io_errors();
  c.unreadable = reader.skipped();
  c.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return c;
}

void PrintSummary(std::string_view command, const CommonFlags& flags, const RunCounts& c) {
  if (flags.quiet) return;
  std::map<std::string, std::size_t> drops = c.drops;
  std::size_t dropped = 0;
  for (const auto& [reason, n] : drops) dropped += n;
  // Inputs the reader could not turn into a document at all (binary, unreadable).
  const std::size_t unread = c.unreadable + c.io_errors;
  if (unread) drops["unreadable"] += unread, dropped += unread;
  std::cerr << "pith " << command << ": read " << c.read << ", written " << c.written
            << ", dropped " << dropped;
  if (dropped) {
    std::cerr << " (";
    bool first = true;
    for (const auto& [reason, n] : drops) {
      std::cerr << (first ? "" : ", ") << reason << " " << n;
      first = false;
    }
    std::cerr << ")";
  }
  if (c.flagged) std::cerr << ", flagged " << c.flagged;
  std::cerr << ", errors " << c.failed + c.io_errors << " (" << Rate(c.bytes, c.seconds) << ")"
            << (c.stopped ? ", stopped at the first error" : "") << "\n";
}

int ExitStatus(const CommonFlags& flags, const RunCounts& c) {
  if (c.io_errors) return kExitIo;
  if ((c.failed || c.unreadable) &&
      (flags.on_error == OnError::kFail || flags.on_error == OnError::kStop))
    return kExitData;
  if (c.flagged) return kExitData;
  return kExitOk;
}

int RunDocuments(std::string_view command, const CommonFlags& flags, const IngestOptions& ingest,
                 const ProcessFn& process) {
  LoopSteps steps;
  steps.process = [&process](const Place&, Document& doc) { return process(doc); };
  const RunCounts counts = RunLoop(command, flags, ingest, steps);
  PrintSummary(command, flags, counts);
  return ExitStatus(flags, counts);
}

int RunStage(std::string_view name, const CommonFlags& flags, StageOptions options) {
  if (!options.rules) options.rules = LoadRules(flags);
  const std::unique_ptr<Stage> stage = MakeStage(name, options);
  IngestOptions ingest;
  ingest.jsonl = true;
  return RunDocuments(name, flags, ingest, [&stage](Document& doc) { return stage->Process(doc); });
}

bool RegisterCommand(Command command) {
  Registry().push_back(std::move(command));
  return true;
}

const std::vector<Command>& Commands() {
  std::sort(Registry().begin(), Registry().end(),
            [](const Command& a, const Command& b) { return a.order < b.order; });
  return Registry();
}

int Run(int argc, char** argv) {
  CLI::App app{"pith: keeps the article and drops the web around it.\n"
               "Each subcommand reads and writes JSON Lines, so they compose in pipelines:\n"
               "  pith ingest dumps/ | pith normalize | pith strip --explain | jq .lines\n"
               "  pith clean dumps/ > clean.jsonl      # the whole default pipeline, all cores"};
  app.require_subcommand(1);
  app.set_help_all_flag("--help-all", "Help for every subcommand");
  std::vector<std::pair<CLI::App*, std::function<int()>>> actions;
  for (const Command& c : Commands()) {
    CLI::App* sub = app.add_subcommand(c.name, c.description);
    actions.emplace_back(sub, c.setup(sub));
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  std::string name = "pith";
  try {
    for (auto& [sub, action] : actions) {
      if (sub->parsed()) {
        name = "pith " + sub->get_name();
        return action();
      }
    }
  } catch (const RuleError& e) {
    std::cerr << name << ": error: " << e.what() << "\n";
    return kExitUsage;
  } catch (const ConfigError& e) {
    std::cerr << name << ": error: " << e.what() << "\n";
    return kExitUsage;
  } catch (const InputError& e) {
    std::cerr << name << ": error: " << e.what() << "\n";
    return kExitIo;
  } catch (const Error& e) {
    std::cerr << name << ": error: " << e.what() << "\n";
    return kExitData;
  }
  return kExitUsage;
}

}  // namespace pith::tools
