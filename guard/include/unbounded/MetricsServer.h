#ifndef UNBOUNDED_METRICSSERVER_H
#define UNBOUNDED_METRICSSERVER_H

/// \file
/// MetricsServer: an optional /metrics HTTP endpoint serving a MetricsRegistry
/// (cpp-httplib). Available when unbounded-guard was built with
/// UNBOUNDED_GUARD_HAS_HTTP (guard/CMakeLists.txt finds Debian's
/// libcpp-httplib-dev).

#include "unbounded/Metrics.h"

#include <memory>
#include <string>

namespace unbounded::guard {

/// Serves GET /metrics on one thread of its own; the destructor stops and
/// joins it. Binds 127.0.0.1 by default; port 0 picks a free port.
class MetricsServer {
public:
  explicit MetricsServer(MetricsRegistry &registry = MetricsRegistry::global(),
                         const std::string &host = "127.0.0.1", int port = 0);
  ~MetricsServer();
  MetricsServer(const MetricsServer &) = delete;
  MetricsServer &operator=(const MetricsServer &) = delete;

  /// The bound port (useful with port 0).
  int port() const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

} // namespace unbounded::guard

#endif
