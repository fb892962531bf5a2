#ifndef UNBOUNDED_GUARDLISTENER_H
#define UNBOUNDED_GUARDLISTENER_H

/// \file
/// The GoogleTest adapter (unbounded::guard_gtest): a TestEventListener that
/// leak-checks every test and charges leaks to that test, whole-binary mode
/// in the manner of goleak's VerifyTestMain, and the JSON guard report.

#include "unbounded/GuardReport.h"
#include "unbounded/LeakCheck.h"
#include "unbounded/Metrics.h"

#include <chrono>
#include <gtest/gtest.h>
#include <string>

namespace unbounded::guard {

struct GuardListenerOptions {
  LeakOptions leaks;
  /// Add a test failure for each test that leaks; false only records it.
  bool failOnLeak = true;
  /// Where to write the JSON guard report at the end; empty: the environment
  /// variable UNBOUNDED_GUARD_REPORT, and if that is unset too, no report.
  std::string reportPath;
  /// Registry whose rejected/dropped totals and series the report records.
  MetricsRegistry *registry = &MetricsRegistry::global();
  /// An ignore file whose rules are added to leaks.ignoreRules; empty: the
  /// environment variable UNBOUNDED_GUARD_IGNORE_FILE, and if that is unset
  /// too, none.
  std::string ignoreFile;
  /// Record the creation stacks of threads and descriptors (with the
  /// interposition library), unless UNBOUNDED_GUARD_ORIGINS says otherwise.
  bool captureOrigins = true;
};

/// Snapshots in OnTestStart and compares in OnTestEnd. GoogleTest calls
/// OnTestEnd of later-appended listeners first, so the failure lands in the
/// test before the default printer reports it. At the end it names the
/// ignore rules that never matched. The constructor throws
/// std::invalid_argument for an unreadable or malformed ignore file.
class GuardListener : public ::testing::EmptyTestEventListener {
public:
  explicit GuardListener(GuardListenerOptions options = {});

  void OnTestStart(const ::testing::TestInfo &test) override;
  void OnTestEnd(const ::testing::TestInfo &test) override;
  void OnTestProgramEnd(const ::testing::UnitTest &unit) override;

  const GuardReport &report() const { return report_; }
  GuardReport &report() { return report_; }
  /// The leak options in force, ignore-file rules included.
  const LeakOptions &leakOptions() const { return options_.leaks; }
  /// The path the report goes to ("" for none).
  const std::string &reportPath() const { return options_.reportPath; }

private:
  std::map<std::string, double> rejectionSeries() const;

  GuardListenerOptions options_;
  ResourceSnapshot baseline_;
  std::optional<ResourceCounts> countsAtStart_;
  std::map<std::string, double> rejectionsAtStart_;
  std::chrono::steady_clock::time_point startedAt_;
  GuardReport report_;
};

/// Appends a GuardListener to GoogleTest's listeners (which own it) and
/// returns it. Call after InitGoogleTest, before RUN_ALL_TESTS.
GuardListener &installGuardListener(GuardListenerOptions options = {});

/// Whole-binary mode: baseline, RUN_ALL_TESTS(), then one leak check for the
/// whole binary. Returns RUN_ALL_TESTS()'s result, or 1 when something leaked
/// (described on stderr and added to the report of \p listener if given).
int runAllTestsWithLeakCheck(const LeakOptions &options = {},
                             GuardListener *listener = nullptr);

} // namespace unbounded::guard

#endif
