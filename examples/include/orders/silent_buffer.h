// Incident 2, the silent buffer: an oversized queue that hides backpressure.
// src/silent_buffer_bad.cpp and src/silent_buffer_fixed.cpp.
#ifndef ORDERS_SILENT_BUFFER_H
#define ORDERS_SILENT_BUFFER_H

#include "orders/event_queue.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <ostream>

namespace orders {

namespace bad {
class EventProcessor {
 public:
  EventProcessor();

  // Producer side: never blocks, never fails, never tells.
  void queue(const Event& event);
  // Consumer side: handles up to max_events queued events.
  std::size_t process(std::size_t max_events);

 private:
  EventQueue events_;
};
}  // namespace bad

namespace fixed {
enum class QueueStatus { Ok, QueueFull };

struct ProcessorMetrics {
  std::atomic<std::uint64_t> queued{0};
  std::atomic<std::uint64_t> dropped{0};  // alert on any increase
  std::atomic<std::uint64_t> processed{0};
  std::atomic<std::size_t> depth{0};      // gauge: events waiting
};

class EventProcessor {
 public:
  static constexpr std::size_t kDefaultCapacity = 10'000;

  explicit EventProcessor(std::size_t capacity = kDefaultCapacity);

  // Producer side: QueueFull tells the caller to slow down or shed load.
  QueueStatus try_push(const Event& event);
  std::size_t process(std::size_t max_events);

  const ProcessorMetrics& metrics() const { return metrics_; }
  std::size_t capacity() const { return events_.capacity(); }
  // Logs a warning above half the capacity, critical above 80%.
  void reportMetrics(std::ostream& log) const;

 private:
  EventQueue events_;
  ProcessorMetrics metrics_;
};
}  // namespace fixed

}  // namespace orders

#endif
