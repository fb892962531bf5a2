#include "unbounded/ResourceLimit.h"

#include "unbounded/LeakCheck.h"

#include <algorithm>
#include <cerrno>
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

using namespace unbounded::guard;

TEST(ResourceLimitTest, FdLimitMakesSocketCreationFailWithEmfile) {
  std::vector<int> opened;
  int error = 0;
  int highest = 0;
  for (const FdInfo &fd : ResourceSnapshot::take().fds)
    highest = std::max(highest, fd.fd);
  const int limitValue = highest + 1 + 64;
  {
    ScopedFdLimit limit(static_cast<rlim_t>(limitValue));
    for (int i = 0; i < 1000; ++i) {
      const int fd = socket(AF_INET, SOCK_STREAM, 0);
      if (fd < 0) {
        error = errno;
        break;
      }
      opened.push_back(fd);
    }
  }
  for (int fd : opened) {
    EXPECT_LT(fd, limitValue);
    close(fd);
  }
  EXPECT_EQ(error, EMFILE);
  EXPECT_GE(opened.size(), 64u); // plus any gaps below the highest descriptor
  EXPECT_LT(opened.size(), 1000u);
}

TEST(ResourceLimitTest, PreviousLimitIsRestored) {
  rlimit before{};
  getrlimit(RLIMIT_NOFILE, &before);
  {
    ScopedFdLimit limit(200);
    rlimit during{};
    getrlimit(RLIMIT_NOFILE, &during);
    EXPECT_EQ(during.rlim_cur, 200u);
    EXPECT_EQ(limit.previous(), before.rlim_cur);
  }
  rlimit after{};
  getrlimit(RLIMIT_NOFILE, &after);
  EXPECT_EQ(after.rlim_cur, before.rlim_cur);
}

TEST(ResourceLimitTest, ValueAboveTheHardLimitThrows) {
  rlimit current{};
  getrlimit(RLIMIT_NOFILE, &current);
  if (current.rlim_max == RLIM_INFINITY)
    GTEST_SKIP() << "no hard limit to exceed";
  EXPECT_THROW(ScopedFdLimit(current.rlim_max + 1), std::system_error);
}
