#include "pith/rules.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <future>
#include <iterator>
#include <limits>
#include <set>
#include <unordered_map>
#include <utility>

#include "line_memo.h"
#include "pith/error.h"
#include "rule_patterns.h"
#include "strip_text.h"

namespace pith {
namespace internal {
extern const std::string_view kDefaultRulesJson;
}

namespace {

// A line is matched on its own, so the DFA of a large set stays small; this bound only guards
// against pathological user patterns.
constexpr int64_t kSetMaxMem = int64_t{64} << 20;

// Numbers the RuleSets a process makes, from 1, to tell them apart in the memo of verdicts.
std::atomic<std::uint64_t> next_rule_set_number{1};

RE2::Options MatchOptions() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_case_sensitive(false);
  options.set_max_mem(kSetMaxMem);
  return options;
}

// Punctuation, symbols, digits and spaces that may surround a whole-line keyword:
// "【相关阅读】", "Related stories »", "热门评论(12)".
constexpr std::string_view kDecoration = R"([\s\p{P}\p{S}\p{N}]*)";

std::string Alternation(const std::vector<std::string>& keywords) {
  std::string alt = "(?:";
  for (std::size_t i = 0; i < keywords.size(); ++i) {
    if (i) alt += '|';
    alt += RE2::QuoteMeta(keywords[i]);
  }
  return alt + ")";
}

// A whole-line rule matches a line made of its keywords and decoration only, so "登录 | 注册" and
// "字体： 小 中 大" match as well as "Related". Written D(KD)+ rather than DK(DK)*D, the same
// lines: the decoration is a large Unicode class, and each copy of it costs compile time.
std::string KeywordPattern(const Rule& rule) {
  const std::string alt = Alternation(rule.keywords);
  if (!rule.whole_line) return alt;
  const std::string d(kDecoration);
  return "^" + d + "(?:" + alt + d + ")+$";
}

// The JSON keys a rule may have; anything else is a typo worth reporting.
const std::set<std::string, std::less<>> kRuleKeys = {
    "id",         "label",      "why",        "langs",       "patterns", "keywords", "detector",
    "max_chars",  "min_hits",   "whole_line", "skip_prose",  "opens_block", "in_text",
    "ends_article", "enabled"};
const std::set<std::string, std::less<>> kFileKeys = {"version", "extends", "rules"};

bool ValidLang(const std::string& lang) {
  static const RE2 kLang(R"(\*|[a-z]{2,3}(-[A-Za-z0-9]{2,8})*)");
  return RE2::FullMatch(lang, kLang);
}

// Reads one rule object. `path` is the JSON path of the rule, e.g. "file: /rules/3".
Rule ParseRule(const Json& j, const std::string& path, bool allow_stub) {
  if (!j.is_object()) throw RuleError(path, "", "a rule must be a JSON object");
  auto id_it = j.find("id");
  if (id_it == j.end() || !id_it->is_string() || id_it->get<std::string>().empty())
    throw RuleError(path + "/id", "", "a rule needs a non-empty string \"id\"");
  Rule rule;
  rule.id = id_it->get<std::string>();
  auto fail = [&](const std::string& key, const std::string& message) {
    throw RuleError(path + (key.empty() ? "" : "/" + key), rule.id, message);
  };
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (!kRuleKeys.count(it.key())) fail(it.key(), "unknown key \"" + it.key() + "\"");
  }
  auto get_bool = [&](const char* key, bool* out) {
    auto it = j.find(key);
    if (it == j.end()) return;
    if (!it->is_boolean()) fail(key, "expected true or false");
    *out = it->get<bool>();
  };
  auto get_int = [&](const char* key, int min, int* out) {
    auto it = j.find(key);
    if (it == j.end()) return;
    if (!it->is_number_integer() || it->get<long long>() < min || it->get<long long>() > 100000)
      fail(key, "expected an integer of at least " + std::to_string(min));
    *out = it->get<int>();
  };
  auto get_strings = [&](const char* key, std::vector<std::string>* out) {
    auto it = j.find(key);
    if (it == j.end()) return;
    if (!it->is_array() || it->empty()) fail(key, "expected a non-empty array of strings");
    out->clear();
    for (std::size_t i = 0; i < it->size(); ++i) {
      const Json& s = (*it)[i];
      const std::string where = std::string(key) + "/" + std::to_string(i);
      if (!s.is_string()) fail(where, "expected a string");
      if (s.get_ref<const std::string&>().empty()) fail(where, "empty pattern");
      out->push_back(s.get<std::string>());
    }
  };

