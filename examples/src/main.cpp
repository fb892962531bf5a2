// Runs each incident's bad and fixed version on a small simulated load and
// prints what happened. No network traffic beyond 127.0.0.1; it takes a few
// hundred milliseconds at most.
#include "orders/auto_scaling.h"
#include "orders/connection_storm.h"
#include "orders/connection_thread.h"
#include "orders/downstream_stub.h"
#include "orders/silent_buffer.h"
#include "orders/thundering_herd.h"

#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <exception>
#include <sstream>
#include <string>
#include <thread>

namespace {

using namespace orders;
using namespace std::chrono_literals;

constexpr int kOrders = 300;          // POST /orders requests
constexpr int kConnections = 200;     // connections accepted
constexpr int kEvents = 300;          // analytics events
constexpr int kGatewayRequests = 300; // requests through the API gateway
constexpr int kStockLookups = 100;    // GET /stock requests

// Hands out the server end of a socketpair that carries one request, and -1
// after `connections` of them, as a closed listener would.
class ScriptedListener : public Listener {
 public:
  explicit ScriptedListener(int connections) : remaining_(connections) {}

  int acceptConnection() override {
    int ends[2];
    if (remaining_ == 0 ||
        ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) != 0)
      return -1;
    --remaining_;
    static const char kRequest[] = "GET /health HTTP/1.1\r\nHost: orders\r\n\r\n";
    ssize_t sent = ::send(ends[1], kRequest, sizeof kRequest - 1, MSG_NOSIGNAL);
    static_cast<void>(sent);
    ::close(ends[1]);  // the client hangs up; its request stays readable
    return ends[0];
  }

 private:
  int remaining_;
};

// A burst of `count` gateway requests.
class ScriptedRequests : public RequestSource {
 public:
  explicit ScriptedRequests(int count) : remaining_(count) {}

  std::optional<Request> next() override {
    if (remaining_ == 0) return std::nullopt;
    --remaining_;
    return Request{"GET", "/api/catalog/" + std::to_string(remaining_), ""};
  }

 private:
  int remaining_;
};

Request order(int i) {
  return {"POST", "/orders", "sku=SKU-" + std::to_string(i % 17) + "&qty=1"};
}

void thunderingHerd() {
  std::printf("[1] thundering herd: %d x POST /orders, then %d connections\n",
              kOrders, kConnections);
  {
    resetStats();
    Router router;
    bad::registerOrderRoutes(router);
    long accepted = 0;
    for (int i = 0; i < kOrders; ++i)
      if (router.dispatch(order(i)).status == 202) ++accepted;
    waitFor(stats().orders_processed, accepted);
    std::printf("    bad   : %ld x 202, up to %ld order threads at once\n",
                accepted, stats().busy.peak.load());
  }
  {
    resetStats();
    WorkerPool pool(8, 64);
    Router router;
    fixed::registerOrderRoutes(router, pool);
    long accepted = 0;
    long busy = 0;
    for (int i = 0; i < kOrders; ++i) {
      const int status = router.dispatch(order(i)).status;
      if (status == 202) ++accepted;
      if (status == 503) ++busy;
    }
    waitFor(stats().orders_processed, accepted);
    std::printf("    fixed : %ld x 202, %ld x 503, up to %ld order threads "
                "at once (pool of 8)\n",
                accepted, busy, stats().busy.peak.load());
  }
  const std::atomic<bool> running{true};
  {
    resetStats();
    ScriptedListener listener(kConnections);
    bad::serveConnections(listener, running);
    waitFor(stats().connections_served, kConnections);
    std::printf("    bad   : up to %ld connection threads at once\n",
                stats().busy.peak.load());
  }
  {
    resetStats();
    ScriptedListener listener(kConnections);
    fixed::serveConnections(listener, running, 16);
    std::printf("    fixed : up to %ld connection threads at once "
                "(semaphore of 16)\n",
                stats().busy.peak.load());
  }
  // The same, with the thread started by a helper in another file.
  {
    resetStats();
    ScriptedListener listener(kConnections);
    bad::serveSessions(listener, running);
    waitFor(stats().connections_served, kConnections);
    std::printf("    bad   : up to %ld session threads at once (helper)\n",
                stats().busy.peak.load());
  }
  {
    resetStats();
    ScriptedListener listener(kConnections);
    fixed::serveSessions(listener, running, 16);
    std::printf("    fixed : up to %ld session threads at once "
                "(helper, semaphore of 16)\n",
                stats().busy.peak.load());
  }
}

