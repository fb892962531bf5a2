// A thread started behind a guard that lets it run once (`if (started ==
// 0) { ...; ++started; }`), in a loop or a handler, is started once, not on
// every iteration; the same guard on a variable the loop declares anew each
// time guards nothing.
// RUN: %check_both %s unbounded-thread-creation -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <thread>

bool readLine();
void receive(int fd);

void clientLoop(int fd) {
  int readers = 0;
  bool listening = false;
  while (readLine()) {
    if (readers == 0) {
      std::thread reader(receive, fd);
      reader.detach();
      ++readers;
    }
    if (!listening) {
      std::thread(receive, fd).detach();
      listening = true;
    }
    int fresh = 0;
    if (fresh == 0) {
      std::thread(receive, fd).detach();
      // CHECK: :[[@LINE-1]]:7: warning: thread started by 'std::thread' on every iteration of an unbounded loop is detached
      // CHECK-NEXT: :[[@LINE-14]]:3: note: the loop is unbounded: it runs for as long as 'readLine()' holds
      // CHECK-NEXT: :[[@LINE-3]]:32: note: thread detached here
      fresh = 1;
    }
  }
}