  get_bool("enabled", &rule.enabled);
  if (allow_stub && !rule.enabled && j.size() == 2) return rule;

  auto label_it = j.find("label");
  if (label_it == j.end() || !label_it->is_string()) fail("label", "a rule needs a \"label\"");
  auto label = ParseLabel(label_it->get<std::string>());
  if (!label) fail("label", "unknown label " + label_it->dump() +
                                " (body, title, meta, spam, chrome or notice)");
  rule.label = *label;
  auto why_it = j.find("why");
  if (why_it == j.end() || !why_it->is_string() || why_it->get<std::string>().empty())
    fail("why", "a rule needs a one-line \"why\"");
  rule.why = why_it->get<std::string>();
  if (rule.why.find('\n') != std::string::npos) fail("why", "\"why\" must be one line");
  get_strings("langs", &rule.langs);
  for (std::size_t i = 0; i < rule.langs.size(); ++i) {
    if (!ValidLang(rule.langs[i]))
      fail("langs/" + std::to_string(i), "not a language tag: \"" + rule.langs[i] + "\"");
  }
  get_strings("patterns", &rule.patterns);
  get_strings("keywords", &rule.keywords);
  if (auto it = j.find("detector"); it != j.end()) {
    if (!it->is_string()) fail("detector", "expected a detector name");
    rule.detector = it->get<std::string>();
    const auto& names = DetectorNames();
    if (std::find(names.begin(), names.end(), rule.detector) == names.end()) {
      std::string known;
      for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
      fail("detector", "unknown detector \"" + rule.detector + "\" (known: " + known + ")");
    }
  }
  const int kinds = !rule.patterns.empty() + !rule.keywords.empty() + !rule.detector.empty();
  if (kinds != 1) fail("", "a rule needs exactly one of \"patterns\", \"keywords\", \"detector\"");
  get_int("max_chars", 0, &rule.max_chars);
  get_int("min_hits", 1, &rule.min_hits);
  get_bool("whole_line", &rule.whole_line);
  get_bool("skip_prose", &rule.skip_prose);
  get_bool("opens_block", &rule.opens_block);
  get_bool("in_text", &rule.in_text);
  get_bool("ends_article", &rule.ends_article);
  if ((rule.min_hits > 1 || rule.whole_line) && rule.keywords.empty())
    fail("", "\"min_hits\" and \"whole_line\" apply to keyword rules only");
  if (rule.min_hits > static_cast<int>(rule.keywords.size()) && !rule.keywords.empty())
    fail("min_hits", "more hits required than there are keywords");
  return rule;
}

struct ParsedFile {
  bool extends = false;
  std::vector<Rule> rules;
  std::vector<std::string> paths;  // JSON path of each rule, for compile errors
};

ParsedFile ParseFile(std::string_view text, const std::string& where) {
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) throw RuleError(where, "", "not valid JSON");
  if (!j.is_object()) throw RuleError(where, "", "expected a JSON object {\"rules\": [...]}");
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (!kFileKeys.count(it.key()))
      throw RuleError(where + ": /" + it.key(), "", "unknown key \"" + it.key() + "\"");
  }
  ParsedFile file;
  if (auto it = j.find("extends"); it != j.end()) {
    if (!it->is_string() || it->get<std::string>() != "default")
      throw RuleError(where + ": /extends", "", "only \"default\" can be extended");
    file.extends = true;
  }
  if (auto it = j.find("version"); it != j.end() && (!it->is_number_integer() || *it != 1))
    throw RuleError(where + ": /version", "", "unsupported version (expected 1)");
  auto rules_it = j.find("rules");
  if (rules_it == j.end() || !rules_it->is_array())
    throw RuleError(where + ": /rules", "", "expected an array of rules");
  std::set<std::string> ids;
  for (std::size_t i = 0; i < rules_it->size(); ++i) {
    const std::string path = where + ": /rules/" + std::to_string(i);
    Rule rule = ParseRule((*rules_it)[i], path, file.extends);
    if (!ids.insert(rule.id).second) throw RuleError(path + "/id", rule.id, "duplicate id");
    file.rules.push_back(std::move(rule));
    file.paths.push_back(path);
  }
  return file;
}

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c; }

