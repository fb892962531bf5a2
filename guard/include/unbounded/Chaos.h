#ifndef UNBOUNDED_CHAOS_H
#define UNBOUNDED_CHAOS_H

/// \file
/// ChaosTest: for the scope of a test, make one named downstream (host:port)
/// refuse connections, time out, answer late or reset its connections,
/// through the interposition library; then record whether threads,
/// descriptors and queue depth stayed bounded and the failure surfaced.

#include "unbounded/TestEvidence.h"

#include <atomic>
#include <chrono>
#include <string>

namespace unbounded::guard {

enum class Fault {
  Refuse,  ///< connect fails with ECONNREFUSED
  Timeout, ///< connect waits `delay`, then fails with ETIMEDOUT
  Latency, ///< connect waits `delay`, then proceeds
  Reset, ///< connect succeeds; every read and write then fails with ECONNRESET
};

/// "refuse", "timeout", "latency" or "reset".
const char *faultName(Fault fault);

struct ChaosOptions {
  std::string downstream; ///< its declared name ("inventory"), for the report
  std::string host = "127.0.0.1"; ///< a numeric IPv4 or IPv6 address
  int port = 0;
  Fault fault = Fault::Refuse;
  std::chrono::milliseconds delay{
      100}; ///< for Timeout and Latency; at most 10 s
  DeclaredLimits limits;
};

/// Installs the fault when constructed (std::logic_error without the
/// interposition library, std::invalid_argument for bad options) and removes
/// it in finish() or the destructor. Call surfaced() when the code under
/// test made the failure visible (an error returned, a breaker opened).
class ChaosTest {
public:
  explicit ChaosTest(ChaosOptions options);
  ~ChaosTest();
  ChaosTest(const ChaosTest &) = delete;
  ChaosTest &operator=(const ChaosTest &) = delete;

  /// How the failure became visible ("503 from GET /stock", "breaker open").
  void surfaced(const std::string &how);
  /// The queue depth the test observed; its peak is judged.
  void noteQueueDepth(int64_t depth);

  /// Removes the fault, records the ChaosRecord and returns it. It passes
  /// when the failure surfaced, the fault acted on at least one connect and
  /// every peak stayed within its limit.
  ChaosRecord finish();

private:
  ChaosOptions options_;
  int slot_ = -1;
  std::string surfaced_;
  std::atomic<int64_t> queuePeak_{-1};
  PeakSampler sampler_;
  bool finished_ = false;
};

} // namespace unbounded::guard

#endif
