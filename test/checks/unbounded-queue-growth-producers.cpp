// A push inside the project's own queue or pool class is reported there,
// with notes at the calls that feed it (at most three), and every call that
// produces an item for it is reported where it is made: a call of the
// pushing method, of another method of the class that pushes through it, or
// of a wrapper that only hands its caller's item on (then the wrapper's
// callers are the producers).
// RUN: %check_both %s unbounded-queue-growth -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <condition_variable>
#include <functional>
#include <mutex>
#include <queue>
#include <utility>

class TaskPool {
public:
  void append(std::function<void()> task) {
    std::lock_guard<std::mutex> lock(mutex_);
    tasks_.push(std::move(task));
    // CHECK: :[[@LINE-1]]:12: warning: queue 'tasks_' grows without bound: this push holds the queue's lock
    // CHECK-NEXT: :38:37: note: 'tasks_' is declared here with no capacity
    // CHECK-NEXT: :44:3: note: an item is pushed through this call to 'TaskPool::append'
    // CHECK-NEXT: :52:3: note: an item is pushed through this call to 'TaskPool::appendRead'
    // CHECK-NEXT: :62:48: note: an item is pushed through this call to 'TaskPool::append'
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

// ---- Producers ---------------------------------------------------------------

void onRead(TaskPool &pool, int fd) {
  pool.append([fd] {});
  // CHECK: :[[@LINE-1]]:3: warning: 'TaskPool::append' pushes this call's item onto queue 'tasks_', which grows without bound; nothing limits how many items wait; bound the queue and report rejection to the caller (return an error, count the drop) so a slow consumer shows up as backpressure, not as memory growth [unbounded-queue-growth]
  // CHECK-NEXT: :20:12: note: 'TaskPool::append' pushes onto 'tasks_' here
}

// Through a method of the class that pushes for it: the descriptor is a
// number, not the item.
void onAccept(TaskPool &pool, int fd) {
  pool.appendRead(fd);
  // CHECK: :[[@LINE-1]]:3: warning: 'TaskPool::appendRead' pushes this call's item onto queue 'tasks_'
  // CHECK-NEXT: :28:29: note: 'TaskPool::appendRead' passes its item on to 'TaskPool::append'
  // CHECK-NEXT: :20:12: note: 'TaskPool::append' pushes onto 'tasks_' here
}

// Through a wrapper that only hands its caller's item on: the wrapper is
// quiet, its caller is the producer.
class Loop {
public:
  void queueInLoop(std::function<void()> cb) { pool_->append(std::move(cb)); }

private:
  TaskPool *pool_;
};

class Channel {
public:
  void handleEvent() { loop_->queueInLoop(callback_); }
  // CHECK: :[[@LINE-1]]:24: warning: 'Loop::queueInLoop' pushes this call's item onto queue 'tasks_'
  // CHECK-NEXT: :62:48: note: 'Loop::queueInLoop' passes its item on to 'TaskPool::append'
  // CHECK-NEXT: :20:12: note: 'TaskPool::append' pushes onto 'tasks_' here

private:
  Loop *loop_;
  std::function<void()> callback_;
};

// ---- Quiet -------------------------------------------------------------------

// Set-up: a constructor, and main outside a loop.
class Service {
public:
  explicit Service(TaskPool &pool) { pool.append([] {}); }
};

// A thread pool whose submit pushes onto its own queue class: the pool's
// callers are the producers, not the pool.
class InnerQueue {
public:
  void put(std::function<void()> task) {
    std::lock_guard<std::mutex> lock(mutex_);
    items_.push(std::move(task));
    // CHECK: :[[@LINE-1]]:12: warning: queue 'items_' grows without bound
    // CHECK-NEXT: :106:37: note: 'items_' is declared here with no capacity
    // CHECK-NEXT: :113:5: note: an item is pushed through this call to 'InnerQueue::put'
  }
  void take() {
    std::lock_guard<std::mutex> lock(mutex_);
    items_.pop();
  }

private:
  std::mutex mutex_;
  std::queue<std::function<void()>> items_;
};

class worker_pool {
public:
  template <class F> void submit(F f, int priority) {
    auto task = [f, priority] { f(); };
    queue_.put(task);
  }

private:
  InnerQueue queue_;
};

void onJob(worker_pool &pool) {
  pool.submit([] {}, 1);
  // CHECK: :[[@LINE-1]]:3: warning: 'worker_pool::submit' pushes this call's item onto queue 'items_'
  // CHECK-NEXT: :113:5: note: 'worker_pool::submit' passes its item on to 'InnerQueue::put'
  // CHECK-NEXT: :94:12: note: 'InnerQueue::put' pushes onto 'items_' here
}

// A producer that tests the result handles a refusal.
class CheckedQueue {
public:
  bool enqueue(int item) {
    std::lock_guard<std::mutex> lock(mutex_);
    items_.push(item);
    // CHECK: :[[@LINE-1]]:12: warning: queue 'items_' grows without bound
    // CHECK-NEXT: :145:19: note: 'items_' is declared here with no capacity
    // CHECK-NEXT: :149:8: note: an item is pushed through this call to 'CheckedQueue::enqueue'
    return true;
  }
  void drain() {
    std::lock_guard<std::mutex> lock(mutex_);
    items_.pop();
  }

private:
  std::mutex mutex_;
  std::queue<int> items_;
};

void retrying(CheckedQueue &queue, int item, int &failed) {
  if (!queue.enqueue(item))
    ++failed;
}

// A fixed batch in a test function that only main calls.
void performanceTest(TaskPool &pool) {
  for (int i = 0; i < 1000; ++i)
    pool.append([] {});
}

int main() {
  TaskPool pool;
  performanceTest(pool);
  pool.append([] {});
  Service service(pool);
  // A fixed batch, joined at the end of main.
  for (int i = 0; i < 8; ++i)
    pool.append([] {});
  return 0;
}

// A queue that never grows without bound has no producers to report.
class BoundedPool {
public:
  bool offer(std::function<void()> task) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (tasks_.size() >= 64)
      return false;
    tasks_.push(std::move(task));
    return true;
  }
  void run() {
    std::lock_guard<std::mutex> lock(mutex_);
    tasks_.pop();
  }

private:
  std::mutex mutex_;
  std::queue<std::function<void()>> tasks_;
};

bool onMessage(BoundedPool &pool) { return pool.offer([] {}); }

// A logger's queue is reported at its push; the log statements that feed it
// are every line of the service, not producers to report one by one.
class AsyncLogger {
public:
  void log(std::function<void()> line) {
    std::lock_guard<std::mutex> lock(mutex_);
    lines_.push(std::move(line));
    // CHECK: :[[@LINE-1]]:12: warning: queue 'lines_' grows without bound
    // CHECK-NEXT: :211:37: note: 'lines_' is declared here with no capacity
    // CHECK-NEXT: :214:37: note: an item is pushed through this call to 'AsyncLogger::log'
    // CHECK-NEXT: :232:7: note: an item is pushed through this call to 'AsyncLogger::log'
  }
  void flush() {
    std::lock_guard<std::mutex> lock(mutex_);
    lines_.pop();
  }

private:
  std::mutex mutex_;
  std::queue<std::function<void()>> lines_;
};

void handled(AsyncLogger &logger) { logger.log([] {}); }

// A function that passes its parameter on inside a loop is a producer: only
// one that does nothing but hand the item on is a wrapper.
void replay(TaskPool &pool, std::function<void()> task, int times) {
  for (int i = 0; i < times; ++i)
    pool.append(task);
  // CHECK: :[[@LINE-1]]:5: warning: 'TaskPool::append' pushes this call's item onto queue 'tasks_'
  // CHECK-NEXT: :20:12: note: 'TaskPool::append' pushes onto 'tasks_' here
}

// A bounded pool that logs when it refuses: the logger's queue is not the
// pool's, and the pool's callers produce nothing unbounded.
class CappedPool {
public:
  bool enqueue(std::function<void()> task) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (tasks_.size() >= 1024) {
      log_->log([] {});
      return false;
    }
    tasks_.push(std::move(task));
    return true;
  }
  void run() {
    std::lock_guard<std::mutex> lock(mutex_);
    tasks_.pop();
  }

private:
  AsyncLogger *log_;
  std::mutex mutex_;
  std::queue<std::function<void()>> tasks_;
};

void onAcceptCapped(CappedPool &pool) { pool.enqueue([] {}); }

// A wrapper whose only statement is a `try` around the hand-on, translating
// the queue's exceptions, still only hands its caller's item on: its
// callers are the producers.
struct ClosedQueue {};
struct HandlerStopped {};
class EventHandler {
public:
  void pushEvent(std::function<void()> event) {
    try {
      pool_->append(std::move(event));
    } catch (const ClosedQueue &) {
      throw HandlerStopped();
    }
  }

private:
  TaskPool *pool_;
};

void onReceive(EventHandler &handler) {
  handler.pushEvent([] {});
  // CHECK: :[[@LINE-1]]:3: warning: 'EventHandler::pushEvent' pushes this call's item onto queue 'tasks_'
  // CHECK-NEXT: :[[@LINE-13]]:7: note: 'EventHandler::pushEvent' passes its item on to 'TaskPool::append'
  // CHECK-NEXT: :20:12: note: 'TaskPool::append' pushes onto 'tasks_' here
}