bool EqualIgnoringAsciiCase(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](char x, char y) { return AsciiLower(x) == AsciiLower(y); });
}

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// See RuleSet::Impl::HitCounter::ascii_bound.
int AsciiBound(const std::vector<std::string>& keywords) {
  std::set<std::string> forms;
  for (const std::string& keyword : keywords) {
    if (IsAscii(keyword)) {
      std::string lower = keyword;
      std::transform(lower.begin(), lower.end(), lower.begin(), AsciiLower);
      forms.insert(std::move(lower));
      continue;
    }
    bool cjk = false;
    for (std::size_t i = 0; i < keyword.size() && !cjk;)
      cjk = internal::IsCjk(internal::NextCodePoint(keyword, &i));
    if (!cjk) return std::numeric_limits<int>::max();
  }
  return static_cast<int>(forms.size());
}

}  // namespace

namespace {

bool IsQuantifier(char c) { return c == '*' || c == '+' || c == '?' || c == '{'; }

// The length of the counted repetition ("{2}", "{1,8}", "{3,}") at the start of `s`, or 0.
std::size_t RepetitionLength(std::string_view s) {
  std::size_t i = 1, digits = 0;
  for (; i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])); ++i) ++digits;
  if (digits == 0) return 0;
  if (i < s.size() && s[i] == ',') {
    for (++i; i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])); ++i) {
    }
  }
  return i < s.size() && s[i] == '}' ? i + 1 : 0;
}

// The most repeats a repetition token allows: n of {n}, m of {n,m}; *, + and {n,} have no bound.
int RepetitionBound(std::string_view token) {
  const std::size_t comma = token.find(',');
  if (token[0] != '{' || (comma != std::string_view::npos && comma + 2 == token.size()))
    return std::numeric_limits<int>::max();
  return std::atoi(token.data() + (comma == std::string_view::npos ? 1 : comma + 1));
}

// Calls `token(begin, end, depth)` for each token of `pattern` in order: an escape (\x{..} and
// \p{..} whole), a character class, a counted repetition, or one character (a UTF-8 sequence
// whole), with the depth of parentheses around it ('(' and ')' count as outside their group).
// Returns false, having stopped, at \Q or a POSIX class, which it does not follow.
template <typename Token>
bool ForEachToken(std::string_view pattern, Token&& token) {
  int depth = 0;
  for (std::size_t i = 0; i < pattern.size();) {
    const char c = pattern[i];
    std::size_t end = i + 1;
    if (c == '\\') {
      const char kind = i + 1 < pattern.size() ? pattern[i + 1] : '\0';
      if (kind == 'Q') return false;
      end = std::min(i + 2, pattern.size());
      // \x{..}, \p{..} and \P{..} run to their brace; \xFF takes two digits more, \pL one letter.
      if ((kind == 'x' || kind == 'p' || kind == 'P') && end < pattern.size()) {
        constexpr std::size_t kNone = std::string_view::npos;
        const std::size_t close = pattern[end] == '{' ? pattern.find('}', end) : kNone;
        end = close != kNone ? close + 1 : std::min(end + (kind == 'x' ? 2 : 1), pattern.size());
      }
    } else if (c == '[') {
      // A ] right after [ or [^ is a member, not the end.
      if (end < pattern.size() && pattern[end] == '^') ++end;
      if (end < pattern.size() && pattern[end] == ']') ++end;
      for (; end < pattern.size() && pattern[end] != ']'; ++end) {
        const bool posix =
            pattern[end] == '[' && end + 1 < pattern.size() && pattern[end + 1] == ':';
        if (posix) return false;
        if (pattern[end] == '\\') ++end;
      }
      end = std::min(end + 1, pattern.size());
    } else if (c == '{') {
      end = i + std::max<std::size_t>(RepetitionLength(pattern.substr(i)), 1);
    } else if (static_cast<unsigned char>(c) >= 0xC0) {
      const auto continuation = [&](std::size_t k) {
        return k < pattern.size() && (static_cast<unsigned char>(pattern[k]) & 0xC0) == 0x80;
      };
      while (continuation(end)) ++end;
    }
    if (c == ')') --depth;
    token(i, end, depth);
    if (c == '(') ++depth;
    i = end;
  }
  return true;
}

