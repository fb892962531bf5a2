// A pool's start-up: a loop bounded by a constant, however large, that keeps
// its threads, and loops over the pool's own member container that start
// the threads already placed there. How many is unbounded-pool-growth's
// question; per-item loops stay findings.
// RUN: %check_both %s unbounded-thread-creation -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <future>
#include <memory>
#include <thread>
#include <utility>
#include <vector>

void work();
bool running();

constexpr int kMaxWorkers = 512;

class Worker {
public:
  void start() { thread_ = std::thread(&Worker::run, this); }
  void run();

private:
  std::thread thread_;
};

class Pool {
public:
  // ---- Negatives ------------------------------------------------------------
  explicit Pool(int n) {
    // Bounded by kMaxWorkers (above MaxIterations, still a constant).
    for (int i = 0; i < std::min(n, kMaxWorkers); ++i)
      threads_.emplace_back(work);
  }
  void startAll() {
    for (auto &w : workers_)
      w->start();
    for (std::size_t i = 0; i < workers_.size(); ++i)
      workers_[i]->start();
    for (Worker &w : owned_)
      w.start();
  }
  explicit Pool(std::size_t n, bool countdown) {
    // Found in cpp-httplib's ThreadPool: the same start-up as a for loop.
    while (n) {
      threads_.emplace_back(work);
      n--;
    }
  }
  void fanOutOverFixedJobs() {
    // Ten jobs, fixed at construction and never resized.
    std::vector<Worker> jobs(10);
    for (Worker &j : jobs)
      std::thread(&Worker::run, &j).detach();
    std::vector<int> ids{1, 2, 3};
    for (int id : ids)
      std::thread([id] { (void)id; work(); }).detach();
    // Read through std::begin and std::end: still three.
    for (auto it = std::begin(ids); it != std::end(ids); ++it)
      ;
  }
  void startLocalConstant() {
    std::vector<std::thread> local;
    for (int i = 0; i < 1000; ++i)
      local.emplace_back(work);
    for (auto &t : local)
      t.join();
  }

  // ---- Positives ------------------------------------------------------------
  void detachedConstant() {
    // Not kept: a thousand detached threads are no pool.
    for (int i = 0; i < std::min(running() ? 2000 : 0, kMaxWorkers); ++i)
      std::thread(work).detach();
    // CHECK: :[[@LINE-1]]:7: warning: thread started by 'std::thread' on every iteration of an unbounded loop is detached
    // CHECK-NEXT: :[[@LINE-3]]:5: note: the loop is unbounded: it runs 512 times, more than the 64 MaxIterations allows
    // CHECK-NEXT: :[[@LINE-3]]:25: note: thread detached here
  }
  void countdownDetached(int n) {
    while (n > 0) {
      std::thread(work).detach();
      // CHECK: :[[@LINE-1]]:7: warning: thread started by 'std::thread' on every iteration of an unbounded loop is detached
      // CHECK-NEXT: :[[@LINE-3]]:5: note: the loop is unbounded: its trip count 'n' is only known at run time
      // CHECK-NEXT: :[[@LINE-3]]:25: note: thread detached here
      --n;
    }
  }
  void fanOutOverGrownJobs(int extra) {
    std::vector<int> ids(4);
    ids.push_back(extra);
    for (int id : ids)
      std::thread([id] { (void)id; work(); }).detach();
    // CHECK: :[[@LINE-1]]:7: warning: thread started by 'std::thread' on every iteration of an unbounded loop is detached
    // CHECK-NEXT: :[[@LINE-3]]:5: note: the loop is unbounded: it runs once per element of 'ids'
    // CHECK-NEXT: :[[@LINE-3]]:47: note: thread detached here
  }
  void perSession(std::vector<std::unique_ptr<Worker>> &sessions) {
    // One thread per element of a caller's list: not the pool's own.
    for (auto &s : sessions)
      s->start();
    // CHECK: :[[@LINE-1]]:10: warning: call to 'Worker::start' starts a thread on every iteration of an unbounded loop that is kept in 'thread_'
    // CHECK-NEXT: :[[@LINE-3]]:5: note: the loop is unbounded: it runs once per element of 'sessions'
    // CHECK-NEXT: :21:28: note: thread started here by 'std::thread'
    // CHECK-NEXT: :21:18: note: thread kept in 'thread_' here
  }
  void startOneOfThem() {
    // The loop walks workers_, but starts the same one every time.
    for (std::size_t i = 0; i < workers_.size(); ++i)
      extra_->start();
    // CHECK: :[[@LINE-1]]:15: warning: call to 'Worker::start' starts a thread on every iteration of an unbounded loop that is kept in 'thread_'
    // CHECK-NEXT: :[[@LINE-3]]:5: note: the loop is unbounded: it runs once per element of 'workers_'
    // CHECK-NEXT: :21:28: note: thread started here by 'std::thread'
    // CHECK-NEXT: :21:18: note: thread kept in 'thread_' here
  }

private:
  std::vector<std::thread> threads_;
  std::vector<std::unique_ptr<Worker>> workers_;
  std::vector<Worker> owned_;
  std::unique_ptr<Worker> extra_;
};

// One thread per slot the pool already has, all joined before the function
// returns: start-up of the pool's own set, not a thread per item.
struct Loop {
  void run();
};
class LoopGroup {
public:
  void runAll() {
    std::vector<std::thread> threads;
    for (auto &loop : loops_)
      threads.push_back(std::thread([&loop] { loop->run(); }));
    for (auto &t : threads)
      t.join();
  }

