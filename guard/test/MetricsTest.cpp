#include "unbounded/Metrics.h"

#include "unbounded/BoundedQueue.h"
#include "unbounded/CircuitBreaker.h"
#include "unbounded/ConcurrencyLimiter.h"
#include "unbounded/WorkerPool.h"

#include <cmath>
#include <gtest/gtest.h>
#include <limits>

using namespace unbounded::guard;

TEST(MetricsTest, ExpositionFormat) {
  MetricsRegistry registry;
  MetricHandle b = registry.counter("b_total", "B things.", {{"x", "2"}},
                                    [] { return 3.0; });
  MetricHandle a = registry.gauge("a_depth", "A \\ depth.\nsecond line", {},
                                  [] { return 1.5; });
  MetricHandle b1 = registry.counter("b_total", "B things.", {{"x", "1\"q\""}},
                                     [] { return 4.0; });
  EXPECT_EQ(registry.exposition(),
            "# HELP a_depth A \\\\ depth.\\nsecond line\n"
            "# TYPE a_depth gauge\n"
            "a_depth 1.5\n"
            "# HELP b_total B things.\n"
            "# TYPE b_total counter\n"
            "b_total{x=\"1\\\"q\\\"\"} 4\n"
            "b_total{x=\"2\"} 3\n");
}

TEST(MetricsTest, HandleUnregistersItsSeries) {
  MetricsRegistry registry;
  {
    MetricHandle handle =
        registry.gauge("temporary", "Gone soon.", {}, [] { return 1.0; });
    EXPECT_EQ(registry.values().size(), 1u);
  }
  EXPECT_TRUE(registry.values().empty());
  EXPECT_EQ(registry.exposition(), "");
}

TEST(MetricsTest, MisuseIsRejected) {
  MetricsRegistry registry;
  auto one = [] { return 1.0; };
  EXPECT_THROW((void)registry.gauge("9starts_with_digit", "", {}, one),
               std::invalid_argument);
  EXPECT_THROW((void)registry.gauge("has-dash", "", {}, one),
               std::invalid_argument);
  EXPECT_THROW((void)registry.gauge("ok", "", {{"bad-label", "v"}}, one),
               std::invalid_argument);
  EXPECT_THROW((void)registry.gauge("ok", "", {}, nullptr),
               std::invalid_argument);
  MetricHandle kept = registry.gauge("ok", "", {}, one);
  EXPECT_THROW((void)registry.gauge("ok", "", {}, one), std::invalid_argument);
  EXPECT_THROW((void)registry.counter("ok", "", {{"l", "v"}}, one),
               std::invalid_argument);
}

TEST(MetricsTest, ValuesFormatLikePrometheus) {
  EXPECT_EQ(formatMetricValue(42), "42");
  EXPECT_EQ(formatMetricValue(0.25), "0.25");
  EXPECT_EQ(formatMetricValue(std::numeric_limits<double>::quiet_NaN()), "NaN");
  EXPECT_EQ(formatMetricValue(std::numeric_limits<double>::infinity()), "+Inf");
}

TEST(MetricsTest, QueueSeriesFollowTheQueue) {
  MetricsRegistry registry;
  BoundedQueue<int> queue(2);
  MetricGroup group = exposeQueue(registry, "events", queue);
  queue.tryPush(1);
  queue.tryPush(2);
  queue.tryPush(3);
  const auto values = registry.values();
  EXPECT_EQ(values.at("unbounded_queue_depth{queue=\"events\"}"), 2);
  EXPECT_EQ(values.at("unbounded_queue_capacity{queue=\"events\"}"), 2);
  EXPECT_EQ(values.at("unbounded_queue_queued_total{queue=\"events\"}"), 2);
  EXPECT_EQ(values.at("unbounded_queue_dropped_total{queue=\"events\"}"), 1);
}

TEST(MetricsTest, PoolBreakerLimiterAndProcessSeries) {
  MetricsRegistry registry;
  WorkerPoolOptions options;
  options.name = "orders";
  options.maxWorkers = 3;
  WorkerPool pool(options);
  CircuitBreakerSettings settings;
  settings.name = "db";
  CircuitBreaker breaker(settings);
  ConcurrencyLimiter limiter(5, "conns");
  MetricGroup groups[] = {
      exposePool(registry, pool), exposeBreaker(registry, breaker),
      exposeLimiter(registry, limiter), exposeProcess(registry)};
  pool.shutdown();
  pool.submit([] {});
  const auto values = registry.values();
  EXPECT_EQ(values.at("unbounded_pool_max_workers{pool=\"orders\"}"), 3);
  EXPECT_EQ(values.at("unbounded_pool_rejected_total{pool=\"orders\"}"), 1);
  EXPECT_EQ(values.at("unbounded_breaker_state{breaker=\"db\"}"), 0);
  EXPECT_EQ(values.at("unbounded_limiter_limit{limiter=\"conns\"}"), 5);
  EXPECT_GE(values.at("unbounded_process_threads"), 1);
  EXPECT_GE(values.at("unbounded_process_open_fds"), 3);
  EXPECT_EQ(values.count("unbounded_connections_open"), 1u);
}
