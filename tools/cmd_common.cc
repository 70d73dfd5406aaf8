#include "cmd_common.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <future>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>

#include "pith/error.h"
#include "pith/jsonl.h"
#include "pith/rules.h"

namespace pith::tools {
namespace {

// A batch is what is in flight at once: its size bounds memory, whatever the corpus size.
constexpr std::size_t kBatchDocs = 1024;
constexpr std::size_t kBatchBytes = std::size_t{16} << 20;

// The outcome of one document, produced by a worker and consumed in order by the writer.
struct Outcome {
  std::string output;  // serialized record(s), empty when nothing is written
  bool written = false;
  bool failed = false;  // could not be read or processed
  std::string drop_reason;  // non-empty when the document was dropped
  std::vector<Diagnostic> notes;
};

// A fixed set of threads that run one batch at a time: each worker takes the next index until
// the batch is exhausted. The caller keeps reading the next batch meanwhile.
class WorkerPool {
 public:
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

  // Starts fn(0..n-1) on the workers; Wait() blocks until all are done.
  void Start(std::size_t n, std::function<void(std::size_t)> fn) {
    std::lock_guard<std::mutex> lock(mu_);
    fn_ = std::move(fn);
    size_ = n;
    next_.store(0);
    remaining_ = n;
    ++generation_;
    cv_.notify_all();
  }
  void Wait() {
    std::unique_lock<std::mutex> lock(mu_);
    done_cv_.wait(lock, [this] { return remaining_ == 0; });
  }

 private:
  void Loop() {
    std::uint64_t seen = 0;
    while (true) {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [&] { return stop_ || generation_ != seen; });
      if (stop_) return;
      seen = generation_;
      const std::size_t n = size_;
      lock.unlock();
      std::size_t done = 0;
      for (std::size_t i = next_.fetch_add(1); i < n; i = next_.fetch_add(1)) {
        fn_(i);
        ++done;
      }
      lock.lock();
      remaining_ -= done;
      if (remaining_ == 0) done_cv_.notify_all();
    }
  }

  std::vector<std::thread> threads_;
  std::mutex mu_;
  std::condition_variable cv_, done_cv_;
  std::function<void(std::size_t)> fn_;
  std::size_t size_ = 0, remaining_ = 0;
  std::atomic<std::size_t> next_{0};
  std::uint64_t generation_ = 0;
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

Outcome ProcessOne(RawInput raw, const CommonFlags& flags, const IngestOptions& ingest,
                   const ProcessFn& process) {
  Outcome o;
  const bool passable = raw.kind == RawInput::Kind::kJsonLine && flags.on_error == OnError::kPass;
  std::string original = passable ? raw.bytes : std::string();
  const std::string where = raw.where;
  DecodeResult d = Decode(std::move(raw), ingest);
  o.notes = std::move(d.notes);
  bool error = std::any_of(o.notes.begin(), o.notes.end(),
                           [](const Diagnostic& n) { return n.severity == Severity::kError; });
  if (d.doc && !error) {
    StageResult r = process(*d.doc);
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
  if (flags.format == "text") AppendText(*d.doc, &o.output);
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
                  "Report and drop documents larger than this")
      ->default_str("1073741824");
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

int RunDocuments(std::string_view command, const CommonFlags& flags, const IngestOptions& ingest,
                 const ProcessFn& process) {
  const auto start = std::chrono::steady_clock::now();
  const int jobs = flags.jobs > 0 ? flags.jobs : std::max(1u, std::thread::hardware_concurrency());
  const bool progress = !flags.quiet && ::isatty(STDERR_FILENO);
  const std::string prefix = "pith " + std::string(command) + ": ";

  OutputFile out(flags.output);
  InputReader reader(flags.inputs, ingest);
  WorkerPool pool(jobs);

  std::size_t read = 0, written = 0, failed = 0, bytes = 0;
  std::map<std::string, std::size_t> drops;
  bool stopped = false;

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
    while (batch->size() < kBatchDocs && batch_bytes < kBatchBytes && reader.Next(&raw, &notes)) {
      batch_bytes += raw.bytes.size();
      batch->push_back(std::move(raw));
      raw = RawInput();
    }
    report(notes);
    for (const Diagnostic& n : notes) {
      // The reader's errors each lose one input; they are counted as read and dropped.
      if (n.severity == Severity::kError) ++read;
    }
    bytes += batch_bytes;
  };

  std::vector<RawInput> current, next;
  std::vector<Outcome> outcomes;
  fill(&current);
  while (!current.empty() && !stopped) {
    outcomes.assign(current.size(), Outcome());
    pool.Start(current.size(), [&](std::size_t i) {
      outcomes[i] = ProcessOne(std::move(current[i]), flags, ingest, process);
    });
    fill(&next);  // overlaps with the workers
    pool.Wait();
    std::string chunk;
    for (Outcome& o : outcomes) {
      ++read;
      report(o.notes);
      if (o.failed) ++failed;
      if (!o.drop_reason.empty()) ++drops[o.drop_reason];
      if (o.written) {
        ++written;
        chunk += o.output;
      } else if (o.failed) {
        ++drops["error"];
      }
      if (o.failed && flags.on_error == OnError::kStop) {
        stopped = true;
        break;
      }
    }
    out.Write(chunk);
    std::swap(current, next);
    if (progress) {
      const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::cerr << "\r" << prefix << read << " documents, " << Rate(bytes, s) << "   " << std::flush;
    }
  }
  out.Commit();

  std::size_t dropped = 0;
  for (const auto& [reason, n] : drops) dropped += n;
  // Inputs the reader could not turn into a document at all (binary, unreadable).
  const std::size_t unread = reader.skipped() + reader.io_errors();
  if (unread) drops["unreadable"] += unread, dropped += unread;
  if (progress) std::cerr << "\r\033[K";
  if (!flags.quiet) {
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cerr << prefix << "read " << read << ", written " << written << ", dropped " << dropped;
    if (dropped) {
      std::cerr << " (";
      bool first = true;
      for (const auto& [reason, n] : drops) {
        std::cerr << (first ? "" : ", ") << reason << " " << n;
        first = false;
      }
      std::cerr << ")";
    }
    std::cerr << ", errors " << failed + reader.io_errors() << " (" << Rate(bytes, s) << ")"
              << (stopped ? ", stopped at the first error" : "") << "\n";
  }
  if (reader.io_errors()) return kExitIo;
  if ((failed || reader.skipped()) &&
      (flags.on_error == OnError::kFail || flags.on_error == OnError::kStop))
    return kExitData;
  return kExitOk;
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
  // stdin is read through std::cin; unsynchronised it is buffered like any ifstream.
  std::ios::sync_with_stdio(false);
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
