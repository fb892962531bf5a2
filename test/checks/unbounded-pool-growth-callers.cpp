// A pool method that adds a worker without a limit of its own is bounded when
// every call in the translation unit compares the worker count with a limit
// first; one call without that comparison is enough to report it.
// RUN: %check_both %s unbounded-pool-growth -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <functional>
#include <thread>
#include <vector>

using Task = std::function<void()>;

// Limited by its only caller.
class CallerLimitedPool {
public:
  void submit(Task task) {
    if (workers_.size() < maxWorkers_ && idle_ == 0)
      addWorker();
    push(std::move(task));
  }

private:
  void addWorker() { workers_.emplace_back(&CallerLimitedPool::run, this); }
  void run();
  void push(Task task);
  std::vector<std::thread> workers_;
  unsigned maxWorkers_ = 16, idle_ = 0;
};

// One caller checks, the other does not.
class HalfLimitedPool {
public:
  void submit(Task task) {
    if (workers_.size() < maxWorkers_)
      addWorker();
    push(std::move(task));
  }
  void burst(Task task) {
    addWorker();
    push(std::move(task));
  }

private:
  void addWorker() { workers_.emplace_back(&HalfLimitedPool::run, this); }
  // CHECK: :[[@LINE-1]]:31: warning: pool 'HalfLimitedPool' adds a worker here with no maximum
  // CHECK-NEXT: :[[@LINE+3]]:28: note: workers are kept in 'workers_', which nothing bounds
  void run();
  void push(Task task);
  std::vector<std::thread> workers_;
  unsigned maxWorkers_ = 16;
};
