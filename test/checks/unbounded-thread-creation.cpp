// Threads started in loops: what makes a loop unbounded, and how a thread
// outlives its iteration.
// RUN: %check_both %s unbounded-thread-creation -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <array>
#include <future>
#include <memory>
#include <string>
#include <thread>
#include <vector>

void process(int);
int next();
bool running();

struct Request {};
std::vector<Request> pending();

// ---- Positives: unbounded loops -------------------------------------------

void perItemDetached(const std::vector<int> &items) {
  for (int item : items)
    std::thread(process, item).detach();
  // CHECK: :[[@LINE-1]]:5: warning: thread started by 'std::thread' on every iteration of an unbounded loop is detached; nothing limits how many run at once (use a bounded worker pool or acquire a counting semaphore first) [unbounded-thread-creation]
  // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs once per element of 'items'
  // CHECK-NEXT: :[[@LINE-3]]:32: note: thread detached here
}

void whileRunningNamedDetached() {
  while (running()) {
    std::thread worker(process, next());
    // CHECK: :[[@LINE-1]]:17: warning: thread started by 'std::thread' on every iteration of an unbounded loop is detached
    // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs for as long as 'running()' holds
    worker.detach();
    // CHECK-NEXT: :[[@LINE-1]]:12: note: thread detached here
  }
}

void foreverPointer() {
  for (;;) {
    auto *t = new std::thread(process, next());
    // CHECK: :[[@LINE-1]]:19: warning: thread started by 'std::thread' on every iteration of an unbounded loop is detached
    // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it has no exit condition
    t->detach();
    // CHECK-NEXT: :[[@LINE-1]]:8: note: thread detached here
  }
}

void doWhileLeakedPointer() {
  do {
    new std::thread(process, next());
    // CHECK: :[[@LINE-1]]:9: warning: thread started by 'std::thread' on every iteration of an unbounded loop is never joined
    // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs for as long as 'running()' holds
  } while (running());
}

void fanOutPerItemJoinedLater(const std::vector<int> &items) {
  // One thread per item, all alive at once: joined at the end, still unbounded.
  std::vector<std::thread> workers;
  for (int item : items)
    workers.emplace_back(process, item);
  // CHECK: :[[@LINE-1]]:13: warning: thread started by 'std::thread' on every iteration of an unbounded loop is kept in 'workers'
  // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs once per element of 'items'
  for (auto &w : workers)
    w.join();
}

void indexBySize(const std::vector<int> &items) {
  std::vector<std::thread> workers;
  for (std::size_t i = 0; i < items.size(); ++i)
    workers.push_back(std::thread(process, items[i]));
  // CHECK: :[[@LINE-1]]:23: warning: thread started by 'std::thread' on every iteration of an unbounded loop is kept in 'workers'
  // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs once per element of 'items'
  // CHECK-NEXT: :[[@LINE-3]]:13: note: thread kept in 'workers' here
  for (auto &w : workers)
    w.join();
}

void iteratorLoop(std::vector<int> &items) {
  for (auto it = items.begin(); it != items.end(); ++it)
    std::thread(process, *it).detach();
  // CHECK: :[[@LINE-1]]:5: warning: thread started by 'std::thread' on every iteration of an unbounded loop is detached
  // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs once per element of 'items'
  // CHECK-NEXT: :[[@LINE-3]]:31: note: thread detached here
}

void runtimeCount(int n) {
  for (int i = 0; i < n; ++i)
    std::thread(process, i).detach();
  // CHECK: :[[@LINE-1]]:5: warning: thread started by 'std::thread' on every iteration of an unbounded loop is detached
  // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: its trip count 'n' is only known at run time
  // CHECK-NEXT: :[[@LINE-3]]:29: note: thread detached here
}

void largeConstant() {
  for (int i = 0; i < (1 << 10); ++i)
    std::thread(process, i).detach();
  // CHECK: :[[@LINE-1]]:5: warning: thread started by 'std::thread' on every iteration of an unbounded loop is detached
  // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs 1024 times, more than the 64 MaxIterations allows
  // CHECK-NEXT: :[[@LINE-3]]:29: note: thread detached here
}

