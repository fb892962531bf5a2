// Analytics events and a thread-safe, fixed-capacity ring buffer for them.
#ifndef ORDERS_EVENT_QUEUE_H
#define ORDERS_EVENT_QUEUE_H

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <vector>

namespace orders {

struct Event {
  std::uint64_t id = 0;
  std::uint32_t user = 0;
  std::uint32_t kind = 0;
  std::int64_t at_ms = 0;
};

// All `capacity` slots are allocated up front, like a buffered channel.
class EventQueue {
 public:
  explicit EventQueue(std::size_t capacity);

  // Stores event, or returns false (and stores nothing) when full.
  bool push(const Event& event);
  std::optional<Event> pop();

  std::size_t size() const;
  std::size_t capacity() const { return slots_.size(); }

 private:
  mutable std::mutex mu_;
  std::vector<Event> slots_;
  std::size_t head_ = 0;
  std::size_t size_ = 0;
};

}  // namespace orders

#endif
