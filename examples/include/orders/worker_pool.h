// A fixed-size worker pool with a bounded task queue: the fix for the
// thundering herd. try_submit() never blocks and never starts a thread; when
// the queue is full it says so, and the caller answers 503.
#ifndef ORDERS_WORKER_POOL_H
#define ORDERS_WORKER_POOL_H

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace orders {

class WorkerPool {
 public:
  using Task = std::function<void()>;

  // Starts `workers` threads up front; at most `queue_capacity` tasks wait.
  WorkerPool(std::size_t workers, std::size_t queue_capacity);
  // Runs the tasks already queued, then joins the workers.
  ~WorkerPool();

  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Queues task, or returns false if the queue is full.
  bool try_submit(Task task);

  std::size_t rejected() const;
  // Tasks waiting now, and the most that may wait.
  std::size_t depth() const;
  std::size_t capacity() const { return capacity_; }

 private:
  void run();

  const std::size_t capacity_;
  mutable std::mutex mu_;
  std::condition_variable ready_;
  std::deque<Task> tasks_;
  std::size_t rejected_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace orders

#endif
