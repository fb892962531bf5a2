#pragma once
// Mirrors oneTBB's oneapi/tbb/concurrent_queue.h: the classes live in
// tbb::detail::d2 and are exported with using-declarations.
#include <cstddef>
namespace tbb {
namespace detail {
namespace d2 {
template <typename T> class concurrent_queue {
public:
  void push(const T &value);
  void push(T &&value);
  template <typename... Args> void emplace(Args &&...args) {}
  bool try_pop(T &result);
  std::size_t unsafe_size() const;
  bool empty() const;
};
template <typename T> class concurrent_bounded_queue {
public:
  typedef std::ptrdiff_t size_type;
  void push(const T &value);
  void push(T &&value);
  bool try_push(const T &value);
  bool try_push(T &&value);
  template <typename... Args> bool try_emplace(Args &&...args) { return true; }
  void pop(T &result);
  bool try_pop(T &result);
  void set_capacity(size_type new_capacity);
  size_type size() const;
};
} // namespace d2
} // namespace detail
inline namespace v1 {
using detail::d2::concurrent_bounded_queue;
using detail::d2::concurrent_queue;
} // namespace v1
} // namespace tbb
