// Incident 3, the auto-scaling trap: a "dynamic" pool with no upper limit.
// src/auto_scaling_bad.cpp and src/auto_scaling_fixed.cpp.
#ifndef ORDERS_AUTO_SCALING_H
#define ORDERS_AUTO_SCALING_H

#include "orders/http.h"

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace orders {

using Task = std::function<void()>;

namespace bad {
// Adds a worker whenever the queue is full. Workers never leave.
class DynamicPool {
 public:
  DynamicPool(std::size_t initial_workers, std::size_t queue_capacity);
  ~DynamicPool();

  void submit(Task task);
  std::size_t workerCount() const;

 private:
  void worker();

  const std::size_t queue_capacity_;
  mutable std::mutex mu_;
  std::condition_variable ready_;
  std::deque<Task> tasks_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

// Forwards every request from source to its backend through pool.
void runGateway(RequestSource& source, DynamicPool& pool);
}  // namespace bad

namespace fixed {
struct PoolLimits {
  std::size_t min_workers = 2;
  std::size_t max_workers = 64;
  std::size_t queue_capacity = 1'000;
  // A worker idle this long exits, unless only min_workers are left.
  std::chrono::milliseconds idle_timeout = std::chrono::seconds(30);
};

enum class SubmitStatus { Accepted, PoolFull, ShuttingDown };

// Grows up to max_workers when the queue is full, shrinks back to
// min_workers when idle, and rejects work beyond that.
class BoundedDynamicPool {
 public:
  explicit BoundedDynamicPool(PoolLimits limits);
  // Runs the tasks already queued, then waits for every worker to exit.
  ~BoundedDynamicPool();

  BoundedDynamicPool(const BoundedDynamicPool&) = delete;
  BoundedDynamicPool& operator=(const BoundedDynamicPool&) = delete;

  SubmitStatus submit(Task task);
  std::size_t workerCount() const;

 private:
  bool tryAddWorker();  // requires mu_
  void worker();

  const PoolLimits limits_;
  mutable std::mutex mu_;
  std::condition_variable ready_;
  std::condition_variable exited_;
  std::deque<Task> tasks_;
  std::size_t workers_ = 0;
  bool stopping_ = false;
};

// Forwards every request from source to its backend through pool; returns
// how many were rejected with 503 because the pool was at its limit.
std::size_t runGateway(RequestSource& source, BoundedDynamicPool& pool);
}  // namespace fixed

}  // namespace orders

#endif
