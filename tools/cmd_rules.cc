// pith rules: list the boilerplate rules strip applies, with why each exists.
#include <iostream>

#include "cmd_common.h"
#include "pith/rules.h"

namespace pith::tools {
namespace {

std::function<int()> Setup(CLI::App* app) {
  auto flags = std::make_shared<CommonFlags>();
  auto json = std::make_shared<bool>(false);
  AddRulesFlag(app, flags.get());
  app->add_flag("--json", *json, "Print the rules as a rules file (JSON) instead of a table");
  app->footer(
      "Examples:\n"
      "  pith rules                      # id, label, languages and why of every rule\n"
      "  pith rules --rules mine.json    # the set strip would use with --rules mine.json\n"
      "  pith rules --json > all.json    # a rules file to start from");
  return [flags, json] {
    std::shared_ptr<const RuleSet> rules = LoadRules(*flags);
    if (!rules) rules = RuleSet::Default();
    if (*json) {
      Json out = {{"version", 1}, {"rules", Json::array()}};
      for (const Rule& r : rules->rules()) out["rules"].push_back(RuleToJson(r));
      std::cout << out.dump(2) << "\n";
      return kExitOk;
    }
    std::size_t width = 0;
    for (const Rule& r : rules->rules()) width = std::max(width, r.id.size());
    for (const Rule& r : rules->rules()) {
      std::string langs;
      for (const auto& l : r.langs) langs += (langs.empty() ? "" : ",") + l;
      std::cout << r.id << std::string(width + 2 - r.id.size(), ' ') << LabelName(r.label)
                << std::string(8 - LabelName(r.label).size(), ' ') << langs
                << std::string(langs.size() < 8 ? 8 - langs.size() : 1, ' ') << r.why << "\n";
    }
    return kExitOk;
  };
}

const bool registered =
    RegisterCommand({"rules", "List the rules strip applies and why", 90, Setup});

}  // namespace
}  // namespace pith::tools
