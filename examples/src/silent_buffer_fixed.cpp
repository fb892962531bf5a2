// Incident 2, the silent buffer -- FIXED version.
//
// A buffer sized for a few seconds of traffic (10'000 events), a status the
// producer must look at, a dropped-events counter to alert on and a depth
// gauge to watch. Backpressure is visible within minutes, not hours.
// Problematic version: silent_buffer_bad.cpp.
#include "orders/silent_buffer.h"

namespace orders::fixed {

EventProcessor::EventProcessor(std::size_t capacity) : events_(capacity) {}

QueueStatus EventProcessor::try_push(const Event& event) {
  if (!events_.push(event)) {
    metrics_.dropped.fetch_add(1);
    return QueueStatus::QueueFull;
  }
  metrics_.queued.fetch_add(1);
  metrics_.depth.store(events_.size());
  return QueueStatus::Ok;
}

std::size_t EventProcessor::process(std::size_t max_events) {
  std::size_t handled = 0;
  while (handled < max_events) {
    std::optional<Event> event = events_.pop();
    if (!event) break;
    ++handled;  // aggregate event->kind per user, write to the report store
  }
  metrics_.processed.fetch_add(handled);
  metrics_.depth.store(events_.size());
  return handled;
}

void EventProcessor::reportMetrics(std::ostream& log) const {
  const std::size_t depth = metrics_.depth.load();
  const std::size_t capacity = events_.capacity();
  if (depth * 10 > capacity * 8) {
    log << "CRITICAL: event queue near capacity: " << depth << "/" << capacity
        << "\n";
  } else if (depth * 2 > capacity) {
    log << "WARN: event queue depth: " << depth << "/" << capacity << "\n";
  }
  if (const std::uint64_t dropped = metrics_.dropped.load(); dropped > 0)
    log << "CRITICAL: " << dropped << " events dropped\n";
}

}  // namespace orders::fixed
