// Stress tests of the bounded primitives: many producers and consumers,
// tasks that throw, shutdown in the middle. Exact accounting: every item is
// processed or refused exactly once. Also built with -fsanitize=thread
// (ctest guard/tsan_stress).
#include "unbounded/BoundedQueue.h"
#include "unbounded/CircuitBreaker.h"
#include "unbounded/ConcurrencyLimiter.h"
#include "unbounded/Metrics.h"
#include "unbounded/WorkerPool.h"

#include <atomic>
#include <cstdio>
#include <gtest/gtest.h>
#include <memory>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace unbounded::guard;
using namespace std::chrono_literals;

namespace {

constexpr int kProducers = 4;
constexpr int kPerProducer = 4000;
constexpr int kItems = kProducers * kPerProducer;

/// How often each item id met each fate.
struct Ledger {
  std::unique_ptr<std::atomic<int>[]> processed{new std::atomic<int>[kItems]()};
  std::unique_ptr<std::atomic<int>[]> refused{new std::atomic<int>[kItems]()};
  std::unique_ptr<std::atomic<int>[]> cancelled{new std::atomic<int>[kItems]()};

  /// Each id exactly once, in exactly one column.
  void expectExactlyOnce() const {
    for (int id = 0; id < kItems; ++id) {
      const int fates = processed[id] + refused[id] + cancelled[id];
      ASSERT_EQ(fates, 1) << "item " << id << " processed " << processed[id]
                          << " refused " << refused[id] << " cancelled "
                          << cancelled[id];
    }
  }
  uint64_t count(const std::unique_ptr<std::atomic<int>[]> &column) const {
    uint64_t total = 0;
    for (int id = 0; id < kItems; ++id)
      total += column[id];
    return total;
  }
};

void runQueueStress(bool closeEarly) {
  BoundedQueue<int> queue(64);
  MetricsRegistry registry;
  MetricGroup metrics = exposeQueue(registry, "stress", queue);
  Ledger ledger;
  std::vector<std::thread> threads;
  for (int c = 0; c < 4; ++c)
    threads.emplace_back([&] {
      while (std::optional<int> id = queue.pop())
        ++ledger.processed[*id];
    });
  std::vector<std::thread> producers;
  for (int p = 0; p < kProducers; ++p)
    producers.emplace_back([&, p] {
      for (int i = 0; i < kPerProducer; ++i) {
        const int id = p * kPerProducer + i;
        const PushStatus status =
            i % 3 == 0 ? queue.tryPush(id) : queue.pushFor(int(id), 1ms);
        if (status != PushStatus::Ok)
          ++ledger.refused[id];
      }
    });
  std::thread scraper([&] {
    for (int i = 0; i < 50; ++i)
      (void)registry.exposition();
  });
  if (closeEarly) {
    while (queue.stats().queued + queue.stats().dropped < kItems / 3)
      std::this_thread::yield();
    queue.close();
  }
  for (std::thread &producer : producers)
    producer.join();
  queue.close();
  for (std::thread &consumer : threads)
    consumer.join();
  scraper.join();
  ledger.expectExactlyOnce();
  const QueueStats stats = queue.stats();
  EXPECT_EQ(stats.queued, ledger.count(ledger.processed));
  EXPECT_EQ(stats.dropped, ledger.count(ledger.refused));
  EXPECT_EQ(stats.popped, stats.queued);
  EXPECT_EQ(stats.depth, 0u);
  EXPECT_LE(stats.peakDepth, 64u);
}

void runPoolStress(ShutdownMode mode) {
  WorkerPoolOptions options;
  options.name = "stress";
  options.maxWorkers = 8;
  options.queueCapacity = 32;
  options.idleTimeout = 1ms; // workers retire and respawn all the time
  WorkerPool pool(options);
  Ledger ledger;
  std::atomic<int> thrown{0};
  std::vector<std::thread> producers;
  for (int p = 0; p < kProducers; ++p)
    producers.emplace_back([&, p] {
      for (int i = 0; i < kPerProducer; ++i) {
        const int id = p * kPerProducer + i;
        const SubmitStatus status = pool.submit(
            [&, id] {
              ++ledger.processed[id];
              if (id % 5 == 0)
                std::this_thread::sleep_for(50us); // lets the queue fill up
              if (id % 7 == 0) {
                ++thrown;
                throw std::runtime_error("task failed");
              }
            },
            [&, id] { ++ledger.cancelled[id]; });
        if (status != SubmitStatus::Accepted)
          ++ledger.refused[id];
        if (i % 500 == 0)
          std::this_thread::sleep_for(
              1ms); // let idle workers retire now and then
      }
    });
  while (pool.stats().submitted < kItems / 2)
    std::this_thread::yield();
  // Best effort: shut down while tasks wait, so Reject has something to cancel.
  for (int i = 0; i < 100000 && pool.stats().queueDepth < 8; ++i)
    std::this_thread::yield();
  pool.shutdown(mode); // in the middle of submission
  for (std::thread &producer : producers)
    producer.join();
  ledger.expectExactlyOnce();
  const WorkerPoolStats stats = pool.stats();
  EXPECT_EQ(stats.submitted, uint64_t(kItems));
  EXPECT_EQ(stats.accepted + stats.rejected, stats.submitted);
  EXPECT_EQ(stats.accepted, stats.completed + stats.failed + stats.cancelled);
  EXPECT_EQ(stats.failed, uint64_t(thrown.load()));
  EXPECT_EQ(stats.completed + stats.failed, ledger.count(ledger.processed));
  EXPECT_EQ(stats.cancelled, ledger.count(ledger.cancelled));
  EXPECT_EQ(stats.rejected, ledger.count(ledger.refused));
  EXPECT_LE(stats.peakWorkers, 8u);
  EXPECT_EQ(stats.workers, 0u);
  if (mode == ShutdownMode::Drain)
    EXPECT_EQ(stats.cancelled, 0u);

  EXPECT_GT(stats.completed, 0u);
  EXPECT_GT(stats.rejected, 0u);
  std::printf(
      "pool stress: accepted %llu completed %llu failed %llu cancelled %llu "
      "rejected %llu "
      "peak workers %zu retired %llu\n",
      (unsigned long long)stats.accepted, (unsigned long long)stats.completed,
      (unsigned long long)stats.failed, (unsigned long long)stats.cancelled,
      (unsigned long long)stats.rejected, stats.peakWorkers,
      (unsigned long long)stats.retiredWorkers);
}

} // namespace

