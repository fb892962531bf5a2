// Threads started through boost::thread_group: create_thread starts a thread
// the group keeps, add_thread keeps one started with new.
// RUN: %check_both %s unbounded-thread-creation -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <boost/thread.hpp>
#include <vector>

void process(int);
bool running();

void perItemCreate(const std::vector<int> &items) {
  boost::thread_group group;
  for (int item : items)
    group.create_thread([item] { process(item); });
  // CHECK: :[[@LINE-1]]:11: warning: thread started by 'boost::thread_group::create_thread' on every iteration of an unbounded loop is kept in 'group'
  // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs once per element of 'items'
  group.join_all();
}

void perItemAdd(const std::vector<int> &items) {
  boost::thread_group group;
  for (int item : items)
    group.add_thread(new boost::thread(process, item));
  // CHECK: :[[@LINE-1]]:26: warning: thread started by 'boost::thread' on every iteration of an unbounded loop is kept in 'group'
  // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs once per element of 'items'
  // CHECK-NEXT: :[[@LINE-3]]:11: note: thread kept in 'group' here
  group.join_all();
}

class Server {
public:
  void serve() {
    while (running())
      handlers_.create_thread([] { process(0); });
    // CHECK: :[[@LINE-1]]:17: warning: thread started by 'boost::thread_group::create_thread' on every iteration of an unbounded loop is kept in 'handlers_'
    // CHECK-NEXT: :[[@LINE-3]]:5: note: the loop is unbounded: it runs for as long as 'running()' holds
  }

  // ---- Negatives: a pool's start-up -----------------------------------------
  explicit Server(int n) {
    for (int i = 0; i < n; ++i)
      workers_.create_thread([] { process(0); });
    for (unsigned i = 0; i < boost::thread::hardware_concurrency(); ++i)
      workers_.add_thread(new boost::thread(process, 1));
  }

private:
  boost::thread_group handlers_;
  boost::thread_group workers_;
};

void joinedEachRound(const std::vector<int> &items) {
  for (int item : items) {
    boost::thread_group round;
    round.create_thread([item] { process(item); });
    round.join_all();
  }
}
