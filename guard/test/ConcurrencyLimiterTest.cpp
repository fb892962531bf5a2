#include "unbounded/ConcurrencyLimiter.h"

#include <gtest/gtest.h>
#include <thread>

using namespace unbounded::guard;
using namespace std::chrono_literals;

TEST(ConcurrencyLimiterTest, ZeroLimitIsRejected) {
  EXPECT_THROW(ConcurrencyLimiter(0), std::invalid_argument);
}

TEST(ConcurrencyLimiterTest, PermitsAreBoundedAndReturnedByRaii) {
  ConcurrencyLimiter limiter(2, "db");
  {
    auto first = limiter.tryAcquire();
    auto second = limiter.tryAcquire();
    ASSERT_TRUE(first && second);
    EXPECT_FALSE(limiter.tryAcquire());
    EXPECT_EQ(limiter.stats().inUse, 2u);
  }
  EXPECT_EQ(limiter.stats().inUse, 0u);
  EXPECT_EQ(limiter.stats().peakInUse, 2u);
  EXPECT_EQ(limiter.stats().rejected, 1u);
  EXPECT_EQ(limiter.stats().acquired, 2u);
}

TEST(ConcurrencyLimiterTest, MovedPermitIsReleasedOnce) {
  ConcurrencyLimiter limiter(1);
  auto permit = limiter.tryAcquire();
  ASSERT_TRUE(permit);
  ConcurrencyLimiter::Permit moved = std::move(*permit);
  permit.reset();
  EXPECT_EQ(limiter.stats().inUse, 1u);
  moved.release();
  moved.release();
  EXPECT_EQ(limiter.stats().inUse, 0u);
}

TEST(ConcurrencyLimiterTest, AcquireForTimesOut) {
  ConcurrencyLimiter limiter(1);
  auto held = limiter.acquire();
  EXPECT_FALSE(limiter.acquireFor(2ms));
  EXPECT_EQ(limiter.stats().rejected, 1u);
}

TEST(ConcurrencyLimiterTest, AcquireWaitsForARelease) {
  ConcurrencyLimiter limiter(1);
  auto held = std::make_optional(limiter.acquire());
  std::thread waiter([&] { auto permit = limiter.acquire(); });
  std::this_thread::sleep_for(5ms);
  held.reset();
  waiter.join();
  EXPECT_EQ(limiter.stats().acquired, 2u);
}
