#ifndef UNBOUNDED_GUARDREPORT_H
#define UNBOUNDED_GUARDREPORT_H

/// \file
/// GuardReport: the JSON evidence the GoogleTest adapter writes for the
/// checklist report (`unbounded-tidy --guard-report`). Schema
/// "unbounded-guard-report", version kGuardReportVersion; documented in
/// docs/guard.md, "The guard report".

#include "unbounded/LeakCheck.h"
#include "unbounded/ResourceCounter.h"
#include "unbounded/TestEvidence.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace unbounded::guard {

/// 2: tests' load_tests, chaos_tests and scrapes; leaks' origins and the
/// ignore rules.
inline constexpr int kGuardReportVersion = 2;

/// What the guard saw during one test.
struct TestGuardRecord {
  std::string name;   ///< "Suite.Test"
  std::string result; ///< "passed", "failed" or "skipped"
  double durationMs = 0;
  ResourceLimits limits;      ///< the tightest in force during the test
  bool interposition = false; ///< exact counts available
  std::optional<ResourceCounts>
      counts; ///< peaks since test start; totals as deltas
  int threadsAtStart = 0;
  int threadsAtEnd = 0;
  int fdsAtStart = 0;
  int fdsAtEnd = 0;
  Leaks leaks;
  /// Increase of every *_rejected_total and *_dropped_total series, plus the
  /// interposition library's refusals, during the test (only non-zero ones).
  std::map<std::string, double> rejections;
  /// Series registered in the registry at the end of the test.
  std::vector<std::string> metricsExported;
  /// Load tests, chaos scenarios and /metrics scrapes run by the test (version
  /// 2).
  TestEvidence evidence;
};

struct GuardReport {
  std::string binary;
  std::vector<TestGuardRecord> tests;
  /// Set by whole-binary mode (runAllTestsWithLeakCheck).
  std::optional<Leaks> binaryLeaks;
  /// The ignore rules in force, with their match counts (0: stale).
  std::vector<IgnoreRule> ignoreRules;

  std::string toJson() const;
  /// Throws std::runtime_error when the file cannot be written.
  void write(const std::string &path) const;
};

/// JSON string literal for \p text (quotes included).
std::string jsonQuote(const std::string &text);

} // namespace unbounded::guard

#endif
