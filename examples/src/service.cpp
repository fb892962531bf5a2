// Simulated per-request work and the counters main.cpp reports.
#include "orders/service.h"

#include <sys/socket.h>
#include <unistd.h>

#include <thread>

namespace orders {
namespace {

// Stands in for I/O: the thread is busy but uses no CPU.
void simulateIo(std::chrono::microseconds duration) {
  std::this_thread::sleep_for(duration);
}

// Counts the calling thread as busy for its lifetime.
class BusyScope {
 public:
  BusyScope() { stats().busy.enter(); }
  ~BusyScope() { stats().busy.leave(); }
  BusyScope(const BusyScope&) = delete;
  BusyScope& operator=(const BusyScope&) = delete;
};

}  // namespace

void Gauge::enter() {
  long now = current.fetch_add(1) + 1;
  long seen = peak.load();
  while (now > seen && !peak.compare_exchange_weak(seen, now)) {
  }
}

ServiceStats& stats() {
  static ServiceStats instance;
  return instance;
}

void resetStats() {
  ServiceStats& s = stats();
  s.busy.current = 0;
  s.busy.peak = 0;
  s.orders_processed = 0;
  s.connections_served = 0;
  s.requests_forwarded = 0;
}

bool waitFor(const std::atomic<long>& counter, long expected,
             std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (counter.load() < expected) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  return true;
}

void processOrder(const Request& req) {
  {
    BusyScope busy;
    simulateIo(std::chrono::microseconds(2000 + req.body.size()));
  }
  // Last, so that a caller waiting on the counter sees a finished order.
  stats().orders_processed.fetch_add(1);
}

void handleConnection(int fd) {
  {
    BusyScope busy;
    char buffer[1024];
    if (::recv(fd, buffer, sizeof buffer, 0) > 0) {
      simulateIo(std::chrono::microseconds(1000));
      static const char kOk[] =
          "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok";
      // The client may have hung up already; MSG_NOSIGNAL turns that into
      // EPIPE instead of SIGPIPE.
      ssize_t sent = ::send(fd, kOk, sizeof kOk - 1, MSG_NOSIGNAL);
      static_cast<void>(sent);
    }
    ::close(fd);
  }
  stats().connections_served.fetch_add(1);
}

void forwardToBackend(const Request& req) {
  {
    BusyScope busy;
    simulateIo(std::chrono::microseconds(1000 + req.path.size()));
  }
  stats().requests_forwarded.fetch_add(1);
}

}  // namespace orders
