#include "unbounded/Metrics.h"

#include "unbounded/CircuitBreaker.h"
#include "unbounded/ConcurrencyLimiter.h"
#include "unbounded/LeakCheck.h"
#include "unbounded/ResourceCounter.h"
#include "unbounded/WorkerPool.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <stdexcept>

namespace unbounded::guard {
namespace {

bool validName(const std::string &name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0])))
    return false;
  for (char c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != ':')
      return false;
  return true;
}

std::string escapeLabelValue(const std::string &value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"')
      out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

std::string escapeHelp(const std::string &help) {
  std::string out;
  for (char c : help) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out;
}

std::string renderLabels(const Labels &labels) {
  if (labels.empty())
    return {};
  std::string out = "{";
  for (const auto &[key, value] : labels) {
    if (!validName(key) || key.find(':') != std::string::npos)
      throw std::invalid_argument("MetricsRegistry: invalid label name '" +
                                  key + "'");
    if (out.size() > 1)
      out += ',';
    out += key + "=\"" + escapeLabelValue(value) + "\"";
  }
  return out + "}";
}

const char *typeName(MetricType type) {
  return type == MetricType::Gauge ? "gauge" : "counter";
}

double counterOrZero(const std::optional<ResourceCounts> &counts,
                     int64_t ResourceCounts::*field) {
  return counts ? double((*counts).*field) : 0.0;
}

} // namespace

MetricHandle::MetricHandle(MetricHandle &&other) noexcept
    : registry_(other.registry_), id_(other.id_) {
  other.registry_ = nullptr;
}

MetricHandle &MetricHandle::operator=(MetricHandle &&other) noexcept {
  if (this == &other)
    return *this;
  if (registry_)
    registry_->remove(id_);
  registry_ = other.registry_;
  id_ = other.id_;
  other.registry_ = nullptr;
  return *this;
}

MetricHandle::~MetricHandle() {
  if (registry_)
    registry_->remove(id_);
}

MetricsRegistry &MetricsRegistry::global() {
  static auto *registry = new MetricsRegistry(); // outlives every static handle
  return *registry;
}

MetricHandle MetricsRegistry::add(MetricType type, const std::string &name,
                                  const std::string &help, Labels labels,
                                  std::function<double()> read) {
  if (!validName(name))
    throw std::invalid_argument("MetricsRegistry: invalid metric name '" +
                                name + "'");
  if (!read)
    throw std::invalid_argument("MetricsRegistry: no read function for '" +
                                name + "'");
  std::string rendered = renderLabels(labels);
  std::lock_guard<std::mutex> lock(mutex_);
  for (const auto &[id, series] : series_) {
    if (series.name != name)
      continue;
    if (series.type != type)
      throw std::invalid_argument("MetricsRegistry: '" + name +
                                  "' registered as another type");
    if (series.labels == rendered)
      throw std::invalid_argument("MetricsRegistry: duplicate series " + name +
                                  rendered);
  }
  const uint64_t id = nextId_++;
  series_.emplace(
      id, Series{type, name, help, std::move(rendered), std::move(read)});
  return MetricHandle(this, id);
}

void MetricsRegistry::remove(uint64_t id) {
  std::lock_guard<std::mutex> lock(mutex_);
  series_.erase(id);
}

std::string formatMetricValue(double value) {
  if (std::isnan(value))
    return "NaN";
  if (std::isinf(value))
    return value > 0 ? "+Inf" : "-Inf";
  char buffer[64];
  if (value == std::floor(value) && std::fabs(value) < 1e15)
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
  else
    std::snprintf(buffer, sizeof buffer, "%.17g", value);
  return buffer;
}

std::string MetricsRegistry::exposition() const {
  std::lock_guard<std::mutex> lock(mutex_);
  // Grouped by name so each name gets one HELP and TYPE; series in label order.
  std::map<std::string, std::map<std::string, const Series *>> grouped;
  for (const auto &[id, series] : series_)
    grouped[series.name][series.labels] = &series;
  std::ostringstream out;
  for (const auto &[name, list] : grouped) {
    const Series *first = list.begin()->second;
    out << "# HELP " << name << ' ' << escapeHelp(first->help) << '\n';
    out << "# TYPE " << name << ' ' << typeName(first->type) << '\n';
    for (const auto &[labels, series] : list)
      out << name << labels << ' ' << formatMetricValue(series->read()) << '\n';
  }
  return out.str();
}

