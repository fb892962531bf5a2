#include "unbounded/LeakCheck.h"

#include <atomic>
#include <chrono>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <pthread.h>
#include <stdexcept>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace unbounded::guard;

namespace {

/// A thread that names itself and waits until released.
class ParkedThread {
public:
  explicit ParkedThread(const char *name)
      : thread_([this, name] {
          pthread_setname_np(pthread_self(), name);
          named_ = true;
          while (!released_)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }) {
    while (!named_)
      std::this_thread::yield();
  }
  ~ParkedThread() {
    released_ = true;
    thread_.join();
  }

private:
  std::atomic<bool> named_{false};
  std::atomic<bool> released_{false};
  std::thread thread_;
};

LeakOptions quick() { return LeakOptions().retries(2); }

} // namespace

TEST(LeakCheckTest, CleanCodePasses) {
  LeakChecker checker;
  std::thread([] {}).join();
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  close(fd);
  const Leaks leaks = checker.find();
  EXPECT_TRUE(leaks.empty()) << leaks.describe();
}

TEST(LeakCheckTest, LeakedThreadIsReportedWithItsName) {
  LeakChecker checker(quick());
  ParkedThread leaked("leaky-worker");
  const Leaks leaks = checker.find();
  ASSERT_EQ(leaks.threads.size(), 1u) << leaks.describe();
  EXPECT_EQ(leaks.threads[0].name, "leaky-worker");
  EXPECT_TRUE(leaks.fds.empty()) << leaks.describe();
  EXPECT_EQ(leaks.attempts, 3);
  EXPECT_NE(leaks.describe().find("'leaky-worker'"), std::string::npos);
}

TEST(LeakCheckTest, LeakedSocketIsReportedAsSocket) {
  LeakChecker checker(quick());
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  const Leaks leaks = checker.find();
  close(fd);
  ASSERT_EQ(leaks.fds.size(), 1u) << leaks.describe();
  EXPECT_EQ(leaks.fds[0].fd, fd);
  EXPECT_EQ(leaks.fds[0].kind, FdKind::Socket);
  EXPECT_EQ(leaks.fds[0].target.rfind("socket:[", 0), 0u);
  EXPECT_TRUE(checker.find().empty());
}

TEST(LeakCheckTest, PipesAndFilesAreClassified) {
  LeakChecker checker(quick());
  int ends[2];
  ASSERT_EQ(pipe(ends), 0);
  const int file = open("/proc/self/status", O_RDONLY);
  const Leaks leaks = checker.find();
  close(ends[0]);
  close(ends[1]);
  close(file);
  ASSERT_EQ(leaks.fds.size(), 3u) << leaks.describe();
  EXPECT_EQ(leaks.fds[0].kind, FdKind::Pipe);
  EXPECT_EQ(leaks.fds[1].kind, FdKind::Pipe);
  EXPECT_EQ(leaks.fds[2].kind, FdKind::File);
}

TEST(LeakCheckTest, ExitingThreadIsNotBlamed) {
  LeakChecker checker;
  std::thread([] {
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
  }).detach();
  const Leaks leaks = checker.find();
  EXPECT_TRUE(leaks.empty()) << leaks.describe();
  EXPECT_GT(leaks.attempts, 1);
}

TEST(LeakCheckTest, WhatExistedBeforeTheBaselineIsIgnored) {
  ParkedThread old("old-worker");
  const int fd = socket(AF_INET, SOCK_DGRAM, 0);
  LeakChecker checker(quick());
  EXPECT_TRUE(checker.find().empty());
  close(fd);
}

TEST(LeakCheckTest, ReusedDescriptorNumberIsANewDescriptor) {
  int ends[2];
  ASSERT_EQ(pipe(ends), 0);
  close(ends[1]);
  LeakChecker checker(quick());
  close(ends[0]);
  const int fd = socket(AF_INET, SOCK_STREAM, 0); // takes ends[0]'s number
  const Leaks leaks = checker.find();
  close(fd);
  ASSERT_EQ(leaks.fds.size(), 1u) << leaks.describe();
  EXPECT_EQ(leaks.fds[0].kind, FdKind::Socket);
}

TEST(LeakCheckTest, IgnoreOptionsSilenceMatches) {
  LeakChecker checker(quick().ignoreThread("leaky-").ignoreFd("socket:"));
  ParkedThread leaked("leaky-ignored");
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  EXPECT_TRUE(checker.find().empty());
  close(fd);
}

TEST(LeakCheckTest, ThreadsOnlyAndFdsOnly) {
  const ResourceSnapshot baseline = ResourceSnapshot::take();
  ParkedThread leaked("leaky-both");
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  const Leaks threads = findLeaks(baseline, quick().threadsOnly());
  const Leaks fds = findLeaks(baseline, quick().fdsOnly());
  close(fd);
  EXPECT_EQ(threads.threads.size(), 1u);
  EXPECT_TRUE(threads.fds.empty());
  EXPECT_TRUE(fds.threads.empty());
  EXPECT_EQ(fds.fds.size(), 1u);
}

TEST(LeakCheckTest, MisuseIsRejected) {
  EXPECT_THROW(LeakChecker(LeakOptions().retries(-1)), std::invalid_argument);
  LeakOptions nothing;
  nothing.checkThreads = false;
  nothing.checkFds = false;
  EXPECT_THROW(findLeaks(ResourceSnapshot::take(), nothing),
               std::invalid_argument);
  LeakOptions backwards;
  backwards.maxBackoff = std::chrono::microseconds(1);
  EXPECT_THROW(backwards.validate(), std::invalid_argument);
}

TEST(LeakCheckTest, CountsMatchSnapshots) {
  const ResourceSnapshot now = ResourceSnapshot::take();
  EXPECT_EQ(liveThreadCount(), static_cast<int>(now.threads.size()));
  EXPECT_EQ(openFdCount(), static_cast<int>(now.fds.size()));
  const int before = openSocketCount();
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  EXPECT_EQ(openSocketCount(), before + 1);
  close(fd);
}
