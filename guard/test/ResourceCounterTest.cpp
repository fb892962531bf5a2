// Linked with unbounded::guard_interpose: exact counts and artificial limits.
#include "unbounded/ResourceCounter.h"

#include "unbounded/LeakCheck.h"
#include "unbounded/WorkerPool.h"

#include <arpa/inet.h>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <gtest/gtest.h>
#include <mutex>
#include <netinet/in.h>
#include <pthread.h>
#include <sys/socket.h>
#include <system_error>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace unbounded::guard;
using namespace std::chrono_literals;

namespace {

ResourceCounts counts() { return *resourceCounts(); }

/// Threads that wait until released.
class Crowd {
public:
  explicit Crowd(int size) {
    for (int i = 0; i < size; ++i)
      threads_.emplace_back([this] {
        std::unique_lock<std::mutex> lock(mutex_);
        released_.wait(lock, [&] { return open_; });
      });
  }
  ~Crowd() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      open_ = true;
    }
    released_.notify_all();
    for (std::thread &thread : threads_)
      thread.join();
  }

private:
  std::mutex mutex_;
  std::condition_variable released_;
  bool open_ = false;
  std::vector<std::thread> threads_;
};

void *nothing(void *) { return nullptr; }

/// A listening loopback socket and its port.
int listenOnLoopback(int &port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address);
  listen(fd, 8);
  socklen_t length = sizeof address;
  getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length);
  port = ntohs(address.sin_port);
  return fd;
}

int connectTo(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address);
  return fd;
}

} // namespace

TEST(ResourceCounterTest, InterpositionIsActiveWhenLinked) {
  EXPECT_TRUE(interpositionActive());
  EXPECT_FALSE(resourceLimits().any());
}

TEST(ResourceCounterTest, CountsLiveThreadsAndPeaksExactly) {
  const ResourceCounts before = counts();
  resetPeaks();
  {
    Crowd crowd(5);
    EXPECT_EQ(counts().threads_live, before.threads_live + 5);
    EXPECT_EQ(counts().threads_unreclaimed, before.threads_unreclaimed + 5);
  }
  const ResourceCounts after = counts();
  EXPECT_EQ(after.threads_live, before.threads_live);
  EXPECT_EQ(after.threads_peak, before.threads_live + 5);
  EXPECT_EQ(after.threads_created, before.threads_created + 5);
  EXPECT_EQ(after.threads_unreclaimed, before.threads_unreclaimed);
}

TEST(ResourceCounterTest, DetachReclaimsAndExitIsCounted) {
  const ResourceCounts before = counts();
  pthread_t thread;
  ASSERT_EQ(pthread_create(
                &thread, nullptr,
                [](void *) -> void * { pthread_exit(nullptr); }, nullptr),
            0);
  pthread_detach(thread);
  EXPECT_EQ(counts().threads_unreclaimed, before.threads_unreclaimed);
  for (int i = 0; i < 1000 && counts().threads_live != before.threads_live; ++i)
    std::this_thread::sleep_for(1ms);
  EXPECT_EQ(counts().threads_live, before.threads_live);
}

TEST(ResourceCounterTest, ThreadLimitFailsWithEagain) {
  const ResourceCounts before = counts();
  ResourceLimits limits;
  limits.maxThreads = before.threads_live + 2;
  ScopedResourceLimits scoped(limits);
  Crowd crowd(2);
  pthread_t thread;
  EXPECT_EQ(pthread_create(&thread, nullptr, nothing, nullptr), EAGAIN);
  try {
    std::thread refused([] {});
    refused.join();
    ADD_FAILURE() << "std::thread was created beyond the limit";
  } catch (const std::system_error &error) {
    EXPECT_EQ(error.code(), std::errc::resource_unavailable_try_again);
  }
  EXPECT_EQ(counts().threads_rejected, before.threads_rejected + 2);
  EXPECT_EQ(resourceLimits().maxThreads, limits.maxThreads);
}

TEST(ResourceCounterTest, WorkerPoolDegradesGracefullyUnderAThreadLimit) {
  ResourceLimits limits;
  limits.maxThreads = counts().threads_live + 2;
  ScopedResourceLimits scoped(limits);
  std::atomic<int> ran{0};
  WorkerPoolOptions options;
  options.maxWorkers = 8;
  options.queueCapacity = 100;
  WorkerPool pool(options);
  int accepted = 0;
  for (int i = 0; i < 50; ++i)
    accepted += pool.submit([&] {
      std::this_thread::sleep_for(100us);
      ++ran;
    }) == SubmitStatus::Accepted;
  pool.shutdown();
  const WorkerPoolStats stats = pool.stats();
  EXPECT_LE(stats.peakWorkers, 2u);
  EXPECT_GT(stats.spawnFailures, 0u);
  EXPECT_EQ(ran, accepted);
  EXPECT_EQ(stats.completed + stats.rejected, 50u);
}

