#include "unbounded/MetricsServer.h"

#include <chrono>
#include <httplib.h>
#include <stdexcept>
#include <thread>

namespace unbounded::guard {

struct MetricsServer::Impl {
  httplib::Server server;
  std::thread thread;
  int port = 0;
};

MetricsServer::MetricsServer(MetricsRegistry &registry, const std::string &host,
                             int port)
    : impl_(std::make_unique<Impl>()) {
  impl_->server.Get("/metrics", [&registry](const httplib::Request &,
                                            httplib::Response &response) {
    response.set_content(registry.exposition(),
                         "text/plain; version=0.0.4; charset=utf-8");
  });
  impl_->port = port == 0 ? impl_->server.bind_to_any_port(host) : port;
  if (port != 0 && !impl_->server.bind_to_port(host, port))
    throw std::runtime_error("MetricsServer: cannot bind " + host + ":" +
                             std::to_string(port));
  if (impl_->port < 0)
    throw std::runtime_error("MetricsServer: cannot bind " + host);
  impl_->thread = std::thread([this] { impl_->server.listen_after_bind(); });
  // stop() only stops a server that is already running: wait for it, so the
  // destructor cannot race the start and hang in join.
  for (int i = 0; i < 5000 && !impl_->server.is_running(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

MetricsServer::~MetricsServer() {
  impl_->server.stop();
  impl_->thread.join();
}

int MetricsServer::port() const { return impl_->port; }

} // namespace unbounded::guard
