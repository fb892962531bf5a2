// unbounded-thread-creation on loops written as algorithms, against the real
// libstdc++ headers: std::for_each and std::transform are function
// templates, std::ranges::for_each a function object.
// RUN: %check_both %s unbounded-thread-creation -- -std=c++20 -pthread \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <algorithm>
#include <array>
#include <iterator>
#include <thread>
#include <vector>

void process(int);

void positives(std::vector<int> &items) {
  std::for_each(items.begin(), items.end(),
                [](int item) { std::thread(process, item).detach(); });
  // CHECK: :[[@LINE-1]]:32: warning: thread started by 'std::thread' on every iteration of an unbounded loop is detached
  // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs once per element of 'items'
  // CHECK-NEXT: :[[@LINE-3]]:59: note: thread detached here
  std::ranges::for_each(items, [](int item) { std::thread(process, item).detach(); });
  // CHECK: :[[@LINE-1]]:47: warning: thread started by 'std::thread' on every iteration of an unbounded loop is detached
  // CHECK-NEXT: :[[@LINE-2]]:3: note: the loop is unbounded: it runs once per element of 'items'
  // CHECK-NEXT: :[[@LINE-3]]:74: note: thread detached here
  std::vector<std::thread> threads;
  std::transform(items.begin(), items.end(), std::back_inserter(threads),
                 [](int item) { return std::thread(process, item); });
  // CHECK: :[[@LINE-1]]:40: warning: thread started by 'std::thread' on every iteration of an unbounded loop is kept in 'threads'
  // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs once per element of 'items'
  // CHECK-NEXT: :[[@LINE-4]]:3: note: thread kept in 'threads' here
  for (auto &t : threads)
    t.join();
}

void negatives(std::vector<int> &items) {
  std::array<int, 4> shards{};
  std::ranges::for_each(shards, [](int s) { std::thread(process, s).detach(); });
  std::for_each(items.begin(), items.end(), [](int item) {
    std::thread t(process, item);
    t.join();
  });
}
