#include "unbounded/GuardListener.h"

#include "unbounded/ResourceCounter.h"

#include <cstdlib>
#include <iostream>
#include <unistd.h>

namespace unbounded::guard {
namespace {

bool endsWith(const std::string &text, const std::string &suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// Strips the label set: "a_total{x=\"y\"}" -> "a_total".
std::string seriesName(const std::string &series) {
  return series.substr(0, series.find('{'));
}

std::string resultOf(const ::testing::TestInfo &test) {
  const ::testing::TestResult *result = test.result();
  if (result->Skipped())
    return "skipped";
  return result->Failed() ? "failed" : "passed";
}

/// Peaks and live counts as they are now; totals as the increase since \p
/// start.
ResourceCounts sinceStart(ResourceCounts now, const ResourceCounts &start) {
  now.threads_created -= start.threads_created;
  now.threads_rejected -= start.threads_rejected;
  now.sockets_opened -= start.sockets_opened;
  now.sockets_rejected -= start.sockets_rejected;
  now.connects_attempted -= start.connects_attempted;
  now.connects_failed -= start.connects_failed;
  return now;
}

std::string programName() {
  std::string path;
  char buffer[4096];
  const ssize_t length = readlink("/proc/self/exe", buffer, sizeof buffer - 1);
  if (length > 0)
    path.assign(buffer, static_cast<size_t>(length));
  return path;
}

} // namespace

GuardListener::GuardListener(GuardListenerOptions options)
    : options_(std::move(options)) {
  if (options_.reportPath.empty())
    if (const char *path = std::getenv("UNBOUNDED_GUARD_REPORT"))
      options_.reportPath = path;
  if (options_.ignoreFile.empty())
    if (const char *path = std::getenv("UNBOUNDED_GUARD_IGNORE_FILE"))
      options_.ignoreFile = path;
  if (!options_.ignoreFile.empty())
    options_.leaks.ignoreFile(options_.ignoreFile);
  options_.leaks.validate();
  if (options_.captureOrigins && interpositionActive() &&
      !std::getenv("UNBOUNDED_GUARD_ORIGINS"))
    setOriginCapture({true, true});
  report_.binary = programName();
}

std::map<std::string, double> GuardListener::rejectionSeries() const {
  std::map<std::string, double> result;
  if (options_.registry) {
    for (const auto &[series, value] : options_.registry->values()) {
      const std::string name = seriesName(series);
      if (endsWith(name, "_rejected_total") || endsWith(name, "_dropped_total"))
        result[series] = value;
    }
  }
  if (const std::optional<ResourceCounts> counts = resourceCounts()) {
    result["interposition:threads_rejected"] = double(counts->threads_rejected);
    result["interposition:sockets_rejected"] = double(counts->sockets_rejected);
  }
  return result;
}

void GuardListener::OnTestStart(const ::testing::TestInfo &) {
  resetPeaks();
  takeTestEvidence(); // records of an earlier test's helpers are not this
                      // test's
  countsAtStart_ = resourceCounts();
  rejectionsAtStart_ = rejectionSeries();
  baseline_ = ResourceSnapshot::take();
  startedAt_ = std::chrono::steady_clock::now();
}

void GuardListener::OnTestEnd(const ::testing::TestInfo &test) {
  TestGuardRecord record;
  record.name = std::string(test.test_suite_name()) + "." + test.name();
  record.durationMs = std::chrono::duration<double, std::milli>(
                          std::chrono::steady_clock::now() - startedAt_)
                          .count();
  record.leaks = findLeaks(baseline_, options_.leaks);
  record.limits = tightestLimitsSinceReset();
  record.interposition = interpositionActive();
  if (const std::optional<ResourceCounts> now = resourceCounts();
      now && countsAtStart_)
    record.counts = sinceStart(*now, *countsAtStart_);
  record.threadsAtStart = static_cast<int>(baseline_.threads.size());
  record.fdsAtStart = static_cast<int>(baseline_.fds.size());
  record.threadsAtEnd = liveThreadCount();
  record.fdsAtEnd = openFdCount();
  for (const auto &[series, value] : rejectionSeries()) {
    const auto before = rejectionsAtStart_.find(series);
    const double delta =
        value - (before == rejectionsAtStart_.end() ? 0.0 : before->second);
    if (delta != 0)
      record.rejections[series] = delta;
  }
  if (options_.registry)
    for (const auto &[series, value] : options_.registry->values())
      record.metricsExported.push_back(series);
  record.evidence = takeTestEvidence();
  if (!record.leaks.empty() && options_.failOnLeak)
    ADD_FAILURE_AT(test.file(), test.line())
        << "unbounded-guard: " << record.name << " leaked:\n"
        << record.leaks.describe();
  record.result = resultOf(test);
  report_.tests.push_back(std::move(record));
}

void GuardListener::OnTestProgramEnd(const ::testing::UnitTest &) {
  report_.ignoreRules = options_.leaks.ignoreRules;
  for (const IgnoreRule &rule : staleRules(report_.ignoreRules))
    std::cerr << "unbounded-guard: ignore rule '" << rule.describe() << "' ("
              << rule.source << ") never matched: remove it or fix its name\n";
  if (options_.reportPath.empty())
    return;
  try {
    report_.write(options_.reportPath);
  } catch (const std::exception &error) {
    std::cerr << "unbounded-guard: " << error.what() << '\n';
  }
}

GuardListener &installGuardListener(GuardListenerOptions options) {
  auto *listener = new GuardListener(std::move(options));
  ::testing::UnitTest::GetInstance()->listeners().Append(listener);
  return *listener;
}

int runAllTestsWithLeakCheck(const LeakOptions &options,
                             GuardListener *listener) {
  const ResourceSnapshot baseline = ResourceSnapshot::take();
  const int result = RUN_ALL_TESTS();
  const Leaks leaks = findLeaks(baseline, options);
  if (listener) {
    listener->report().binaryLeaks = leaks;
    listener->report().ignoreRules = listener->leakOptions().ignoreRules;
    if (!listener->reportPath().empty())
      listener->report().write(
          listener->reportPath()); // again, now with binary_leaks
  }
  if (leaks.empty())
    return result;
  std::cerr << "unbounded-guard: the test binary leaked:\n" << leaks.describe();
  return 1;
}

} // namespace unbounded::guard
