// Error types and per-record diagnostics.
//
// pith has two kinds of problems. Setup errors (bad flags, unreadable or invalid rules, an
// unknown stage, an output file that cannot be written) are thrown as one of the exceptions
// below; the tool maps each type to an exit status. Problems with one record (bad JSON on a line,
// invalid UTF-8, a missing field) are never thrown across a stage boundary: they travel as
// `Diagnostic` values, and the tool decides, by `--on-error`, whether the run goes on.
//
//   try { auto rules = pith::RuleSet::FromFile("rules.json"); }
//   catch (const pith::RuleError& e) { std::cerr << e.what(); }  // names the file and rule id
#pragma once

#include <stdexcept>
#include <string>

namespace pith {

// Root of every exception pith throws. what() always names the place: a file, file:line,
// a record id or a rule id.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Invalid options or configuration (flags, pipeline JSON, unknown stage name). Exit status 2.
class ConfigError : public Error {
 public:
  using Error::Error;
};

// A rule that cannot be loaded or compiled. Exit status 2.
class RuleError : public Error {
 public:
  // `where` is the file or JSON path, `rule_id` the rule's id (may be empty when unknown).
  RuleError(const std::string& where, const std::string& rule_id, const std::string& message)
      : Error(where + ": " + message + (rule_id.empty() ? "" : " (rule \"" + rule_id + "\")")),
        rule_id_(rule_id) {}
  const std::string& rule_id() const { return rule_id_; }

 private:
  std::string rule_id_;
};

// A file that cannot be opened, read or written. Exit status 3.
class InputError : public Error {
 public:
  using Error::Error;
};

// How bad a per-record problem is. kWarning: the record was processed (maybe repaired).
// kError: the record could not be processed; it is passed through or dropped per --on-error.
enum class Severity { kWarning, kError };

// One per-record problem. `where` is "file:line", "file" or "file: byte N"; `id` the record id
// when known.
struct Diagnostic {
  Severity severity = Severity::kWarning;
  std::string where;
  std::string id;
  std::string message;

  // "where: [id: ]message", the form every tool prints.
  std::string ToString() const {
    std::string s = where;
    if (!id.empty()) s += (s.empty() ? "" : ": ") + id;
    return s + (s.empty() ? "" : ": ") + message;
  }
};

}  // namespace pith
