#pragma once
// Mirrors folly/MPMCQueue.h: the write family lives in the base class
// folly::detail::MPMCQueueBase.
#include <atomic>
#include <chrono>
#include <cstddef>
namespace folly {
template <typename T, template <typename> class Atom = std::atomic,
          bool Dynamic = false>
class MPMCQueue;
namespace detail {
template <typename Derived> class MPMCQueueBase {
public:
  explicit MPMCQueueBase(std::size_t queueCapacity);
  template <typename... Args> void blockingWrite(Args &&...args) noexcept {}
  template <typename... Args> bool write(Args &&...args) noexcept {
    return true;
  }
  template <class Clock, typename... Args>
  bool tryWriteUntil(const std::chrono::time_point<Clock> &when,
                     Args &&...args) noexcept {
    return true;
  }
  template <typename... Args> bool writeIfNotFull(Args &&...args) noexcept {
    return true;
  }
  template <typename U> bool read(U &elem) noexcept { return true; }
  std::ptrdiff_t size() const noexcept;
  std::size_t capacity() const noexcept;
};
} // namespace detail
template <typename T, template <typename> class Atom, bool Dynamic>
class MPMCQueue
    : public detail::MPMCQueueBase<MPMCQueue<T, Atom, Dynamic>> {
public:
  explicit MPMCQueue(std::size_t queueCapacity)
      : detail::MPMCQueueBase<MPMCQueue<T, Atom, Dynamic>>(queueCapacity) {}
  MPMCQueue() noexcept;
};
} // namespace folly
