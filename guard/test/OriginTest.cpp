// Leak origins through every creation path, checked by function and line.
// Built several times (guard/test/CMakeLists.txt): with debug information
// (ORIGIN_DETAIL_LINES), without it (names), stripped (addresses); with the
// interposition library linked, or preloaded (ORIGIN_PRELOADED).
#include "unbounded/LeakCheck.h"
#include "unbounded/LeakOrigin.h"
#include "unbounded/ResourceCounter.h"

#include <atomic>
#include <condition_variable>
#include <fcntl.h>
#include <future>
#include <gtest/gtest.h>
#include <mutex>
#include <netinet/in.h>
#include <pthread.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#ifdef ORIGIN_HAS_BOOST
#include <boost/thread/thread.hpp>
#endif

using namespace unbounded::guard;

namespace {

/// A thread parks here until released, after publishing its tid.
struct Gate {
  std::mutex mutex;
  std::condition_variable changed;
  pid_t tid = 0;
  bool open = false;

  void park() {
    std::unique_lock<std::mutex> lock(mutex);
    tid = gettid();
    changed.notify_all();
    changed.wait(lock, [&] { return open; });
  }
  pid_t waitForTid() {
    std::unique_lock<std::mutex> lock(mutex);
    changed.wait(lock, [&] { return tid != 0; });
    return tid;
  }
  void release() {
    std::lock_guard<std::mutex> lock(mutex);
    open = true;
    changed.notify_all();
  }
};

Gate *gate = nullptr;

__attribute__((noinline)) void parkedWorker() { gate->park(); }

__attribute__((noinline)) void *parkedRoutine(void *) {
  gate->park();
  return nullptr;
}

struct Made {
  int line = 0;
  std::function<void()> cleanup;
};

// Each creation call shares its line with the __LINE__ that the test
// expects in the origin, so these stay as written.
// clang-format off
__attribute__((noinline)) Made startWithPthread() {
  pthread_t thread;
  pthread_create(&thread, nullptr, parkedRoutine, nullptr); const int line = __LINE__;
  return {line, [thread] { pthread_join(thread, nullptr); }};
}

__attribute__((noinline)) Made startWithStdThread() {
  auto *thread = new std::thread(parkedWorker); const int line = __LINE__;
  return {line, [thread] { thread->join(); delete thread; }};
}

#if __cplusplus >= 202002L
__attribute__((noinline)) Made startWithJthread() {
  auto *thread = new std::jthread(parkedWorker); const int line = __LINE__;
  return {line, [thread] { delete thread; }};
}
#endif

__attribute__((noinline)) Made startWithAsync() {
  auto *future = new std::future<void>(std::async(std::launch::async, parkedWorker)); const int line = __LINE__;
  return {line, [future] { future->wait(); delete future; }};
}

#ifdef ORIGIN_HAS_BOOST
__attribute__((noinline)) Made startWithBoostThread() {
  auto *thread = new boost::thread(parkedWorker); const int line = __LINE__;
  return {line, [thread] { thread->join(); delete thread; }};
}
#endif

// clang-format on

struct Expected {
  const char *function;
  const char *via;
  int line;
};

/// The origin as far as this build's symbols allow.
void expectSite(const LeakOrigin &origin, const Expected &expected) {
  ASSERT_TRUE(origin.recorded) << origin.describe(true);
#if defined(ORIGIN_DETAIL_LINES)
  EXPECT_EQ(origin.detail, SymbolDetail::Lines) << origin.describe(true);
  EXPECT_EQ(origin.site.function, expected.function) << origin.describe(true);
  EXPECT_EQ(origin.site.line, expected.line) << origin.describe(true);
  EXPECT_NE(origin.site.file.find("/guard/test/OriginTest.cpp"),
            std::string::npos)
      << origin.site.file;
  EXPECT_EQ(origin.site.file.find(".."), std::string::npos)
      << "absolute: " << origin.site.file;
  EXPECT_EQ(origin.via, expected.via) << origin.describe(true);
#elif defined(ORIGIN_DETAIL_NAMES)
  EXPECT_EQ(origin.detail, SymbolDetail::Names) << origin.describe(true);
  EXPECT_EQ(origin.site.function, expected.function) << origin.describe(true);
  EXPECT_NE(origin.describe(true).find("[no debug information: names only]"),
            std::string::npos);
#else
  EXPECT_EQ(origin.detail, SymbolDetail::Addresses) << origin.describe(true);
  EXPECT_TRUE(origin.site.function.empty()) << origin.describe(true);
  EXPECT_NE(origin.describe(true).find("[no symbols: addresses only]"),
            std::string::npos);
#endif
}

class OriginTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_TRUE(interpositionActive());
    previous_ = originCapture();
    setOriginCapture({true, true});
    gate = &gate_;
  }
  void TearDown() override {
    gate_.release();
    setOriginCapture(previous_);
  }

  /// Starts a thread through \p start and checks its origin while it parks.
  void checkThread(Made (*start)(), const Expected &expected,
                   const char *routine) {
    Made made = start();
    const LeakOrigin origin = threadOrigin(gate_.waitForTid());
    expectSite(origin, {expected.function, expected.via, made.line});
#if !defined(ORIGIN_DETAIL_ADDRESSES)
    EXPECT_EQ(origin.routine, routine) << origin.describe(true);
#endif
    gate_.release();
    made.cleanup();
  }

  Gate gate_;
  OriginCapture previous_;
};

} // namespace