// Whether a token is a letter, or a character beyond ASCII: something to look for.
bool IsLiteral(std::string_view token) {
  return token.size() == 1 ? std::isalpha(static_cast<unsigned char>(token[0])) != 0
                           : static_cast<unsigned char>(token[0]) >= 0xC0;
}

// Whether a token matches a wide range of characters: ., \S, \w, \W, \D, \pX, \PX, or a class
// that is negated or holds one of those escapes.
bool IsWideAtom(std::string_view token) {
  constexpr std::string_view kWideEscapes[] = {"\\S", "\\w", "\\W", "\\D", "\\p", "\\P"};
  if (token == ".") return true;
  if (token.substr(0, 2) == "[^") return true;
  const bool in_class = token[0] == '[';
  for (std::string_view escape : kWideEscapes) {
    if (in_class ? token.find(escape) != std::string_view::npos : token.substr(0, 2) == escape)
      return true;
  }
  return false;
}

}  // namespace

namespace internal {

bool MatchesAtStartOnly(std::string_view pattern) {
  if (pattern.size() < 2 || pattern[0] != '^' || IsQuantifier(pattern[1])) return false;
  bool bar = false;
  const bool followed = ForEachToken(pattern, [&](std::size_t b, std::size_t, int depth) {
    bar |= depth == 0 && pattern[b] == '|';
  });
  return followed && !bar;
}

// A rule set's DFA keeps a pattern's partial match alive across its gap ("版权[^。]*所有" from
// 版权 to the next 。), and the partial matches of several such patterns multiply its states on
// new text: on varied pages, building states was most of strip's time. A set that holds a gap-free
// part in place of the pattern, with the whole pattern matched only on the lines the part flags,
// has the same verdicts without the gaps.
std::string GapFreePart(std::string_view pattern) {
  constexpr int kFewRepeats = 8;
  constexpr std::size_t kNone = std::string_view::npos;
  // The run of top-level tokens being read (from `start`) and what it holds so far.
  std::size_t start = 0, atom = kNone;
  bool literal = false, inner_gap = false;
  bool wide = false;  // the atom before is wide
  bool after_gap = false;  // a '?' now makes the gap lazy and is no part of the next run
  bool gaps = false, bar = false;
  std::size_t found = kNone, found_end = kNone;
  const auto end_run = [&](std::size_t end) {
    // A run after a gap goes into the other set with nothing before it: it must hold no gap.
    if (found == kNone && literal && (start == 0 || !inner_gap)) {
      found = start;
      found_end = end;
    }
  };
  // Inside "(?" up to its ':', ')' or '>': flags and group names, nothing to look for.
  bool group_header = false;
  std::string_view before;  // the token before
  const bool followed = ForEachToken(pattern, [&](std::size_t b, std::size_t e, int depth) {
    const std::string_view t = pattern.substr(b, e - b);
    const std::string_view previous = std::exchange(before, t);
    bar |= depth == 0 && t == "|";
    if (previous == "(" && t == "?") group_header = true;
    if (group_header) {
      group_header = t != ":" && t != ")" && t != ">";
      return;
    }
    if (t == "*" || t == "+" || (t[0] == '{' && t.size() > 1)) {
      const bool gap = wide && RepetitionBound(t) > kFewRepeats;
      if (depth > 0) {
        inner_gap |= gap;
      } else if (gap && atom != kNone) {
        gaps = after_gap = true;
        end_run(atom);
        start = e;
        atom = kNone;
        literal = inner_gap = false;
      }
      return;
    }
    const bool lazy = after_gap && t == "?";
    after_gap = false;
    if (lazy) {
      start = e;
      return;
    }
    if (t == "?") return;
    wide = t != ")" && IsWideAtom(t);
    if (depth == 0 && t != ")") atom = b;
    literal |= IsLiteral(t);
  });
  if (!followed || bar || !gaps) return "";
  end_run(pattern.size());
  return found == kNone ? "" : std::string(pattern.substr(found, found_end - found));
}

}  // namespace internal

