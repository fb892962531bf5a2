#pragma once
// Mirrors spdlog/async.h: init_thread_pool(queue_size, thread_count).
#include <cstddef>
#include <functional>
#include <spdlog/details/thread_pool.h>
namespace spdlog {
static const std::size_t default_async_q_size = 8192;
inline void init_thread_pool(std::size_t q_size, std::size_t thread_count,
                             std::function<void()> on_thread_start) {}
inline void init_thread_pool(std::size_t q_size, std::size_t thread_count) {}
} // namespace spdlog
