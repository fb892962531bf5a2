#include "unbounded/LoadTest.h"

#include "LoopbackHttp.h"

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

namespace unbounded::guard {
namespace {

using Clock = std::chrono::steady_clock;

/// The share of the target rate a run must achieve to count as run at it.
constexpr double kKeptUpShare = 0.95;

double percentile(std::vector<double> &sorted, double p) {
  if (sorted.empty())
    return 0;
  const size_t rank = size_t(std::ceil(p * double(sorted.size())));
  return sorted[std::min(sorted.size(), std::max<size_t>(rank, 1)) - 1];
}

std::string rate(double value) {
  std::ostringstream out;
  out.precision(value < 100 ? 3 : 6);
  out << value;
  return out.str();
}

/// Counts shared by the sender threads.
struct Tally {
  std::mutex mutex;
  std::vector<double> latenciesMs;
  uint64_t ok = 0, errors = 0, rejections = 0;
  Clock::time_point firstIssued = Clock::time_point::max();
  Clock::time_point lastIssued = Clock::time_point::min();

  void add(Outcome outcome, double latencyMs, Clock::time_point issued) {
    std::lock_guard<std::mutex> lock(mutex);
    firstIssued = std::min(firstIssued, issued);
    latenciesMs.push_back(latencyMs);
    ok += outcome == Outcome::Ok;
    errors += outcome == Outcome::Error;
    rejections += outcome == Outcome::Rejected;
    lastIssued = std::max(lastIssued, issued);
  }
};

Outcome callSafely(const std::function<Outcome()> &call) {
  try {
    return call();
  } catch (...) {
    return Outcome::Error;
  }
}

} // namespace

LoadTest::LoadTest(LoadTestOptions options) : options_(std::move(options)) {
  if (!(options_.declaredPeakRps > 0) || !(options_.factor > 0))
    throw std::invalid_argument(
        "LoadTest: declaredPeakRps and factor must be positive");
  if (options_.duration <= std::chrono::milliseconds(0) ||
      options_.duration > std::chrono::seconds(60))
    throw std::invalid_argument("LoadTest: duration must be within (0, 60 s]");
  if (options_.senders < 1 || options_.senders > 256)
    throw std::invalid_argument("LoadTest: senders must be within 1..256");
  if (options_.maxRequests == 0)
    throw std::invalid_argument("LoadTest: maxRequests must be positive");
}

void LoadTest::stop() { stopping_ = true; }

void LoadTest::noteQueueDepth(int64_t depth) {
  int64_t seen = queuePeak_.load();
  while (depth > seen && !queuePeak_.compare_exchange_weak(seen, depth)) {
  }
}

LoadTestRecord LoadTest::run(const std::function<Outcome()> &call) {
  LoadTestRecord record;
  record.name = options_.name;
  record.declaredPeakRps = options_.declaredPeakRps;
  record.targetRps = options_.declaredPeakRps * options_.factor;
  record.limits = options_.limits;
  const double seconds =
      std::chrono::duration<double>(options_.duration).count();
  const uint64_t planned = std::min<uint64_t>(
      options_.maxRequests, uint64_t(std::llround(record.targetRps * seconds)));
  const std::chrono::duration<double> interval(1.0 / record.targetRps);

  Tally tally;
  std::atomic<uint64_t> next{0};
  PeakSampler sampler;
  const Clock::time_point start = Clock::now();
  std::vector<std::thread> senders;
  for (int i = 0; i < options_.senders; ++i)
    senders.emplace_back([&] {
      for (uint64_t n = next++; n < planned && !stopping_; n = next++) {
        const auto due = start + std::chrono::duration_cast<Clock::duration>(
                                     interval * double(n));
        std::this_thread::sleep_until(due);
        if (stopping_)
          return;
        const Clock::time_point issued = Clock::now();
        const Outcome outcome = callSafely(call);
        const double latency =
            std::chrono::duration<double, std::milli>(Clock::now() - due)
                .count();
        tally.add(outcome, latency, issued);
      }
    });
  for (std::thread &sender : senders)
    sender.join();
  const Clock::time_point end = Clock::now();
  record.peaks = sampler.stop(options_.senders);
  record.peaks.queueDepth = queuePeak_.load();
  record.stopped = stopping_;

  record.requests = tally.latenciesMs.size();
  record.ok = tally.ok;
  record.errors = tally.errors;
  record.rejections = tally.rejections;
  record.durationS = std::chrono::duration<double>(end - start).count();
  // The rate requests were actually issued at, between the first and the
  // last (both wake up a little late, which cancels out).
  const double issuing =
      std::chrono::duration<double>(tally.lastIssued - tally.firstIssued)
          .count();
  record.achievedRps = record.requests > 1 && issuing > 0
                           ? double(record.requests - 1) / issuing
                           : 0;
  std::sort(tally.latenciesMs.begin(), tally.latenciesMs.end());
  record.p50Ms = percentile(tally.latenciesMs, 0.50);
  record.p99Ms = percentile(tally.latenciesMs, 0.99);

  const std::string exceeded = exceededLimit(record.peaks, record.limits);
  // The generator must have delivered the target rate, give or take the
  // timer's jitter, or the record does not show the service at that rate.
  const bool keptUp = record.achievedRps >= kKeptUpShare * record.targetRps;
  record.passed = exceeded.empty() && record.errors == 0 && !record.stopped &&
                  record.requests > 1 && keptUp;
  if (!exceeded.empty())
    record.verdict = "grew beyond its limits: " + exceeded;
  else if (record.errors)
    record.verdict = std::to_string(record.errors) + " of " +
                     std::to_string(record.requests) +
                     " requests failed instead of being rejected";
  else if (record.stopped)
    record.verdict = "stopped early";
  else if (record.requests <= 1)
    record.verdict = "too few requests were issued";
  else if (!keptUp)
    record.verdict =
        "the load generator fell behind: " + rate(record.achievedRps) + " of " +
        rate(record.targetRps) + " req/s";
  else
    record.verdict = "within limits at " + rate(record.achievedRps) +
                     " req/s, " + std::to_string(record.rejections) +
                     " rejected";
  recordEvidence(record);
  return record;
}

std::function<Outcome()> httpTarget(const std::string &host, int port,
                                    const std::string &method,
                                    const std::string &path,
                                    std::chrono::milliseconds timeout) {
  if (!detail::isLoopbackHost(host))
    throw std::invalid_argument("httpTarget: refusing non-loopback host " +
                                host);
  return [=] {
    const detail::HttpResult result =
        detail::loopbackRequest(host, port, method, path, timeout);
    if (result.status >= 200 && result.status < 300)
      return Outcome::Ok;
    if (result.status == 429 || result.status == 503)
      return Outcome::Rejected;
    return Outcome::Error;
  };
}

} // namespace unbounded::guard