void silentBuffer() {
  std::printf("[2] silent buffer: %d events while the consumer is stalled\n",
              kEvents);
  auto event = [](int i) {
    return Event{static_cast<std::uint64_t>(i), static_cast<std::uint32_t>(i % 7),
                 1, 1700000000000 + i};
  };
  {
    bad::EventProcessor processor;
    for (int i = 0; i < kEvents; ++i) processor.queue(event(i));
    std::printf("    bad   : queue() reported nothing; depth and drops are "
                "not measured (%zu events drained later)\n",
                processor.process(kEvents));
  }
  {
    fixed::EventProcessor processor(256);  // small, to show it filling up
    int full = 0;
    for (int i = 0; i < kEvents; ++i)
      if (processor.try_push(event(i)) == fixed::QueueStatus::QueueFull) ++full;
    const fixed::ProcessorMetrics& metrics = processor.metrics();
    std::printf("    fixed : %d x QueueFull, dropped counter %llu, depth gauge "
                "%zu of %zu\n",
                full, static_cast<unsigned long long>(metrics.dropped.load()),
                metrics.depth.load(), processor.capacity());
    std::ostringstream log;
    processor.reportMetrics(log);
    std::istringstream lines(log.str());
    for (std::string line; std::getline(lines, line);)
      std::printf("            log: %s\n", line.c_str());
    processor.process(kEvents);
  }
}

void autoScaling() {
  std::printf("[3] auto-scaling trap: a burst of %d gateway requests\n",
              kGatewayRequests);
  {
    resetStats();
    bad::DynamicPool pool(2, 16);
    ScriptedRequests burst(kGatewayRequests);
    bad::runGateway(burst, pool);
    const std::size_t grown = pool.workerCount();
    waitFor(stats().requests_forwarded, kGatewayRequests);
    std::this_thread::sleep_for(60ms);
    std::printf("    bad   : grew from 2 to %zu workers; %zu are still there "
                "after the burst\n",
                grown, pool.workerCount());
  }
  {
    resetStats();
    fixed::PoolLimits limits;
    limits.min_workers = 2;
    limits.max_workers = 8;
    limits.queue_capacity = 16;
    limits.idle_timeout = 20ms;  // 30 s in production
    fixed::BoundedDynamicPool pool(limits);
    ScriptedRequests burst(kGatewayRequests);
    const std::size_t rejected = fixed::runGateway(burst, pool);
    const std::size_t grown = pool.workerCount();
    waitFor(stats().requests_forwarded,
            kGatewayRequests - static_cast<long>(rejected));
    std::this_thread::sleep_for(60ms);
    std::printf("    fixed : grew from 2 to %zu workers (max 8), %zu x 503; "
                "%zu workers after the burst\n",
                grown, rejected, pool.workerCount());
  }
}

void connectionStorm() {
  std::printf("[4] connection storm: %d x GET /stock\n", kStockLookups);
  DownstreamStub inventory;
  const Endpoint where{"127.0.0.1", inventory.port()};
  auto lookups = [](const Router& router) {
    int ok = 0;
    for (int i = 0; i < kStockLookups; ++i)
      if (router.dispatch({"GET", "/stock", "SKU-" + std::to_string(i)}).status == 200)
        ++ok;
    return ok;
  };
  {
    Router router;
    bad::registerStockRoutes(router, where);
    const int ok = lookups(router);
    std::printf("    bad   : %d x 200, inventory accepted %zu connection(s)\n",
                ok, inventory.connectionsAccepted());
  }
  const std::size_t before = inventory.connectionsAccepted();
  {
    Router router;
    fixed::registerStockRoutes(router, where);
    const int ok = lookups(router);
    std::printf("    fixed : %d x 200, inventory accepted %zu connection(s) "
                "(%zu requests on a pooled one)\n",
                ok, inventory.connectionsAccepted() - before,
                fixed::sharedClient().stats().reused);
  }
}

}  // namespace

int main() {
  try {
    std::printf("unbounded-tidy examples: bad and fixed version of each "
                "incident, small simulated load\n");
    thunderingHerd();
    silentBuffer();
    autoScaling();
    connectionStorm();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "orders-service: %s\n", e.what());
    return 1;
  }
  return 0;
}
