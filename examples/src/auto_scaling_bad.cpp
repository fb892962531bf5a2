// Incident 3, the auto-scaling trap -- PROBLEMATIC version.
//
// "Dynamic" sizing: whenever the queue is full, add a worker. There is no
// maximum, and a worker, once started, lives as long as the pool. Every
// traffic spike ratchets the pool up -- 100, 500, 1000, 5000 workers -- and
// each idle worker still holds its stack and whatever it allocated. The
// cloud bill arrives at ten times the normal cost.
// Fixed version: auto_scaling_fixed.cpp.
#include "orders/auto_scaling.h"
#include "orders/service.h"

#include <utility>

namespace orders::bad {

DynamicPool::DynamicPool(std::size_t initial_workers, std::size_t queue_capacity)
    : queue_capacity_(queue_capacity) {
  for (std::size_t i = 0; i < initial_workers; ++i)
    workers_.emplace_back(&DynamicPool::worker, this);
}

DynamicPool::~DynamicPool() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (std::thread& worker : workers_) worker.join();
}

void DynamicPool::submit(Task task) {
  std::lock_guard<std::mutex> lock(mu_);
  if (tasks_.size() >= queue_capacity_) {
    // Queue full: add more workers! No upper limit.
    workers_.emplace_back(&DynamicPool::worker, this);  // EXPECT: unbounded-pool-growth
  }
  tasks_.push_back(std::move(task));  // EXPECT: unbounded-queue-growth
  ready_.notify_one();
}

std::size_t DynamicPool::workerCount() const {
  std::lock_guard<std::mutex> lock(mu_);
  return workers_.size();
}

void DynamicPool::worker() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    // Waits for work forever: an idle worker never gives its thread back.
    ready_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
    if (tasks_.empty()) return;  // only when the pool is destroyed
    Task task = std::move(tasks_.front());
    tasks_.pop_front();
    lock.unlock();
    task();
    lock.lock();
  }
}

void runGateway(RequestSource& source, DynamicPool& pool) {
  while (std::optional<Request> request = source.next()) {
    pool.submit([req = std::move(*request)] { forwardToBackend(req); });  // EXPECT: unbounded-thread-creation // EXPECT: unbounded-queue-growth
  }
}

}  // namespace orders::bad
