#ifndef UNBOUNDED_BOUNDEDQUEUE_H
#define UNBOUNDED_BOUNDEDQUEUE_H

/// \file
/// BoundedQueue<T>: a fixed-capacity, thread-safe FIFO whose producers always
/// learn what happened to their item (case study 2's fix). Every push attempt
/// is counted either as queued or as dropped; nothing is lost silently.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <stdexcept>

namespace unbounded::guard {

/// What happened to a pushed item. Anything but Ok means the caller still owns
/// it.
enum class PushStatus { Ok, Full, Timeout, Closed };

/// "ok", "full", "timeout", "closed".
inline const char *pushStatusName(PushStatus status) {
  switch (status) {
  case PushStatus::Ok:
    return "ok";
  case PushStatus::Full:
    return "full";
  case PushStatus::Timeout:
    return "timeout";
  case PushStatus::Closed:
    return "closed";
  }
  return "unknown";
}

/// Counters of one queue, read together under its lock.
struct QueueStats {
  std::size_t capacity = 0;
  std::size_t depth = 0;
  std::size_t peakDepth = 0;
  uint64_t queued = 0;  ///< pushes accepted
  uint64_t dropped = 0; ///< pushes refused: full, timed out or closed
  uint64_t popped = 0;
  bool closed = false;
};

/// Guarantees: capacity is fixed at construction and never exceeded;
/// queued == popped + depth at any moment; every refused push increments
/// dropped and returns a non-Ok status; after close() pushes are refused and
/// pops drain what is left, then return empty. All members are thread-safe.
template <typename T> class BoundedQueue {
public:
  /// Throws std::invalid_argument for capacity 0: a queue that can hold
  /// nothing is a configuration error, not a bound.
  explicit BoundedQueue(std::size_t capacity) : capacity_(capacity) {
    if (capacity == 0)
      throw std::invalid_argument("BoundedQueue: capacity must be at least 1");
  }

  BoundedQueue(const BoundedQueue &) = delete;
  BoundedQueue &operator=(const BoundedQueue &) = delete;

  /// Never blocks. On anything but Ok, \p item is left untouched.
  PushStatus tryPush(T &&item) {
    std::unique_lock<std::mutex> lock(mutex_);
    return pushLocked(std::move(item), lock);
  }
  PushStatus tryPush(const T &item) {
    T copy(item);
    return tryPush(std::move(copy));
  }

  /// Waits up to \p timeout for room.
  template <typename Rep, typename Period>
  PushStatus pushFor(T &&item, std::chrono::duration<Rep, Period> timeout) {
    std::unique_lock<std::mutex> lock(mutex_);
    ++pushWaiters_;
    const bool room = notFull_.wait_for(
        lock, timeout, [&] { return closed_ || items_.size() < capacity_; });
    --pushWaiters_;
    if (!room) {
      ++dropped_;
      return PushStatus::Timeout;
    }
    return pushLocked(std::move(item), lock);
  }

  /// Blocks until there is room or the queue is closed.
  PushStatus push(T &&item) {
    std::unique_lock<std::mutex> lock(mutex_);
    ++pushWaiters_;
    notFull_.wait(lock, [&] { return closed_ || items_.size() < capacity_; });
    --pushWaiters_;
    return pushLocked(std::move(item), lock);
  }

  /// Never blocks; empty when nothing is queued.
  std::optional<T> tryPop() {
    std::unique_lock<std::mutex> lock(mutex_);
    return popLocked(lock);
  }

  /// Blocks until an item arrives; empty once closed and drained.
  std::optional<T> pop() {
    std::unique_lock<std::mutex> lock(mutex_);
    ++popWaiters_;
    notEmpty_.wait(lock, [&] { return closed_ || !items_.empty(); });
    --popWaiters_;
    return popLocked(lock);
  }

  /// Waits up to \p timeout for an item.
  template <typename Rep, typename Period>
  std::optional<T> popFor(std::chrono::duration<Rep, Period> timeout) {
    std::unique_lock<std::mutex> lock(mutex_);
    ++popWaiters_;
    notEmpty_.wait_for(lock, timeout,
                       [&] { return closed_ || !items_.empty(); });
    --popWaiters_;
    return popLocked(lock);
  }

  /// Refuses further pushes and wakes every waiter. Idempotent.
  void close() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      closed_ = true;
    }
    notFull_.notify_all();
    notEmpty_.notify_all();
  }

  std::size_t capacity() const { return capacity_; }

  /// The depth gauge.
  std::size_t depth() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return items_.size();
  }

  QueueStats stats() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return {capacity_, items_.size(), peakDepth_, queued_,
            dropped_,  popped_,       closed_};
  }

private:
  PushStatus pushLocked(T &&item, std::unique_lock<std::mutex> &lock) {
    if (closed_) {
      ++dropped_;
      return PushStatus::Closed;
    }
    if (items_.size() >= capacity_) {
      ++dropped_;
      return PushStatus::Full;
    }
    items_.push_back(std::move(item));
    ++queued_;
    if (items_.size() > peakDepth_)
      peakDepth_ = items_.size();
    const bool wake = popWaiters_ > 0;
    lock.unlock();
    if (wake)
      notEmpty_.notify_one();
    return PushStatus::Ok;
  }

  std::optional<T> popLocked(std::unique_lock<std::mutex> &lock) {
    if (items_.empty())
      return std::nullopt;
    std::optional<T> item(std::move(items_.front()));
    items_.pop_front();
    ++popped_;
    const bool wake = pushWaiters_ > 0;
    lock.unlock();
    if (wake)
      notFull_.notify_one();
    return item;
  }

  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::condition_variable notFull_;
  std::condition_variable notEmpty_;
  std::deque<T> items_;
  std::size_t peakDepth_ = 0;
  uint64_t queued_ = 0;
  uint64_t dropped_ = 0;
  uint64_t popped_ = 0;
  int pushWaiters_ = 0; ///< notifications only when someone waits
  int popWaiters_ = 0;
  bool closed_ = false;
};

} // namespace unbounded::guard

#endif
