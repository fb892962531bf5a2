// Guard tests of the fixed service: its /metrics, a load test at twice the
// expected peak, and chaos tests of the inventory downstream, all under the
// guard's artificial thread limit. ./dev.sh examples runs them and reads
// the guard report into the checklist (build/examples-checklist.md).
#include "guard_support.h"

#include "orders/auto_scaling.h"
#include "orders/connection_storm.h"
#include "orders/downstream_stub.h"
#include "orders/service_metrics.h"
#include "orders/thundering_herd.h"
#include "orders/worker_pool.h"

#include <unbounded/MetricsText.h>
#include <unbounded/ResourceCounter.h>

#include <algorithm>
#include <atomic>
#include <gtest/gtest.h>

namespace orders::test {
namespace {

using namespace unbounded::guard;

bool has(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

TEST(FixedService, ServesItsMetrics) {
  WorkerPool pool(8, 64);
  fixed::ServiceMetrics metrics(pool, fixed::sharedClient());
  const ScrapeRecord scrape = scrapeMetrics("127.0.0.1", metrics.port());
  ASSERT_EQ(scrape.error, "");
  for (const char* name : {"unbounded_process_threads", "orders_pool_queue_depth",
                           "orders_inventory_connections_in_use", "orders_pool_rejected_total",
                           "orders_http_errors_total"})
    EXPECT_TRUE(has(scrape.families, name)) << name;
}

TEST(FixedService, ShedsLoadAtTwiceThePeak) {
  ScopedResourceLimits artificial({kArtificialThreadLimit, -1, -1});
  WorkerPool pool(8, 64);
  Router router;
  fixed::registerOrderRoutes(router, pool);
  LoadTest load(orderLoad());
  const LoadTestRecord record = load.run([&] {
    load.noteQueueDepth(int64_t(pool.depth()));
    const int status = router.dispatch(bigOrder()).status;
    return status == 202 ? Outcome::Ok : status == 503 ? Outcome::Rejected : Outcome::Error;
  });
  EXPECT_TRUE(record.passed) << record.verdict;
  EXPECT_GT(record.rejections, 0u) << "at twice the peak the pool should shed load visibly";
}

// The gateway pool forwards stock lookups to the inventory service while it
// fails: the pool stays at its maximum and the failures come back as 502s
// (or 503s when the pool is full).
TEST(FixedService, StaysBoundedWhenInventoryFails) {
  ScopedResourceLimits artificial({kArtificialThreadLimit, -1, -1});
  for (Fault fault : inventoryFaults()) {
    DownstreamStub inventory;  // a fresh port: no pooled connection bypasses the fault
    const Endpoint to{"127.0.0.1", inventory.port()};
    ChaosTest chaos(inventoryChaos(inventory.port(), fault));
    std::atomic<int> failed{0};
    int shed = 0;
    {
      fixed::PoolLimits limits;
      limits.max_workers = 8;
      limits.queue_capacity = 16;
      limits.idle_timeout = std::chrono::milliseconds(20);
      fixed::BoundedDynamicPool gateway(limits);
      for (int i = 0; i < 100; ++i) {
        const auto status = gateway.submit([&] {
          if (fixed::callDownstream(to, "/stock/1").status != 200) ++failed;
        });
        shed += status == fixed::SubmitStatus::PoolFull;
      }
    }  // drains the queue
    if (failed > 0)
      chaos.surfaced(std::to_string(failed.load()) + " lookups answered 502, " +
                     std::to_string(shed) + " shed with 503");
    const ChaosRecord record = chaos.finish();
    EXPECT_TRUE(record.passed) << faultName(fault) << ": " << record.verdict;
  }
}

}  // namespace
}  // namespace orders::test
