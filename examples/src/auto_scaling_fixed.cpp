// Incident 3, the auto-scaling trap -- FIXED version.
//
// The pool still grows under load, but only up to max_workers; past that,
// submit() says PoolFull and the gateway answers 503. A worker that has been
// idle for idle_timeout (30 s by default) exits unless the pool is already
// down to min_workers, so the pool shrinks back after a spike.
// Problematic version: auto_scaling_bad.cpp.
#include "orders/auto_scaling.h"
#include "orders/service.h"

#include <system_error>
#include <utility>

namespace orders::fixed {

BoundedDynamicPool::BoundedDynamicPool(PoolLimits limits) : limits_(limits) {
  std::lock_guard<std::mutex> lock(mu_);
  for (std::size_t i = 0; i < limits_.min_workers; ++i) tryAddWorker();
}

BoundedDynamicPool::~BoundedDynamicPool() {
  std::unique_lock<std::mutex> lock(mu_);
  stopping_ = true;
  ready_.notify_all();
  // Workers are detached; each one signals exited_ under mu_ as it leaves.
  exited_.wait(lock, [this] { return workers_ == 0; });
}

SubmitStatus BoundedDynamicPool::submit(Task task) {
  std::lock_guard<std::mutex> lock(mu_);
  if (stopping_) return SubmitStatus::ShuttingDown;
  // Queue full: grow if still under the maximum, otherwise push back.
  if (tasks_.size() >= limits_.queue_capacity && !tryAddWorker())
    return SubmitStatus::PoolFull;
  tasks_.push_back(std::move(task));
  ready_.notify_one();
  return SubmitStatus::Accepted;
}

// Called with mu_ held, so the check and the increment are one step.
bool BoundedDynamicPool::tryAddWorker() {
  if (workers_ >= limits_.max_workers) return false;
  try {
    std::thread(&BoundedDynamicPool::worker, this).detach();
  } catch (const std::system_error&) {
    return false;  // out of threads: treat like being at the maximum
  }
  ++workers_;
  return true;
}

std::size_t BoundedDynamicPool::workerCount() const {
  std::lock_guard<std::mutex> lock(mu_);
  return workers_;
}

void BoundedDynamicPool::worker() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    if (tasks_.empty() && !stopping_) {
      if (ready_.wait_for(lock, limits_.idle_timeout) == std::cv_status::timeout &&
          tasks_.empty() && !stopping_ && workers_ > limits_.min_workers)
        break;  // idle too long, and above the minimum: scale down
      continue;
    }
    if (tasks_.empty()) break;  // stopping, and nothing left to run
    Task task = std::move(tasks_.front());
    tasks_.pop_front();
    lock.unlock();
    task();
    lock.lock();
  }
  --workers_;
  exited_.notify_all();
}

std::size_t runGateway(RequestSource& source, BoundedDynamicPool& pool) {
  std::size_t rejected = 0;
  while (std::optional<Request> request = source.next()) {
    SubmitStatus status =
        pool.submit([req = std::move(*request)] { forwardToBackend(req); });
    if (status != SubmitStatus::Accepted) ++rejected;  // 503: retry later
  }
  return rejected;
}

}  // namespace orders::fixed
