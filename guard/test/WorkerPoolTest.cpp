#include "unbounded/WorkerPool.h"

#include <atomic>
#include <condition_variable>
#include <gtest/gtest.h>
#include <mutex>
#include <stdexcept>
#include <thread>

using namespace unbounded::guard;
using namespace std::chrono_literals;

namespace {

/// Holds tasks until opened.
class Gate {
public:
  void wait() {
    std::unique_lock<std::mutex> lock(mutex_);
    opened_.wait(lock, [&] { return open_; });
  }
  void open() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      open_ = true;
    }
    opened_.notify_all();
  }

private:
  std::mutex mutex_;
  std::condition_variable opened_;
  bool open_ = false;
};

WorkerPoolOptions options(std::size_t minWorkers, std::size_t maxWorkers,
                          std::size_t capacity,
                          std::chrono::milliseconds idle = 10s) {
  WorkerPoolOptions result;
  result.name = "test";
  result.minWorkers = minWorkers;
  result.maxWorkers = maxWorkers;
  result.queueCapacity = capacity;
  result.idleTimeout = idle;
  return result;
}

template <typename Predicate> bool eventually(Predicate predicate) {
  for (int i = 0; i < 2000; ++i) {
    if (predicate())
      return true;
    std::this_thread::sleep_for(1ms);
  }
  return predicate();
}

} // namespace

TEST(WorkerPoolTest, MisconfigurationIsRejected) {
  EXPECT_THROW(WorkerPool(options(0, 0, 1)), std::invalid_argument);
  EXPECT_THROW(WorkerPool(options(3, 2, 1)), std::invalid_argument);
  EXPECT_THROW(WorkerPool(options(0, 1, 1, 0ms)), std::invalid_argument);
}

TEST(WorkerPoolTest, RunsEverySubmittedTask) {
  std::atomic<int> ran{0};
  WorkerPool pool(options(0, 4, 100));
  for (int i = 0; i < 50; ++i)
    ASSERT_EQ(pool.submit([&] { ++ran; }), SubmitStatus::Accepted);
  pool.shutdown(ShutdownMode::Drain);
  EXPECT_EQ(ran, 50);
  const WorkerPoolStats stats = pool.stats();
  EXPECT_EQ(stats.completed, 50u);
  EXPECT_LE(stats.peakWorkers, 4u);
  EXPECT_EQ(stats.workers, 0u);
}

TEST(WorkerPoolTest, FullPoolRejectsInsteadOfGrowing) {
  Gate gate;
  WorkerPool pool(options(0, 2, 3));
  int accepted = 0;
  int rejected = 0;
  for (int i = 0; i < 10; ++i) {
    const SubmitStatus status = pool.submit([&] { gate.wait(); });
    accepted += status == SubmitStatus::Accepted;
    rejected += status == SubmitStatus::RejectedFull;
  }
  EXPECT_EQ(accepted, 5); // 2 workers + 3 queued
  EXPECT_EQ(rejected, 5);
  EXPECT_EQ(pool.stats().peakWorkers, 2u);
  gate.open();
  pool.shutdown();
  const WorkerPoolStats stats = pool.stats();
  EXPECT_EQ(stats.completed, 5u);
  EXPECT_EQ(stats.rejected, 5u);
  EXPECT_EQ(stats.submitted, 10u);
}

TEST(WorkerPoolTest, IdleWorkersRetireDownToMin) {
  Gate gate;
  WorkerPool pool(options(1, 4, 0, 20ms));
  EXPECT_EQ(pool.stats().workers, 1u);
  for (int i = 0; i < 4; ++i)
    ASSERT_EQ(pool.submit([&] { gate.wait(); }), SubmitStatus::Accepted);
  EXPECT_EQ(pool.stats().workers, 4u);
  gate.open();
  EXPECT_TRUE(eventually([&] { return pool.stats().workers == 1; }));
  EXPECT_EQ(pool.stats().retiredWorkers, 3u);
  EXPECT_EQ(pool.submit([] {}),
            SubmitStatus::Accepted); // joins the retired threads
  pool.shutdown();
  EXPECT_EQ(pool.stats().completed, 5u);
}

TEST(WorkerPoolTest, ThrowingTaskIsCountedAndTheWorkerSurvives) {
  WorkerPool pool(options(1, 1, 10));
  std::atomic<int> ran{0};
  ASSERT_EQ(pool.submit([] { throw std::runtime_error("boom"); }),
            SubmitStatus::Accepted);
  ASSERT_EQ(pool.submit([&] { ++ran; }), SubmitStatus::Accepted);
  pool.shutdown();
  EXPECT_EQ(ran, 1);
  EXPECT_EQ(pool.stats().failed, 1u);
  EXPECT_EQ(pool.stats().completed, 1u);
}

TEST(WorkerPoolTest, RejectShutdownCancelsQueuedTasksExactly) {
  Gate gate;
  std::atomic<int> ran{0};
  std::atomic<int> cancelled{0};
  WorkerPool pool(options(0, 1, 5));
  for (int i = 0; i < 6; ++i)
    ASSERT_EQ(pool.submit(
                  [&] {
                    gate.wait();
                    ++ran;
                  },
                  [&] { ++cancelled; }),
              SubmitStatus::Accepted);
  ASSERT_TRUE(eventually([&] { return pool.stats().queueDepth == 5; }));
  std::thread opener([&] {
    std::this_thread::sleep_for(10ms);
    gate.open();
  });
  pool.shutdown(ShutdownMode::Reject);
  opener.join();
  EXPECT_EQ(ran, 1);
  EXPECT_EQ(cancelled, 5);
  const WorkerPoolStats stats = pool.stats();
  EXPECT_EQ(stats.cancelled, 5u);
  EXPECT_EQ(stats.accepted, stats.completed + stats.failed + stats.cancelled);
}

TEST(WorkerPoolTest, SubmitAfterShutdownIsRejected) {
  WorkerPool pool(options(0, 1, 1));
  pool.shutdown();
  EXPECT_EQ(pool.submit([] {}), SubmitStatus::RejectedShutdown);
  EXPECT_EQ(pool.stats().rejected, 1u);
  pool.shutdown(); // idempotent
}

TEST(WorkerPoolTest, DestructorDrains) {
  std::atomic<int> ran{0};
  {
    WorkerPool pool(options(0, 2, 20));
    for (int i = 0; i < 20; ++i)
      pool.submit([&] {
        std::this_thread::sleep_for(100us);
        ++ran;
      });
  }
  EXPECT_EQ(ran, 20);
}

TEST(WorkerPoolTest, ShutdownFromItsOwnTaskIsRejected) {
  WorkerPool pool(options(0, 1, 1));
  std::atomic<bool> threw{false};
  ASSERT_EQ(pool.submit([&] {
    try {
      pool.shutdown();
    } catch (const std::logic_error &) {
      threw = true;
    }
  }),
            SubmitStatus::Accepted);
  EXPECT_TRUE(eventually([&] { return threw.load(); }));
  pool.shutdown();
}

TEST(WorkerPoolTest, StatusNames) {
  EXPECT_STREQ(submitStatusName(SubmitStatus::RejectedFull), "rejected_full");
}