TEST(ResourceCounterTest, SocketLimitFailsWithEmfile) {
  const ResourceCounts before = counts();
  ResourceLimits limits;
  limits.maxSockets = before.sockets_live + 1;
  ScopedResourceLimits scoped(limits);
  const int first = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(first, 0);
  errno = 0;
  EXPECT_EQ(socket(AF_INET, SOCK_STREAM, 0), -1);
  EXPECT_EQ(errno, EMFILE);
  int pair[2];
  EXPECT_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, pair), -1);
  EXPECT_EQ(counts().sockets_live, before.sockets_live + 1);
  close(first);
  EXPECT_EQ(counts().sockets_live, before.sockets_live);
  EXPECT_EQ(counts().sockets_peak,
            std::max(before.sockets_peak, before.sockets_live + 1));
  EXPECT_EQ(counts().sockets_rejected, before.sockets_rejected + 2);
}

TEST(ResourceCounterTest, FdLimitUsesDescriptorNumbers) {
  const int probe = socket(AF_INET, SOCK_STREAM, 0);
  close(probe);
  ResourceLimits limits;
  limits.maxFds = probe; // the next socket would get number `probe`
  ScopedResourceLimits scoped(limits);
  errno = 0;
  EXPECT_EQ(socket(AF_INET, SOCK_STREAM, 0), -1);
  EXPECT_EQ(errno, EMFILE);
  const ResourceSnapshot now = ResourceSnapshot::take();
  for (const FdInfo &fd : now.fds)
    EXPECT_NE(fd.fd, probe) << "the refused socket must not stay open";
}

TEST(ResourceCounterTest, AcceptBeyondTheLimitLeavesTheConnectionQueued) {
  int port = 0;
  const int listener = listenOnLoopback(port);
  const int client = connectTo(port);
  ASSERT_GE(client, 0);
  {
    ResourceLimits limits;
    limits.maxSockets = counts().sockets_live;
    ScopedResourceLimits scoped(limits);
    errno = 0;
    EXPECT_EQ(accept(listener, nullptr, nullptr), -1);
    EXPECT_EQ(errno, EMFILE);
  }
  const int server = accept(listener, nullptr, nullptr);
  EXPECT_GE(server, 0);
  EXPECT_GE(counts().connects_attempted, 1);
  close(server);
  close(client);
  close(listener);
}

TEST(ResourceCounterTest, ScopedLimitsRestore) {
  {
    ResourceLimits limits;
    limits.maxSockets = 1000;
    ScopedResourceLimits scoped(limits);
    EXPECT_EQ(resourceLimits().maxSockets, 1000);
  }
  EXPECT_FALSE(resourceLimits().any());
}

TEST(ResourceCounterTest, TightestLimitsOutliveTheScope) {
  resetPeaks();
  {
    ResourceLimits loose;
    loose.maxSockets = 500;
    ScopedResourceLimits first(loose);
    ResourceLimits tight;
    tight.maxSockets = 100;
    tight.maxThreads = 50;
    ScopedResourceLimits second(tight);
  }
  const ResourceLimits seen = tightestLimitsSinceReset();
  EXPECT_EQ(seen.maxSockets, 100);
  EXPECT_EQ(seen.maxThreads, 50);
  EXPECT_EQ(seen.maxFds, -1);
  resetPeaks();
  EXPECT_FALSE(tightestLimitsSinceReset().any());
}

TEST(ResourceCounterTest, ThreadPerRequestCodeFailsUnderALimit) {
  // Case study 1's handler in C++: one thread per request. Under a limit of
  // four threads the fifth request throws instead of degrading.
  resetPeaks();
  ResourceLimits limits;
  limits.maxThreads = counts().threads_live + 4;
  ScopedResourceLimits scoped(limits);
  std::mutex mutex;
  std::condition_variable done;
  bool release = false;
  std::vector<std::thread> handlers;
  int served = 0;
  bool threw = false;
  for (int request = 0; request < 10 && !threw; ++request) {
    try {
      handlers.emplace_back([&] {
        std::unique_lock<std::mutex> lock(mutex);
        done.wait(lock, [&] { return release; });
      });
      ++served;
    } catch (const std::system_error &) {
      threw = true;
    }
  }
  {
    std::lock_guard<std::mutex> lock(mutex);
    release = true;
  }
  done.notify_all();
  for (std::thread &handler : handlers)
    handler.join();
  EXPECT_EQ(served, 4);
  EXPECT_TRUE(threw);
  EXPECT_EQ(counts().threads_peak, limits.maxThreads);
}
