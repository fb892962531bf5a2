// Loops whose condition is a conjunction (once a crash): either side may
// bound the loop, and a size test on the container the loop grows bounds it.
// RUN: %check_both %s unbounded-thread-creation -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <thread>
#include <vector>

void work();
bool running();

class Pool {
public:
  // ---- Negatives: one side of the && is a small bound ---------------------
  void startFixed(bool ok) {
    for (int i = 0; i < 4 && ok; ++i)
      pool_.emplace_back([this] { work(); });
  }
  void startWhileFlag(bool ok) {
    for (int i = 0; ok && i < 4; ++i)
      std::thread(work).detach();
  }
  void topUp(int n) {
    // Found on a public thread pool: the size test bounds the loop.
    for (; pool_.size() < 8 && n > 0; --n)
      pool_.emplace_back([this] { work(); });
  }
  void topUpWhile() {
    while (pool_.size() < 16)
      pool_.emplace_back(work);
  }

  // ---- Positives: neither side bounds it ----------------------------------
  void perRequest(int n) {
    for (int i = 0; i < n && running(); ++i)
      std::thread(work).detach();
    // CHECK: :[[@LINE-1]]:7: warning: thread started by 'std::thread' on every iteration of an unbounded loop is detached
    // CHECK-NEXT: :[[@LINE-3]]:5: note: the loop is unbounded: its trip count 'n' is only known at run time
    // CHECK-NEXT: :[[@LINE-3]]:25: note: thread detached here
  }
  void eitherSide(bool ok) {
    for (int i = 0; i < 4 || running(); ++i)
      std::thread(work).detach();
    // CHECK: :[[@LINE-1]]:7: warning: thread started by 'std::thread' on every iteration of an unbounded loop is detached
    // CHECK-NEXT: :[[@LINE-3]]:5: note: the loop is unbounded: it runs for as long as 'running()' holds
    // CHECK-NEXT: :[[@LINE-3]]:25: note: thread detached here
  }
  void twoFlags(bool ok) {
    for (int i = 0; ok && running(); ++i)
      std::thread(work).detach();
    // CHECK: :[[@LINE-1]]:7: warning: thread started by 'std::thread' on every iteration of an unbounded loop is detached
    // CHECK-NEXT: :[[@LINE-3]]:5: note: the loop is unbounded: it runs for as long as 'ok && running()' holds
    // CHECK-NEXT: :[[@LINE-3]]:25: note: thread detached here
  }
  void sizeOfAnotherContainer(std::vector<int> &other) {
    // The body grows pool_, not other: other's size bounds nothing.
    while (other.size() < 16)
      std::thread(work).detach();
    // CHECK: :[[@LINE-1]]:7: warning: thread started by 'std::thread' on every iteration of an unbounded loop is detached
    // CHECK-NEXT: :[[@LINE-3]]:5: note: the loop is unbounded: it runs for as long as 'other.size() < 16' holds
    // CHECK-NEXT: :[[@LINE-3]]:25: note: thread detached here
  }

private:
  std::vector<std::thread> pool_;
};
