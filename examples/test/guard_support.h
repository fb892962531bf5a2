// What the fixed and the bad service's guard tests share: the service's
// declared capacity plan, the request they are loaded with, and the
// downstream-failure scenarios.
#ifndef ORDERS_TEST_GUARD_SUPPORT_H
#define ORDERS_TEST_GUARD_SUPPORT_H

#include "orders/http.h"

#include <unbounded/Chaos.h>
#include <unbounded/LoadTest.h>

#include <chrono>
#include <string>
#include <vector>

namespace orders::test {

// The capacity plan both versions are held to: the expected peak of
// POST /orders, and what the service may use at twice that.
constexpr double kExpectedPeakRps = 400;

inline unbounded::guard::DeclaredLimits serviceLimits() {
  unbounded::guard::DeclaredLimits limits;
  limits.maxThreads = 16;
  limits.maxFds = 64;
  limits.maxQueueDepth = 64;
  return limits;
}

// The guard's artificial thread limit for every test: a service that grows
// a thread per request fails fast here instead of exhausting the machine.
// Room for the service's 16, the load generator's 8 and the sampler.
constexpr int64_t kArtificialThreadLimit = 32;

// A large order: processOrder() works 2 ms plus 1 us per body byte, so
// about 50 ms; at 800 requests/s about 40 are in progress at any time.
inline Request bigOrder() { return Request{"POST", "/orders", std::string(48'000, 'x')}; }

inline unbounded::guard::LoadTestOptions orderLoad() {
  unbounded::guard::LoadTestOptions options;
  options.name = "POST /orders";
  options.declaredPeakRps = kExpectedPeakRps;
  options.duration = std::chrono::seconds(1);
  options.limits = serviceLimits();
  return options;
}

// The inventory service failing in each way the chaos helper can make it.
inline std::vector<unbounded::guard::Fault> inventoryFaults() {
  using unbounded::guard::Fault;
  return {Fault::Refuse, Fault::Timeout, Fault::Reset};
}

inline unbounded::guard::ChaosOptions inventoryChaos(int port, unbounded::guard::Fault fault) {
  unbounded::guard::ChaosOptions options;
  options.downstream = "inventory";
  options.port = port;
  options.fault = fault;
  options.delay = std::chrono::milliseconds(50);
  options.limits = serviceLimits();
  return options;
}

}  // namespace orders::test

#endif
