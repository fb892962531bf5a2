#ifndef UNBOUNDED_TESTEVIDENCE_H
#define UNBOUNDED_TESTEVIDENCE_H

/// \file
/// What the load-test, chaos and scrape helpers observed during one test:
/// records kept until the GoogleTest adapter moves them into that test's
/// entry of the guard report (load_tests, chaos_tests, scrapes).

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace unbounded::guard {

/// Resource ceilings a load or chaos test is judged against; negative means
/// not declared (not judged).
struct DeclaredLimits {
  int64_t maxThreads = -1;
  int64_t maxFds = -1;
  int64_t maxRssBytes = -1;
  int64_t maxQueueDepth = -1;
};

/// Peaks seen while a helper ran (the helper's own threads excluded).
struct ObservedPeaks {
  int64_t threads = 0;
  int64_t fds = 0;
  int64_t rssBytes = 0;
  int64_t queueDepth = -1; ///< -1: never reported by the test
};

/// One open-loop load test (LoadTest.h).
struct LoadTestRecord {
  std::string name; ///< what was driven ("POST /orders")
  double declaredPeakRps = 0;
  double targetRps = 0; ///< declaredPeakRps x the factor (2 by default)
  double durationS = 0; ///< as run (shorter when stopped)
  double achievedRps =
      0; ///< (requests - 1) / time from the first to the last issue
  uint64_t requests = 0, ok = 0, errors = 0, rejections = 0;
  double p50Ms = 0, p99Ms = 0; ///< from each request's scheduled start
  DeclaredLimits limits;
  ObservedPeaks peaks;
  bool stopped = false; ///< ended early by LoadTest::stop()
  bool passed = false;
  std::string verdict; ///< why it passed or failed, one line
};

/// One downstream-failure scenario (Chaos.h).
struct ChaosRecord {
  std::string downstream; ///< the declared name ("inventory")
  std::string address;    ///< host:port the fault applied to
  std::string fault;      ///< refuse, timeout, latency or reset
  int64_t delayMs = 0;
  uint64_t connectsFaulted = 0; ///< connects the fault acted on
  DeclaredLimits limits;
  ObservedPeaks peaks;
  std::string surfaced; ///< how the failure became visible; empty: it did not
  bool passed = false;
  std::string verdict;
};

/// One scrape of a /metrics endpoint (MetricsText.h).
struct ScrapeRecord {
  std::string url;
  std::vector<std::string> families; ///< metric family names, sorted
  std::string error; ///< empty when the scrape and parse succeeded
};

/// Everything recorded since the last takeTestEvidence().
struct TestEvidence {
  std::vector<LoadTestRecord> loadTests;
  std::vector<ChaosRecord> chaosTests;
  std::vector<ScrapeRecord> scrapes;
};

/// Thread-safe; the helpers call these themselves.
void recordEvidence(LoadTestRecord record);
void recordEvidence(ChaosRecord record);
void recordEvidence(ScrapeRecord record);

/// Returns and clears the records (the adapter calls it at test start and end).
TestEvidence takeTestEvidence();

/// Peaks of threads, descriptors and RSS sampled on a thread of its own
/// (every millisecond) from /proc, and exact thread peaks from the
/// interposition library when it is loaded (whose peaks it restarts). Its
/// own thread is not counted.
class PeakSampler {
public:
  PeakSampler();
  ~PeakSampler();
  PeakSampler(const PeakSampler &) = delete;
  PeakSampler &operator=(const PeakSampler &) = delete;

  /// Stops sampling; \p excludedThreads (a caller's own helper threads) are
  /// subtracted from the thread peak.
  ObservedPeaks stop(int64_t excludedThreads = 0);

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Resident set size of this process now, in bytes.
int64_t residentBytes();

/// The first limit a peak exceeds ("threads 40 > 16"), or "" when all hold.
std::string exceededLimit(const ObservedPeaks &peaks,
                          const DeclaredLimits &limits);

} // namespace unbounded::guard

#endif
