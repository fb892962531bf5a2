#ifndef UNBOUNDED_METRICS_H
#define UNBOUNDED_METRICS_H

/// \file
/// MetricsRegistry: the case studies' essential metrics (threads, queue depth,
/// open connections, rejected and dropped totals) in the Prometheus text
/// exposition format 0.0.4. Series are read through callbacks when scraped,
/// so instrumented objects pay nothing between scrapes.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace unbounded::guard {

class WorkerPool;
class CircuitBreaker;
class ConcurrencyLimiter;

enum class MetricType { Gauge, Counter };

using Labels = std::vector<std::pair<std::string, std::string>>;

class MetricsRegistry;

/// Unregisters its series when destroyed; move-only. Keep it no longer than
/// the object its callback reads.
class MetricHandle {
public:
  MetricHandle() = default;
  MetricHandle(MetricHandle &&other) noexcept;
  MetricHandle &operator=(MetricHandle &&other) noexcept;
  MetricHandle(const MetricHandle &) = delete;
  MetricHandle &operator=(const MetricHandle &) = delete;
  ~MetricHandle();

private:
  friend class MetricsRegistry;
  MetricHandle(MetricsRegistry *registry, uint64_t id)
      : registry_(registry), id_(id) {}
  MetricsRegistry *registry_ = nullptr;
  uint64_t id_ = 0;
};

/// The handles of one instrumented object.
using MetricGroup = std::vector<MetricHandle>;

/// Thread-safe. A name is either a gauge or a counter; registering it with
/// the other type, an invalid name or a duplicate label set throws
/// std::invalid_argument. Read functions run under the registry's lock: they
/// must not register or unregister series.
class MetricsRegistry {
public:
  /// The registry the GoogleTest adapter and the /metrics endpoint use by
  /// default.
  static MetricsRegistry &global();

  MetricsRegistry() = default;
  MetricsRegistry(const MetricsRegistry &) = delete;
  MetricsRegistry &operator=(const MetricsRegistry &) = delete;

  [[nodiscard]] MetricHandle add(MetricType type, const std::string &name,
                                 const std::string &help, Labels labels,
                                 std::function<double()> read);
  [[nodiscard]] MetricHandle gauge(const std::string &name,
                                   const std::string &help, Labels labels,
                                   std::function<double()> read) {
    return add(MetricType::Gauge, name, help, std::move(labels),
               std::move(read));
  }
  [[nodiscard]] MetricHandle counter(const std::string &name,
                                     const std::string &help, Labels labels,
                                     std::function<double()> read) {
    return add(MetricType::Counter, name, help, std::move(labels),
               std::move(read));
  }

  /// The text exposition: # HELP, # TYPE, then one line per series, by name.
  std::string exposition() const;

  /// Current value of every series, keyed by `name{labels}` as exposed.
  std::map<std::string, double> values() const;

private:
  friend class MetricHandle;
  struct Series {
    MetricType type;
    std::string name;
    std::string help;
    std::string labels; ///< rendered: {a="b",c="d"} or empty
    std::function<double()> read;
  };
  void remove(uint64_t id);

  mutable std::mutex mutex_;
  std::map<uint64_t, Series> series_;
  uint64_t nextId_ = 1;
};

/// Renders a value the way Prometheus parses it (integers without exponent,
/// NaN, +Inf).
std::string formatMetricValue(double value);

/// Process-wide series: unbounded_process_threads, unbounded_process_open_fds,
/// unbounded_connections_open, plus the interposition library's exact counts
/// and rejections when it is loaded.
[[nodiscard]] MetricGroup exposeProcess(MetricsRegistry &registry);

/// unbounded_pool_* series of one WorkerPool, labelled pool="<name>".
[[nodiscard]] MetricGroup exposePool(MetricsRegistry &registry,
                                     const WorkerPool &pool);

/// unbounded_breaker_* series, labelled breaker="<name>".
[[nodiscard]] MetricGroup exposeBreaker(MetricsRegistry &registry,
                                        CircuitBreaker &breaker);

/// unbounded_limiter_* series, labelled limiter="<name>".
[[nodiscard]] MetricGroup exposeLimiter(MetricsRegistry &registry,
                                        const ConcurrencyLimiter &limiter);

/// unbounded_queue_* series of any queue with stats() (BoundedQueue<T>),
/// labelled queue="<name>".
template <typename Queue>
[[nodiscard]] MetricGroup exposeQueue(MetricsRegistry &registry,
                                      const std::string &name,
                                      const Queue &queue) {
  const Labels labels{{"queue", name}};
  MetricGroup group;
  group.push_back(
      registry.gauge("unbounded_queue_depth", "Items waiting in the queue.",
                     labels, [&queue] { return double(queue.stats().depth); }));
  group.push_back(registry.gauge(
      "unbounded_queue_capacity", "Fixed capacity of the queue.", labels,
      [&queue] { return double(queue.stats().capacity); }));
  group.push_back(registry.counter(
      "unbounded_queue_queued_total", "Pushes accepted.", labels,
      [&queue] { return double(queue.stats().queued); }));
  group.push_back(
      registry.counter("unbounded_queue_dropped_total",
                       "Pushes refused (full, timed out or closed).", labels,
                       [&queue] { return double(queue.stats().dropped); }));
  return group;
}

} // namespace unbounded::guard

#endif
