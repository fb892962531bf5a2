// Pools of the project's own making, sized through their setters and
// constructors: the parameter is kept in a member (or passed on), and that
// member bounds a loop in another member function that starts the threads.
// A call passing the input or a large constant is reported at the argument,
// with notes down to the thread start; a constant under MaxThreads, the core
// count, a clamped value and a parameter the caller bounds stay quiet.
// RUN: %check_both %s unbounded-pool-growth -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

class LoopGroup {
public:
  void setThreadNum(int n) { count_ = n; }
  void start() {
    for (int i = 0; i < count_; ++i)
      threads_.emplace_back([] {});
  }

private:
  int count_ = 0;
  std::vector<std::thread> threads_;
};

// A wrapper that passes its parameter on, and one that clamps it first.
class Listener {
public:
  void setThreadNum(int n) { group_.setThreadNum(n); }
  void setCappedThreadNum(int n) { group_.setThreadNum(std::min(n, 32)); }
  void setLimitedThreadNum(int n) {
    if (n > 32)
      n = 32;
    group_.setThreadNum(n);
  }

private:
  LoopGroup group_;
};

// The count kept by the constructor; the loop calls a function that starts
// the thread.
class Worker {
public:
  void run();
};
void Worker::run() { std::thread([] {}).detach(); }

class Crew {
public:
  explicit Crew(unsigned size) : size_(size) {}
  void launch() {
    for (unsigned i = 0; i < size_; ++i)
      crew_[i % 4].run();
  }

private:
  unsigned size_;
  Worker crew_[4];
};

// A loop bounded by the parameter itself.
void startAll(int threads) {
  for (int i = 0; i < threads; ++i)
    std::thread([] {}).detach();
}

// A setter whose member bounds nothing that starts threads.
class Timer {
public:
  void setTimeout(int ms) { timeout_ = ms; }
  void wait() {
    for (int i = 0; i < timeout_; ++i)
      tick();
  }

private:
  void tick() {}
  int timeout_ = 0;
};

// A class template whose member initializer depends on its parameter (its
// initializer has no type until instantiated), and unnamed parameters.
template <class T> class Holder {
public:
  explicit Holder(T value) : value_(value) {}
  void reset(int, T value) { value_ = value; }

private:
  T value_;
};

// ---- Positives ---------------------------------------------------------------

void fromCommandLine(int argc, char **argv) {
  LoopGroup group;
  group.setThreadNum(std::atoi(argv[1]));
  // CHECK: :[[@LINE-1]]:22: warning: 'LoopGroup::setThreadNum' sizes a thread pool from this argument, 'std::atoi(argv[1])', which is read from the input with no upper limit; clamp it with std::min against a configured maximum or the core count [unbounded-pool-growth]
  // CHECK-NEXT: :[[@LINE-2]]:22: note: read from the input here
  // CHECK-NEXT: :18:37: note: 'LoopGroup::setThreadNum' keeps 'n' in 'count_'
  // CHECK-NEXT: :20:5: note: 'LoopGroup::start' runs this loop once per unit of 'count_'
  // CHECK-NEXT: :21:7: note: and starts a thread here on each pass
  Listener listener;
  listener.setThreadNum(std::atoi(argv[2]));
  // CHECK: :[[@LINE-1]]:25: warning: 'Listener::setThreadNum' sizes a thread pool from this argument, 'std::atoi(argv[2])', which is read from the input with no upper limit
  // CHECK-NEXT: :[[@LINE-2]]:25: note: read from the input here
  // CHECK-NEXT: :32:50: note: 'Listener::setThreadNum' passes 'n' on to 'LoopGroup::setThreadNum'
  // CHECK-NEXT: :18:37: note: 'LoopGroup::setThreadNum' keeps 'n' in 'count_'
  // CHECK-NEXT: :20:5: note: 'LoopGroup::start' runs this loop once per unit of 'count_'
  // CHECK-NEXT: :21:7: note: and starts a thread here on each pass
  Crew crew(std::stoi(std::string(argv[3])));
  // CHECK: :[[@LINE-1]]:13: warning: 'Crew' sizes a thread pool from this argument, 'std::stoi(std::string(argv[3]))', which is read from the input with no upper limit
  // CHECK-NEXT: :[[@LINE-2]]:13: note: read from the input here
  // CHECK-NEXT: :54:34: note: 'Crew::Crew' keeps 'size' in 'size_'
  // CHECK-NEXT: :56:5: note: 'Crew::launch' runs this loop once per unit of 'size_'
  // CHECK-NEXT: :57:7: note: and calls 'Worker::run' on each pass
  // CHECK-NEXT: :50:22: note: 'Worker::run' starts a thread here
  startAll(std::atoi(std::getenv("THREADS")));
  // CHECK: :[[@LINE-1]]:12: warning: 'startAll' sizes a thread pool from this argument, 'std::atoi(std::getenv("THREADS"))', which is read from the input with no upper limit
  // CHECK-NEXT: :[[@LINE-2]]:12: note: read from the input here
  // CHECK-NEXT: :67:3: note: 'startAll' runs this loop once per unit of 'threads'
  // CHECK-NEXT: :68:5: note: and starts a thread here on each pass
  // A lower bound is no limit.
  int threads = std::atoi(argv[4]);
  if (threads > 1)
    listener.setThreadNum(threads);
  // CHECK: :[[@LINE-1]]:27: warning: 'Listener::setThreadNum' sizes a thread pool from this argument, 'threads', which is read from the input with no upper limit
  // CHECK-NEXT: :[[@LINE-4]]:17: note: read from the input here
  // CHECK-NEXT: :32:50: note: 'Listener::setThreadNum' passes 'n' on to 'LoopGroup::setThreadNum'
  // CHECK-NEXT: :18:37: note: 'LoopGroup::setThreadNum' keeps 'n' in 'count_'
  // CHECK-NEXT: :20:5: note: 'LoopGroup::start' runs this loop once per unit of 'count_'
  // CHECK-NEXT: :21:7: note: and starts a thread here on each pass
  group.setThreadNum(2000);
  // CHECK: :[[@LINE-1]]:22: warning: 'LoopGroup::setThreadNum' sizes a thread pool from this argument, 2000 threads, more than the 256 MaxThreads allows
  // CHECK-NEXT: :18:37: note: 'LoopGroup::setThreadNum' keeps 'n' in 'count_'
  // CHECK-NEXT: :20:5: note: 'LoopGroup::start' runs this loop once per unit of 'count_'
  // CHECK-NEXT: :21:7: note: and starts a thread here on each pass
  (void)argc;
}