std::vector<std::unique_ptr<std::thread>> Owned;
void uniquePointersIntoGlobal() {
  while (running())
    Owned.push_back(std::make_unique<std::thread>(process, next()));
  // CHECK: :[[@LINE-1]]:21: warning: thread started by 'std::thread' on every iteration of an unbounded loop is kept in 'Owned'
  // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs for as long as 'running()' holds
  // CHECK-NEXT: :[[@LINE-3]]:11: note: thread kept in 'Owned' here
}

void movedIntoOuterContainer(const std::vector<Request> &requests) {
  std::vector<std::thread> live;
  for (const Request &r : requests) {
    std::thread t([&r] { (void)r; });
    // CHECK: :[[@LINE-1]]:17: warning: thread started by 'std::thread' on every iteration of an unbounded loop is kept in 'live'
    // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs once per element of 'requests'
    live.push_back(std::move(t));
    // CHECK-NEXT: :[[@LINE-1]]:10: note: thread kept in 'live' here
  }
}

void asyncFuturesKept(const std::vector<int> &items) {
  std::vector<std::future<void>> results;
  for (int item : items)
    results.push_back(std::async(std::launch::async, process, item));
  // CHECK: :[[@LINE-1]]:23: warning: thread started by 'std::async' on every iteration of an unbounded loop is kept in 'results'
  // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs once per element of 'items'
  // CHECK-NEXT: :[[@LINE-3]]:13: note: thread kept in 'results' here
}

void jthreadStored(const std::vector<int> &items, std::vector<std::jthread> &out) {
  for (int item : items)
    out.emplace_back(process, item);
  // CHECK: :[[@LINE-1]]:9: warning: thread started by 'std::jthread' on every iteration of an unbounded loop is kept in 'out'
  // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs once per element of 'items'
}

void outerLoopUnbounded() {
  // A small inner loop inside an endless one: four more threads per round.
  while (running()) {
    for (int i = 0; i < 4; ++i)
      std::thread(process, i).detach();
    // CHECK: :[[@LINE-1]]:7: warning: thread started by 'std::thread' on every iteration of an unbounded loop is detached
    // CHECK-NEXT: :[[@LINE-4]]:3: note: the loop is unbounded: it runs for as long as 'running()' holds
    // CHECK-NEXT: :[[@LINE-3]]:31: note: thread detached here
  }
}

template <class T> void inTemplate(const std::vector<T> &items) {
  for (const T &item : items)
    std::thread(process, item).detach();
  // CHECK: :[[@LINE-1]]:5: warning: thread started by 'std::thread' on every iteration of an unbounded loop is detached
  // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs once per element of 'items'
  // CHECK-NEXT: :[[@LINE-3]]:32: note: thread detached here
}
void instantiate() {
  inTemplate(std::vector<int>{});
  inTemplate(std::vector<long>{});
}

// ---- Negatives --------------------------------------------------------------

void loopLeftAfterOneIteration() {
  // The body leaves the loop on every path: it runs once.
  while (true) {
    std::thread(process, next()).detach();
    break;
  }
  for (;;) {
    std::thread(process, next()).detach();
    if (running())
      return;
    else
      break;
  }
}

void startupLoopConstant() {
  std::vector<std::thread> pool;
  for (int i = 0; i < 8; ++i)
    pool.emplace_back(process, i);
  for (auto &t : pool)
    t.join();
}

void startupLoopCores() {
  std::vector<std::thread> pool;
  unsigned cores = std::thread::hardware_concurrency();
  for (unsigned i = 0; i < cores; ++i)
    pool.emplace_back(process, int(i));
  for (unsigned i = 0; i < std::min(4u, std::thread::hardware_concurrency()); ++i)
    std::thread(process, int(i)).detach();
  for (unsigned i = 0; i < 2 * std::thread::hardware_concurrency(); ++i)
    pool.emplace_back(process, int(i));
}

void startupLoopWorkerCount(int num_threads) {
  for (int i = 0; i < num_threads; ++i)
    std::thread(process, i).detach();
}

