// Case study 1 (the thundering herd) and 3 (the auto-scaling trap) in C++:
// the original code is flagged, the fixed versions stay quiet.
// RUN: %check_both %s unbounded-thread-creation -- -std=c++20 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <semaphore>
#include <thread>
#include <vector>

struct Request {};
struct Response {
  int status = 200;
};
struct Server {
  void Post(const char *path, std::function<void(const Request &, Response &)> h);
};
void processOrder(const Request &);
void notifyWarehouse(const Request &);
void sendConfirmationEmail(const Request &);
using Task = std::function<void()>;

namespace problematic {
// Every request spawned a thread: 50K req/s became 50K live threads.
void handleOrder(const Request &r, Response &w) {
  std::thread([r] {
    // CHECK: :[[@LINE-1]]:3: warning: thread started by 'std::thread' on every request to this handler is detached
    // CHECK-NEXT: :[[@LINE+8]]:29: note: 'Post' registers the handler, which runs once per request
    processOrder(r);
    notifyWarehouse(r);
    sendConfirmationEmail(r);
  }).detach();
  // CHECK-NEXT: :[[@LINE-1]]:6: note: thread detached here
  w.status = 202;
}
void install(Server &s) { s.Post("/order", handleOrder); }

// Lessons learned, "BAD: never do this".
void processAll(const std::vector<Task> &tasks) {
  int workers = 0;
  for (const Task &task : tasks) {
    workers++;
    std::thread(task).detach();
    // CHECK: :[[@LINE-1]]:5: warning: thread started by 'std::thread' on every iteration of an unbounded loop is detached
    // CHECK-NEXT: :[[@LINE-4]]:3: note: the loop is unbounded: it runs once per element of 'tasks'
    // CHECK-NEXT: :[[@LINE-3]]:23: note: thread detached here
  }
}

// Case study 3: a "dynamic" pool adds a worker whenever its queue is full.
class DynamicPool {
public:
  void Submit(Task task) {
    if (!tryPush(task)) {
      ++workers;
      std::thread(&DynamicPool::worker, this).detach(); // no upper limit
      push(task);
    }
  }
  void worker();
  bool tryPush(const Task &);
  void push(const Task &);
  int workers = 0;
};
void dispatch(DynamicPool &pool, const std::vector<Task> &incoming) {
  for (const Task &t : incoming)
    pool.Submit(t);
  // CHECK: :[[@LINE-1]]:10: warning: call to 'problematic::DynamicPool::Submit' starts a thread on every iteration of an unbounded loop that is detached
  // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs once per element of 'incoming'
  // CHECK-NEXT: :[[@LINE-14]]:7: note: thread started here by 'std::thread'
  // CHECK-NEXT: :[[@LINE-15]]:47: note: thread detached here
}
} // namespace problematic

namespace fixed {
// A fixed-size worker pool with a bounded queue; Submit says no when full.
class WorkerPool {
public:
  WorkerPool(int workers, int queueSize) : capacity(queueSize) {
    for (int i = 0; i < workers; ++i)
      threads.emplace_back([this] { run(); });
  }
  bool Submit(Task t) {
    std::lock_guard<std::mutex> lock(m);
    if (int(queue.size()) >= capacity)
      return false;
    queue.push_back(std::move(t));
    ready.notify_one();
    return true;
  }
  void run();

private:
  int capacity;
  std::mutex m;
  std::condition_variable ready;
  std::deque<Task> queue;
  std::vector<std::thread> threads;
};
WorkerPool OrderPool(500, 5000);

void handleOrder(const Request &r, Response &w) {
  auto task = [r] {
    processOrder(r);
    notifyWarehouse(r);
    sendConfirmationEmail(r);
  };
  if (!OrderPool.Submit(task)) {
    w.status = 503; // Service busy, please retry
    return;
  }
  w.status = 202;
}
void install(Server &s) { s.Post("/order", handleOrder); }

// Lessons learned, "GOOD: always do this".
constexpr int kMaxWorkers = 500;
std::counting_semaphore<kMaxWorkers> Sem(kMaxWorkers);
void processAll(const std::vector<Task> &tasks) {
  for (const Task &task : tasks) {
    Sem.acquire();
    std::thread([task] {
      task();
      Sem.release();
    }).detach();
  }
}

// Case study 3 fixed: at most maxWorkers, and idle workers exit.
class BoundedDynamicPool {
public:
  bool Submit(Task task) {
    if (tryPush(task))
      return true;
    if (!tryAddWorker())
      return false; // ErrPoolFull
    push(task);
    return true;
  }
  bool tryAddWorker() {
    std::lock_guard<std::mutex> lock(mu);
    if (workers >= maxWorkers)
      return false;
    ++workers;
    std::thread(&BoundedDynamicPool::worker, this).detach();
    return true;
  }
  void worker();
  bool tryPush(const Task &);
  void push(const Task &);

private:
  int minWorkers = 10;
  int maxWorkers = 500;
  std::atomic<int> workers{0};
  std::mutex mu;
};
void dispatch(BoundedDynamicPool &pool, const std::vector<Task> &incoming) {
  for (const Task &t : incoming)
    pool.Submit(t);
  for (const Task &t : incoming)
    pool.tryAddWorker();
}
} // namespace fixed
