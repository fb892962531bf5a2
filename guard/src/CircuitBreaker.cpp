#include "unbounded/CircuitBreaker.h"

namespace unbounded::guard {

const char *breakerStateName(BreakerState state) {
  switch (state) {
  case BreakerState::Closed:
    return "closed";
  case BreakerState::HalfOpen:
    return "half_open";
  case BreakerState::Open:
    return "open";
  }
  return "unknown";
}

CircuitOpenError::CircuitOpenError(const std::string &name, BreakerState state)
    : std::runtime_error("circuit breaker '" + name + "' is " +
                         breakerStateName(state)),
      state_(state) {}

CircuitBreaker::CircuitBreaker(CircuitBreakerSettings settings)
    : settings_(std::move(settings)) {
  if (settings_.maxRequests == 0)
    settings_.maxRequests = 1;
  if (settings_.timeout.count() <= 0)
    settings_.timeout = std::chrono::seconds(60);
  if (!settings_.readyToTrip)
    settings_.readyToTrip = [](const BreakerCounts &counts) {
      return counts.consecutiveFailures > 5;
    };
  if (!settings_.now)
    settings_.now = [] { return CircuitBreakerSettings::Clock::now(); };
  std::lock_guard<std::mutex> lock(mutex_);
  newGenerationLocked(settings_.now());
}

std::optional<CircuitBreaker::Ticket> CircuitBreaker::allow() {
  std::lock_guard<std::mutex> lock(mutex_);
  const BreakerState state = currentStateLocked(settings_.now());
  const bool refused = state == BreakerState::Open ||
                       (state == BreakerState::HalfOpen &&
                        counts_.requests >= settings_.maxRequests);
  if (refused) {
    ++rejected_;
    return std::nullopt;
  }
  ++counts_.requests;
  return Ticket{generation_};
}

void CircuitBreaker::done(Ticket ticket, bool success) {
  std::lock_guard<std::mutex> lock(mutex_);
  const TimePoint now = settings_.now();
  const BreakerState state = currentStateLocked(now);
  if (ticket.generation != generation_)
    return; // admitted before a state change: its outcome says nothing now
  if (success)
    onSuccessLocked(state, now);
  else
    onFailureLocked(state, now);
}

BreakerState CircuitBreaker::state() {
  std::lock_guard<std::mutex> lock(mutex_);
  return currentStateLocked(settings_.now());
}

BreakerCounts CircuitBreaker::counts() {
  std::lock_guard<std::mutex> lock(mutex_);
  currentStateLocked(settings_.now());
  return counts_;
}

uint64_t CircuitBreaker::rejected() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return rejected_;
}

BreakerState CircuitBreaker::currentStateLocked(TimePoint now) {
  const bool expired = expiry_ != TimePoint{} && expiry_ <= now;
  if (state_ == BreakerState::Closed && expired)
    newGenerationLocked(now);
  if (state_ == BreakerState::Open && expired)
    setStateLocked(BreakerState::HalfOpen, now);
  return state_;
}

void CircuitBreaker::setStateLocked(BreakerState next, TimePoint now) {
  if (state_ == next)
    return;
  const BreakerState previous = state_;
  state_ = next;
  newGenerationLocked(now);
  if (settings_.onStateChange)
    settings_.onStateChange(settings_.name, previous, next);
}

void CircuitBreaker::newGenerationLocked(TimePoint now) {
  ++generation_;
  counts_ = {};
  expiry_ = TimePoint{};
  if (state_ == BreakerState::Closed && settings_.interval.count() > 0)
    expiry_ = now + settings_.interval;
  if (state_ == BreakerState::Open)
    expiry_ = now + settings_.timeout;
}

void CircuitBreaker::onSuccessLocked(BreakerState state, TimePoint now) {
  ++counts_.totalSuccesses;
  ++counts_.consecutiveSuccesses;
  counts_.consecutiveFailures = 0;
  if (state == BreakerState::HalfOpen &&
      counts_.consecutiveSuccesses >= settings_.maxRequests)
    setStateLocked(BreakerState::Closed, now);
}

void CircuitBreaker::onFailureLocked(BreakerState state, TimePoint now) {
  ++counts_.totalFailures;
  ++counts_.consecutiveFailures;
  counts_.consecutiveSuccesses = 0;
  if (state == BreakerState::HalfOpen || settings_.readyToTrip(counts_))
    setStateLocked(BreakerState::Open, now);
}

} // namespace unbounded::guard
