// The load-test and chaos helpers, each on a bounded and an unbounded
// service. Linked with the interposition library: the unbounded service
// runs under an artificial thread limit, so it fails fast and harmlessly.
#include "unbounded/Chaos.h"
#include "unbounded/LoadTest.h"
#include "unbounded/ResourceCounter.h"
#include "unbounded/WorkerPool.h"

#include <arpa/inet.h>
#include <cerrno>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace unbounded::guard;
using namespace std::chrono_literals;

namespace {

void work() { std::this_thread::sleep_for(2ms); }

/// A loopback listener nobody answers: connects succeed (the backlog).
class Listener {
public:
  Listener() {
    fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd_, reinterpret_cast<sockaddr *>(&address), sizeof address);
    listen(fd_, 64);
    socklen_t length = sizeof address;
    getsockname(fd_, reinterpret_cast<sockaddr *>(&address), &length);
    port_ = ntohs(address.sin_port);
  }
  ~Listener() { close(fd_); }
  int port() const { return port_; }

private:
  int fd_ = -1;
  int port_ = 0;
};

/// One call to the downstream: connect, send, and the errno of the first
/// failure (0: none).
int callDownstream(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(uint16_t(port));
  int error = 0;
  if (connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0)
    error = errno;
  else if (send(fd, "x", 1, MSG_NOSIGNAL) != 1)
    error = errno;
  close(fd);
  return error;
}

} // namespace

TEST(LoadTestTest, BoundedServiceShedsExcessLoadWithinItsLimits) {
  WorkerPoolOptions pool;
  pool.maxWorkers = 2;
  pool.queueCapacity = 4;
  WorkerPool workers(pool);
  LoadTestOptions options;
  options.name = "bounded";
  options.declaredPeakRps =
      500; // 1000 req/s against ~1000 req/s of capacity at best
  options.duration = 200ms;
  options.limits.maxThreads = 8;
  // The pool's queue holds at most its capacity plus the tasks handed to
  // idle workers that have not woken yet (WorkerPool::submit): 4 + 2.
  options.limits.maxQueueDepth = int64_t(pool.queueCapacity + pool.maxWorkers);
  LoadTest load(options);
  takeTestEvidence();
  const LoadTestRecord record = load.run([&] {
    load.noteQueueDepth(int64_t(workers.stats().queueDepth));
    return workers.submit(work) == SubmitStatus::Accepted ? Outcome::Ok
                                                          : Outcome::Rejected;
  });
  EXPECT_TRUE(record.passed) << record.verdict;
  EXPECT_EQ(record.requests, 200u);
  EXPECT_EQ(record.targetRps, 1000);
  EXPECT_GE(record.achievedRps, 900);
  EXPECT_EQ(record.errors, 0u);
  EXPECT_EQ(record.ok + record.rejections, record.requests);
  EXPECT_LE(record.peaks.threads, 8);
  EXPECT_LE(record.p50Ms, record.p99Ms);
  EXPECT_EQ(takeTestEvidence().loadTests.size(), 1u);
}

TEST(LoadTestTest, ThreadPerRequestServiceFailsUnderAnArtificialLimit) {
  ScopedResourceLimits limit({/*maxThreads=*/24, -1, -1});
  LoadTestOptions options;
  options.name = "thread per request";
  options.declaredPeakRps = 1000;
  options.duration = 100ms;
  options.limits.maxThreads =
      12; // the artificial limit leaves 16 to the service
  LoadTest load(options);
  const LoadTestRecord record = load.run([] {
    std::thread([] {
      std::this_thread::sleep_for(50ms);
    }).detach(); // throws at the limit
    return Outcome::Ok;
  });
  EXPECT_FALSE(record.passed);
  EXPECT_GT(record.peaks.threads, 12);
  EXPECT_GT(record.errors,
            0u); // std::thread threw once the artificial limit was reached
  EXPECT_NE(record.verdict.find("grew beyond its limits: threads"),
            std::string::npos)
      << record.verdict;
  std::this_thread::sleep_for(100ms); // let the detached threads finish
}

