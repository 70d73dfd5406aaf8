// pith dedup: exact and near-duplicate documents, and lines repeated across the corpus.
//
// Two passes over the input: the first fingerprints every document (on all cores), decides in
// input order which are copies, and spills the records to a temporary file; the second reads
// the spill back and drops or marks the copies and removes the repeated lines. Memory holds
// signatures and line hashes, never texts.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <mutex>
#include <unordered_map>

#include "cmd_common.h"
#include "pith/dedup.h"

namespace pith::tools {
namespace {

struct DedupFlags {
  DedupOptions options;
  bool mark = false;
  bool signatures = false;
  bool no_exact = false, no_near = false, no_lines = false;
};

// A temporary file in $TMPDIR, removed when it goes out of scope.
class SpillFile {
 public:
  SpillFile() {
    std::string pattern = (std::filesystem::temp_directory_path() / "pith-dedup-XXXXXX").string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) throw InputError(pattern + ": cannot create a temporary file");
    ::close(fd);
    path_ = pattern;
  }
  ~SpillFile() { std::remove(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::string Hex(std::uint64_t x) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(x));
  return buf;
}

// --signatures: one {"id", "minhash", "bands"} line per document, for an engine that groups.
int RunSignatures(const CommonFlags& flags, const Deduplicator& dedup) {
  LoopSteps steps;
  steps.process = [](const Place&, Document&) { return StageResult{}; };
  steps.write = [&dedup](const Document& doc, std::string* out) {
    const std::vector<std::uint32_t> sig = dedup.hasher().Signature(Shingles(doc.text, dedup.options().shingle));
    Json bands = Json::array();
    for (std::uint64_t key : BandKeys(sig, dedup.options().bands)) bands.push_back(Hex(key));
    *out += Json{{"id", doc.id}, {"minhash", sig}, {"bands", bands}}.dump(-1, ' ', false, Json::error_handler_t::replace);
    out->push_back('\n');
  };
  IngestOptions ingest;
  ingest.jsonl = true;
  const RunCounts counts = RunLoop("dedup", flags, ingest, steps);
  PrintSummary("dedup", flags, counts);
  return ExitStatus(flags, counts);
}

int RunDedup(const CommonFlags& flags, const DedupFlags& df) {
  DedupOptions options = df.options;
  options.exact = !df.no_exact;
  options.near = !df.no_near;
  options.lines = !df.no_lines;
  Deduplicator dedup(options);
  if (df.signatures) return RunSignatures(flags, dedup);
  if (flags.on_error == OnError::kPass)
    throw ConfigError("--on-error pass: dedup cannot pass unreadable records through its two passes");

  struct Decision {
    DupKind kind;
    std::size_t original;
  };
  std::vector<Decision> decisions;  // per spilled record, in order
  std::vector<std::string> ids;     // per Add number, with --mark
  std::mutex mu;
  std::unordered_map<std::size_t, std::pair<Fingerprint, std::string>> pending;

  // Pass one: fingerprints on the workers, decisions in input order, records to the spill.
  SpillFile spill;
  CommonFlags first = flags;
  first.output = spill.path();
  first.format = "jsonl";
  LoopSteps one;
  one.process = [&](const Place& place, Document& doc) {
    Fingerprint fp = dedup.FingerprintOf(doc.text);
    std::lock_guard<std::mutex> lock(mu);
    pending.emplace(place.index, std::make_pair(std::move(fp), df.mark ? doc.id : std::string()));
    return StageResult{};
  };
  one.in_order = [&](std::size_t index) {
    std::unique_lock<std::mutex> lock(mu);
    auto node = pending.extract(index);
    lock.unlock();
    const DupMatch m = dedup.Add(node.mapped().first);
    decisions.push_back({m.kind, m.original});
    if (df.mark) ids.push_back(std::move(node.mapped().second));
    return false;
  };
  IngestOptions ingest;
  ingest.jsonl = true;
  const RunCounts counts_one = RunLoop("dedup", first, ingest, one);

  // Pass two: the spill back, copies dropped or marked, repeated lines removed.
  CommonFlags second = flags;
  second.inputs = {spill.path()};
  LoopSteps two;
  two.process = [&](const Place& place, Document& doc) {
    StageResult result;
    const Decision& d = decisions[place.index];
    if (d.kind != DupKind::kUnique) {
      if (!df.mark) {
        result.verdict = Verdict::kDrop;
        result.drop_reason = d.kind == DupKind::kExact ? "duplicate" : "near-duplicate";
        return result;
      }
      doc.extra["duplicate_of"] = ids[d.original];
    }
    if (options.lines) doc.signals["repeated_lines_removed"] = dedup.RemoveRepeatedLines(&doc.text);
    return result;
  };
  IngestOptions spilled;
  spilled.jsonl = true;
  spilled.max_doc_bytes = SIZE_MAX;
  const RunCounts counts_two = RunLoop("dedup", second, spilled, two);

  RunCounts total = counts_one;
  total.written = counts_two.written;
  for (const auto& [reason, n] : counts_two.drops) total.drops[reason] += n;
  total.failed += counts_two.failed;
  total.io_errors += counts_two.io_errors;
  total.seconds += counts_two.seconds;
  PrintSummary("dedup", flags, total);
  return ExitStatus(flags, total);
}

std::function<int()> Setup(CLI::App* app) {
  auto flags = std::make_shared<CommonFlags>();
  auto df = std::make_shared<DedupFlags>();
  DedupOptions& o = df->options;
  AddCommonFlags(app, flags.get());
  app->add_flag("--mark", df->mark, "Keep copies, with \"duplicate_of\": \"<id of the first>\"");
  app->add_flag("--signatures", df->signatures,
                "Only emit {\"id\", \"minhash\": [...], \"bands\": [hex...]} per document, for an "
                "engine that groups equal bands itself");
  app->add_flag("--no-exact", df->no_exact, "Keep exact duplicates");
  app->add_flag("--no-near", df->no_near, "Keep near duplicates");
  app->add_flag("--no-lines", df->no_lines, "Keep lines repeated across documents");
  app->add_option("--threshold", o.threshold, "Jaccard similarity of near duplicates")->capture_default_str();
  app->add_option("--num-perm", o.num_perm, "MinHash permutations")->capture_default_str();
  app->add_option("--bands", o.bands, "LSH bands (divides --num-perm)")->capture_default_str();
  app->add_option("--shingle", o.shingle, "Tokens per shingle (a CJK character or a word each)")
      ->capture_default_str();
  app->add_option("--seed", o.seed, "Seed of the permutations")->capture_default_str();
  app->add_option("--line-min-docs", o.line_min_docs, "Documents a line must occur in to be removed")
      ->capture_default_str();
  app->add_option("--line-min-width", o.line_min_width,
                  "Lines narrower than this (columns, CJK counts two) are short")
      ->capture_default_str();
  app->add_option("--short-line-share", o.short_line_share,
                  "Share of the documents a short line must occur in, too")
      ->capture_default_str();
  app->footer(
      "The first occurrence in input order is kept; output keeps input order. A line in at least\n"
      "--line-min-docs unique documents is site chrome and is removed from every document\n"
      "(counted in signals.repeated_lines_removed); short lines must also be in\n"
      "--short-line-share of them. Records are spilled to $TMPDIR between the two passes.\n"
      "Examples:\n"
      "  pith ingest dumps/ | pith dedup > unique.jsonl\n"
      "  pith dedup --mark -i clean.jsonl | jq 'select(.duplicate_of)'\n"
      "  # beyond one machine: signatures per shard, then group equal bands with any engine\n"
      "  ls shards/*.jsonl | parallel 'pith dedup --signatures -i {} > {.}.sig.jsonl'\n"
      "  rdd.pipe('pith dedup --signatures -q')   # the same as a Spark stage");
  return [flags, df] { return RunDedup(*flags, *df); };
}

const bool registered = RegisterCommand(
    {"dedup", "Drop exact and near-duplicate documents and lines repeated across the corpus", 50, Setup});

}  // namespace
}  // namespace pith::tools