TEST_F(OriginTest, PthreadCreate) {
  checkThread(startWithPthread,
              {"(anonymous namespace)::startWithPthread", "pthread_create", 0},
              "(anonymous namespace)::parkedRoutine");
}

TEST_F(OriginTest, StdThread) {
  checkThread(startWithStdThread,
              {"(anonymous namespace)::startWithStdThread", "std::thread", 0},
              "(anonymous namespace)::parkedWorker");
}

#if __cplusplus >= 202002L
TEST_F(OriginTest, StdJthread) {
  checkThread(startWithJthread,
              {"(anonymous namespace)::startWithJthread", "std::jthread", 0},
              "(anonymous namespace)::parkedWorker");
}
#endif

TEST_F(OriginTest, StdAsync) {
  checkThread(startWithAsync,
              {"(anonymous namespace)::startWithAsync", "std::async", 0},
              "(anonymous namespace)::parkedWorker");
}

#ifdef ORIGIN_HAS_BOOST
TEST_F(OriginTest, BoostThread) {
  checkThread(
      startWithBoostThread,
      {"(anonymous namespace)::startWithBoostThread", "boost::thread", 0},
      "(anonymous namespace)::parkedWorker");
}
#endif

namespace {

// clang-format off
__attribute__((noinline)) int openSocket(int &line) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0); line = __LINE__;
  return fd;
}

__attribute__((noinline)) int openFile(int &line) {
  const int fd = open("/dev/null", O_RDONLY); line = __LINE__;
  return fd;
}

__attribute__((noinline)) int openPipe(int &line, int &other) {
  int fds[2];
  const int result = pipe(fds); line = __LINE__;
  other = fds[1];
  return result == 0 ? fds[0] : -1;
}

__attribute__((noinline)) int openEventfd(int &line) {
  const int fd = eventfd(0, 0); line = __LINE__;
  return fd;
}

