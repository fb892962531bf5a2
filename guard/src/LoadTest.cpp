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
  Clock::time_point lastIssued;

  void add(Outcome outcome, double latencyMs, Clock::time_point issued) {
    std::lock_guard<std::mutex> lock(mutex);
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
    throw std::invalid_argument("LoadTest: declaredPeakRps and factor must be positive");
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
  const double seconds = std::chrono::duration<double>(options_.duration).count();
  const uint64_t planned =
      std::min<uint64_t>(options_.maxRequests, uint64_t(std::llround(record.targetRps * seconds)));
  const std::chrono::duration<double> interval(1.0 / record.targetRps);

  Tally tally;
  std::atomic<uint64_t> next{0};
  PeakSampler sampler;
  const Clock::time_point start = Clock::now();
  tally.lastIssued = start;
  std::vector<std::thread> senders;
  for (int i = 0; i < options_.senders; ++i)
    senders.emplace_back([&] {
      for (uint64_t n = next++; n < planned && !stopping_; n = next++) {
        const auto due = start + std::chrono::duration_cast<Clock::duration>(interval * double(n));
        std::this_thread::sleep_until(due);
        if (stopping_)
          return;
        const Outcome outcome = callSafely(call);
        const double latency =
            std::chrono::duration<double, std::milli>(Clock::now() - due).count();
        tally.add(outcome, latency, std::max(due, start));
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
  // The rate requests were issued at: the open loop's, one interval per request.
  const double issuing =
      std::chrono::duration<double>(tally.lastIssued - start).count() + interval.count();
  record.achievedRps = record.requests ? double(record.requests) / issuing : 0;
  std::sort(tally.latenciesMs.begin(), tally.latenciesMs.end());
  record.p50Ms = percentile(tally.latenciesMs, 0.50);
  record.p99Ms = percentile(tally.latenciesMs, 0.99);

  const std::string exceeded = exceededLimit(record.peaks, record.limits);
  record.passed = exceeded.empty() && record.errors == 0 && !record.stopped && record.requests > 0;
  if (!exceeded.empty())
    record.verdict = "grew beyond its limits: " + exceeded;
  else if (record.errors)
    record.verdict = std::to_string(record.errors) + " of " + std::to_string(record.requests) +
                     " requests failed instead of being rejected";
  else if (record.stopped)
    record.verdict = "stopped early";
  else if (!record.requests)
    record.verdict = "no request was issued";
  else
    record.verdict = "within limits at " + rate(record.achievedRps) + " req/s, " +
                     std::to_string(record.rejections) + " rejected";
  recordEvidence(record);
  return record;
}

std::function<Outcome()> httpTarget(const std::string &host, int port, const std::string &method,
                                    const std::string &path, std::chrono::milliseconds timeout) {
  if (!detail::isLoopbackHost(host))
    throw std::invalid_argument("httpTarget: refusing non-loopback host " + host);
  return [=] {
    const detail::HttpResult result = detail::loopbackRequest(host, port, method, path, timeout);
    if (result.status >= 200 && result.status < 300)
      return Outcome::Ok;
    if (result.status == 429 || result.status == 503)
      return Outcome::Rejected;
    return Outcome::Error;
  };
}

} // namespace unbounded::guard