TEST(LoadTestTest, StopEndsARunEarly) {
  LoadTestOptions options;
  options.declaredPeakRps = 10;
  options.duration = 10s;
  LoadTest load(options);
  std::thread stopper([&] {
    std::this_thread::sleep_for(50ms);
    load.stop();
  });
  const LoadTestRecord record = load.run([] { return Outcome::Ok; });
  stopper.join();
  EXPECT_TRUE(record.stopped);
  EXPECT_FALSE(record.passed);
  EXPECT_LT(record.durationS, 5);
}

TEST(LoadTestTest, RejectsUnboundedOptionsAndRemoteHosts) {
  LoadTestOptions options;
  options.declaredPeakRps = 10;
  options.duration = 61s;
  EXPECT_THROW(LoadTest{options}, std::invalid_argument);
  options.duration = 1s;
  options.declaredPeakRps = 0;
  EXPECT_THROW(LoadTest{options}, std::invalid_argument);
  EXPECT_THROW(httpTarget("10.0.0.1", 80, "GET", "/"), std::invalid_argument);
}

TEST(ChaosTestTest, FaultsActOnTheNamedDownstreamOnly) {
  Listener downstream, other;
  {
    ChaosTest chaos(
        {"inventory", "127.0.0.1", downstream.port(), Fault::Refuse, 0ms, {}});
    EXPECT_EQ(callDownstream(downstream.port()), ECONNREFUSED);
    EXPECT_EQ(callDownstream(other.port()), 0);
    chaos.surfaced("error returned");
    EXPECT_TRUE(chaos.finish().passed);
  }
  EXPECT_EQ(callDownstream(downstream.port()),
            0); // the fault ended with its scope
  {
    ChaosTest chaos(
        {"inventory", "127.0.0.1", downstream.port(), Fault::Reset, 0ms, {}});
    EXPECT_EQ(callDownstream(downstream.port()), ECONNRESET);
    chaos.finish();
  }
  {
    ChaosTest chaos({"inventory",
                     "127.0.0.1",
                     downstream.port(),
                     Fault::Timeout,
                     20ms,
                     {}});
    const auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(callDownstream(downstream.port()), ETIMEDOUT);
    EXPECT_GE(std::chrono::steady_clock::now() - start, 20ms);
    chaos.finish();
  }
  {
    ChaosTest chaos({"inventory",
                     "127.0.0.1",
                     downstream.port(),
                     Fault::Latency,
                     20ms,
                     {}});
    EXPECT_EQ(callDownstream(downstream.port()), 0);
    EXPECT_EQ(chaos.finish().connectsFaulted, 1u);
  }
}

TEST(ChaosTestTest, BoundedCallerSurfacesTheFailure) {
  Listener downstream;
  ChaosOptions options{"inventory",   "127.0.0.1", downstream.port(),
                       Fault::Refuse, 0ms,         {}};
  options.limits.maxThreads = 4;
  ChaosTest chaos(options);
  for (int i = 0; i < 20; ++i)
    if (callDownstream(downstream.port()) != 0)
      chaos.surfaced("connect error returned to the caller");
  const ChaosRecord record = chaos.finish();
  EXPECT_TRUE(record.passed) << record.verdict;
  EXPECT_EQ(record.connectsFaulted, 20u);
  EXPECT_EQ(record.fault, "refuse");
}

TEST(ChaosTestTest, RetryThreadPerFailureAndSilentFailuresFail) {
  Listener downstream;
  ScopedResourceLimits limit({/*maxThreads=*/24, -1, -1});
  ChaosOptions options{"inventory",   "127.0.0.1", downstream.port(),
                       Fault::Refuse, 0ms,         {}};
  options.limits.maxThreads = 8;
  ChaosTest chaos(options);
  // Each failure starts a retry thread and nobody hears of the failure.
  for (int i = 0; i < 40; ++i)
    if (callDownstream(downstream.port()) != 0) {
      try {
        std::thread([] { std::this_thread::sleep_for(50ms); }).detach();
      } catch (const std::system_error &) {
      }
    }
  const ChaosRecord record = chaos.finish();
  EXPECT_FALSE(record.passed);
  EXPECT_NE(record.verdict.find("threads"), std::string::npos)
      << record.verdict;
  std::this_thread::sleep_for(100ms);

  ChaosTest silent(
      {"inventory", "127.0.0.1", downstream.port(), Fault::Reset, 0ms, {}});
  callDownstream(downstream.port());
  EXPECT_EQ(silent.finish().verdict, "the failure did not surface");
}
