// Pipeline: an ordered chain of stages, each stage's output feeding the next.
//
//   pith::Pipeline p = pith::Pipeline::Default(options);   // normalize, strip, extract
//   pith::StageResult r = p.Run(doc);
//
//   // or from JSON: {"name": "mine", "stages": [{"stage": "normalize"}, {"stage": "strip"}]}
//   pith::Pipeline q = pith::Pipeline::FromJson(json, options);
//
// A Pipeline is immutable once built; Run is safe to call from many threads at once.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pith/document.h"
#include "pith/stage.h"

namespace pith {

// What one stage did to a document, for debugging (`--trace`).
struct StageTrace {
  std::string stage;
  std::size_t chars_before = 0;  // UTF-8 bytes of text before the stage
  std::size_t chars_after = 0;
  double micros = 0;
  StageResult result;
};

class Pipeline {
 public:
  Pipeline() = default;
  explicit Pipeline(std::vector<std::unique_ptr<Stage>> stages);
  Pipeline(Pipeline&&) = default;
  Pipeline& operator=(Pipeline&&) = default;

  // The stages `pith clean` runs: normalize, strip, extract.
  static Pipeline Default(const StageOptions& options);
  // Builds from names, e.g. {"normalize", "strip"}. Throws ConfigError on an unknown name.
  static Pipeline FromNames(const std::vector<std::string>& names, const StageOptions& options);
  // Builds from a pipeline description (see above). Throws ConfigError naming the JSON path.
  static Pipeline FromJson(const Json& spec, const StageOptions& options);

  // Applies every stage in order. Stops early when a stage drops the document. The notes of all
  // stages are merged into the result.
  StageResult Run(Document& doc) const;
  // Like Run, and says what each stage did.
  std::vector<StageTrace> RunWithTrace(Document& doc) const;

  std::vector<std::string> StageNames() const;
  bool empty() const { return stages_.empty(); }

 private:
  std::vector<std::unique_ptr<Stage>> stages_;
};

}  // namespace pith
