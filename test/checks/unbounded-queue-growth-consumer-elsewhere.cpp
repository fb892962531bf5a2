// A pool whose consumer is written in another file: the push holds the
// queue's lock and wakes a waiting thread, so it hands work to a consumer
// wherever that is. A locked push that wakes nobody (a registry of
// sessions) is not taken for a queue without a consumer in sight.
// RUN: %check_both %s unbounded-queue-growth -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <queue>
#include <utility>
#include <vector>

class ThreadPool {
public:
  explicit ThreadPool(int threads); // starts the workers, in pool.cpp
  template <class F> void AddTask(F &&task) {
    {
      std::lock_guard<std::mutex> locker(pool_->mutex);
      pool_->tasks.emplace(std::forward<F>(task));
      // CHECK: :[[@LINE-1]]:20: warning: queue 'tasks' grows without bound: this push holds the queue's lock but never compares its size with a limit or waits for space
      // CHECK-NEXT: :[[@LINE+11]]:39: note: 'tasks' is declared here with no capacity
      // CHECK-NEXT: :[[@LINE+28]]:3: note: an item is pushed through this call to 'ThreadPool::AddTask'
    }
    pool_->cond.notify_one();
  }

private:
  struct Pool {
    std::mutex mutex;
    std::condition_variable cond;
    bool closed = false;
    std::queue<std::function<void()>> tasks;
  };
  std::shared_ptr<Pool> pool_;
};

class Registry {
public:
  void add(int session) {
    std::lock_guard<std::mutex> lock(mutex_);
    sessions_.push_back(session);
  }

private:
  std::mutex mutex_;
  std::vector<int> sessions_;
};

void onRead(ThreadPool &pool, Registry &registry, int fd) {
  pool.AddTask([fd] {});
  // CHECK: :[[@LINE-1]]:3: warning: 'ThreadPool::AddTask' pushes this call's item onto queue 'tasks'
  // CHECK-NEXT: :22:20: note: 'ThreadPool::AddTask' pushes onto 'tasks' here
  registry.add(fd);
}
