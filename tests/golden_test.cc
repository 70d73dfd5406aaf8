// Golden tests: each testdata/golden/<case>/ holds input.jsonl, optionally pipeline.json
// ({"stages": [{"stage": NAME}, ...]}, default: the clean pipeline) and rules.json, and
// expected.jsonl. PITH_UPDATE_GOLDEN=1 rewrites the expected files for review.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "pith/pipeline.h"
#include "pith/rules.h"

namespace fs = std::filesystem;

namespace {

std::vector<std::string> ReadLines(const fs::path& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A small unified-style diff: the first differing line with context.
std::string Diff(const std::vector<std::string>& want, const std::vector<std::string>& got) {
  std::ostringstream out;
  const std::size_t n = std::max(want.size(), got.size());
  for (std::size_t i = 0; i < n; ++i) {
    const std::string* w = i < want.size() ? &want[i] : nullptr;
    const std::string* g = i < got.size() ? &got[i] : nullptr;
    if (w && g && *w == *g) continue;
    out << "@@ line " << i + 1 << " @@\n";
    if (w) out << "-" << *w << "\n";
    if (g) out << "+" << *g << "\n";
  }
  return out.str();
}

}  // namespace

TEST_CASE("Golden cases match their expected output", "[golden]") {
  const fs::path root = fs::path(PITH_TESTDATA_DIR) / "golden";
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (entry.is_directory() && fs::exists(entry.path() / "input.jsonl")) cases.push_back(entry.path());
  }
  std::sort(cases.begin(), cases.end());
  REQUIRE(!cases.empty());
  const bool update = std::getenv("PITH_UPDATE_GOLDEN") != nullptr;

  for (const fs::path& dir : cases) {
    DYNAMIC_SECTION("case " << dir.filename().string()) {
      pith::StageOptions options;
      if (fs::exists(dir / "rules.json")) options.rules = pith::RuleSet::FromFile((dir / "rules.json").string());
      pith::Json spec = pith::Json::parse(R"({"stages": [{"stage": "normalize"}, {"stage": "strip"}, {"stage": "extract"}]})");
      if (fs::exists(dir / "pipeline.json")) spec = pith::Json::parse(ReadFile(dir / "pipeline.json"));
      if (spec.contains("explain")) options.strip.explain = spec["explain"].get<bool>();
      const pith::Pipeline pipeline = pith::Pipeline::FromJson(spec, options);

      std::vector<std::string> got;
      for (const std::string& line : ReadLines(dir / "input.jsonl")) {
        pith::Document doc = pith::DocumentFromJson(line);
        if (pipeline.Run(doc).verdict == pith::Verdict::kKeep) got.push_back(pith::ToJsonLine(doc));
      }
      const fs::path expected_path = dir / "expected.jsonl";
      if (update) {
        std::ofstream out(expected_path);
        for (const auto& l : got) out << l << "\n";
      }
      const std::vector<std::string> want = ReadLines(expected_path);
      INFO("case " << dir.filename().string() << "\n" << Diff(want, got));
      CHECK(want == got);
    }
  }
}
