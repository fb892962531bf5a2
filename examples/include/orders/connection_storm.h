// Incident 4, the connection storm: a new HTTP client for every call.
// src/connection_storm_bad.cpp and src/connection_storm_fixed.cpp.
#ifndef ORDERS_CONNECTION_STORM_H
#define ORDERS_CONNECTION_STORM_H

#include "orders/http.h"
#include "orders/http_client.h"

#include <string>

namespace orders {

namespace bad {
HttpResponse callDownstream(const Endpoint& service, const std::string& path);
// GET /stock asks the inventory service, with body = SKU.
void registerStockRoutes(Router& router, const Endpoint& inventory);
}  // namespace bad

namespace fixed {
// The process-wide client, its limits configured once.
HttpClient& sharedClient();
HttpResponse callDownstream(const Endpoint& service, const std::string& path);
void registerStockRoutes(Router& router, const Endpoint& inventory);
}  // namespace fixed

}  // namespace orders

#endif
