// unbounded-queue-growth's options: the project's own containers and
// unbounded queues, and the names that make a limit.
// RUN: %check_both --config="{Checks: '-*,unbounded-queue-growth', \
// RUN:   CheckOptions: {unbounded-queue-growth.LockedPushFunctions: '::acme::Stack::add', \
// RUN:   unbounded-queue-growth.ConcurrentPushFunctions: '::acme::Inbox::put;::acme::Outbox::put', \
// RUN:   unbounded-queue-growth.SizeNamePattern: 'quota', \
// RUN:   unbounded-queue-growth.SpacePattern: 'vacancy'}}" \
// RUN:   %s unbounded-queue-growth -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <deque>
#include <mutex>

namespace acme {
template <typename T> struct Stack {
  void add(const T &);
  void pop();
  unsigned long quota() const;
};
template <typename T> struct Inbox {
  void put(const T &);
};
// A queue whose own put forwards to the unbounded queue inside it: reported
// at its callers, not inside it (as in a vendored BlockingConcurrentQueue).
template <typename T> struct Outbox {
  void put(const T &item) { inner.put(item); }
  Inbox<T> inner;
};
} // namespace acme

struct Jobs {
  std::mutex m;
  acme::Stack<int> pending;
  std::deque<int> untouched;
  void submit(int job) {
    std::lock_guard<std::mutex> lock(m);
    pending.add(job);
    // CHECK: :[[@LINE-1]]:13: warning: queue 'pending' grows without bound: this push holds the queue's lock
    // CHECK-NEXT: :[[@LINE-6]]:20: note: 'pending' is declared here with no capacity
    untouched.push_back(job); // std::deque is no longer listed
  }
  void bounded(int job) {
    std::lock_guard<std::mutex> lock(m);
    if (pending.quota() > 100)
      return;
    pending.add(job);
  }
  int take() {
    std::lock_guard<std::mutex> lock(m);
    pending.pop();
    untouched.pop_front();
    return 0;
  }
};

acme::Outbox<int> outbox;
void send(int message) {
  outbox.put(message);
  // CHECK: :[[@LINE-1]]:10: warning: queue 'outbox' grows without bound: 'Outbox' has no capacity and nothing compares its size with a limit before this 'put'
  // CHECK-NEXT: :[[@LINE-4]]:19: note: 'outbox' is declared here with no capacity
}
