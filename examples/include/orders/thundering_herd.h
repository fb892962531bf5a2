// Incident 1, the thundering herd: a thread per request.
// src/thundering_herd_bad.cpp and src/thundering_herd_fixed.cpp.
#ifndef ORDERS_THUNDERING_HERD_H
#define ORDERS_THUNDERING_HERD_H

#include "orders/http.h"
#include "orders/service.h"
#include "orders/worker_pool.h"

#include <atomic>

namespace orders {

namespace bad {
// POST /orders answers 202 and processes the order on a new detached thread.
void registerOrderRoutes(Router& router);
// Accepts connections until the listener closes, a new thread for each.
void serveConnections(Listener& listener, const std::atomic<bool>& running);
}  // namespace bad

namespace fixed {
// POST /orders hands the order to pool; 503 when the pool's queue is full.
void registerOrderRoutes(Router& router, WorkerPool& pool);
// Accepts connections until the listener closes, serving at most
// max_connections at once. Returns once every connection is served.
void serveConnections(Listener& listener, const std::atomic<bool>& running,
                      int max_connections);
}  // namespace fixed

}  // namespace orders

#endif
