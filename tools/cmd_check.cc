// pith check: quality signals per document and thresholds; exit 1 when a document fails.
#include <cmath>
#include <mutex>
#include <unordered_map>

#include "cmd_common.h"
#include "pith/check.h"
#include "pith/jsonl.h"

namespace pith::tools {
namespace {

struct CheckFlags {
  CheckOptions thresholds;  // the flags as given; only those on the command line are applied
  std::vector<std::pair<const CheckThreshold*, CLI::Option*>> given;
  std::string lang;
  std::string config;
  std::string report = "table";
  std::string report_file;
};

// GitHub workflow commands escape these in messages, and ':' ',' in properties too.
std::string GithubEscape(std::string_view s, bool property) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else if (property && c == ':') out += "%3A";
    else if (property && c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

std::string Pad(std::string s, std::size_t width) {
  if (s.size() < width) s.resize(width, ' ');
  return s;
}

// Counts stay integers in the JSON report.
Json Number(double x) {
  if (x == std::floor(x) && std::fabs(x) < 1e15) return static_cast<std::int64_t>(x);
  return x;
}

// One failing document in the chosen report format.
std::string Format(const std::string& format, bool dropped, const std::string& id,
                   std::string_view where, const std::vector<CheckFailure>& failures) {
  std::string out;
  if (format == "json") {
    Json j = {{"id", id}, {"where", where}, {"dropped", dropped}, {"failures", Json::array()}};
    for (const CheckFailure& f : failures) {
      j["failures"].push_back(
          {{"threshold", f.threshold}, {"signal", f.signal}, {"value", Number(f.value)}, {"limit", Number(f.limit)}});
    }
    return j.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
  }
  for (const CheckFailure& f : failures) {
    if (format == "github") {
      std::string props;
      const std::size_t colon = where.rfind(':');
      const std::string_view file = colon == std::string_view::npos ? where : where.substr(0, colon);
      if (file != "stdin") {
        props = "file=" + GithubEscape(file, true);
        if (colon != std::string_view::npos) props += ",line=" + std::string(where.substr(colon + 1));
        props += ",";
      }
      out += std::string(dropped ? "::warning " : "::error ") + props + "title=" +
             GithubEscape("pith check " + f.threshold, true) + "::" +
             GithubEscape(id + ": " + f.Message(), false) + "\n";
    } else {
      out += "  " + Pad(id, 24) + "  " + Pad(f.threshold, 22) + "  " + Pad(f.Message(), 36) + "  " +
             std::string(where) + "\n";
    }
  }
  return out;
}

int RunCheck(const CommonFlags& flags, const CheckFlags& cf) {
  CheckOptions options;
  if (!cf.config.empty()) LoadCheckConfig(cf.config, &options);
  if (!cf.lang.empty()) ApplyCheckLanguage(cf.lang, &options);
  for (const auto& [threshold, option] : cf.given) {
    if (option->count()) options.*threshold->field = cf.thresholds.*threshold->field;
  }
  options.drop = options.drop || cf.thresholds.drop;
  const Checker checker(options);

  std::unique_ptr<OutputFile> report_file;
  if (!cf.report_file.empty()) report_file = std::make_unique<OutputFile>(cf.report_file);
  std::size_t failed_docs = 0;
  auto emit = [&](const std::string& text) {
    if (report_file) report_file->Write(text);
    else std::cerr << text;
  };

  // Failures wait here between the worker that found them and their turn in input order.
  std::mutex mu;
  std::unordered_map<std::size_t, std::string> pending;
  LoopSteps steps;
  steps.process = [&](const Place& place, Document& doc) {
    StageResult result;
    const std::vector<CheckFailure> failures = checker.Check(doc);
    if (failures.empty()) return result;
    if (options.drop) {
      result.verdict = Verdict::kDrop;
      result.drop_reason = "check: " + failures.front().threshold;
    }
    std::string line = Format(cf.report, options.drop, doc.id, place.where, failures);
    std::lock_guard<std::mutex> lock(mu);
    pending.emplace(place.index, std::move(line));
    return result;
  };
  steps.in_order = [&](std::size_t index) {
    std::lock_guard<std::mutex> lock(mu);
    const auto it = pending.find(index);
    if (it == pending.end()) return false;
    if (failed_docs++ == 0 && cf.report == "table") {
      emit("pith check: documents that " + std::string(options.drop ? "were dropped" : "failed") + ":\n  " +
           Pad("id", 24) + "  " + Pad("threshold", 22) + "  " + Pad("signal value vs limit", 36) + "  where\n");
    }
    emit(it->second);
    pending.erase(it);
    return true;
  };
  IngestOptions ingest;
  ingest.jsonl = true;
  const RunCounts counts = RunLoop("check", flags, ingest, steps);
  if (report_file) report_file->Commit();
  PrintSummary("check", flags, counts);
  return ExitStatus(flags, counts);
}

std::function<int()> Setup(CLI::App* app) {
  auto flags = std::make_shared<CommonFlags>();
  auto cf = std::make_shared<CheckFlags>();
  AddCommonFlags(app, flags.get());
  for (const CheckThreshold& t : CheckThresholds()) {
    CLI::Option* option = app->add_option("--" + std::string(t.name), cf->thresholds.*t.field,
                                          std::string(t.help) + (t.is_min ? "; 0 = off" : "; inf = off"));
    cf->given.emplace_back(&t, option);
  }
  app->add_option("--lang", cf->lang, "Corpus language preset: zh (min-cjk-ratio 0.3) or any")
      ->check(CLI::IsMember({"zh", "any"}));
  app->add_option("--config", cf->config,
                  "JSON file of thresholds ({\"min-chars\": 100, \"lang\": \"zh\", \"drop\": false}); "
                  "flags override it")
      ->check(CLI::ExistingFile);
  app->add_flag("--drop", cf->thresholds.drop,
                "Leave failing documents out (counted as dropped) and exit 0 instead of failing");
  app->add_option("--report", cf->report,
                  "Failing documents as a table (for people), json (one object per document, JSON "
                  "Lines) or github (::error annotations); on stderr unless --report-file")
      ->check(CLI::IsMember({"table", "json", "github"}))
      ->default_str("table");
  app->add_option("--report-file", cf->report_file, "Write the report to this file");
  app->footer(
      "Every record gets signals (chars, lines, cjk_ratio, mean_line_length, sentence_end_ratio,\n"
      "boilerplate_ratio, mojibake_ratio, dup_line_ratio, spam_score, invalid_utf8) and passes\n"
      "through; the run exits 1 when a document breaks a threshold (with --drop: it is left out).\n"
      "Defaults: min-chars 200, min-mean-line-length 10, min-sentence-end-ratio 0.12,\n"
      "max-mojibake-ratio 0.05, max-dup-line-ratio 0.3, max-spam-score 0.5; the others off.\n"
      "Examples:\n"
      "  pith clean dumps/ | pith check --lang zh > checked.jsonl\n"
      "  pith check --config ci/check.json --report github -i clean.jsonl > /dev/null\n"
      "  pith check --drop --min-chars 500 -i clean.jsonl -o long.jsonl");
  return [flags, cf] { return RunCheck(*flags, *cf); };
}

const bool registered =
    RegisterCommand({"check", "Quality signals and thresholds; exit 1 when a document fails", 60, Setup});

}  // namespace
}  // namespace pith::tools
