//===- Fuzz-metrics-text.cpp - fuzz the guard's exposition parser ---------===//
// The guard's parser of the Prometheus text format (guard/src/MetricsText.cpp),
// which reads whatever a service serves at /metrics.
#include "unbounded/MetricsText.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  try {
    for (const unbounded::guard::MetricFamily &Family :
         unbounded::guard::parseMetricsText(
             std::string(reinterpret_cast<const char *>(Data), Size)))
      if (Family.name.empty())
        __builtin_trap(); // a family always has a name
  } catch (const unbounded::guard::MetricsTextError &) {
  }
  return 0;
}
