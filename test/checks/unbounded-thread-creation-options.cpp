// Every option changes what is flagged, through both front ends.
// RUN: %check_both --config="{Checks: '-*,unbounded-thread-creation', \
// RUN:   CheckOptions: {unbounded-thread-creation.MaxIterations: '4', \
// RUN:   unbounded-thread-creation.ThreadClasses: '::std::thread;::fiber::Fiber', \
// RUN:   unbounded-thread-creation.JoiningThreadClasses: '', \
// RUN:   unbounded-thread-creation.AsyncFunctions: '::tasks::spawn', \
// RUN:   unbounded-thread-creation.CreateFunctions: '::os::start_thread', \
// RUN:   unbounded-thread-creation.DetachedSpawnFunctions: '::util::fire_and_forget', \
// RUN:   unbounded-thread-creation.WorkerCountPattern: '', \
// RUN:   unbounded-thread-creation.HandlerRegistrationPattern: '^when$', \
// RUN:   unbounded-thread-creation.LimiterFunctions: '::quota::take', \
// RUN:   unbounded-thread-creation.LimiterTypePattern: '^Gate$', \
// RUN:   unbounded-thread-creation.CounterPattern: '^budget$'}}" \
// RUN:   %s unbounded-thread-creation -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <future>
#include <thread>
#include <vector>

void process(int);
bool running();
struct Request {};
struct Router {
  template <class F> void when(const char *, F f) {}
  template <class F> void Post(const char *, F f) {}
};
namespace fiber {
struct Fiber {
  template <class F> explicit Fiber(F f) {}
  void detach();
};
} // namespace fiber
namespace tasks {
template <class F> std::future<void> spawn(F f) { return {}; }
} // namespace tasks
namespace os {
int start_thread(int *id, void (*fn)(int));
int join_thread(int id);
} // namespace os
namespace util {
template <class F> void fire_and_forget(F f) {}
} // namespace util
namespace quota {
void take();
}
struct Gate {
  void acquire();
};

void maxIterations() {
  for (int i = 0; i < 4; ++i)
    std::thread(process, i).detach();
  for (int i = 0; i < 5; ++i)
    std::thread(process, i).detach();
  // CHECK: :[[@LINE-1]]:5: warning: thread started by 'std::thread' on every iteration of an unbounded loop is detached
  // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs 5 times, more than the 4 MaxIterations allows
  // CHECK-NEXT: :[[@LINE-3]]:29: note: thread detached here
}

void customThreadClass() {
  while (running())
    fiber::Fiber([] {}).detach();
  // CHECK: :[[@LINE-1]]:5: warning: thread started by 'fiber::Fiber' on every iteration of an unbounded loop is detached
  // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs for as long as 'running()' holds
  // CHECK-NEXT: :[[@LINE-3]]:25: note: thread detached here
}

void jthreadNoLongerKnown(const std::vector<int> &items, std::vector<std::jthread> &out) {
  for (int item : items)
    out.emplace_back(process, item);
}

void customAsync(const std::vector<int> &items) {
  std::vector<std::future<void>> results;
  for (int item : items)
    results.push_back(tasks::spawn([item] { process(item); }));
  // CHECK: :[[@LINE-1]]:23: warning: thread started by 'tasks::spawn' on every iteration of an unbounded loop is kept in 'results'
  // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs once per element of 'items'
  // CHECK-NEXT: :[[@LINE-3]]:13: note: thread kept in 'results' here
  for (int item : items)
    results.push_back(std::async(std::launch::async, process, item));
}

void customCreate() {
  while (running()) {
    int id;
    os::start_thread(&id, process);
    // CHECK: :[[@LINE-1]]:5: warning: thread started by 'os::start_thread' on every iteration of an unbounded loop is never joined
    // CHECK-NEXT: :[[@LINE-4]]:3: note: the loop is unbounded: it runs for as long as 'running()' holds
  }
}

void customDetached() {
  while (running())
    util::fire_and_forget([] {});
  // CHECK: :[[@LINE-1]]:5: warning: thread started by 'util::fire_and_forget' on every iteration of an unbounded loop is detached
  // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs for as long as 'running()' holds
}

void workerCountPatternEmpty(int num_threads) {
  for (int i = 0; i < num_threads; ++i)
    std::thread(process, i).detach();
  // CHECK: :[[@LINE-1]]:5: warning: thread started by 'std::thread' on every iteration of an unbounded loop is detached
  // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: its trip count 'num_threads' is only known at run time
  // CHECK-NEXT: :[[@LINE-3]]:29: note: thread detached here
}

void customRegistration(Router &r) {
  r.when("tick", [] { std::thread(process, 1).detach(); });
  // CHECK: :[[@LINE-1]]:23: warning: thread started by 'std::thread' on every request to this handler is detached
  // CHECK-NEXT: :[[@LINE-2]]:5: note: 'when' registers the handler, which runs once per request
  // CHECK-NEXT: :[[@LINE-3]]:47: note: thread detached here
  r.Post("/x", [] { std::thread(process, 1).detach(); });
}

int budget;
const int cap = 10;
void customLimiters(Gate &gate) {
  while (running()) {
    quota::take();
    std::thread(process, 1).detach();
  }
  while (running()) {
    gate.acquire();
    std::thread(process, 2).detach();
  }
  while (running()) {
    if (budget >= cap)
      continue;
    std::thread(process, 3).detach();
  }
}
