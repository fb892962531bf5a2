// Pools that grow on demand with no maximum, and workers that never exit.
// RUN: %check_both %s unbounded-pool-growth -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <pthread.h>
#include <semaphore>
#include <thread>
#include <vector>

using Task = std::function<void()>;

// ---- Positives ---------------------------------------------------------------

// Case study 3, as written: a full queue adds a worker, forever.
class DynamicPool {
public:
  void Submit(Task task) {
    if (!tryPush(task)) {
      ++workers;
      std::thread(&DynamicPool::worker, this).detach(); // no upper limit
      // CHECK: :[[@LINE-1]]:7: warning: pool 'DynamicPool' adds a worker here with no maximum: nothing compares the worker count with a limit before it grows (add a maximum, reject work when it is reached, and let idle workers exit) [unbounded-pool-growth]
      // CHECK-NEXT: :[[@LINE+14]]:7: note: 'workers' counts the workers and is never compared with a maximum
      // CHECK-NEXT: :[[@LINE+6]]:8: note: the pool only ever grows: a worker running this never exits while idle (no timed wait leads to an exit)
      push(task);
    }
  }

private:
  void worker() {
    for (;;)
      pop()();
  }
  bool tryPush(const Task &);
  void push(const Task &);
  Task pop();
  int workers = 0;
};

// No idle worker: start another one, kept in a member vector.
class ElasticPool {
public:
  void post(Task t) {
    std::lock_guard<std::mutex> lock(m);
    queue.push_back(std::move(t));
    if (idle == 0)
      threads.emplace_back([this] { loop(); });
    // CHECK: :[[@LINE-1]]:15: warning: pool 'ElasticPool' adds a worker here with no maximum
    // CHECK-NEXT: :[[@LINE+16]]:28: note: workers are kept in 'threads', which nothing bounds
    // CHECK-NEXT: :[[@LINE+5]]:8: note: the pool only ever grows: a worker running this never exits while idle
    ready.notify_one();
  }

private:
  void loop() {
    for (;;) {
      std::unique_lock<std::mutex> lock(m);
      ready.wait(lock);
    }
  }
  std::mutex m;
  std::condition_variable ready;
  std::deque<Task> queue;
  int idle = 0;
  std::vector<std::thread> threads;
};

// A growth method, called on demand elsewhere; its workers do exit when idle,
// so only the missing maximum is reported.
class ScalingPool {
public:
  void addWorker() {
    workers_.push_back(std::thread(&ScalingPool::run, this));
    // CHECK: :[[@LINE-1]]:24: warning: pool 'ScalingPool' adds a worker here with no maximum
    // CHECK-NEXT: :[[@LINE+13]]:28: note: workers are kept in 'workers_', which nothing bounds
  }

private:
  void run() {
    for (;;) {
      std::unique_lock<std::mutex> lock(m_);
      if (!cv_.wait_for(lock, std::chrono::seconds(30), [] { return false; }))
        return; // idle for 30 s
    }
  }
  std::mutex m_;
  std::condition_variable cv_;
  std::vector<std::thread> workers_;
};

// ---- Negatives ---------------------------------------------------------------

// Case study 3, fixed: a maximum under the mutex, and idle workers exit.
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

private:
  void worker();
  bool tryPush(const Task &);
  void push(const Task &);
  int maxWorkers = 500;
  std::atomic<int> workers{0};
  std::mutex mu;
};

class GuardedGrowth {
public:
  void post(Task t) {
    if (busy == int(threads.size()) && threads.size() < maxThreads)
      threads.emplace_back([this] { loop(); });
  }

private:
  void loop();
  int busy = 0;
  std::size_t maxThreads = 64;
  std::vector<std::thread> threads;
};

std::counting_semaphore<32> WorkerSlots(32);
class PermitGrowth {
public:
  void post(Task t) {
    if (!WorkerSlots.try_acquire())
      return;
    if (pending > 0)
      threads.emplace_back([this] { loop(); });
  }

private:
  void loop();
  int pending = 0;
  std::vector<std::thread> threads;
};

// Start-up: a fixed set of workers, in the constructor or a start method.
class FixedPool {
public:
  explicit FixedPool(int n) {
    for (int i = 0; i < n; ++i)
      threads.emplace_back([this] { loop(); });
  }
  void start(int more) {
    for (int i = 0; i < more; ++i)
      threads.emplace_back([this] { loop(); });
  }

private:
  void loop();
  std::vector<std::thread> threads;
};

// One background thread in a member, not a growing set.
class Flusher {
public:
  void start() {
    if (!running)
      thread = std::thread(&Flusher::run, this);
  }

private:
  void run();
  bool running = false;
  std::thread thread;
};

// Growth of something that is not a pool of workers: a joined helper.
class Batch {
public:
  void runOnce() {
    if (ready) {
      std::thread t([] {});
      t.join();
    }
  }
  bool ready = false;
};

// A growth step that adds a batch: half as many threads again whenever the
// backlog is twice the pool, with no maximum. The handles are kept in a
// member vector, and the lock is taken by hand.
struct HandMutex {
  void mutexLock();
  void mutexUnlock();
};
class HalfAgainPool {
public:
  void addThreads() {
    mutex_.mutexLock();
    if (size_ * 2 < backlog_.size()) {
      pthread_t id;
      for (unsigned i = 0; i < size_ / 2; ++i) {
        pthread_create(&id, nullptr, work, this);
        // CHECK: :[[@LINE-1]]:9: warning: pool 'HalfAgainPool' adds a worker here with no maximum
        // CHECK-NEXT: :[[@LINE+12]]:26: note: workers are kept in 'ids_', which nothing bounds
        ids_.push_back(id);
      }
      size_ += size_ / 2;
    }
    mutex_.mutexUnlock();
  }
  static void *work(void *);

private:
  HandMutex mutex_;
  std::deque<int> backlog_;
  std::vector<pthread_t> ids_;
  unsigned size_ = 4;
};

// The same batch under a maximum is bounded.
class CappedBatchPool {
public:
  void addThreads() {
    if (ids_.size() >= max_threads_)
      return;
    pthread_t id;
    for (unsigned i = 0; i < 2; ++i) {
      pthread_create(&id, nullptr, work, this);
      ids_.push_back(id);
    }
  }
  static void *work(void *);

private:
  std::vector<pthread_t> ids_;
  unsigned max_threads_ = 64;
};

// A batch whose loop stops at the maximum.
class LoopCappedPool {
public:
  void addThreads(unsigned n) {
    for (; ids_.size() < kMaxThreads && n > 0; --n) {
      pthread_t id;
      pthread_create(&id, nullptr, work, this);
      ids_.push_back(id);
    }
  }
  static void *work(void *);

private:
  static constexpr unsigned kMaxThreads = 64;
  std::vector<pthread_t> ids_;
};
