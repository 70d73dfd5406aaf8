#include "pith/rules.h"

#include <fstream>
#include <iterator>
#include <set>

#include "pith/error.h"

namespace pith {
namespace internal {
extern const std::string_view kDefaultRulesJson;
}

struct RuleSet::Impl {
  std::vector<Rule> rules;
};

RuleSet::RuleSet(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RuleSet::~RuleSet() = default;

const std::vector<Rule>& RuleSet::rules() const { return impl_->rules; }

std::shared_ptr<const RuleSet> RuleSet::FromJsonText(std::string_view text, const std::string& where) {
  Json j = Json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) throw RuleError(where, "", "not a JSON object");
  auto impl = std::make_unique<Impl>();
  std::set<std::string> ids;
  const Json& rules = j.value("rules", Json::array());
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const std::string path = where + ": /rules/" + std::to_string(i);
    const Json& r = rules[i];
    if (!r.is_object() || !r.contains("id") || !r["id"].is_string())
      throw RuleError(path, "", "a rule needs a string \"id\"");
    Rule rule;
    rule.id = r["id"].get<std::string>();
    if (!ids.insert(rule.id).second) throw RuleError(path, rule.id, "duplicate id");
    auto label = ParseLabel(r.value("label", ""));
    if (!label) throw RuleError(path + "/label", rule.id, "unknown label");
    rule.label = *label;
    rule.why = r.value("why", "");
    rule.spec = r;
    impl->rules.push_back(std::move(rule));
  }
  return std::shared_ptr<const RuleSet>(new RuleSet(std::move(impl)));
}

std::shared_ptr<const RuleSet> RuleSet::FromFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot open rules file");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return FromJsonText(text, path);
}

std::shared_ptr<const RuleSet> RuleSet::Default() {
  static const std::shared_ptr<const RuleSet> rules =
      FromJsonText(internal::kDefaultRulesJson, "default_rules.json");
  return rules;
}

}  // namespace pith
