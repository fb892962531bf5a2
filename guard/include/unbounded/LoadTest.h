#ifndef UNBOUNDED_LOADTEST_H
#define UNBOUNDED_LOADTEST_H

/// \file
/// LoadTest: drives a callable or a loopback HTTP endpoint open-loop at the
/// declared expected peak times a factor (2) for a bounded duration, and
/// records achieved rate, latency percentiles, errors, rejections and
/// resource peaks against declared limits in the guard report.

#include "unbounded/TestEvidence.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

namespace unbounded::guard {

/// What one request came to.
enum class Outcome { Ok, Rejected, Error };

struct LoadTestOptions {
  std::string name;           ///< what is driven, for the report
  double declaredPeakRps = 0; ///< the expected peak; must be > 0
  double factor = 2;          ///< the target rate is declaredPeakRps x factor
  std::chrono::milliseconds duration{1000}; ///< at most 60 s
  uint64_t maxRequests = 100000;            ///< hard cap on requests issued
  int senders = 8;       ///< client threads (1..256) issuing the requests
  DeclaredLimits limits; ///< judged against the peaks
};

/// One run per object. Request i is due at start + i / target rate whether
/// or not earlier ones finished (open loop); its latency is measured from
/// when it was due, so a stalled service shows in p99 instead of slowing the
/// load down. It passes when the requests went out at no less than 95% of
/// the target rate (the rest is timer jitter), no request ended in an error
/// and every peak stayed within its limit: excess load must be rejected,
/// not absorbed.
class LoadTest {
public:
  /// Throws std::invalid_argument for options out of range.
  explicit LoadTest(LoadTestOptions options);

  /// Runs, records the LoadTestRecord in the current test's evidence and
  /// returns it. A call that throws counts as an error.
  LoadTestRecord run(const std::function<Outcome()> &call);

  /// Ends a run early (from any thread); the record says it was stopped.
  void stop();

  /// The service's queue depth as the test sees it; the peak is recorded
  /// and judged against limits.maxQueueDepth.
  void noteQueueDepth(int64_t depth);

private:
  LoadTestOptions options_;
  std::atomic<bool> stopping_{false};
  std::atomic<int64_t> queuePeak_{-1};
};

/// A loopback HTTP target for LoadTest::run: 2xx is Ok, 429 and 503 are
/// Rejected, anything else (and no answer within \p timeout) is an Error.
/// Non-loopback hosts are refused with std::invalid_argument.
std::function<Outcome()>
httpTarget(const std::string &host, int port, const std::string &method,
           const std::string &path,
           std::chrono::milliseconds timeout = std::chrono::seconds(1));

} // namespace unbounded::guard

#endif
