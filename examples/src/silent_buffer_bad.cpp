// Incident 2, the silent buffer -- PROBLEMATIC version.
//
// A million-event buffer "big enough to never block". At 10x normal traffic
// it fills over hours while nobody can see its depth; once full, every new
// event is thrown away and the producer is not told. The gap in the reports
// is found six hours later.
// Fixed version: silent_buffer_fixed.cpp.
#include "orders/silent_buffer.h"

namespace orders::bad {

EventProcessor::EventProcessor()
    // Let's make it big enough to never block.
    : events_(1'000'000) {}  // EXPECT: unbounded-queue-capacity

void EventProcessor::queue(const Event& event) {
  // Never blocks -- until the buffer is full. Then push() returns false and
  // the event is gone: no error for the caller, no counter, no log line.
  events_.push(event);  // EXPECT: unbounded-silent-drop
}

std::size_t EventProcessor::process(std::size_t max_events) {
  std::size_t handled = 0;
  while (handled < max_events) {
    std::optional<Event> event = events_.pop();
    if (!event) break;
    ++handled;  // aggregate event->kind per user, write to the report store
  }
  return handled;
}

}  // namespace orders::bad