// What a set holds for a pattern: the pattern itself, or a GapFreePart of it with the whole
// pattern, compiled once for both length tiers, to decide the lines the part flags.
struct HeldPattern {
  std::string held;
  std::shared_ptr<const RE2> whole;  // null when `held` is the pattern

  explicit HeldPattern(const std::string& pattern) : held(internal::GapFreePart(pattern)) {
    if (!held.empty()) whole = std::make_shared<const RE2>(pattern, MatchOptions());
    // A pattern that does not compile goes in whole, for the set's message about it.
    if (held.empty() || !whole->ok()) {
      held = pattern;
      whole.reset();
    }
  }
};

// One RE2::Set and, for each of its patterns, the rule it belongs to.
struct PatternSet {
  explicit PatternSet(RE2::Anchor anchor)
      : set(std::make_unique<RE2::Set>(MatchOptions(), anchor)) {}
  std::unique_ptr<RE2::Set> set;
  std::vector<int> rule;  // set index -> rule index, -1 for the placeholder
  // Set index -> the whole pattern, where the set holds a GapFreePart of it; null elsewhere.
  std::vector<std::shared_ptr<const RE2>> whole;

  void Add(const HeldPattern& pattern, int rule_index, const std::string& where,
           const std::string& id) {
    std::string error;
    if (set->Add(pattern.held, &error) >= 0) {
      rule.push_back(rule_index);
      whole.push_back(pattern.whole);
      return;
    }
    // RE2 can read a part apart from its pattern otherwise ("(?i)*" is an error at the start of
    // a pattern, not after an atom): that pattern goes in whole, which is never wrong here (a
    // part in the anchored set comes from a pattern anchored as well).
    if (!pattern.whole || set->Add(pattern.whole->pattern(), &error) < 0)
      throw RuleError(where, id, error);
    rule.push_back(rule_index);
    whole.emplace_back();
  }
  void Compile() {
    // An empty set cannot be compiled; a never-matching pattern keeps Match uniform.
    if (rule.empty()) {
      std::string error;
      set->Add("[^\\x00-\\x{10FFFF}]", &error);
      rule.push_back(-1);
      whole.emplace_back();
    }
    if (!set->Compile()) throw RuleError("rules", "", "the rule set is too large to compile");
  }
  // Appends the rules of the patterns that match `line` to `rules`.
  void Match(std::string_view line, std::vector<int>* rules) const {
    const re2::StringPiece text(line.data(), line.size());
    if (!set->Match(text, nullptr)) return;
    thread_local std::vector<int> hits;
    set->Match(text, &hits);
    for (int h : hits) {
      if (rule[h] < 0 || (whole[h] && !RE2::PartialMatch(text, *whole[h]))) continue;
      rules->push_back(rule[h]);
    }
  }
};

// The patterns for lines of one range of lengths, in two sets. A set's DFA tracks every pattern
// at once, so its states are combinations of how far each pattern has got; on varied text they
// multiply, and building them, not scanning, comes to dominate: on a few MB of real pages one
// set spent most of its time building states and needed tens of MB to keep them (with less
// memory it rebuilds them over and over). The patterns anchored at the start cause most of that,
// since a line that begins with decoration or digits keeps theirs alive. In a set of their own,
// anchored, which stops where they all fail, their states add to the others' instead of
// multiplying them; a line costs two searches, the anchored one mostly a few bytes long.
struct LengthTier {
  PatternSet at_start{RE2::ANCHOR_START}, anywhere{RE2::UNANCHORED};

  void Add(const HeldPattern& pattern, int rule_index, const std::string& where,
           const std::string& id) {
    PatternSet& set = internal::MatchesAtStartOnly(pattern.held) ? at_start : anywhere;
    set.Add(pattern, rule_index, where, id);
  }
  void Compile() {
    at_start.Compile();
    anywhere.Compile();
  }
  void Match(std::string_view line, std::vector<int>* rules) const {
    at_start.Match(line, rules);
    anywhere.Match(line, rules);
  }
};

