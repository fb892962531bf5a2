// Threads started behind the project's own functions and constructors, at
// any depth of calls: each step from the call in the unbounded loop or the
// handler down to the thread start is a note. A function whose thread is
// joined before it returns, one called a bounded number of times, and one
// called under a limiter stay quiet.
// RUN: %check_both %s unbounded-thread-creation -- -std=c++20 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <functional>
#include <semaphore>
#include <thread>
#include <vector>

void serve(int fd);
int acceptOne();
bool running();

void spawnDetached(int fd) { std::thread(serve, fd).detach(); }
void startSession(int fd) { spawnDetached(fd); }

struct Session {
  explicit Session(int fd) { startSession(fd); }
};
// A member built per connection starts the thread in its constructor.
struct Connection {
  explicit Connection(int fd) : session(fd) {}
  Session session;
};

void runJoined(int fd) {
  std::thread t(serve, fd);
  t.join();
}
void throughJoined(int fd) { runJoined(fd); }

struct Router {
  void Post(const char *path, std::function<void(int)> handler);
};

// ---- Positives ---------------------------------------------------------------

void acceptLoop() {
  while (running())
    startSession(acceptOne());
  // CHECK: :[[@LINE-1]]:5: warning: call to 'startSession' starts a thread on every iteration of an unbounded loop that is detached; nothing limits how many run at once (use a bounded worker pool or acquire a counting semaphore first) [unbounded-thread-creation]
  // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs for as long as 'running()' holds
  // CHECK-NEXT: :[[@LINE-28]]:29: note: 'startSession' starts it through this call to 'spawnDetached'
  // CHECK-NEXT: :[[@LINE-30]]:30: note: thread started here by 'std::thread'
  // CHECK-NEXT: :[[@LINE-31]]:53: note: thread detached here
}

void acceptConnections() {
  while (running())
    new Connection(acceptOne());
  // CHECK: :[[@LINE-1]]:9: warning: call to 'Connection::Connection' starts a thread on every iteration of an unbounded loop that is detached
  // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs for as long as 'running()' holds
  // CHECK-NEXT: :[[@LINE-31]]:33: note: 'Connection::Connection' starts it through this call to 'Session::Session'
  // CHECK-NEXT: :[[@LINE-36]]:30: note: 'Session::Session' starts it through this call to 'startSession'
  // CHECK-NEXT: :[[@LINE-40]]:29: note: 'startSession' starts it through this call to 'spawnDetached'
  // CHECK-NEXT: :[[@LINE-42]]:30: note: thread started here by 'std::thread'
  // CHECK-NEXT: :[[@LINE-43]]:53: note: thread detached here
}

void routes(Router &router) {
  router.Post("/sessions", [](int fd) { Session session(fd); });
  // CHECK: :[[@LINE-1]]:49: warning: call to 'Session::Session' starts a thread on every request to this handler that is detached
  // CHECK-NEXT: :[[@LINE-2]]:10: note: 'Post' registers the handler, which runs once per request
  // CHECK-NEXT: :[[@LINE-46]]:30: note: 'Session::Session' starts it through this call to 'startSession'
  // CHECK-NEXT: :[[@LINE-50]]:29: note: 'startSession' starts it through this call to 'spawnDetached'
  // CHECK-NEXT: :[[@LINE-52]]:30: note: thread started here by 'std::thread'
  // CHECK-NEXT: :[[@LINE-53]]:53: note: thread detached here
}

// ---- Negatives ---------------------------------------------------------------

std::counting_semaphore<64> slots(64);

void quiet(const std::vector<int> &fds) {
  for (int fd : fds)
    throughJoined(fd);
  for (int i = 0; i < 4; ++i)
    startSession(i);
  while (running()) {
    slots.acquire();
    startSession(acceptOne());
  }
}
