// Loops written as algorithms: std::for_each, std::for_each_n,
// std::ranges::for_each, std::transform, std::generate_n run their callable
// once per element, so a thread started there is started per element.
// RUN: %check_both %s unbounded-thread-creation -- -std=c++20 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <algorithm>
#include <array>
#include <future>
#include <thread>
#include <vector>

void process(int);

// ---- Positives: runtime-sized ranges ----------------------------------------

void forEach(std::vector<int> &items) {
  std::for_each(items.begin(), items.end(), [](int item) {
    std::thread(process, item).detach();
    // CHECK: :[[@LINE-1]]:5: warning: thread started by 'std::thread' on every iteration of an unbounded loop is detached
    // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs once per element of 'items'
    // CHECK-NEXT: :[[@LINE-3]]:32: note: thread detached here
  });
}

void rangesForEach(std::vector<int> &items) {
  std::ranges::for_each(items, [](int item) {
    std::thread(process, item).detach();
    // CHECK: :[[@LINE-1]]:5: warning: thread started by 'std::thread' on every iteration of an unbounded loop is detached
    // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs once per element of 'items'
    // CHECK-NEXT: :[[@LINE-3]]:32: note: thread detached here
  });
}

void forEachN(std::vector<int> &items, int n) {
  std::for_each_n(items.begin(), n, [](int item) {
    std::thread(process, item).detach();
    // CHECK: :[[@LINE-1]]:5: warning: thread started by 'std::thread' on every iteration of an unbounded loop is detached
    // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: its trip count 'n' is only known at run time
    // CHECK-NEXT: :[[@LINE-3]]:32: note: thread detached here
  });
}

void transformIntoThreads(std::vector<int> &items) {
  std::vector<std::thread> threads;
  std::transform(items.begin(), items.end(), std::back_inserter(threads),
                 [](int item) { return std::thread(process, item); });
  // CHECK: :[[@LINE-1]]:40: warning: thread started by 'std::thread' on every iteration of an unbounded loop is kept in 'threads'
  // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs once per element of 'items'
  // CHECK-NEXT: :[[@LINE-4]]:3: note: thread kept in 'threads' here
  for (auto &t : threads)
    t.join();
}

void generateFutures(int n) {
  std::vector<std::future<void>> done;
  std::generate_n(std::back_inserter(done), n,
                  [] { return std::async(std::launch::async, process, 1); });
  // CHECK: :[[@LINE-1]]:31: warning: thread started by 'std::async' on every iteration of an unbounded loop is kept in 'done'
  // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: its trip count 'n' is only known at run time
  // CHECK-NEXT: :[[@LINE-4]]:3: note: thread kept in 'done' here
}

// ---- Negatives --------------------------------------------------------------

void fixedRange() {
  std::array<int, 4> shards{};
  std::for_each(shards.begin(), shards.end(),
                [](int s) { std::thread(process, s).detach(); });
  std::ranges::for_each(shards, [](int s) { std::thread(process, s).detach(); });
  std::vector<std::thread> four;
  std::generate_n(std::back_inserter(four), 4,
                  [] { return std::thread(process, 0); });
}

void joinedInside(std::vector<int> &items) {
  // Each thread is joined before the next element: one at a time.
  std::for_each(items.begin(), items.end(), [](int item) {
    std::thread t(process, item);
    t.join();
  });
}
