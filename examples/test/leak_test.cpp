// Incident 1's connection loop under the runtime guard. Each connection gets
// a detached thread that nobody counts; clients that connect and say nothing
// leave those threads blocked in recv() when the test ends, and the guard
// reports each one with the line that started it:
//
//   leaked thread 4242 'orders-leak-tes': started at orders::bad::serveConnections
//   (examples/src/thundering_herd_bad.cpp:27) via std::thread; runs orders::handleConnection
//
// The test fails on purpose; run_leak_test.py checks its output and feeds its
// guard report to `unbounded-tidy --guard-report`.
#include "orders/thundering_herd.h"

#include <unbounded/GuardListener.h>

#include <atomic>
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace {

// Hands out the server end of a socket pair per connection and keeps the
// client end open and silent, as a slow client would.
class SilentClients : public orders::Listener {
 public:
  explicit SilentClients(int connections) : remaining_(connections) {}

  int acceptConnection() override {
    if (remaining_ == 0) return -1;
    --remaining_;
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0) return -1;
    clients_.push_back(fds[1]);
    return fds[0];
  }

 private:
  int remaining_;
  std::vector<int> clients_;  // never closed: the threads stay blocked
};

}  // namespace

TEST(ThunderingHerdBad, ConnectionThreadsOutliveTheTest) {
  SilentClients clients(3);
  std::atomic<bool> running{true};
  orders::bad::serveConnections(clients, running);
}

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  try {
    unbounded::guard::installGuardListener();  // UNBOUNDED_GUARD_REPORT, _IGNORE_FILE
  } catch (const std::invalid_argument& error) {
    std::fprintf(stderr, "unbounded-guard: error: %s\n", error.what());
    return 2;
  }
  return RUN_ALL_TESTS();
}