/// A connection accepted from a loopback listener.
__attribute__((noinline)) int acceptConnection(int &line, int &client, int &server) {
  server = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (bind(server, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 ||
      listen(server, 1) != 0 ||
      getsockname(server, reinterpret_cast<sockaddr *>(&address), &length) != 0)
    return -1;
  client = socket(AF_INET, SOCK_STREAM, 0);
  if (connect(client, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0)
    return -1;
  const int fd = accept(server, nullptr, nullptr); line = __LINE__;
  return fd;
}

// clang-format on

} // namespace

TEST_F(OriginTest, Socket) {
  int line = 0;
  const int fd = openSocket(line);
  ASSERT_GE(fd, 0);
  expectSite(fdOrigin(fd),
             {"(anonymous namespace)::openSocket", "socket", line});
  close(fd);
  EXPECT_FALSE(fdOrigin(fd).recorded) << "forgotten at close";
}

TEST_F(OriginTest, Open) {
  int line = 0;
  const int fd = openFile(line);
  ASSERT_GE(fd, 0);
  expectSite(fdOrigin(fd), {"(anonymous namespace)::openFile", "open", line});
  close(fd);
}

TEST_F(OriginTest, Pipe) {
  int line = 0, other = -1;
  const int fd = openPipe(line, other);
  ASSERT_GE(fd, 0);
  expectSite(fdOrigin(fd), {"(anonymous namespace)::openPipe", "pipe", line});
  expectSite(fdOrigin(other),
             {"(anonymous namespace)::openPipe", "pipe", line});
  close(fd);
  close(other);
}

TEST_F(OriginTest, Eventfd) {
  int line = 0;
  const int fd = openEventfd(line);
  ASSERT_GE(fd, 0);
  expectSite(fdOrigin(fd),
             {"(anonymous namespace)::openEventfd", "eventfd", line});
  close(fd);
}

TEST_F(OriginTest, Accept) {
  int line = 0, client = -1, server = -1;
  const int fd = acceptConnection(line, client, server);
  ASSERT_GE(fd, 0);
  expectSite(fdOrigin(fd),
             {"(anonymous namespace)::acceptConnection", "accept", line});
  for (int open : {fd, client, server})
    close(open);
}

TEST_F(OriginTest, NothingRecordedWhenCaptureIsOff) {
  setOriginCapture({false, false});
  int line = 0;
  const int fd = openSocket(line);
  ASSERT_GE(fd, 0);
  EXPECT_FALSE(fdOrigin(fd).recorded);
  EXPECT_EQ(
      fdOrigin(fd).describe(false),
      "creation site not recorded (origin capture was off when it was made)");
  close(fd);
}

TEST_F(OriginTest, LeakReportNamesTheSite) {
  LeakChecker checker(LeakOptions().retries(0));
  Made made = startWithStdThread();
  gate_.waitForTid();
  const Leaks leaks = checker.find();
  ASSERT_EQ(leaks.threads.size(), 1u);
  const std::string text = leaks.describe();
#if defined(ORIGIN_DETAIL_LINES)
  EXPECT_NE(text.find("started at (anonymous namespace)::startWithStdThread ("),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("OriginTest.cpp:" + std::to_string(made.line) +
                      ") via std::thread; runs "
                      "(anonymous namespace)::parkedWorker"),
            std::string::npos)
      << text;
#endif
  EXPECT_EQ(checker.find().fds.size(), 0u)
      << "symbolisation keeps no descriptor open";
  gate_.release();
  made.cleanup();
}

TEST_F(OriginTest, IgnoreRulesOnOrigins) {
  Made made = startWithStdThread();
  gate_.waitForTid();
  const ResourceSnapshot before; // empty: everything alive counts as new
  LeakOptions routine = LeakOptions().retries(0).threadsOnly();
  routine.ignoreStartRoutine("(anonymous namespace)::parkedWorker");
  LeakOptions any = LeakOptions().retries(0).threadsOnly();
  any.ignoreAnyFunction("*startWithStdThread");
  LeakOptions other = LeakOptions().retries(0).threadsOnly();
  other.ignoreAnyFunction("orders::*");
  const size_t all =
      findLeaks(before, LeakOptions().retries(0).threadsOnly()).threads.size();
#if !defined(ORIGIN_DETAIL_ADDRESSES)
  EXPECT_EQ(findLeaks(before, routine).threads.size(), all - 1);
  EXPECT_EQ(routine.ignoreRules[0].matches->load(), 1);
  EXPECT_EQ(findLeaks(before, any).threads.size(), all - 1);
  EXPECT_TRUE(staleRules(any.ignoreRules).empty());
#endif
  EXPECT_EQ(findLeaks(before, other).threads.size(), all);
  ASSERT_EQ(staleRules(other.ignoreRules).size(), 1u);
  EXPECT_EQ(staleRules(other.ignoreRules)[0].describe(),
            "any-function: orders::*");
  gate_.release();
  made.cleanup();
}
