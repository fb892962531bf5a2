// A push inside the project's own queue or pool class is reported there,
// with notes at the calls that feed it (the producers), also through a
// method of the class that forwards to the pushing one; at most three.
// RUN: %check_both %s unbounded-queue-growth -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <condition_variable>
#include <functional>
#include <mutex>
#include <queue>

class TaskPool {
public:
  void append(std::function<void()> task) {
    std::lock_guard<std::mutex> lock(mutex_);
    tasks_.push(std::move(task));
    // CHECK: :[[@LINE-1]]:12: warning: queue 'tasks_' grows without bound: this push holds the queue's lock
    // CHECK-NEXT: :[[@LINE+16]]:37: note: 'tasks_' is declared here with no capacity
    // CHECK-NEXT: :[[@LINE+19]]:3: note: an item is pushed through this call to 'TaskPool::append'
    // CHECK-NEXT: :[[@LINE+21]]:3: note: an item is pushed through this call to 'TaskPool::append'
    // CHECK-NEXT: :[[@LINE+23]]:3: note: an item is pushed through this call to 'TaskPool::appendRead'
    cv_.notify_one();
  }
  void appendRead(int fd) { append([fd] {}); }
  void run() {
    std::unique_lock<std::mutex> lock(mutex_);
    cv_.wait(lock, [this] { return !tasks_.empty(); });
    tasks_.pop();
  }

private:
  std::mutex mutex_;
  std::condition_variable cv_;
  std::queue<std::function<void()>> tasks_;
};

void onRead(TaskPool &pool, int fd) {
  pool.append([fd] {});
}
void onWrite(TaskPool &pool, int fd) {
  pool.append([fd] {});
}
void onAccept(TaskPool &pool, int fd) {
  pool.appendRead(fd);
}
void onClose(TaskPool &pool, int fd) {
  pool.appendRead(fd);
}
