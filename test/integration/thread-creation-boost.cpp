// unbounded-thread-creation against Boost.Thread's real headers
// (libboost-thread-dev).
// RUN: %check_both %s unbounded-thread-creation -- -std=c++17 -pthread \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <boost/thread.hpp>
#include <boost/thread/scoped_thread.hpp>
#include <vector>

void process(int);
bool running();

void positives(const std::vector<int> &items) {
  for (int item : items) {
    boost::thread t(process, item);
    // CHECK: :[[@LINE-1]]:19: warning: thread started by 'boost::thread' on every iteration of an unbounded loop is detached
    // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs once per element of 'items'
    t.detach();
    // CHECK-NEXT: :[[@LINE-1]]:7: note: thread detached here
  }
  std::vector<boost::thread> all;
  while (running())
    all.emplace_back(process, 1);
  // CHECK: :[[@LINE-1]]:9: warning: thread started by 'boost::thread' on every iteration of an unbounded loop is kept in 'all'
  // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs for as long as 'running()' holds
}

void negatives(const std::vector<int> &items) {
  std::vector<boost::thread> pool;
  for (unsigned i = 0; i < boost::thread::hardware_concurrency(); ++i)
    pool.emplace_back(process, int(i));
  for (auto &t : pool)
    t.join();
  for (int item : items) {
    boost::thread t(process, item);
    t.join();
  }
  for (int item : items)
    boost::scoped_thread<> t{boost::thread(process, item)};
}
