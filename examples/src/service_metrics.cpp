// The fixed service's /metrics: threads, descriptors and sockets of the
// process; the order pool's queue depth, capacity and rejections; the
// inventory client's connections in use against its per-host maximum; and
// requests, errors and rejections of the HTTP handlers. The alert rules in
// examples/alerts/fixed.rules.yml are written against these names.
#include "orders/service_metrics.h"

namespace orders::fixed {

ServiceMetrics::ServiceMetrics(const WorkerPool& pool, const HttpClient& inventory)
    : series_(unbounded::guard::exposeProcess(registry_)), server_(registry_) {
  auto& r = registry_;
  series_.push_back(r.gauge("orders_pool_queue_depth", "Orders waiting for a worker.", {},
                            [&pool] { return double(pool.depth()); }));
  series_.push_back(r.gauge("orders_pool_queue_capacity", "Most orders that may wait.", {},
                            [&pool] { return double(pool.capacity()); }));
  series_.push_back(r.counter("orders_pool_rejected_total", "Orders refused with 503.", {},
                              [&pool] { return double(pool.rejected()); }));
  series_.push_back(r.gauge("orders_inventory_connections_in_use",
                            "Connections to the inventory service busy with a request.", {},
                            [&inventory] {
                              ClientStats stats = inventory.stats();
                              return double(stats.open - stats.idle);
                            }));
  series_.push_back(r.gauge("orders_inventory_connections_max",
                            "Most connections to the inventory service at once.", {},
                            [&inventory] { return double(inventory.limits().max_per_host); }));
  series_.push_back(r.counter("orders_http_requests_total", "Requests answered.", {},
                              [this] { return double(requests_.load()); }));
  series_.push_back(r.counter("orders_http_errors_total", "Requests answered with a 5xx other than 503.",
                              {}, [this] { return double(errors_.load()); }));
  series_.push_back(r.counter("orders_http_rejected_total", "Requests shed with 503.", {},
                              [this] { return double(rejected_.load()); }));
}

void ServiceMetrics::observe(const Response& res) {
  requests_.fetch_add(1);
  if (res.status == 503)
    rejected_.fetch_add(1);
  else if (res.status >= 500)
    errors_.fetch_add(1);
}

}  // namespace orders::fixed
