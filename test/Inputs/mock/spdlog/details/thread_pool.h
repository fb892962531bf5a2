#pragma once
// Mirrors the constructors of spdlog::details::thread_pool.
#include <cstddef>
#include <functional>
namespace spdlog {
namespace details {
class thread_pool {
public:
  thread_pool(std::size_t q_max_items, std::size_t threads_n,
              std::function<void()> on_thread_start);
  thread_pool(std::size_t q_max_items, std::size_t threads_n);
  std::size_t queue_size();
};
} // namespace details
} // namespace spdlog
