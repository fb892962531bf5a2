// The work the example service does per request, and the counters the
// simulation in main.cpp reads. The work is simulated: a short sleep stands
// in for database writes, warehouse calls and e-mail.
#ifndef ORDERS_SERVICE_H
#define ORDERS_SERVICE_H

#include "orders/http.h"

#include <atomic>
#include <chrono>

namespace orders {

// A gauge that remembers its high-water mark.
struct Gauge {
  std::atomic<long> current{0};
  std::atomic<long> peak{0};

  void enter();
  void leave() { current.fetch_sub(1); }
};

struct ServiceStats {
  Gauge busy;  // threads inside processOrder, handleConnection or forwardToBackend
  std::atomic<long> orders_processed{0};
  std::atomic<long> connections_served{0};
  std::atomic<long> requests_forwarded{0};
};

ServiceStats& stats();
void resetStats();

// Waits until counter reaches expected, for at most timeout. Returns whether
// it did.
bool waitFor(const std::atomic<long>& counter, long expected,
             std::chrono::milliseconds timeout = std::chrono::seconds(5));

// Order pipeline: process the order, notify the warehouse, send the
// confirmation e-mail.
void processOrder(const Request& req);

// Reads one request from a connected socket, answers it and closes it.
void handleConnection(int fd);

// API gateway: forwards one request to the backend that owns it.
void forwardToBackend(const Request& req);

// Hands out accepted connections; -1 once the listener is closed.
class Listener {
 public:
  virtual ~Listener() = default;
  virtual int acceptConnection() = 0;
};

}  // namespace orders

#endif
