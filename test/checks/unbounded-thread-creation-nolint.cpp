// Suppression works the clang-tidy way in both front ends.
// RUN: %check_both %s unbounded-thread-creation -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <thread>

void process(int);
bool running();

void suppressed() {
  while (running())
    std::thread(process, 1).detach(); // NOLINT(unbounded-thread-creation)
  while (running())
    // NOLINTNEXTLINE(unbounded-*)
    std::thread(process, 2).detach();
  // NOLINTBEGIN(unbounded-thread-creation)
  while (running())
    std::thread(process, 3).detach();
  // NOLINTEND(unbounded-thread-creation)
}

void otherCheckSuppressedOnly() {
  while (running())
    std::thread(process, 4).detach(); // NOLINT(bugprone-unused-return-value)
  // CHECK: :[[@LINE-1]]:5: warning: thread started by 'std::thread' on every iteration of an unbounded loop is detached
  // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded
  // CHECK-NEXT: :[[@LINE-3]]:29: note: thread detached here
}
