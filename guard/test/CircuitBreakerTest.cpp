#include "unbounded/CircuitBreaker.h"

#include <gtest/gtest.h>
#include <vector>

using namespace unbounded::guard;
using namespace std::chrono_literals;

namespace {

/// A breaker on a clock the test moves by hand.
struct Fixture {
  CircuitBreakerSettings::Clock::time_point now{};
  std::vector<std::pair<BreakerState, BreakerState>> changes;

  CircuitBreakerSettings settings() {
    CircuitBreakerSettings s;
    s.name = "downstream";
    s.maxRequests = 2;
    s.interval = 10s;
    s.timeout = 30s;
    s.now = [this] { return now; };
    s.onStateChange = [this](const std::string &, BreakerState from,
                             BreakerState to) {
      changes.emplace_back(from, to);
    };
    return s;
  }
};

void fail(CircuitBreaker &breaker, int times) {
  for (int i = 0; i < times; ++i)
    EXPECT_THROW(
        breaker.execute([]() -> int { throw std::runtime_error("down"); }),
        std::runtime_error);
}

} // namespace

TEST(CircuitBreakerTest, TripsAfterMoreThanFiveConsecutiveFailures) {
  Fixture f;
  CircuitBreaker breaker(f.settings());
  fail(breaker, 5);
  EXPECT_EQ(breaker.state(), BreakerState::Closed);
  fail(breaker, 1);
  EXPECT_EQ(breaker.state(), BreakerState::Open);
  EXPECT_THROW(breaker.execute([] { return 1; }), CircuitOpenError);
  EXPECT_EQ(breaker.rejected(), 1u);
}

TEST(CircuitBreakerTest, OpenBecomesHalfOpenAfterTimeoutAndClosesOnSuccess) {
  Fixture f;
  CircuitBreaker breaker(f.settings());
  fail(breaker, 6);
  f.now += 29s;
  EXPECT_EQ(breaker.state(), BreakerState::Open);
  f.now += 1s;
  EXPECT_EQ(breaker.state(), BreakerState::HalfOpen);
  EXPECT_EQ(breaker.execute([] { return 7; }), 7);
  EXPECT_EQ(breaker.state(), BreakerState::HalfOpen);
  breaker.execute([] {});
  EXPECT_EQ(breaker.state(), BreakerState::Closed);
  ASSERT_EQ(f.changes.size(), 3u);
  EXPECT_EQ(f.changes[2].second, BreakerState::Closed);
}

TEST(CircuitBreakerTest, HalfOpenAdmitsAtMostMaxRequests) {
  Fixture f;
  CircuitBreaker breaker(f.settings());
  fail(breaker, 6);
  f.now += 30s;
  auto first = breaker.allow();
  auto second = breaker.allow();
  EXPECT_TRUE(first && second);
  EXPECT_FALSE(breaker.allow());
}

TEST(CircuitBreakerTest, FailureWhileHalfOpenReopens) {
  Fixture f;
  CircuitBreaker breaker(f.settings());
  fail(breaker, 6);
  f.now += 30s;
  fail(breaker, 1);
  EXPECT_EQ(breaker.state(), BreakerState::Open);
}

TEST(CircuitBreakerTest, IntervalClearsClosedCounts) {
  Fixture f;
  CircuitBreaker breaker(f.settings());
  fail(breaker, 5);
  EXPECT_EQ(breaker.counts().consecutiveFailures, 5u);
  f.now += 10s;
  EXPECT_EQ(breaker.counts().consecutiveFailures, 0u);
  fail(breaker, 1);
  EXPECT_EQ(breaker.state(), BreakerState::Closed);
}

TEST(CircuitBreakerTest, OutcomeFromAnEarlierGenerationIsIgnored) {
  Fixture f;
  CircuitBreaker breaker(f.settings());
  auto stale = breaker.allow();
  ASSERT_TRUE(stale);
  fail(breaker, 6);
  f.now += 30s;
  breaker.done(*stale,
               true); // admitted while closed; says nothing about half-open
  EXPECT_EQ(breaker.counts().totalSuccesses, 0u);
}

TEST(CircuitBreakerTest, CustomReadyToTrip) {
  Fixture f;
  CircuitBreakerSettings settings = f.settings();
  settings.readyToTrip = [](const BreakerCounts &counts) {
    return counts.totalFailures >= 2;
  };
  CircuitBreaker breaker(settings);
  fail(breaker, 2);
  EXPECT_EQ(breaker.state(), BreakerState::Open);
  EXPECT_STREQ(breakerStateName(breaker.state()), "open");
}
