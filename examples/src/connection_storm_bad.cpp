// Incident 4, the connection storm -- PROBLEMATIC version.
//
// Each call builds its own HttpClient, and with it its own connection pool:
// nothing is ever reused, every request pays a TCP handshake, and no limit
// spans more than one request. At 10K requests/s that is 10K new downstream
// connections a second; the downstream database pool runs dry and the
// failure cascades through every service that depends on it.
// Fixed version: connection_storm_fixed.cpp.
#include "orders/connection_storm.h"

#include <chrono>

namespace orders::bad {

HttpResponse callDownstream(const Endpoint& service, const std::string& path) {
  // New client for EVERY request!
  ClientLimits limits;
  limits.request_timeout = std::chrono::seconds(30);
  HttpClient client(limits);  // EXPECT: unbounded-client-per-call
  // One request; then ~HttpClient closes the connection and the next call
  // dials again.
  return client.get(service, path);
}

void registerStockRoutes(Router& router, const Endpoint& inventory) {
  router.Get("/stock", [inventory](const Request& req, Response& res) {
    HttpResponse stock = callDownstream(inventory, "/stock/" + req.body);
    res.status = stock.status == 200 ? 200 : 502;
    res.body = stock.body;
  });
}

}  // namespace orders::bad
