#pragma once
#include <utility>
namespace boost {
class thread {
public:
  thread() noexcept;
  template <class F, class... A> explicit thread(F f, A... a) {}
  thread(thread &&) noexcept;
  ~thread();
  void join();
  void detach();
  static unsigned hardware_concurrency() noexcept;
  static unsigned physical_concurrency() noexcept;
};
class thread_group {
public:
  template <class F> thread *create_thread(F f) { return nullptr; }
  void add_thread(thread *t);
  void join_all();
};
} // namespace boost
