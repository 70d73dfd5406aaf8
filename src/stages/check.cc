#include "pith/check.h"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "json_message.h"
#include "signals.h"
#include "stages/stages.h"

namespace pith {
namespace {

double Ratio(std::size_t part, std::size_t whole) {
  return whole ? static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

// Four decimals: enough to judge a threshold, and records stay readable and stable.
double Round4(double x) { return std::round(x * 1e4) / 1e4; }

std::string FormatNumber(double x) {
  if (std::isinf(x)) return "off";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", x);
  return buf;
}

// A number another stage recorded in doc.signals, if it did.
std::optional<double> Upstream(const Document& doc, const char* key) {
  const auto it = doc.signals.find(key);
  if (it == doc.signals.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

}  // namespace

std::string CheckFailure::Message() const {
  const bool below = value < limit;
  return signal + " " + FormatNumber(value) + (below ? " < " : " > ") + FormatNumber(limit);
}

const std::vector<CheckThreshold>& CheckThresholds() {
  static const std::vector<CheckThreshold> kThresholds = {
      {"min-chars", "chars", true, &CheckOptions::min_chars,
       "Fewest characters (code points; 200: the Chinese web-corpus rule, CCNet-style length "
       "filters)"},
      {"min-mean-line-length", "mean_line_length", true, &CheckOptions::min_mean_line_length,
       "Fewest characters per non-blank line (10: Chinese web-corpus rule against menu-like text)"},
      {"min-cjk-ratio", "cjk_ratio", true, &CheckOptions::min_cjk_ratio,
       "Least share of Han/kana/Hangul characters (off; 0.3 with --lang zh, the Chinese "
       "web-corpus rule)"},
      {"min-sentence-end-ratio", "sentence_end_ratio", true, &CheckOptions::min_sentence_end_ratio,
       "Least share of lines ending like a sentence (0.12: FineWeb's line-punctuation rule)"},
      {"max-boilerplate-ratio", "boilerplate_ratio", false, &CheckOptions::max_boilerplate_ratio,
       "Largest share of the page strip removed (off: a page that is mostly chrome can carry a "
       "good article)"},
      {"max-mojibake-ratio", "mojibake_ratio", false, &CheckOptions::max_mojibake_ratio,
       "Largest share of garbled characters (0.05: one in twenty makes the text unreliable)"},
      {"max-dup-line-ratio", "dup_line_ratio", false, &CheckOptions::max_dup_line_ratio,
       "Largest share of lines repeating an earlier line (0.3: Gopher's repetition rule)"},
      {"max-spam-score", "spam_score", false, &CheckOptions::max_spam_score,
       "Largest share of text in spam-shaped lines (0.5: mostly spam)"},
      {"max-invalid-utf8", "invalid_utf8", false, &CheckOptions::max_invalid_utf8,
       "Most invalid UTF-8 sequences (off: replaced characters already count as garbled)"},
  };
  return kThresholds;
}

void ApplyCheckLanguage(std::string_view lang, CheckOptions* options) {
  if (lang == "zh") options->min_cjk_ratio = 0.3;
  else if (lang != "any") throw ConfigError("unknown language \"" + std::string(lang) + "\" (known: any, zh)");
}

void LoadCheckConfig(const std::string& path, CheckOptions* options) {
  std::ifstream in(path);
  if (!in) throw InputError(path + ": cannot open");
  std::stringstream text;
  text << in.rdbuf();
  Json config;
  try {
    config = Json::parse(text.str());
  } catch (const Json::exception& e) {
    throw ConfigError(path + ": not JSON: " + internal::ParseErrorMessage(e.what()));
  }
  if (!config.is_object()) throw ConfigError(path + ": expected a JSON object of thresholds");
  if (const auto it = config.find("lang"); it != config.end()) {
    if (!it->is_string()) throw ConfigError(path + ": /lang: expected a string");
    ApplyCheckLanguage(it->get<std::string>(), options);
  }
  for (const auto& [key, value] : config.items()) {
    if (key == "lang") continue;
    if (key == "drop") {
      if (!value.is_boolean()) throw ConfigError(path + ": /drop: expected true or false");
      options->drop = value.get<bool>();
      continue;
    }
    const CheckThreshold* found = nullptr;
    for (const CheckThreshold& t : CheckThresholds()) {
      if (t.name == key) found = &t;
    }
    if (!found) {
      std::string known = "lang, drop";
      for (const CheckThreshold& t : CheckThresholds()) known += ", " + std::string(t.name);
      throw ConfigError(path + ": unknown key \"" + key + "\" (known: " + known + ")");
    }
    if (value.is_null()) options->*found->field = found->is_min ? 0 : CheckOptions::kOff;
    else if (value.is_number()) options->*found->field = value.get<double>();
    else throw ConfigError(path + ": /" + key + ": expected a number or null");
  }
}

std::vector<CheckFailure> Checker::Check(Document& doc) const {
  const internal::TextSignals t = internal::MeasureText(doc.text);

  const std::optional<double> input_chars = Upstream(doc, "input_chars");
  const std::optional<double> removed_chars = Upstream(doc, "removed_chars");
  std::optional<double> boilerplate;
  if (input_chars && removed_chars && *input_chars > 0) boilerplate = *removed_chars / *input_chars;
  const double mojibake = Upstream(doc, "mojibake_chars").value_or(static_cast<double>(t.mojibake_chars)) +
                          static_cast<double>(t.replacement_chars);
  double invalid = Upstream(doc, "invalid_utf8").value_or(static_cast<double>(t.invalid_utf8));
  if (invalid == 0 && doc.HasFlag("invalid-utf8")) invalid = 1;

  Json& s = doc.signals;
  s["chars"] = t.chars;
  s["lines"] = t.lines;
  s["cjk_ratio"] = Round4(Ratio(t.cjk_chars, t.visible_chars));
  s["mean_line_length"] = Round4(t.lines ? static_cast<double>(t.chars) / static_cast<double>(t.lines) : 0.0);
  s["sentence_end_ratio"] = Round4(Ratio(t.sentence_end_lines, t.lines));
  s["boilerplate_ratio"] = boilerplate ? Json(Round4(*boilerplate)) : Json(nullptr);
  s["mojibake_ratio"] = Round4(t.chars ? std::min(1.0, mojibake / static_cast<double>(t.chars)) : 0.0);
  s["dup_line_ratio"] = Round4(Ratio(t.dup_lines, t.lines));
  s["spam_score"] = Round4(Ratio(t.spam_chars, t.chars));
  s["invalid_utf8"] = static_cast<std::size_t>(invalid);

  std::vector<CheckFailure> failures;
  for (const CheckThreshold& th : CheckThresholds()) {
    const Json& v = s[std::string(th.signal)];
    if (!v.is_number()) continue;  // unknown: nothing to judge
    const double value = v.get<double>();
    const double limit = options_.*th.field;
    if (th.is_min ? value < limit : value > limit) {
      failures.push_back({std::string(th.name), std::string(th.signal), value, limit});
    }
  }
  return failures;
}

namespace internal {
namespace {

class CheckStage final : public Stage {
 public:
  explicit CheckStage(const CheckOptions& options) : checker_(options) {}
  std::string_view Name() const override { return "check"; }

  StageResult Process(Document& doc) const override {
    StageResult result;
    const std::vector<CheckFailure> failures = checker_.Check(doc);
    for (const CheckFailure& f : failures) {
      result.notes.push_back({Severity::kWarning, "", "", "check: " + f.threshold + ": " + f.Message()});
    }
    if (!failures.empty() && checker_.options().drop) {
      result.verdict = Verdict::kDrop;
      result.drop_reason = "check: " + failures.front().threshold;
    }
    return result;
  }

 private:
  Checker checker_;
};

}  // namespace

std::unique_ptr<Stage> MakeCheckStage(const StageOptions& options) {
  return std::make_unique<CheckStage>(options.check);
}

}  // namespace internal
}  // namespace pith
