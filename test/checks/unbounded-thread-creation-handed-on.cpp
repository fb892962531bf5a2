// A thread started per iteration and handed to a helper that keeps it in a
// member container lives as long as the object: the same finding as a
// push_back written in the loop. Helpers that do not keep it change nothing.
// RUN: %check_both %s unbounded-thread-creation -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <mutex>
#include <thread>
#include <utility>
#include <vector>

struct Peer {};
Peer waitForPeer();
void talk(Peer p);

class Listener {
public:
  // ---- Positives ----
  void acceptMoved() {
    for (;;) {
      Peer p = waitForPeer();
      std::thread session(talk, p);
      adopt(std::move(session));
      // CHECK: :[[@LINE-2]]:19: warning: thread started by 'std::thread' on every iteration of an unbounded loop is kept in 'sessions_'; nothing limits how many run at once
      // CHECK-NEXT: :[[@LINE-5]]:5: note: the loop is unbounded: it has no exit condition
      // CHECK-NEXT: :[[@LINE-3]]:7: note: thread kept in 'sessions_' here
    }
  }
  void acceptTemporary() {
    for (;;)
      adopt(std::thread(talk, waitForPeer()));
    // CHECK: :[[@LINE-1]]:13: warning: thread started by 'std::thread' on every iteration of an unbounded loop is kept in 'sessions_'
    // CHECK-NEXT: :[[@LINE-3]]:5: note: the loop is unbounded: it has no exit condition
    // CHECK-NEXT: :[[@LINE-3]]:7: note: thread kept in 'sessions_' here
  }

  // ---- Negatives ----
  // The helper only looks at the thread; the loop joins it.
  void acceptJoined() {
    for (;;) {
      std::thread session(talk, waitForPeer());
      describe(session);
      session.join();
    }
  }
  // The helper keeps it in a local container that ends with the call.
  void acceptRunOnce() {
    for (;;)
      runNow(std::thread(talk, waitForPeer()));
  }

private:
  void adopt(std::thread &&t) {
    std::lock_guard<std::mutex> lock(mutex_);
    sessions_.push_back(std::move(t));
  }
  void describe(const std::thread &t);
  void runNow(std::thread &&t) {
    std::vector<std::thread> batch;
    batch.push_back(std::move(t));
    for (auto &b : batch)
      b.join();
  }
  std::mutex mutex_;
  std::vector<std::thread> sessions_;
};
