#pragma once
// Mirrors rigtorp/MPMCQueue.h (github.com/rigtorp/MPMCQueue): the class is
// rigtorp::mpmc::Queue, exported as rigtorp::MPMCQueue.
#include <cstddef>
namespace rigtorp {
namespace mpmc {
template <typename T> class Queue {
public:
  explicit Queue(const std::size_t capacity);
  template <typename... Args> void emplace(Args &&...args) noexcept {}
  template <typename... Args> bool try_emplace(Args &&...args) noexcept {
    return true;
  }
  void push(const T &v) noexcept;
  template <typename P> void push(P &&v) noexcept {}
  bool try_push(const T &v) noexcept;
  template <typename P> bool try_push(P &&v) noexcept { return true; }
  void pop(T &v) noexcept;
  bool try_pop(T &v) noexcept;
  std::ptrdiff_t size() const noexcept;
};
} // namespace mpmc
template <typename T> using MPMCQueue = mpmc::Queue<T>;
} // namespace rigtorp
