//===- AlertRules.h - the project's Prometheus alerting rules ---*- C++ -*-===//
///
/// \file
/// Evidence for the Alerting items: Prometheus rule files (the format
/// `promtool check rules` accepts), read with LLVM's YAML parser. An item
/// is satisfied by an alerting rule whose expression compares series of the
/// item's metric families (catalogue) with a threshold. docs/checklist.md.
///
//===----------------------------------------------------------------------===//
#ifndef UNBOUNDED_DRIVER_ALERTRULES_H
#define UNBOUNDED_DRIVER_ALERTRULES_H

#include "MetricFamilies.h"

#include "llvm/Support/Error.h"
#include <map>
#include <string>
#include <vector>

namespace unbounded::driver {

/// One alerting rule.
struct AlertRule {
  std::string Name, Expr, File;
  unsigned Line = 0; ///< of its `alert:` key
};

/// Every rule file given, and their alerting rules in file order.
struct AlertRules {
  std::vector<std::string> Files;
  std::vector<AlertRule> Alerts;
};

/// What an expression selects and whether it compares: the facts the
/// Alerting items are judged on.
struct ExprFacts {
  struct Selector {
    std::string Text;    ///< `name` or `name{labels}` as written
    bool InRate = false; ///< inside rate(), irate() or increase()
  };
  std::vector<Selector> Selectors;
  bool Compares = false; ///< a comparison operator outside label matchers
};

/// Lexes a PromQL expression far enough to know its selectors and
/// comparisons; fails on unbalanced brackets or unterminated strings.
llvm::Expected<ExprFacts> analyzeExpr(llvm::StringRef Expr);

/// Parses one rule file (Name is used in messages) into Into, rejecting
/// what promtool rejects: YAML errors, unknown fields, groups without a
/// unique name, rules without exactly one of alert/record, a missing or
/// empty expr, bad durations, fields recording rules may not have.
/// Messages are `Name:line: what`.
llvm::Error parseRuleFile(llvm::StringRef Text, llvm::StringRef Name,
                          AlertRules &Into);

/// Reads each path: a rule file, or a directory's *.yml and *.yaml files
/// (sorted, not recursive).
llvm::Expected<AlertRules>
readAlertRules(const std::vector<std::string> &Paths);

/// The alerts whose expression satisfies Item under Families.
std::vector<const AlertRule *> alertsFor(const ChecklistItem &Item,
                                         const AlertRules &Rules,
                                         const MetricFamilies &Families);

/// The Alerting items judged on the rule files given.
struct AlertEvidence {
  std::vector<std::string> Files; ///< rule files read
  size_t Alerts = 0;              ///< alerting rules in them
  /// Each Alerting item's id, with the alerts that satisfy it (maybe none).
  std::map<std::string, std::vector<AlertRule>> ByItem;
};

AlertEvidence judgeAlerts(const AlertRules &Rules,
                          const MetricFamilies &Families);

} // namespace unbounded::driver

#endif
