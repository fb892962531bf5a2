#pragma once
// Mirrors rigtorp/SPSCQueue.h (github.com/rigtorp/SPSCQueue).
#include <cstddef>
namespace rigtorp {
template <typename T> class SPSCQueue {
public:
  explicit SPSCQueue(const std::size_t capacity);
  template <typename... Args> void emplace(Args &&...args) {}
  template <typename... Args> bool try_emplace(Args &&...args) { return true; }
  void push(const T &v);
  template <typename P> void push(P &&v) {}
  bool try_push(const T &v);
  template <typename P> bool try_push(P &&v) { return true; }
  T *front() noexcept;
  void pop() noexcept;
  std::size_t size() const noexcept;
  std::size_t capacity() const noexcept;
};
} // namespace rigtorp
