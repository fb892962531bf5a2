#include "unbounded/TestEvidence.h"

#include "unbounded/LeakCheck.h"
#include "unbounded/ResourceCounter.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <fstream>
#include <mutex>
#include <thread>
#include <unistd.h>

namespace unbounded::guard {
namespace {

std::mutex evidenceMutex;
TestEvidence &pending() {
  static TestEvidence evidence;
  return evidence;
}

template <typename Record>
void append(std::vector<Record> TestEvidence::*list, Record record) {
  std::lock_guard<std::mutex> lock(evidenceMutex);
  (pending().*list).push_back(std::move(record));
}

} // namespace

void recordEvidence(LoadTestRecord record) {
  append(&TestEvidence::loadTests, std::move(record));
}
void recordEvidence(ChaosRecord record) {
  append(&TestEvidence::chaosTests, std::move(record));
}
void recordEvidence(ScrapeRecord record) {
  append(&TestEvidence::scrapes, std::move(record));
}

TestEvidence takeTestEvidence() {
  std::lock_guard<std::mutex> lock(evidenceMutex);
  TestEvidence taken = std::move(pending());
  pending() = {};
  return taken;
}

int64_t residentBytes() {
  std::ifstream statm("/proc/self/statm");
  int64_t size = 0, resident = 0;
  statm >> size >> resident;
  return resident * sysconf(_SC_PAGESIZE);
}

struct PeakSampler::Impl {
  std::mutex mutex;
  std::condition_variable wake;
  bool stopping = false;
  ObservedPeaks peaks;
  std::thread thread;

  void sample() {
    const int64_t threads = liveThreadCount() - 1; // the sampler itself
    const int64_t fds = openFdCount();
    const int64_t rss = residentBytes();
    std::lock_guard<std::mutex> lock(mutex);
    peaks.threads = std::max(peaks.threads, threads);
    peaks.fds = std::max(peaks.fds, fds);
    peaks.rssBytes = std::max(peaks.rssBytes, rss);
  }

  void run() {
    std::unique_lock<std::mutex> lock(mutex);
    while (!stopping) {
      lock.unlock();
      sample();
      lock.lock();
      wake.wait_for(lock, std::chrono::milliseconds(1));
    }
  }
};

PeakSampler::PeakSampler() : impl_(std::make_unique<Impl>()) {
  resetPeaks(); // the helper's window, not the test's whole run
  impl_->thread = std::thread([this] { impl_->run(); });
}

PeakSampler::~PeakSampler() {
  if (impl_->thread.joinable())
    stop();
}

ObservedPeaks PeakSampler::stop(int64_t excludedThreads) {
  {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    impl_->stopping = true;
  }
  impl_->wake.notify_all();
  impl_->thread.join();
  impl_->sample();
  ObservedPeaks peaks = impl_->peaks;
  // The interposition library sees every thread start, even the shortest;
  // its peak counts the sampler but not the main thread, which cancel out.
  if (const std::optional<ResourceCounts> counts = resourceCounts())
    peaks.threads = std::max(peaks.threads, counts->threads_peak);
  peaks.threads = std::max<int64_t>(0, peaks.threads - excludedThreads);
  return peaks;
}

std::string exceededLimit(const ObservedPeaks &peaks,
                          const DeclaredLimits &limits) {
  const auto over = [](const char *what, int64_t peak,
                       int64_t limit) -> std::string {
    if (limit < 0 || peak <= limit)
      return "";
    return std::string(what) + " " + std::to_string(peak) + " > " +
           std::to_string(limit);
  };
  for (std::string text :
       {over("threads", peaks.threads, limits.maxThreads),
        over("descriptors", peaks.fds, limits.maxFds),
        over("RSS bytes", peaks.rssBytes, limits.maxRssBytes),
        over("queue depth", peaks.queueDepth, limits.maxQueueDepth)})
    if (!text.empty())
      return text;
  return "";
}

} // namespace unbounded::guard
