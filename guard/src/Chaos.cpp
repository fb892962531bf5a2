#include "unbounded/Chaos.h"

#include <dlfcn.h>
#include <mutex>
#include <stdexcept>

namespace unbounded::guard {
namespace {

using SetFault = int (*)(const char *, int, int, int64_t);
using ClearFault = uint64_t (*)(int);

template <typename Function> Function lookup(const char *name) {
  return reinterpret_cast<Function>(dlsym(RTLD_DEFAULT, name));
}

/// The interposition library's mode numbers.
int modeOf(Fault fault) {
  switch (fault) {
  case Fault::Refuse:
    return 1;
  case Fault::Timeout:
    return 2;
  case Fault::Latency:
    return 3;
  case Fault::Reset:
    break;
  }
  return 4;
}

std::mutex surfacedMutex;

} // namespace

const char *faultName(Fault fault) {
  switch (fault) {
  case Fault::Refuse:
    return "refuse";
  case Fault::Timeout:
    return "timeout";
  case Fault::Latency:
    return "latency";
  case Fault::Reset:
    break;
  }
  return "reset";
}

ChaosTest::ChaosTest(ChaosOptions options) : options_(std::move(options)) {
  const auto set = lookup<SetFault>("unbounded_guard_set_fault");
  if (!set)
    throw std::logic_error(
        "unbounded-guard: chaos faults need the interposition library "
        "(link unbounded::guard_interpose or LD_PRELOAD it)");
  if (options_.downstream.empty())
    throw std::invalid_argument("ChaosTest: the downstream needs a name");
  if (options_.delay < std::chrono::milliseconds(0) ||
      options_.delay > std::chrono::seconds(10))
    throw std::invalid_argument("ChaosTest: delay must be within [0, 10 s]");
  slot_ = set(options_.host.c_str(), options_.port, modeOf(options_.fault),
              options_.delay.count());
  if (slot_ < 0)
    throw std::invalid_argument(
        "ChaosTest: cannot fault " + options_.host + ":" +
        std::to_string(options_.port) +
        " (a numeric address and port are needed; at most 8 faults)");
}

ChaosTest::~ChaosTest() {
  if (!finished_)
    if (const auto clear = lookup<ClearFault>("unbounded_guard_clear_fault"))
      clear(slot_);
}

void ChaosTest::surfaced(const std::string &how) {
  std::lock_guard<std::mutex> lock(surfacedMutex);
  if (surfaced_.empty())
    surfaced_ = how.empty() ? "yes" : how;
}

void ChaosTest::noteQueueDepth(int64_t depth) {
  int64_t seen = queuePeak_.load();
  while (depth > seen && !queuePeak_.compare_exchange_weak(seen, depth)) {
  }
}

ChaosRecord ChaosTest::finish() {
  if (finished_)
    throw std::logic_error("ChaosTest: finish() called twice");
  finished_ = true;
  ChaosRecord record;
  record.downstream = options_.downstream;
  record.address = options_.host + ":" + std::to_string(options_.port);
  record.fault = faultName(options_.fault);
  record.delayMs = options_.delay.count();
  record.limits = options_.limits;
  record.connectsFaulted =
      lookup<ClearFault>("unbounded_guard_clear_fault")(slot_);
  record.peaks = sampler_.stop();
  record.peaks.queueDepth = queuePeak_.load();
  {
    std::lock_guard<std::mutex> lock(surfacedMutex);
    record.surfaced = surfaced_;
  }
  const std::string exceeded = exceededLimit(record.peaks, record.limits);
  record.passed = exceeded.empty() && !record.surfaced.empty() &&
                  record.connectsFaulted > 0;
  if (!exceeded.empty())
    record.verdict = "grew beyond its limits: " + exceeded;
  else if (record.connectsFaulted == 0)
    record.verdict = "no connect reached " + record.address +
                     ": the fault was never exercised";
  else if (record.surfaced.empty())
    record.verdict = "the failure did not surface";
  else
    record.verdict = "bounded; surfaced as " + record.surfaced;
  recordEvidence(record);
  return record;
}

} // namespace unbounded::guard
