// The quick start of docs/guard.md, compiled and run as it is printed there.
#include <gtest/gtest.h>
#include <unbounded/ResourceCounter.h>
#include <unbounded/WorkerPool.h>

using namespace unbounded::guard;

TEST(Orders, BurstIsShedNotQueuedForever) {
  WorkerPool pool({"orders", 0, 4, 16, std::chrono::seconds(1)});
  int rejected = 0;
  for (int i = 0; i < 1000; ++i)
    rejected +=
        pool.submit([] { /* handle order */ }) != SubmitStatus::Accepted;
  pool.shutdown(); // joins every worker: no leak
  EXPECT_EQ(pool.stats().completed + rejected, 1000u);
}

TEST(Orders, DegradesWhenThreadsRunOut) {
  ResourceLimits limits;
  limits.maxThreads =
      resourceCounts()->threads_live + 2; // pthread_create -> EAGAIN beyond
  ScopedResourceLimits scoped(limits);
  WorkerPool pool({"orders", 0, 8, 100, std::chrono::seconds(1)});
  for (int i = 0; i < 50; ++i)
    pool.submit([] {});
  pool.shutdown();
  EXPECT_LE(pool.stats().peakWorkers, 2u); // no crash, fewer workers
}
