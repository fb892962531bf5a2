// Registers a thread count gauge and a rejection counter (OpenTelemetry,
// mock headers): static evidence for two Monitoring items.
#include <opentelemetry/metrics/meter.h>

void instrument(opentelemetry::metrics::Meter &meter) {
  auto threads = meter.CreateInt64ObservableGauge("worker_threads_active");
  auto rejected = meter.CreateUInt64Counter("jobs_rejected_total");
}