TEST(StressTest, BoundedQueueManyProducersAndConsumers) {
  runQueueStress(false);
}

TEST(StressTest, BoundedQueueClosedInTheMiddle) { runQueueStress(true); }

TEST(StressTest, WorkerPoolDrainShutdownInTheMiddle) {
  runPoolStress(ShutdownMode::Drain);
}

TEST(StressTest, WorkerPoolRejectShutdownInTheMiddle) {
  runPoolStress(ShutdownMode::Reject);
}

TEST(StressTest, WorkerPoolWithoutShutdownRunsOrRejectsEverything) {
  Ledger ledger;
  {
    WorkerPoolOptions options;
    options.maxWorkers = 4;
    options.queueCapacity = 16;
    WorkerPool pool(options);
    std::vector<std::thread> producers;
    for (int p = 0; p < kProducers; ++p)
      producers.emplace_back([&, p] {
        for (int i = 0; i < kPerProducer; ++i) {
          const int id = p * kPerProducer + i;
          if (pool.submit([&, id] { ++ledger.processed[id]; }) !=
              SubmitStatus::Accepted)
            ++ledger.refused[id];
        }
      });
    for (std::thread &producer : producers)
      producer.join();
  } // the destructor drains
  ledger.expectExactlyOnce();
}

TEST(StressTest, ConcurrencyLimiterNeverExceedsItsLimit) {
  ConcurrencyLimiter limiter(3);
  std::atomic<int> inside{0};
  std::atomic<int> worst{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 2000; ++i) {
        std::optional<ConcurrencyLimiter::Permit> permit =
            i % 2 ? limiter.tryAcquire()
                  : std::make_optional(limiter.acquire());
        if (!permit)
          continue;
        const int now = ++inside;
        int seen = worst.load();
        while (now > seen && !worst.compare_exchange_weak(seen, now)) {
        }
        --inside;
      }
    });
  for (std::thread &thread : threads)
    thread.join();
  EXPECT_LE(worst.load(), 3);
  const LimiterStats stats = limiter.stats();
  EXPECT_EQ(stats.inUse, 0u);
  EXPECT_EQ(stats.acquired + stats.rejected, 8u * 2000u);
}

TEST(StressTest, CircuitBreakerUnderConcurrentCalls) {
  CircuitBreakerSettings settings;
  settings.timeout = 1ms;
  settings.maxRequests = 2;
  CircuitBreaker breaker(settings);
  std::atomic<uint64_t> refused{0};
  std::atomic<uint64_t> called{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 3000; ++i) {
        try {
          breaker.execute([&] {
            ++called;
            if ((i + t) % 4 == 0)
              throw std::runtime_error("downstream");
          });
        } catch (const CircuitOpenError &) {
          ++refused;
        } catch (const std::runtime_error &) {
        }
      }
    });
  for (std::thread &thread : threads)
    thread.join();
  EXPECT_EQ(called + refused, 6u * 3000u);
  EXPECT_EQ(breaker.rejected(), refused.load());
}
