// A GoogleTest binary using the adapter. Some tests leak on purpose;
// GuardListenerTest runs it with filters and checks what gets blamed.
#include "unbounded/BoundedQueue.h"
#include "unbounded/GuardListener.h"
#include "unbounded/LoadTest.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <pthread.h>
#include <stdexcept>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace unbounded::guard;

namespace {

void *sleepForever(void *) {
  pthread_setname_np(pthread_self(), "probe-leak");
  for (;;)
    pause();
  return nullptr;
}

void leakThread() {
  pthread_t thread;
  ASSERT_EQ(pthread_create(&thread, nullptr, sleepForever, nullptr), 0);
  pthread_detach(thread);
}

} // namespace

TEST(Probe, CleanThreadJoined) {
  std::thread worker(
      [] { std::this_thread::sleep_for(std::chrono::milliseconds(1)); });
  worker.join();
}

TEST(Probe, CleanSocketClosed) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  close(fd);
}

TEST(Probe, CleanDetachedThreadThatExitsSoon) {
  // Exits a little after the test body: the listener's backoff waits for it.
  std::thread([] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }).detach();
}

TEST(Probe, CleanLoadTest) {
  LoadTestOptions options;
  options.name = "probe";
  options.declaredPeakRps = 200;
  options.duration = std::chrono::milliseconds(50);
  options.limits.maxThreads = 64;
  // Only the record matters here (the report schema test reads it); whether
  // a 50 ms run kept up with its rate depends on the machine's load.
  EXPECT_GT(LoadTest(options).run([] { return Outcome::Ok; }).requests, 0u);
}

TEST(Probe, RejectsWhenFull) {
  static BoundedQueue<int> queue(2);
  static MetricGroup metrics =
      exposeQueue(MetricsRegistry::global(), "probe", queue);
  for (int i = 0; i < 5; ++i)
    queue.tryPush(i);
  EXPECT_EQ(queue.stats().dropped, 3u);
}

TEST(Probe, LeaksThread) { leakThread(); }

TEST(Probe, LeaksSocket) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
}

int main(int argc, char **argv) {
  ::testing::InitGoogleTest(&argc, argv);
  try {
    if (std::getenv("PROBE_BINARY_MODE")) {
      GuardListenerOptions options;
      options.failOnLeak = false; // only the whole-binary check may fail
      return runAllTestsWithLeakCheck({}, &installGuardListener(options));
    }
    installGuardListener();
  } catch (const std::invalid_argument &error) {
    std::fprintf(stderr, "unbounded-guard: error: %s\n", error.what());
    return 2;
  }
  return RUN_ALL_TESTS();
}