struct RuleSet::Impl {
  // Compiles the enabled rules; paths[i] locates rules[i] in its file for messages.
  Impl(std::vector<Rule> all, const std::vector<std::string>& paths);

  std::vector<Rule> rules;
  // Every pattern and keyword alternation of every rule, for short lines; lines longer than
  // kShortLine code points (paragraphs, mostly) cannot match the many rules limited to short
  // lines, so they go through the smaller sets of the others.
  static constexpr int kShortLine = 120;
  LengthTier all_rules, long_line_rules;
  // Keyword rules with min_hits > 1: their alternation, to count the different keywords a line
  // holds (only run on lines the set already flagged for that rule).
  struct HitCounter {
    std::unique_ptr<const RE2> keywords;
    // The most different keywords a line of ASCII text can hold, which spares counting when it
    // is below min_hits (a two-letter keyword flags most English lines). In ASCII text a keyword
    // matches only as an ASCII case variant of itself, so the ASCII keywords, lower-cased and
    // counted once, bound the count; a keyword with a CJK character never matches there (CJK
    // has no case variants). Any other keyword might (KELVIN SIGN matches k), and then there is
    // no bound.
    int ascii_bound = 0;
  };
  std::vector<HitCounter> counters;  // by rule index; empty when not needed
  std::unordered_map<std::string, int> detector_rule;
};

RuleSet::Impl::Impl(std::vector<Rule> all, const std::vector<std::string>& paths) {
  for (std::size_t i = 0; i < all.size(); ++i) {
    Rule& rule = all[i];
    if (!rule.enabled) continue;
    const int index = static_cast<int>(rules.size());
    auto add = [&](const std::string& pattern, const std::string& where) {
      const HeldPattern held(pattern);
      all_rules.Add(held, index, where, rule.id);
      if (rule.max_chars == 0 || rule.max_chars > kShortLine)
        long_line_rules.Add(held, index, where, rule.id);
    };
    for (std::size_t p = 0; p < rule.patterns.size(); ++p)
      add(rule.patterns[p], paths[i] + "/patterns/" + std::to_string(p));
    if (!rule.keywords.empty()) add(KeywordPattern(rule), paths[i] + "/keywords");
    counters.emplace_back();
    if (rule.min_hits > 1) {
      counters.back().keywords =
          std::make_unique<const RE2>(Alternation(rule.keywords), MatchOptions());
      counters.back().ascii_bound = AsciiBound(rule.keywords);
    }
    if (!rule.detector.empty()) detector_rule.emplace(rule.detector, index);
    rules.push_back(std::move(rule));
  }
  // The anchored set of the short-line tier takes most of the compile time (its whole-line
  // patterns, each several copies of a large Unicode class): it compiles on a thread of its own
  // while this one does the other three, so a process starts sooner. A compile error of either
  // is thrown here, the side thread's through its future.
  auto at_start = std::async(std::launch::async, [this] { all_rules.at_start.Compile(); });
  all_rules.anywhere.Compile();
  long_line_rules.Compile();
  at_start.get();
}

RuleSet::RuleSet(std::unique_ptr<Impl> impl)
    : impl_(std::move(impl)), number_(next_rule_set_number++) {}
RuleSet::~RuleSet() = default;

const std::vector<Rule>& RuleSet::rules() const { return impl_->rules; }

std::shared_ptr<const RuleSet> RuleSet::FromJsonText(std::string_view text, const std::string& where) {
  ParsedFile file = ParseFile(text, where);
  std::vector<Rule> rules;
  std::vector<std::string> paths;
  if (!file.extends) {
    rules = std::move(file.rules);
    paths = std::move(file.paths);
  } else {
    const std::vector<Rule>& defaults = Default()->rules();
    std::unordered_map<std::string, std::size_t> by_id;
    for (std::size_t i = 0; i < file.rules.size(); ++i) by_id[file.rules[i].id] = i;
    std::set<std::string> default_ids;
    for (const Rule& d : defaults) default_ids.insert(d.id);
    // Rules the file adds come first, so they take precedence over the defaults; rules that
    // override a default take its place.
    for (std::size_t i = 0; i < file.rules.size(); ++i) {
      if (default_ids.count(file.rules[i].id)) continue;
      rules.push_back(file.rules[i]);
      paths.push_back(file.paths[i]);
    }
    for (const Rule& d : defaults) {
      auto it = by_id.find(d.id);
      rules.push_back(it == by_id.end() ? d : file.rules[it->second]);
      paths.push_back(it == by_id.end() ? "default_rules.json" : file.paths[it->second]);
    }
  }
  return std::shared_ptr<const RuleSet>(new RuleSet(std::make_unique<Impl>(std::move(rules), paths)));
}