  // The same fan-out over items the caller passes: one thread per item,
  // as many as the input has, even though all are joined.
  void runEach(const std::vector<Loop *> &items) {
    std::vector<std::thread> threads;
    for (Loop *item : items)
      threads.push_back(std::thread([item] { item->run(); }));
    // CHECK: :[[@LINE-1]]:25: warning: thread started by 'std::thread' on every iteration of an unbounded loop is kept in 'threads'
    // CHECK-NEXT: :[[@LINE-3]]:5: note: the loop is unbounded: it runs once per element of 'items'
    // CHECK-NEXT: :[[@LINE-3]]:15: note: thread kept in 'threads' here
    for (auto &t : threads)
      t.join();
  }

private:
  std::vector<std::unique_ptr<Loop>> loops_;
};

// A pointer walk over a fixed array of four names: at most four threads,
// all joined.
void greetAll() {
  const char *names[] = {"a", "b", "c", nullptr};
  std::vector<std::thread> greeters;
  for (const char **name = names; *name; ++name)
    greeters.emplace_back([n = *name] { (void)n; work(); });
  for (auto &g : greeters)
    g.join();
}

// The same walk that the body also moves: nothing says where it stops.
void greetSkipping(const char **start) {
  const char *names[] = {"a", "b", "c", nullptr};
  for (const char **name = names; *name; ++name) {
    std::thread([n = *name] { (void)n; work(); }).detach();
    // CHECK: :[[@LINE-1]]:5: warning: thread started by 'std::thread' on every iteration of an unbounded loop is detached
    // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs for as long as '*name' holds
    // CHECK-NEXT: :[[@LINE-3]]:51: note: thread detached here
    name += *start != nullptr;
  }
}

// A pointer walk that starts from another pointer, not an array: no size
// to bound it (and nothing to crash on).
void greetFrom(const char **first) {
  for (const char **name = first; *name; ++name)
    std::thread([n = *name] { (void)n; work(); }).detach();
  // CHECK: :[[@LINE-1]]:5: warning: thread started by 'std::thread' on every iteration of an unbounded loop is detached
  // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs for as long as '*name' holds
  // CHECK-NEXT: :[[@LINE-3]]:51: note: thread detached here
}

// A constructor's loop over a member it sized itself starts the object's
// own threads: one per event loop, set up once.
struct EventLoop {
  void run();
};
class LoopPool {
public:
  explicit LoopPool(unsigned size) : loops_(size) {
    for (unsigned i = 0; i < loops_.size(); ++i)
      threads_.emplace_back([this, i] { loops_[i].run(); });
  }

private:
  std::vector<EventLoop> loops_;
  std::vector<std::thread> threads_;
};

// A method that starts one thread per worker the constructor made: the
// workers are only ever added at construction.
class WorkerSet {
public:
  explicit WorkerSet(unsigned count) {
    for (unsigned i = 0; i < count; ++i)
      workers_.push_back(std::make_unique<EventLoop>());
  }
  void runAll() {
    for (unsigned i = 0; i < workers_.size(); ++i)
      threads_.emplace_back([this, i] { workers_[i]->run(); });
  }

private:
  std::vector<std::unique_ptr<EventLoop>> workers_;
  std::vector<std::thread> threads_;
};

// The same loop in a member function other than a constructor runs once
// per queued item: a thread per item.
class Dispatcher {
public:
  void dispatchAll() {
    for (unsigned i = 0; i < pending_.size(); ++i)
      threads_.emplace_back([this, i] { pending_[i].run(); });
    // CHECK: :[[@LINE-1]]:16: warning: thread started by 'std::thread' on every iteration of an unbounded loop is kept in 'threads_'
    // CHECK-NEXT: :[[@LINE-3]]:5: note: the loop is unbounded: it runs once per element of 'pending_'
  }

private:
  std::vector<EventLoop> pending_;
  std::vector<std::thread> threads_;
};

// The constructor makes the first workers, but addWorker() adds more at any
// time: runAll() starts a thread per worker there is by then.
class GrowingSet {
public:
  explicit GrowingSet(unsigned count) : workers_(count) {}
  void addWorker() { workers_.push_back(EventLoop()); }
  void runAll() {
    for (unsigned i = 0; i < workers_.size(); ++i)
      threads_.emplace_back([this, i] { workers_[i].run(); });
    // CHECK: :[[@LINE-1]]:16: warning: thread started by 'std::thread' on every iteration of an unbounded loop is kept in 'threads_'
    // CHECK-NEXT: :[[@LINE-3]]:5: note: the loop is unbounded: it runs once per element of 'workers_'
  }

private:
  std::vector<EventLoop> workers_;
  std::vector<std::thread> threads_;
};

// A fan-out sized by its caller's count, every future waited for below:
// the count is a pool size (unbounded-pool-growth's to judge), not a thread
// per item.
int partResult(int part, int parts);
int downloadAll(int parts) {
  std::vector<std::future<int>> running;
  for (int i = 0; i < parts; ++i)
    running.emplace_back(std::async(std::launch::async, partResult, i, parts));
  int total = 0;
  for (int i = 0; i < parts; ++i)
    total += running.at(i).get();
  return total;
}

// The same fan-out handing its futures back unwaited.
std::vector<std::future<int>> startAll(int parts) {
  std::vector<std::future<int>> running;
  for (int i = 0; i < parts; ++i)
    running.emplace_back(std::async(std::launch::async, partResult, i, parts));
  // CHECK: :[[@LINE-1]]:26: warning: thread started by 'std::async' on every iteration of an unbounded loop is kept in 'running'
  // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: its trip count 'parts' is only known at run time
  // CHECK-NEXT: :[[@LINE-3]]:13: note: thread kept in 'running' here
  return running;
}
