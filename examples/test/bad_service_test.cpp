// The same guard tests against the bad service. They fail, as they should:
// the thread-per-request handler and the pool without a maximum grow past
// the service's limits, and its /metrics endpoint serves nothing of the
// case studies' metrics. ./dev.sh examples runs them for the bad service's
// checklist (build/examples-checklist-bad.md).
#include "guard_support.h"

#include "orders/auto_scaling.h"
#include "orders/connection_storm.h"
#include "orders/downstream_stub.h"
#include "orders/thundering_herd.h"

#include <unbounded/Metrics.h>
#include <unbounded/MetricsServer.h>
#include <unbounded/MetricsText.h>
#include <unbounded/ResourceCounter.h>

#include <gtest/gtest.h>
#include <system_error>
#include <thread>

namespace orders::test {
namespace {

using namespace unbounded::guard;

TEST(BadService, ServesItsMetrics) {
  // The bad service mounts the endpoint and registers nothing on it.
  MetricsRegistry nothing;
  MetricsServer endpoint(nothing);
  const ScrapeRecord scrape = scrapeMetrics("127.0.0.1", endpoint.port());
  EXPECT_FALSE(scrape.families.empty()) << "no series at " << scrape.url;
}

TEST(BadService, ShedsLoadAtTwiceThePeak) {
  ScopedResourceLimits artificial({kArtificialThreadLimit, -1, -1});
  Router router;
  bad::registerOrderRoutes(router);
  LoadTest load(orderLoad());
  const LoadTestRecord record = load.run([&] {
    const int status = router.dispatch(bigOrder()).status;  // throws at the thread limit
    return status == 202 ? Outcome::Ok : status == 503 ? Outcome::Rejected : Outcome::Error;
  });
  EXPECT_TRUE(record.passed) << record.verdict;
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // the order threads finish
}

TEST(BadService, StaysBoundedWhenInventoryFails) {
  ScopedResourceLimits artificial({kArtificialThreadLimit, -1, -1});
  DownstreamStub inventory;
  const Endpoint to{"127.0.0.1", inventory.port()};
  ChaosTest chaos(inventoryChaos(inventory.port(), Fault::Timeout));
  int refused = 0;
  {
    bad::DynamicPool gateway(2, 16);
    for (int i = 0; i < 100; ++i) {
      try {
        gateway.submit([to] { bad::callDownstream(to, "/stock/1"); });  // EXPECT: unbounded-thread-creation // EXPECT: unbounded-queue-growth
      } catch (const std::system_error&) {
        ++refused;  // the artificial limit stopped the pool from growing further
      }
    }
  }
  if (refused > 0)
    chaos.surfaced(std::to_string(refused) + " submissions failed at the thread limit");
  const ChaosRecord record = chaos.finish();
  EXPECT_TRUE(record.passed) << record.verdict;
}

}  // namespace
}  // namespace orders::test