namespace {

// The number of different keywords of `re` (their alternation) in `line`, counted up to `enough`:
// the leftmost match, then the leftmost in what follows it, and so on. Asking for the whole match
// only keeps RE2 from extracting a group, and the matches are views into `line`, so a line costs
// its searches and no allocation.
int DistinctHits(const RE2& re, std::string_view line, int enough) {
  re2::StringPiece input(line.data(), line.size());
  re2::StringPiece found;
  // A handful of hits at most: a small linear list beats a set here.
  std::string_view seen[8];
  int n = 0;
  while (n < enough && n < 8 && re.Match(input, 0, input.size(), RE2::UNANCHORED, &found, 1)) {
    const std::string_view hit(found.data(), found.size());
    if (std::none_of(seen, seen + n,
                     [&](std::string_view s) { return EqualIgnoringAsciiCase(s, hit); }))
      seen[n++] = hit;
    if (found.empty()) break;
    input.remove_prefix(static_cast<std::size_t>(found.data() + found.size() - input.data()));
  }
  return n;
}

}  // namespace

// Menus, notices and list headers come back on every page of a site: their verdicts are
// remembered per thread.
void RuleSet::Match(std::string_view line, std::vector<int>* hits) const {
  thread_local internal::LineMemo<std::vector<int>> memo;
  memo.Recall(number_, line, hits, [&](std::vector<int>* out) { MatchUncached(line, out); });
}

void RuleSet::MatchUncached(std::string_view line, std::vector<int>* hits) const {
  hits->clear();
  thread_local std::vector<int> matched;
  matched.clear();
  const int chars = static_cast<int>(internal::CountCodePoints(line));
  (chars > Impl::kShortLine ? impl_->long_line_rules : impl_->all_rules).Match(line, &matched);
  for (int r : matched) {
    const Rule& rule = impl_->rules[r];
    if (rule.max_chars > 0 && chars > rule.max_chars) continue;
    if (rule.min_hits > 1) {
      const Impl::HitCounter& counter = impl_->counters[r];
      if (counter.ascii_bound < rule.min_hits && IsAscii(line)) continue;
      if (DistinctHits(*counter.keywords, line, rule.min_hits) < rule.min_hits) continue;
    }
    hits->push_back(r);
  }
  std::sort(hits->begin(), hits->end());
  hits->erase(std::unique(hits->begin(), hits->end()), hits->end());
}

int RuleSet::DetectorRule(std::string_view detector) const {
  auto it = impl_->detector_rule.find(std::string(detector));
  return it == impl_->detector_rule.end() ? -1 : it->second;
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

Json RuleToJson(const Rule& rule) {
  Json j = Json::object();
  j["id"] = rule.id;
  j["label"] = std::string(LabelName(rule.label));
  j["why"] = rule.why;
  j["langs"] = rule.langs;
  if (!rule.patterns.empty()) j["patterns"] = rule.patterns;
  if (!rule.keywords.empty()) j["keywords"] = rule.keywords;
  if (!rule.detector.empty()) j["detector"] = rule.detector;
  if (rule.max_chars) j["max_chars"] = rule.max_chars;
  if (rule.min_hits > 1) j["min_hits"] = rule.min_hits;
  if (rule.whole_line) j["whole_line"] = true;
  if (rule.skip_prose) j["skip_prose"] = true;
  if (rule.opens_block) j["opens_block"] = true;
  if (rule.in_text) j["in_text"] = true;
  if (rule.ends_article) j["ends_article"] = true;
  if (!rule.enabled) j["enabled"] = false;
  return j;
}

}  // namespace pith
