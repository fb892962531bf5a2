// A boost::thread destroyed while its thread runs detaches it (Boost.Thread's
// default): a temporary, or a local never joined, per iteration of an
// unbounded loop is a detached thread per item. A temporary std::jthread
// joins at the end of its statement; a joined local waits.
// RUN: %check_both %s unbounded-thread-creation -- -std=c++20 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <boost/thread.hpp>
#include <thread>

void handle(int client);
int nextClient();

// ---- Positive ----
void serveForever() {
  while (true) {
    int client = nextClient();
    boost::thread(handle, client);
    // CHECK: :[[@LINE-1]]:5: warning: thread started by 'boost::thread' on every iteration of an unbounded loop is detached; nothing limits how many run at once
    // CHECK-NEXT: :[[@LINE-4]]:3: note: the loop is unbounded: it has no exit condition
  }
}

void acceptForever() {
  while (true) {
    int client = nextClient();
    boost::thread session(handle, client);
    // CHECK: :[[@LINE-1]]:19: warning: thread started by 'boost::thread' on every iteration of an unbounded loop is detached; nothing limits how many run at once
    // CHECK-NEXT: :[[@LINE-4]]:3: note: the loop is unbounded: it has no exit condition
  }
}

// ---- Negatives ----
void serveJoined() {
  while (true)
    std::jthread(handle, nextClient());
}

void serveThree() {
  for (int i = 0; i < 3; ++i)
    boost::thread(handle, nextClient());
}

void serveJoinedLocal() {
  while (true) {
    boost::thread session(handle, nextClient());
    session.join();
  }
}

void serveThreeLocals() {
  for (int i = 0; i < 3; ++i) {
    boost::thread session(handle, nextClient());
  }
}
