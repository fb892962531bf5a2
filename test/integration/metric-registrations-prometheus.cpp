// Metric registrations as static evidence, against the real prometheus-cpp
// headers (Debian's prometheus-cpp-dev) and the guard's metrics API: names
// of the items' families pass Monitoring items, other names and names that
// are not string literals do not, and a template of the guard that nobody
// instantiates registers nothing.
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/metrics.cpp && cd %t
// RUN: %expect_exit 0 %unbounded_tidy metrics.cpp --quiet --root=%t --format=markdown \
// RUN:   -- -std=c++17 -I%srcroot/guard/include | FileCheck %s
//
// A shard keeps the registrations in its units' facts; merge judges them.
// RUN: %expect_exit 0 %unbounded_tidy metrics.cpp --quiet --root=%t --shard=1/1 \
// RUN:   --format=json -o %t/shard.json -- -std=c++17 -I%srcroot/guard/include
// RUN: FileCheck %s --check-prefix=FACTS < %t/shard.json
// RUN: %expect_exit 0 %unbounded_tidy merge %t/shard.json --root=%t --format=markdown \
// RUN:   | FileCheck %s
//
// Without the registration calls (an empty option), the items need runtime
// evidence again.
// RUN: %expect_exit 0 %unbounded_tidy metrics.cpp --quiet --root=%t --format=markdown \
// RUN:   --config="{CheckOptions: {unbounded-silent-drop.MetricRegistrationCalls: ''}}" \
// RUN:   -- -std=c++17 -I%srcroot/guard/include | FileCheck %s --check-prefix=NONE

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <string>
#include <unbounded/Metrics.h>

void registerAll(prometheus::Registry &registry, unbounded::guard::MetricsRegistry &guard,
                 const std::string &dynamic) {
  auto &depth = prometheus::BuildGauge()
                    .Name("jobs_queue_depth")
                    .Help("Jobs waiting for a worker.")
                    .Register(registry);
  auto &rejected = prometheus::BuildCounter().Name("jobs_rejected_total").Register(registry);
  prometheus::BuildHistogram().Name("request_latency_seconds").Register(registry);
  prometheus::BuildGauge().Name(dynamic).Register(registry);
  auto workers = guard.gauge("worker_threads_active", "Workers running.", {},
                             [] { return 1.0; });
  (void)depth;
  (void)rejected;
}

// CHECK:      ## Monitoring
// CHECK:      | ✅ | Thread count metric | passed | Static: metric 'worker_threads_active' registered at metrics.cpp:39 (guard metrics API). |
// CHECK-NEXT: | ✅ | Queue depth metrics | passed | Static: metric 'jobs_queue_depth' registered at metrics.cpp:32 (prometheus-cpp). |
// CHECK-NEXT: | ➖ | Connection count metrics | not verified | Needs runtime evidence:
// CHECK-NEXT: | ✅ | Rejection/drop counters | passed | unbounded-silent-drop found nothing in 1 translation unit. Static: metric 'jobs_rejected_total' registered at metrics.cpp:36 (prometheus-cpp). |

// FACTS:     "metrics": [
// FACTS-NOT: request_latency
// FACTS:       "api": "prometheus-cpp",
// FACTS-NEXT:  "at": {
// FACTS:       "line": 32,
// FACTS:       "name": "jobs_queue_depth"
// FACTS-NOT: unbounded_queue_depth

// NONE:      | ➖ | Thread count metric | not verified | Needs runtime evidence:
// NONE-NEXT: | ➖ | Queue depth metrics | not verified | Needs runtime evidence:
// NONE:      | ✅ | Rejection/drop counters | passed | unbounded-silent-drop found nothing in 1 translation unit. |
