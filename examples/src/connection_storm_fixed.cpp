// Incident 4, the connection storm -- FIXED version.
//
// One client for the whole process, configured once: connections are reused
// across requests, at most 20 are open to any one host, at most 10 per host
// (100 in all) stay idle, and idle ones are closed after 90 s.
// Problematic version: connection_storm_bad.cpp.
#include "orders/connection_storm.h"

#include <chrono>

namespace orders::fixed {
namespace {

ClientLimits downstreamLimits() {
  ClientLimits limits;
  limits.request_timeout = std::chrono::seconds(30);
  limits.max_idle = 100;
  limits.max_idle_per_host = 10;
  limits.max_per_host = 20;
  limits.idle_timeout = std::chrono::seconds(90);
  return limits;
}

}  // namespace

HttpClient& sharedClient() {
  static HttpClient client(downstreamLimits());
  return client;
}

HttpResponse callDownstream(const Endpoint& service, const std::string& path) {
  // Connections come from, and go back to, the shared pool.
  return sharedClient().get(service, path);
}

void registerStockRoutes(Router& router, const Endpoint& inventory) {
  router.Get("/stock", [inventory](const Request& req, Response& res) {
    HttpResponse stock = callDownstream(inventory, "/stock/" + req.body);
    res.status = stock.status == 200 ? 200 : 502;
    res.body = stock.body;
  });
}

}  // namespace orders::fixed
