// Fixed-capacity ring buffer (see event_queue.h).
#include "orders/event_queue.h"

namespace orders {

EventQueue::EventQueue(std::size_t capacity) : slots_(capacity) {}

bool EventQueue::push(const Event& event) {
  std::lock_guard<std::mutex> lock(mu_);
  if (size_ == slots_.size()) return false;
  slots_[(head_ + size_) % slots_.size()] = event;
  ++size_;
  return true;
}

std::optional<Event> EventQueue::pop() {
  std::lock_guard<std::mutex> lock(mu_);
  if (size_ == 0) return std::nullopt;
  Event event = slots_[head_];
  head_ = (head_ + 1) % slots_.size();
  --size_;
  return event;
}

std::size_t EventQueue::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return size_;
}

}  // namespace orders
