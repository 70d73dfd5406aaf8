#include "pith/stage.h"

#include <array>

#include "stages/stages.h"

namespace pith {
namespace {

struct Registration {
  std::string_view name;
  std::unique_ptr<Stage> (*make)(const StageOptions&);
};

// The one list of stage names; tools and --help read it from here.
constexpr std::array<Registration, 4> kRegistry = {{
    {"normalize", internal::MakeNormalizeStage},
    {"strip", internal::MakeStripStage},
    {"extract", internal::MakeExtractStage},
    {"check", internal::MakeCheckStage},
}};

}  // namespace

std::unique_ptr<Stage> MakeStage(std::string_view name, const StageOptions& options) {
  for (const Registration& r : kRegistry) {
    if (r.name == name) return r.make(options);
  }
  std::string known;
  for (const Registration& r : kRegistry) known += (known.empty() ? "" : ", ") + std::string(r.name);
  throw ConfigError("unknown stage \"" + std::string(name) + "\" (known: " + known + ")");
}

std::vector<std::string> StageNames() {
  std::vector<std::string> names;
  for (const Registration& r : kRegistry) names.emplace_back(r.name);
  return names;
}

}  // namespace pith
