// The fixed service's monitoring: the case studies' essential metrics,
// registered with unbounded-guard's MetricsRegistry and served at /metrics
// on 127.0.0.1. Only the fixed service has it (the bad one measures
// nothing); built when unbounded-guard is available (CMakeLists.txt).
#ifndef ORDERS_SERVICE_METRICS_H
#define ORDERS_SERVICE_METRICS_H

#include "orders/http.h"
#include "orders/http_client.h"
#include "orders/worker_pool.h"

#include <unbounded/Metrics.h>
#include <unbounded/MetricsServer.h>

#include <atomic>
#include <cstdint>

namespace orders::fixed {

class ServiceMetrics {
 public:
  // Registers the series; pool and client must outlive this object.
  ServiceMetrics(const WorkerPool& pool, const HttpClient& inventory);

  // Counts one answered request: every request, the 503s (shed load) and
  // the other 5xx (errors).
  void observe(const Response& res);

  // The port of the /metrics endpoint on 127.0.0.1.
  int port() const { return server_.port(); }

 private:
  unbounded::guard::MetricsRegistry registry_;
  std::atomic<std::uint64_t> requests_{0};
  std::atomic<std::uint64_t> errors_{0};
  std::atomic<std::uint64_t> rejected_{0};
  unbounded::guard::MetricGroup series_;
  unbounded::guard::MetricsServer server_;
};

}  // namespace orders::fixed

#endif
