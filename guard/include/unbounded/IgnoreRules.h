#ifndef UNBOUNDED_IGNORERULES_H
#define UNBOUNDED_IGNORERULES_H

/// \file
/// Ignore rules on leak origins, goleak's IgnoreTopFunction and
/// IgnoreAnyFunction: a leaked thread whose start routine, or a leak with
/// any frame of its creation stack, named by the rule is not a leak. Rules
/// come from code (LeakOptions) or from an ignore file shared by a project's
/// tests; each counts its matches so that rules which never match can be
/// reported as stale.

#include <atomic>
#include <memory>
#include <string>
#include <vector>

namespace unbounded::guard {

/// One rule: a kind and a function name, exact or a pattern with '*'.
struct IgnoreRule {
  enum class Kind { StartRoutine, AnyFunction };

  Kind kind = Kind::AnyFunction;
  std::string pattern; ///< "orders::worker" or "grpc::*"
  std::string source;  ///< "ignore.txt:3", or "code"
  /// Shared by copies of the rule, so a rule copied into several checks
  /// counts every match.
  std::shared_ptr<std::atomic<long>> matches =
      std::make_shared<std::atomic<long>>(0);

  /// \p function equals the pattern, or matches it with '*' standing for
  /// any text (including none).
  bool matchesFunction(const std::string &function) const;
  /// "start-routine: orders::worker", the form of the ignore file.
  std::string describe() const;
};

/// "start-routine" or "any-function".
const char *ignoreRuleKindName(IgnoreRule::Kind kind);

/// Parses an ignore file's text: one rule per line, "start-routine: <name>"
/// or "any-function: <name>"; blank lines and lines starting with '#' are
/// skipped. Throws std::invalid_argument naming \p source and the line.
std::vector<IgnoreRule> parseIgnoreRules(const std::string &text,
                                         const std::string &source);

/// Reads and parses an ignore file; throws std::invalid_argument when it
/// cannot be read or is malformed.
std::vector<IgnoreRule> readIgnoreFile(const std::string &path);

/// Rules that never matched.
std::vector<IgnoreRule> staleRules(const std::vector<IgnoreRule> &rules);

} // namespace unbounded::guard

#endif