// ---- Negatives ---------------------------------------------------------------

void quiet(char **argv) {
  LoopGroup group;
  group.setThreadNum(8);
  group.setThreadNum(std::thread::hardware_concurrency());
  Listener listener;
  listener.setCappedThreadNum(std::atoi(argv[1]));
  listener.setLimitedThreadNum(std::atoi(argv[1]));
  listener.setThreadNum(std::min(std::atoi(argv[1]), 64));
  int threads = std::atoi(argv[2]);
  if (threads > 64)
    threads = 64;
  listener.setThreadNum(threads);
  int bounded = std::atoi(argv[3]);
  if (bounded <= 16)
    startAll(bounded);
  Timer timer;
  timer.setTimeout(std::atoi(argv[4]));
  Crew crew(4);
  Holder<int> holder(std::atoi(argv[5]));
  holder.reset(std::atoi(argv[6]), 1);
}

// The caller's own parameter: the finding belongs at its callers.
void configure(Listener &listener, int threads) {
  listener.setThreadNum(threads);
}

// A count only corrected from below (`n < 1 ? 1 : n`) is kept as it is; one
// held under a limit by the choice (`n > 64 ? 64 : n`) is not.
class FloorPool {
public:
  explicit FloorPool(int n) {
    size_ = n < 1 ? 1 : n;
    for (int i = 0; i < size_; ++i)
      threads_.emplace_back([] {});
  }

private:
  int size_;
  std::vector<std::thread> threads_;
};

class CeilingPool {
public:
  explicit CeilingPool(int n) : size_(n > 64 ? 64 : n) {
    for (int i = 0; i < size_; ++i)
      threads_.emplace_back([] {});
  }

private:
  int size_;
  std::vector<std::thread> threads_;
};

void fromChoices(char **argv) {
  FloorPool floor(std::atoi(argv[1]));
  // CHECK: :[[@LINE-1]]:19: warning: 'FloorPool' sizes a thread pool from this argument, 'std::atoi(argv[1])', which is read from the input with no upper limit
  // CHECK-NEXT: :[[@LINE-2]]:19: note: read from the input here
  // CHECK-NEXT: :[[@LINE-26]]:11: note: 'FloorPool::FloorPool' keeps 'n' in 'size_'
  // CHECK-NEXT: :[[@LINE-26]]:5: note: 'FloorPool::FloorPool' runs this loop once per unit of 'size_'
  // CHECK-NEXT: :[[@LINE-26]]:7: note: and starts a thread here on each pass
  CeilingPool ceiling(std::atoi(argv[2]));
}

// A braced member initializer keeps the count like a parenthesized one.
class BracedPool {
public:
  explicit BracedPool(unsigned count) : count_{count} {}
  void run() {
    for (unsigned i = 0; i < count_; ++i)
      threads_.emplace_back([] {});
  }

private:
  unsigned count_;
  std::vector<std::thread> threads_;
};
void fromBraces(char **argv) {
  BracedPool pool(std::atoi(argv[1]));
  // CHECK: :[[@LINE-1]]:19: warning: 'BracedPool' sizes a thread pool from this argument, 'std::atoi(argv[1])', which is read from the input with no upper limit
  // CHECK-NEXT: :[[@LINE-2]]:19: note: read from the input here
  // CHECK-NEXT: :[[@LINE-14]]:41: note: 'BracedPool::BracedPool' keeps 'count' in 'count_'
  // CHECK-NEXT: :[[@LINE-13]]:5: note: 'BracedPool::run' runs this loop once per unit of 'count_'
  // CHECK-NEXT: :[[@LINE-13]]:7: note: and starts a thread here on each pass
}
