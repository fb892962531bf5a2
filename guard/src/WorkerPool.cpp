#include "unbounded/WorkerPool.h"

#include <algorithm>
#include <stdexcept>
#include <system_error>

namespace unbounded::guard {
namespace {

/// The pool whose worker runs on this thread, if any.
thread_local const WorkerPool *currentPool = nullptr;

} // namespace

void WorkerPoolOptions::validate() const {
  if (maxWorkers == 0)
    throw std::invalid_argument("WorkerPool: maxWorkers must be at least 1");
  if (minWorkers > maxWorkers)
    throw std::invalid_argument(
        "WorkerPool: minWorkers must not exceed maxWorkers");
  if (idleTimeout.count() <= 0)
    throw std::invalid_argument("WorkerPool: idleTimeout must be positive");
}

const char *submitStatusName(SubmitStatus status) {
  switch (status) {
  case SubmitStatus::Accepted:
    return "accepted";
  case SubmitStatus::RejectedFull:
    return "rejected_full";
  case SubmitStatus::RejectedShutdown:
    return "rejected_shutdown";
  }
  return "unknown";
}

WorkerPool::WorkerPool(WorkerPoolOptions options)
    : options_(std::move(options)) {
  options_.validate();
  stats_.queueCapacity = options_.queueCapacity;
  stats_.maxWorkers = options_.maxWorkers;
  std::lock_guard<std::mutex> lock(mutex_);
  for (std::size_t i = 0; i < options_.minWorkers; ++i)
    spawnWorkerLocked();
}

WorkerPool::~WorkerPool() { shutdown(ShutdownMode::Drain); }

bool WorkerPool::spawnWorkerLocked() {
  try {
    threads_.emplace_back([this] { workerLoop(); });
  } catch (const std::system_error &) {
    ++stats_.spawnFailures; // EAGAIN and friends: degrade, never crash
    return false;
  }
  ++stats_.workers;
  ++stats_.idleWorkers; // a new worker starts out waiting for work
  stats_.peakWorkers = std::max(stats_.peakWorkers, stats_.workers);
  return true;
}

SubmitStatus WorkerPool::submit(Task task, Task onCancel) {
  std::vector<std::thread> retired;
  std::unique_lock<std::mutex> lock(mutex_);
  ++stats_.submitted;
  if (stopping_) {
    ++stats_.rejected;
    return SubmitStatus::RejectedShutdown;
  }
  joinRetiredLocked(retired);
  // A new worker only when every idle one already has a task waiting for it.
  if (stats_.idleWorkers <= queue_.size() &&
      stats_.workers < options_.maxWorkers)
    spawnWorkerLocked();
  // Tasks an idle worker is about to take do not count against the capacity.
  if (queue_.size() >= options_.queueCapacity + stats_.idleWorkers) {
    ++stats_.rejected;
    lock.unlock();
    joinAll(retired);
    return SubmitStatus::RejectedFull;
  }
  queue_.push_back({std::move(task), std::move(onCancel)});
  ++stats_.accepted;
  lock.unlock();
  workAvailable_.notify_one();
  joinAll(retired);
  return SubmitStatus::Accepted;
}

void WorkerPool::runTask(Entry &entry) {
  bool ok = true;
  try {
    entry.task();
  } catch (...) {
    ok = false; // a throwing task is counted, never fatal to the worker
  }
  std::lock_guard<std::mutex> lock(mutex_);
  ++(ok ? stats_.completed : stats_.failed);
}

void WorkerPool::workerLoop() {
  currentPool = this;
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    const bool woke = workAvailable_.wait_for(lock, options_.idleTimeout, [&] {
      return stopping_ || !queue_.empty();
    });
    if (!queue_.empty()) {
      Entry entry = std::move(queue_.front());
      queue_.pop_front();
      --stats_.idleWorkers;
      lock.unlock();
      runTask(entry);
      lock.lock();
      ++stats_.idleWorkers;
      continue;
    }
    if (stopping_)
      break;
    if (!woke && stats_.workers > options_.minWorkers) {
      retired_.push_back(std::this_thread::get_id());
      ++stats_.retiredWorkers;
      break;
    }
  }
  --stats_.idleWorkers;
  --stats_.workers;
}

void WorkerPool::joinAll(std::vector<std::thread> &threads) {
  for (std::thread &thread : threads)
    thread.join();
}

void WorkerPool::shutdown(ShutdownMode mode) {
  std::deque<Entry> cancelled;
  std::vector<std::thread> threads;
  {
    std::unique_lock<std::mutex> lock(mutex_);
    if (stopped_)
      return;
    if (currentPool == this)
      throw std::logic_error("WorkerPool '" + options_.name +
                             "': shutdown called from its own task");
    stopping_ = true;
    if (mode == ShutdownMode::Reject)
      cancelled.swap(queue_);
    stats_.cancelled += cancelled.size();
    threads.swap(threads_);
  }
  workAvailable_.notify_all();
  for (Entry &entry : cancelled)
    if (entry.onCancel)
      entry.onCancel();
  joinAll(threads);
  // Tasks accepted while no worker could be created are run by the caller.
  std::unique_lock<std::mutex> lock(mutex_);
  while (!queue_.empty()) {
    Entry entry = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    runTask(entry);
    lock.lock();
  }
  retired_.clear();
  stopped_ = true;
}

WorkerPoolStats WorkerPool::stats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  WorkerPoolStats copy = stats_;
  copy.queueDepth = queue_.size();
  return copy;
}

void WorkerPool::joinRetiredLocked(std::vector<std::thread> &out) {
  for (std::thread::id id : retired_) {
    auto it = std::find_if(
        threads_.begin(), threads_.end(),
        [&](const std::thread &thread) { return thread.get_id() == id; });
    if (it == threads_.end())
      continue;
    out.push_back(std::move(*it));
    threads_.erase(it);
  }
  retired_.clear();
}

} // namespace unbounded::guard
