#include "pith/pipeline.h"

#include <chrono>
#include <future>

namespace pith {

Pipeline::Pipeline(std::vector<std::unique_ptr<Stage>> stages) : stages_(std::move(stages)) {}

Pipeline Pipeline::Default(const StageOptions& options) {
  return FromNames({"normalize", "strip", "extract"}, options);
}

Pipeline Pipeline::FromNames(const std::vector<std::string>& names, const StageOptions& options) {
  // Stages are built at once, each on a thread of its own: building is most of a process's
  // start-up (strip compiles its rules, normalize and extract fill their tables) and the parts
  // share nothing. Collected in order, so the first stage that fails is the one reported.
  std::vector<std::future<std::unique_ptr<Stage>>> building;
  for (const std::string& name : names) {
    building.push_back(
        std::async(std::launch::async, [&options, name] { return MakeStage(name, options); }));
  }
  std::vector<std::unique_ptr<Stage>> stages;
  for (auto& stage : building) stages.push_back(stage.get());
  return Pipeline(std::move(stages));
}

Pipeline Pipeline::FromJson(const Json& spec, const StageOptions& options) {
  if (!spec.is_object() || !spec.contains("stages") || !spec["stages"].is_array()) {
    throw ConfigError("pipeline: /stages: expected an array of {\"stage\": NAME}");
  }
  std::vector<std::string> names;
  const Json& stages = spec["stages"];
  for (std::size_t i = 0; i < stages.size(); ++i) {
    const Json& s = stages[i];
    if (!s.is_object() || !s.contains("stage") || !s["stage"].is_string()) {
      throw ConfigError("pipeline: /stages/" + std::to_string(i) + ": expected {\"stage\": NAME}");
    }
    names.push_back(s["stage"].get<std::string>());
  }
  return FromNames(names, options);
}

StageResult Pipeline::Run(Document& doc) const {
  StageResult all;
  for (const auto& stage : stages_) {
    StageResult r = stage->Process(doc);
    for (auto& n : r.notes) all.notes.push_back(std::move(n));
    if (r.verdict == Verdict::kDrop) {
      all.verdict = Verdict::kDrop;
      all.drop_reason = std::move(r.drop_reason);
      break;
    }
  }
  return all;
}

std::vector<StageTrace> Pipeline::RunWithTrace(Document& doc) const {
  std::vector<StageTrace> traces;
  for (const auto& stage : stages_) {
    StageTrace t;
    t.stage = std::string(stage->Name());
    t.chars_before = doc.text.size();
    const auto start = std::chrono::steady_clock::now();
    t.result = stage->Process(doc);
    t.micros = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count();
    t.chars_after = doc.text.size();
    const bool drop = t.result.verdict == Verdict::kDrop;
    traces.push_back(std::move(t));
    if (drop) break;
  }
  return traces;
}

std::vector<std::string> Pipeline::StageNames() const {
  std::vector<std::string> names;
  for (const auto& s : stages_) names.emplace_back(s->Name());
  return names;
}

}  // namespace pith
