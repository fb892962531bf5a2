#pragma once
// Mirrors the declarations of BS::thread_pool (bshoshany/thread-pool v3).
#include <cstddef>
#include <thread>
namespace BS {
using concurrency_t = unsigned int;
class thread_pool {
public:
  thread_pool(const concurrency_t thread_count_ = 0);
  ~thread_pool();
  template <typename F> void push_task(F &&task) {}
  void wait_for_tasks();
};
} // namespace BS