std::map<std::string, double> MetricsRegistry::values() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::map<std::string, double> result;
  for (const auto &[id, series] : series_)
    result[series.name + series.labels] = series.read();
  return result;
}

MetricGroup exposeProcess(MetricsRegistry &registry) {
  MetricGroup group;
  group.push_back(registry.gauge("unbounded_process_threads",
                                 "Threads of this process.", {},
                                 [] { return double(liveThreadCount()); }));
  group.push_back(registry.gauge("unbounded_process_open_fds",
                                 "Open file descriptors.", {},
                                 [] { return double(openFdCount()); }));
  group.push_back(registry.gauge("unbounded_connections_open",
                                 "Open sockets of this process.", {},
                                 [] { return double(openSocketCount()); }));
  if (!interpositionActive())
    return group;
  group.push_back(registry.gauge(
      "unbounded_guard_threads_peak",
      "Peak of live threads created since the last peak reset.", {}, [] {
        return counterOrZero(resourceCounts(), &ResourceCounts::threads_peak);
      }));
  group.push_back(registry.counter(
      "unbounded_guard_threads_rejected_total",
      "pthread_create calls refused by the thread limit.", {}, [] {
        return counterOrZero(resourceCounts(),
                             &ResourceCounts::threads_rejected);
      }));
  group.push_back(registry.counter(
      "unbounded_guard_sockets_rejected_total",
      "Socket creations refused by the socket or fd limit.", {}, [] {
        return counterOrZero(resourceCounts(),
                             &ResourceCounts::sockets_rejected);
      }));
  return group;
}

MetricGroup exposePool(MetricsRegistry &registry, const WorkerPool &pool) {
  const Labels labels{{"pool", pool.options().name}};
  const WorkerPool *p = &pool;
  MetricGroup group;
  group.push_back(registry.gauge("unbounded_pool_workers",
                                 "Live worker threads.", labels,
                                 [p] { return double(p->stats().workers); }));
  group.push_back(registry.gauge(
      "unbounded_pool_max_workers", "Upper bound of worker threads.", labels,
      [p] { return double(p->stats().maxWorkers); }));
  group.push_back(registry.gauge(
      "unbounded_pool_queue_depth", "Tasks waiting for a worker.", labels,
      [p] { return double(p->stats().queueDepth); }));
  group.push_back(registry.gauge(
      "unbounded_pool_queue_capacity", "Capacity of the task queue.", labels,
      [p] { return double(p->stats().queueCapacity); }));
  group.push_back(
      registry.counter("unbounded_pool_rejected_total",
                       "Submissions rejected (full or shutting down).", labels,
                       [p] { return double(p->stats().rejected); }));
  group.push_back(registry.counter(
      "unbounded_pool_completed_total", "Tasks that ran and returned.", labels,
      [p] { return double(p->stats().completed); }));
  group.push_back(registry.counter("unbounded_pool_failed_total",
                                   "Tasks that threw.", labels,
                                   [p] { return double(p->stats().failed); }));
  return group;
}

MetricGroup exposeBreaker(MetricsRegistry &registry, CircuitBreaker &breaker) {
  const Labels labels{{"breaker", breaker.name()}};
  CircuitBreaker *b = &breaker;
  MetricGroup group;
  group.push_back(registry.gauge(
      "unbounded_breaker_state", "0 closed, 1 half-open, 2 open.", labels,
      [b] { return double(static_cast<int>(b->state())); }));
  group.push_back(
      registry.counter("unbounded_breaker_rejected_total",
                       "Calls refused while open or half-open and full.",
                       labels, [b] { return double(b->rejected()); }));
  return group;
}

MetricGroup exposeLimiter(MetricsRegistry &registry,
                          const ConcurrencyLimiter &limiter) {
  const Labels labels{{"limiter", limiter.name()}};
  const ConcurrencyLimiter *l = &limiter;
  MetricGroup group;
  group.push_back(registry.gauge("unbounded_limiter_in_use",
                                 "Permits held now.", labels,
                                 [l] { return double(l->stats().inUse); }));
  group.push_back(registry.gauge("unbounded_limiter_limit",
                                 "Permits available in total.", labels,
                                 [l] { return double(l->stats().limit); }));
  group.push_back(registry.counter(
      "unbounded_limiter_rejected_total", "Acquisitions refused or timed out.",
      labels, [l] { return double(l->stats().rejected); }));
  return group;
}

} // namespace unbounded::guard
