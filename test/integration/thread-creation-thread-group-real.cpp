// unbounded-thread-creation on boost::thread_group against the real
// Boost.Thread headers (libboost-thread-dev): create_thread starts a thread
// the group keeps; add_thread keeps one started with new.
// RUN: %check_both %s unbounded-thread-creation -- -std=c++17 -pthread \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <boost/thread/thread.hpp>
#include <vector>

void process(int);
bool running();

void positives(const std::vector<int> &items) {
  boost::thread_group group;
  for (int item : items)
    group.create_thread([item] { process(item); });
  // CHECK: :[[@LINE-1]]:11: warning: thread started by 'boost::thread_group::create_thread' on every iteration of an unbounded loop is kept in 'group'
  // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs once per element of 'items'
  while (running())
    group.add_thread(new boost::thread(process, 1));
  // CHECK: :[[@LINE-1]]:26: warning: thread started by 'boost::thread' on every iteration of an unbounded loop is kept in 'group'
  // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs for as long as 'running()' holds
  // CHECK-NEXT: :[[@LINE-3]]:11: note: thread kept in 'group' here
  group.join_all();
}

void negatives() {
  boost::thread_group workers;
  for (unsigned i = 0; i < boost::thread::hardware_concurrency(); ++i)
    workers.create_thread([] { process(0); });
  workers.join_all();
}