constexpr int kWorkers = 16;
void constexprBound() {
  std::array<std::thread, kWorkers> fixed;
  for (int i = 0; i < kWorkers; ++i)
    fixed[i] = std::thread(process, i);
  for (int i = kWorkers; i > 0; --i)
    std::thread(process, i).detach();
}

void rangeOverFixed() {
  int shards[4] = {0, 1, 2, 3};
  for (int s : shards)
    std::thread(process, s).detach();
  for (int s : {1, 2, 3})
    std::thread(process, s).detach();
  std::array<int, 8> lanes{};
  for (int l : lanes)
    std::thread(process, l).detach();
}

void joinedInIteration(const std::vector<int> &items) {
  for (int item : items) {
    std::thread t(process, item);
    t.join();
  }
  for (int item : items)
    std::thread(process, item).join();
}

void jthreadScoped(const std::vector<int> &items) {
  // std::jthread joins when it goes out of scope: one at a time.
  for (int item : items) {
    std::jthread t(process, item);
  }
  for (int item : items)
    std::jthread(process, item);
}

// A thread per request kept in a fixed array and the whole batch joined
// when it is full: assigning over a running std::thread terminates, so at
// most 100 are ever alive.
void batchesInFixedArray() {
  std::thread slots[100];
  int used = 0;
  while (running()) {
    slots[used++] = std::thread(process, next());
    if (used == 100) {
      for (auto &t : slots)
        t.join();
      used = 0;
    }
  }
}

void perIterationFanOutJoined(const std::vector<Request> &batches) {
  // Bounded fan-out per round, joined before the next round.
  for (const Request &b : batches) {
    std::vector<std::thread> round;
    for (int i = 0; i < 4; ++i)
      round.emplace_back(process, i);
    for (auto &t : round)
      t.join();
    (void)b;
  }
}

void asyncDiscardedOrAwaited(const std::vector<int> &items) {
  // A discarded std::async future waits in its destructor.
  for (int item : items)
    std::async(std::launch::async, process, item);
  for (int item : items) {
    auto f = std::async(std::launch::async, process, item);
    f.get();
  }
  for (int item : items) {
    auto f = std::async(process, item);
  }
  std::vector<std::future<void>> deferred;
  for (int item : items)
    deferred.push_back(std::async(std::launch::deferred, process, item));
}

void movedThreadIsNotNew(std::vector<std::thread> &all, std::thread &t) {
  while (running())
    all.emplace_back(std::move(t));
}

struct Pool {
  explicit Pool(int n) {
    // Start-up: the pool's own workers, sized once by configuration.
    for (int i = 0; i < n; ++i)
      workers.emplace_back(&Pool::loop, this);
  }
  void loop();
  std::vector<std::thread> workers;
};

std::thread Single;
void spawnOnce() {
  Single = std::thread(process, 1);
  std::thread(process, 2).detach();
}

void outsideLoop(const std::vector<int> &items) {
  for (int item : items)
    process(item);
  std::thread(process, 0).detach();
}

struct SlotPool {
  // Start-up over the container's own, already sized slots.
  void init() {
    for (std::size_t i = 0; i < slots.size(); ++i)
      slots[i] = std::thread(process, int(i));
    for (auto &slot : slots)
      slot = std::thread(process, 0);
  }
  // Growing the container it iterates is not filling slots.
  void grow() {
    for (std::size_t i = 0; i < slots.size(); ++i)
      slots.emplace_back(process, int(i));
    // CHECK: :[[@LINE-1]]:13: warning: thread started by 'std::thread' on every iteration of an unbounded loop is kept in 'slots'
    // CHECK-NEXT: :[[@LINE-3]]:5: note: the loop is unbounded: it runs once per element of 'slots'
  }
  std::vector<std::thread> slots;
};

// A fixed array of pointers: overwriting one leaves its thread running.
void pointersInFixedArray() {
  std::thread *slots[100];
  int used = 0;
  while (running()) {
    slots[used++ % 100] = new std::thread(process, next());
    // CHECK: :[[@LINE-1]]:31: warning: thread started by 'std::thread' on every iteration of an unbounded loop is kept in 'slots'
    // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: {{.*}}
    // CHECK-NEXT: :[[@LINE-3]]:5: note: thread kept in 'slots' here
  }
}
